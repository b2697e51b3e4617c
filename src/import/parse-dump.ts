// Reads a tools/list dump in any of the shapes people save them in and returns the tools per server,
// with an error line for every row that cannot be used. Valid rows are never dropped for a bad neighbour.
import { excerpt } from '../lib/excerpt';
import { McpTool, describeIssues } from '../schema';

/** A tool that passed the schema, with where it came from and anything it breaks in the MCP spec. */
export type ParsedTool = { definition: McpTool; where: string; notes: string[] };
export type ParsedDump = {
  /** Tools per server name, in input order. */
  servers: Map<string, ParsedTool[]>;
  errors: string[];
  /**
   * Servers with a row that was rejected, and whether a rejected row named no server (a line that is
   * not JSON: the tail of a truncated file, say). importDump writes none of them, and in the second
   * case none of the file's servers: an incomplete list would read as tools removed.
   */
  incomplete: { servers: Set<string>; unknownServer: boolean };
  shape: 'tool-array' | 'tools-result' | 'jsonl';
};

const MCP_TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

/** Where a definition that the schema accepts still breaks the MCP spec; the tool is kept with these notes. */
export function specNotes(definition: McpTool): string[] {
  const notes: string[] = [];
  if (definition.inputSchema['type'] !== 'object') {
    notes.push('inputSchema has no `type: "object"`, which the MCP spec requires; kept as sent');
  }
  const nulls = Object.entries(definition.annotations ?? {}).filter(([, value]) => value === null).map(([key]) => key);
  if (nulls.length > 0) notes.push(`annotations ${nulls.join(', ')} sent as null, which the MCP spec does not allow; read as absent`);
  if (!MCP_TOOL_NAME.test(definition.name)) {
    notes.push('the name is not 1-128 characters of A-Z, a-z, 0-9, _, - and . as the MCP spec recommends');
  }
  return notes;
}

/** Drops `null` values at the top level of a tool (several dumps write `"title": null` for "absent"). */
function withoutNulls(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([key, value]) => value !== null || key === 'annotations'));
}

function serverNameOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim().length > 0) return value.trim();
  if (value !== null && typeof value === 'object') {
    const name = (value as { name?: unknown }).name;
    if (typeof name === 'string' && name.trim().length > 0) return name.trim();
  }
  return undefined;
}

function parsesAsJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export type ParseOptions = {
  /** The server the tools belong to, for shapes that do not say (required for a bare array). */
  server?: string;
  /** Keys that are not part of a tool and are dropped from JSONL rows besides `server`. */
  dropKeys?: readonly string[];
};

export function parseDump(text: string, file: string, options: ParseOptions = {}): ParsedDump {
  const servers = new Map<string, ParsedTool[]>();
  const errors: string[] = [];
  const incomplete = { servers: new Set<string>(), unknownServer: false };
  const drop = new Set(['server', ...(options.dropKeys ?? [])]);

  const addTool = (server: string, raw: unknown, where: string) => {
    if (!isObject(raw)) {
      errors.push(`${where}, server ${excerpt(server)}: a tool must be a JSON object`);
      incomplete.servers.add(server);
      return;
    }
    const candidate = withoutNulls(Object.fromEntries(Object.entries(raw).filter(([key]) => !drop.has(key))));
    const result = McpTool.safeParse(candidate);
    if (!result.success) {
      const name = typeof raw['name'] === 'string' ? raw['name'] : undefined;
      errors.push(...describeIssues(result.error, { where, server, ...(name !== undefined ? { tool: name } : {}) }));
      incomplete.servers.add(server);
      return;
    }
    const list = servers.get(server) ?? [];
    if (list.some((tool) => tool.definition.name === result.data.name)) {
      errors.push(`${where}, server ${excerpt(server)}, tool ${excerpt(result.data.name)}: duplicate tool name; the first definition is kept`);
      return;
    }
    list.push({ definition: result.data, where, notes: specNotes(result.data) });
    servers.set(server, list);
  };

  let whole: unknown;
  let wholeParsed = true;
  let wholeError = '';
  try {
    whole = JSON.parse(text);
  } catch (error) {
    wholeParsed = false;
    wholeError = (error as Error).message;
  }
  // A pretty-printed document that does not parse (truncated, most often) is one error, not one per line.
  const firstLine = text.split('\n').find((line) => line.trim().length > 0) ?? '';
  if (!wholeParsed && /^\s*[[{]/.test(text) && !parsesAsJson(firstLine)) {
    errors.push(`${file}: not valid JSON (${excerpt(wholeError, 80)}); nothing imported from it`);
    return { servers, errors, incomplete: { servers: new Set(), unknownServer: true }, shape: 'tools-result' };
  }

  const treatAsRows = !wholeParsed || (isObject(whole) && !Array.isArray(whole['tools']) && !isObject(whole['result']) && 'server' in whole);
  if (!treatAsRows && Array.isArray(whole)) {
    const server = options.server;
    if (!server) {
      errors.push(`${file}: a JSON array of tools does not say which server it belongs to; pass --server NAME`);
      return { servers, errors, incomplete, shape: 'tool-array' };
    }
    whole.forEach((raw, index) => addTool(server, raw, `${file} [${index}]`));
    return { servers, errors, incomplete, shape: 'tool-array' };
  }
  if (!treatAsRows && isObject(whole)) {
    // `{tools}`, a saved `tools/list` result, or a whole JSON-RPC response `{result:{tools}}`.
    const result = isObject(whole['result']) ? whole['result'] : whole;
    const server = options.server ?? serverNameOf(whole['server']) ?? serverNameOf(result['serverInfo']) ?? serverNameOf(whole['serverInfo']);
    if (!Array.isArray(result['tools'])) {
      errors.push(`${file}: expected a JSON array of tools, an object with a "tools" array, or JSONL rows with a "server" field`);
      return { servers, errors, incomplete, shape: 'tools-result' };
    }
    if (!server) {
      errors.push(`${file}: the dump does not name its server (no "server" or "serverInfo.name"); pass --server NAME`);
      return { servers, errors, incomplete, shape: 'tools-result' };
    }
    result['tools'].forEach((raw, index) => addTool(server, raw, `${file} tools[${index}]`));
    return { servers, errors, incomplete, shape: 'tools-result' };
  }

  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    if (line.trim().length === 0) return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (error) {
      errors.push(`${where}: not valid JSON (${excerpt((error as Error).message, 80)})`);
      incomplete.unknownServer = true;
      return;
    }
    if (!isObject(row)) {
      errors.push(`${where}: a row must be a JSON object`);
      incomplete.unknownServer = true;
      return;
    }
    const server = serverNameOf(row['server']) ?? options.server;
    if (!server) {
      errors.push(`${where}${typeof row['name'] === 'string' ? `, tool ${excerpt(row['name'])}` : ''}, field server: missing; each row needs the server it belongs to`);
      incomplete.unknownServer = true;
      return;
    }
    if ('tools' in row && !Array.isArray(row['tools'])) {
      errors.push(`${where}, server ${excerpt(server)}, field tools: expected an array of tools (value ${excerpt(row['tools'])})`);
      incomplete.servers.add(server);
      return;
    }
    addTool(server, isObject(row['tool']) ? row['tool'] : row, where);
  });
  return { servers, errors, incomplete, shape: 'jsonl' };
}
