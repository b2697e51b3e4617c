// Turns a tool's inputSchema (untrusted JSON) into the rows of a parameters table.

export type ParameterRow = {
  name: string;
  type: string;
  required: boolean;
  description: string | undefined;
  enumValues: string[] | undefined;
  defaultValue: string | undefined;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** How deep `describeType` follows nested schemas and $refs: a schema is untrusted and may nest or refer to itself without end. */
const MAX_DEPTH = 8;

/** Python type names (FastMCP's `x-python-type`) as the JSON Schema types they stand for. */
const PYTHON_TYPES: Record<string, string> = {
  str: 'string',
  int: 'integer',
  float: 'number',
  bool: 'boolean',
  None: 'null',
  NoneType: 'null',
  bytes: 'string',
  dict: 'object',
  Dict: 'object',
  Mapping: 'object',
  list: 'array',
  List: 'array',
  Sequence: 'array',
  tuple: 'array',
  Tuple: 'array',
  set: 'array',
  Set: 'array',
  Any: 'any',
};

/** Splits `a, b[c, d]` (or on `|`) at bracket depth 0. */
function splitTop(text: string, separator: ',' | '|'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '[') depth++;
    else if (char === ']') depth--;
    else if (char === separator && depth === 0) {
      parts.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  parts.push(text.slice(from).trim());
  return parts.filter((part) => part !== '');
}

/** The values of a `Literal['a', 'b', 3]`, as JSON values; undefined for anything else. */
function pythonLiteral(hint: string): unknown[] | undefined {
  const match = /^(?:typing\.)?Literal\[(.*)\]$/s.exec(hint.trim());
  if (!match) return undefined;
  return splitTop(match[1] ?? '', ',').map((part) => {
    if (/^(['"]).*\1$/s.test(part)) return part.slice(1, -1);
    if (part === 'True' || part === 'False') return part === 'True';
    if (part === 'None') return null;
    const number = Number(part);
    return Number.isFinite(number) ? number : part;
  });
}

/** The alternatives a Python type annotation allows, as JSON Schema types: `Optional[list[str]]` is `array of string`, `null`. */
function pythonTypes(hint: string, depth: number): string[] {
  const text = hint.trim().replace(/^typing\./, '');
  if (depth > MAX_DEPTH) return ['any'];
  const union = splitTop(text, '|');
  if (union.length > 1) return union.flatMap((part) => pythonTypes(part, depth + 1));
  const literal = pythonLiteral(text);
  if (literal) return valueTypes(literal);
  const generic = /^([A-Za-z_][A-Za-z0-9_.]*)\[(.*)\]$/s.exec(text);
  const head = (generic?.[1] ?? text).replace(/^typing\./, '');
  const args = generic ? splitTop(generic[2] ?? '', ',') : [];
  if (head === 'Optional') return [...pythonTypes(args[0] ?? 'Any', depth + 1), 'null'];
  if (head === 'Union') return args.flatMap((part) => pythonTypes(part, depth + 1));
  if (head === 'Annotated') return pythonTypes(args[0] ?? 'Any', depth + 1);
  const type = PYTHON_TYPES[head];
  if (type === 'array' && args.length === 1) return [arrayOf(pythonTypes(args[0] as string, depth + 1))];
  if (type) return [type];
  // A class of the server's own (a pydantic model, an enum): its name says more than `any`.
  return /^[A-Za-z_][A-Za-z0-9_.]{0,59}$/.test(head) ? [`Python ${head}`] : ['any'];
}

/** The JSON types of literal values, each once: `["a", 1]` is `string`, `integer`. */
function valueTypes(values: readonly unknown[]): string[] {
  const types = values.map((value) =>
    value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value,
  );
  return unique(types.filter((type) => ['string', 'integer', 'number', 'boolean', 'null', 'array', 'object'].includes(type)));
}

const unique = (types: readonly string[]): string[] => [...new Set(types)];

function arrayOf(items: readonly string[]): string {
  const known = items.filter((type) => type !== 'any');
  if (known.length === 0) return 'array';
  return known.length === 1 ? `array of ${known[0]}` : `array of (${known.join(' | ')})`;
}

/** The schema a local `$ref` (`#/$defs/Name`, `#/definitions/Name`, `#/properties/x`) points at inside `root`. */
function resolveRef(ref: string, root: Record<string, unknown> | undefined): unknown {
  if (!root || !ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isRecord(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** Every type a schema allows, as readable alternatives (`string`, `array of integer`, `object (Filters)`, `null`). */
function typesOf(schema: unknown, root: Record<string, unknown> | undefined, depth: number, refs: ReadonlySet<string>): string[] {
  if (schema === true) return ['any'];
  if (schema === false) return ['never'];
  if (!isRecord(schema) || depth > MAX_DEPTH) return ['any'];
  const next = (child: unknown, seen = refs) => typesOf(child, root, depth + 1, seen);
  // `{"not": {}}` admits no value (pydantic writes it for a field that must be absent).
  const not = schema['not'];
  if ((not === true || (isRecord(not) && Object.keys(not).length === 0)) && Object.keys(schema).length === 1) return ['never'];
  const type = schema['type'];
  const declared = typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((part): part is string => typeof part === 'string') : [];
  if (declared.length > 0) {
    return declared.map((name) => {
      if (name === 'array') {
        const items = schema['items'];
        return isRecord(items) ? arrayOf(next(items)) : 'array';
      }
      const format = schema['format'];
      return name === 'string' && typeof format === 'string' && /^[A-Za-z0-9_-]{1,30}$/.test(format) ? `string (${format})` : name;
    });
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      const types = unique(options.flatMap((option) => next(option)).filter((part) => part !== 'never'));
      return types.length > 0 ? types : ['never'];
    }
  }
  const allOf = schema['allOf'];
  if (Array.isArray(allOf) && allOf.length > 0) {
    const members = allOf.map((member) => next(member).filter((part) => part !== 'any')).filter((types) => types.length > 0);
    if (members.length > 0) {
      // Every member must hold: the alternatives all of them allow, else the most specific (the last) member's.
      const common = members.reduce((left, right) => left.filter((part) => right.includes(part)));
      return common.length > 0 ? common : (members[members.length - 1] as string[]);
    }
  }
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const target = refs.has(ref) ? undefined : resolveRef(ref, root);
    if (target === undefined) return [`ref ${ref}`];
    const name = /^#\/(?:\$defs|definitions)\/([^/]+)$/.exec(ref)?.[1];
    return next(target, new Set([...refs, ref])).map((part) => (part === 'object' && name ? `object (${name})` : part));
  }
  if ('const' in schema) return valueTypes([schema['const']]);
  if (Array.isArray(schema['enum'])) {
    const types = valueTypes(schema['enum']);
    return types.length > 0 ? types : ['enum'];
  }
  if (isRecord(schema['properties'])) return ['object'];
  if (isRecord(schema['items'])) return [arrayOf(next(schema['items']))];
  const hint = schema['x-python-type'];
  if (typeof hint === 'string' && hint.length <= 2000) return unique(pythonTypes(hint, depth));
  return ['any'];
}

/**
 * A readable type: `string`, `string | null`, `array of string`, `object (Filters)`, or `any` when the
 * schema says nothing. Reads JSON types, formats, anyOf/oneOf/allOf, const and enum values, $refs
 * into `root` (the whole inputSchema) and FastMCP's `x-python-type` when no JSON type is given.
 */
export function describeType(schema: unknown, root?: Record<string, unknown>): string {
  return unique(typesOf(schema, root, 0, new Set())).join(' | ');
}

/** The values a parameter may take: its enum, its const, or the values of an `x-python-type` Literal. */
function allowedValues(schema: Record<string, unknown>): unknown[] | undefined {
  if (Array.isArray(schema['enum'])) return schema['enum'];
  if ('const' in schema) return [schema['const']];
  const hint = schema['x-python-type'];
  if (schema['type'] === undefined && typeof hint === 'string' && hint.length <= 2000) return pythonLiteral(hint);
  return undefined;
}

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));

export function parameterRows(inputSchema: Record<string, unknown>): ParameterRow[] {
  const properties = inputSchema['properties'];
  if (!isRecord(properties)) return [];
  const required = new Set(Array.isArray(inputSchema['required']) ? inputSchema['required'].filter((name) => typeof name === 'string') : []);
  const rows = Object.entries(properties).map(([name, schema]): ParameterRow => {
    const record = isRecord(schema) ? schema : {};
    const enumValues = allowedValues(record)?.map(show);
    return {
      name,
      type: describeType(schema, inputSchema),
      required: required.has(name),
      description: typeof record['description'] === 'string' ? record['description'] : undefined,
      enumValues,
      defaultValue: 'default' in record ? show(record['default']) : undefined,
    };
  });
  // Required first, then by name: the table reads the same on every build.
  return rows.sort((a, b) => Number(b.required) - Number(a.required) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** "3 parameters, 1 required" / "no parameters": never "00 required". */
export function parameterSummary(rows: readonly ParameterRow[]): string {
  if (rows.length === 0) return 'no parameters';
  const required = rows.filter((row) => row.required).length;
  return `${rows.length} parameter${rows.length === 1 ? '' : 's'}, ${required} required`;
}
