// A YAML writer for policy documents, written for one reader: Intercept's Go YAML parser (yaml.v3).
// Every string is double-quoted and escaped to pure ASCII, so no tool name can start a comment, an
// anchor, a merge key (`<<`), a boolean (`yes`), a line break (NEL, U+2028) or a BOM. General YAML
// libraries leave some of those raw inside quotes; this one has nothing to configure.

export type YamlValue = string | number | boolean | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/** Keys the policy formats define, written bare; any other key (tool names) is quoted. */
const BARE_KEYS = new Set([
  'version',
  'description',
  'default',
  'hide',
  'tools',
  'rules',
  'name',
  'action',
  'rate_limit',
  'conditions',
  'on_deny',
  'path',
  'op',
  'value',
  'state',
  'counter',
  'window',
  'increment',
  'increment_from',
]);

/** YAML's implicit keys end within 1024 characters; longer ones need the explicit `? key` form. */
const IMPLICIT_KEY_LIMIT = 1000;

const SHORT_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\0': '\\0' };

/** A double-quoted YAML scalar in printable ASCII. Throws on a lone surrogate: it has no exact form. */
export function quoteYamlString(text: string): string {
  let out = '"';
  for (const char of text) {
    const short = SHORT_ESCAPES[char];
    if (short !== undefined) {
      out += short;
      continue;
    }
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x20 && code <= 0x7e) out += char;
    else if (code >= 0xd800 && code <= 0xdfff) throw new Error('a lone UTF-16 surrogate cannot be written to YAML');
    else if (code <= 0xff) out += `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += `\\U${code.toString(16).toUpperCase().padStart(8, '0')}`;
  }
  return `${out}"`;
}

function scalar(value: string | number | boolean): string {
  if (typeof value === 'string') return quoteYamlString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} to YAML`);
    return String(value);
  }
  return value ? 'true' : 'false';
}

function isScalar(value: YamlValue): value is string | number | boolean {
  return typeof value !== 'object';
}

function isEmpty(value: YamlValue): boolean {
  return Array.isArray(value) ? value.length === 0 : typeof value === 'object' && Object.keys(value).length === 0;
}

function key(name: string): string {
  return BARE_KEYS.has(name) ? name : quoteYamlString(name);
}

/** Lines of a node that sits after `key:` or `- `; returns the text for the same line and the lines below. */
function node(value: YamlValue, indent: number): { inline: string; lines: string[] } {
  if (isScalar(value)) return { inline: ` ${scalar(value)}`, lines: [] };
  if (isEmpty(value)) return { inline: Array.isArray(value) ? ' []' : ' {}', lines: [] };
  return { inline: '', lines: block(value, indent) };
}

function block(value: readonly YamlValue[] | { readonly [key: string]: YamlValue }, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value as readonly YamlValue[]) {
      if (isScalar(item) || isEmpty(item) || Array.isArray(item)) {
        const child = node(item, indent + 2);
        lines.push(`${pad}-${child.inline}`, ...child.lines);
        continue;
      }
      // A mapping item: its first pair on the dash line, the rest aligned under it.
      const inner = block(item, indent + 2);
      lines.push(`${pad}- ${inner[0]?.slice(indent + 2) ?? ''}`, ...inner.slice(1));
    }
    return lines;
  }
  for (const name of Object.keys(value)) {
    const child = node((value as Record<string, YamlValue>)[name] as YamlValue, indent + 2);
    const written = key(name);
    if (written.length > IMPLICIT_KEY_LIMIT) lines.push(`${pad}? ${written}`, `${pad}:${child.inline}`, ...child.lines);
    else lines.push(`${pad}${written}:${child.inline}`, ...child.lines);
  }
  return lines;
}

/** A YAML document for a mapping, keys in insertion order, ending in one newline. */
export function toYaml(document: { readonly [key: string]: YamlValue }): string {
  return `${block(document, 0).join('\n')}\n`;
}
