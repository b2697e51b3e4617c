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

/** A readable type: `string`, `string | null`, `array of string`, `object`, `enum`, or `any`. */
export function describeType(schema: unknown): string {
  if (!isRecord(schema)) return 'any';
  const type = schema['type'];
  if (typeof type === 'string') {
    if (type === 'array') {
      const items = schema['items'];
      return isRecord(items) ? `array of ${describeType(items)}` : 'array';
    }
    return type;
  }
  if (Array.isArray(type)) return type.filter((part): part is string => typeof part === 'string').join(' | ') || 'any';
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      return [...new Set(options.map(describeType))].join(' | ');
    }
  }
  if (Array.isArray(schema['enum'])) return 'enum';
  if (typeof schema['$ref'] === 'string') return `ref ${schema['$ref']}`;
  if (isRecord(schema['properties'])) return 'object';
  return 'any';
}

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));

export function parameterRows(inputSchema: Record<string, unknown>): ParameterRow[] {
  const properties = inputSchema['properties'];
  if (!isRecord(properties)) return [];
  const required = new Set(Array.isArray(inputSchema['required']) ? inputSchema['required'].filter((name) => typeof name === 'string') : []);
  const rows = Object.entries(properties).map(([name, schema]): ParameterRow => {
    const record = isRecord(schema) ? schema : {};
    const enumValues = Array.isArray(record['enum']) ? record['enum'].map(show) : undefined;
    return {
      name,
      type: describeType(schema),
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
