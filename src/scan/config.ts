// An MCP client's config file, read into sanitised entries: which servers it starts or connects to,
// and how. Read with a JSON-with-comments parser (people's configs have comments and trailing commas)
// straight from its syntax tree, so no value of `env` or `headers` is ever turned into a string of
// ours, and a key such as `__proto__` is just a name. Runs in the browser and in Node.
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { launchOf } from '../lib/launch';
import { redactArgs, redactText, REDACTED } from './redact';
import type { ConfigEntry, ConfigProblem, ConfigShape, LaunchedPackage, ParsedConfig, Transport } from './types';

/** jsonc-parser's error codes (a const enum, so by number), as what is wrong in words. */
const SYNTAX: Record<number, string> = {
  1: 'an unexpected character',
  2: 'a number is not written correctly',
  3: 'a property name (in double quotes) is expected',
  4: 'a value is expected',
  5: 'a colon ":" is expected after the property name',
  6: 'a comma "," is expected between entries',
  7: 'a closing brace "}" is expected',
  8: 'a closing bracket "]" is expected',
  9: 'the file should end here',
  10: 'a comment is not closed',
  11: 'a comment is not closed',
  12: 'a string is not closed (a missing double quote)',
  13: 'a number is not finished',
  14: 'a \\u escape is not four hex digits',
  15: 'an unknown escape after a backslash',
  16: 'a control character (such as a line break) inside a string',
};

/** Names longer than this are cut: they are shown, and a name is never worth a kilobyte. */
const NAME_MAX = 200;
/** Entries read from one file at most: a config lists a handful; a huge one is a mistake or an attack. */
export const ENTRY_MAX = 200;
/** Arguments kept per entry, and characters per argument. */
const ARG_MAX = 100;
const ARG_LENGTH_MAX = 2000;

/** 1-based line and column of an offset (\n, \r\n and \r each end a line). */
export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    const char = text[index];
    if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) {
      line += 1;
      start = index + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

function problem(text: string, offset: number, message: string): ConfigProblem {
  return { message, offset, ...position(text, offset) };
}

/** An object node's properties in file order, as [name, value node]. */
function properties(node: Node | undefined): [string, Node][] {
  if (node?.type !== 'object') return [];
  const out: [string, Node][] = [];
  for (const property of node.children ?? []) {
    const [name, value] = property.children ?? [];
    if (name?.type === 'string' && value) out.push([String(name.value), value]);
  }
  return out;
}

function property(node: Node | undefined, name: string): Node | undefined {
  return properties(node).find(([key]) => key === name)?.[1];
}

const stringAt = (node: Node | undefined): string | undefined => (node?.type === 'string' ? String(node.value) : undefined);

/** What one server entry says, before it is sanitised: names only where the config has values. */
export interface RawEntry {
  command?: string;
  args?: string[];
  envNames?: string[];
  headerNames?: string[];
  url?: string;
  type?: string;
  disabled?: boolean;
}

/** The endpoint without userinfo, query or fragment; undefined when it is no http(s) URL. */
function cleanUrl(url: string): { url?: string; stripped: boolean } {
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { stripped: false };
    const stripped = parsed.username !== '' || parsed.password !== '' || parsed.search !== '' || parsed.hash !== '';
    return { url: `${parsed.protocol}//${parsed.host}${parsed.pathname}`, stripped };
  } catch {
    return { stripped: false };
  }
}

function transportOf(type: string | undefined, hasCommand: boolean, url: string | undefined): Transport {
  const given = type?.toLowerCase().replace(/[-_]/g, '');
  if (given === 'sse') return 'sse';
  if (given === 'http' || given === 'streamablehttp') return 'http';
  if (given === 'stdio' || hasCommand || url === undefined) return 'stdio';
  return /\/sse\/?$/.test(url) ? 'sse' : 'http';
}

/**
 * The command a wrapper starts: Windows configs run `cmd /c npx -y <pkg>` (npx is a .cmd there), and
 * `env NAME=value <cmd>` sets variables first. What runs is what the catalog knows.
 */
export function unwrapLaunch(command: string, args: readonly string[]): { command: string; args: string[] } {
  const program = command.trim().split(/[\\/]/).pop()?.toLowerCase().replace(/\.exe$/, '');
  if ((program === 'cmd' || program === 'cmd.exe') && /^\/[ck]$/i.test(args[0] ?? '') && args[1] !== undefined) return unwrapLaunch(args[1], args.slice(2));
  if (program === 'env') {
    const start = args.findIndex((arg) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(arg) && !arg.startsWith('-'));
    if (start >= 0) return unwrapLaunch(args[start] as string, args.slice(start + 1));
  }
  return { command, args: [...args] };
}

const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);
const uniqueSorted = (names: readonly string[]) => [...new Set(names.map((name) => cut(name, NAME_MAX)))].sort();

/**
 * The sanitised entry: arguments redacted, the URL cleaned, the launched package read from the
 * redacted arguments (so a shared link, which carries only those, finds the same package).
 * Idempotent: an entry rebuilt from its own sanitised fields is equal to it.
 */
export function sanitizeEntry(key: string, raw: RawEntry, scope?: string): ConfigEntry {
  const redactions: string[] = [];
  const rawArgs = (raw.args ?? []).slice(0, ARG_MAX).map((arg) => cut(arg, ARG_LENGTH_MAX));
  const { args, redactions: argRedactions } = redactArgs(rawArgs);
  redactions.push(...argRedactions);
  let command: string | undefined;
  if (raw.command !== undefined) {
    command = redactText(cut(raw.command, ARG_LENGTH_MAX));
    if (command !== raw.command) redactions.push('command: a token-shaped value or URL credentials');
  }
  let url: string | undefined;
  if (raw.url !== undefined) {
    const cleaned = cleanUrl(raw.url);
    url = cleaned.url;
    if (cleaned.stripped) redactions.push('url: userinfo, query string or fragment removed');
  }
  const target = command !== undefined ? unwrapLaunch(command, args) : undefined;
  const launched = target ? launchOf(target.command, target.args) : {};
  let launchedPackage: LaunchedPackage | undefined;
  const item = launched.package;
  if (item && !item.identifier.includes(REDACTED) && (item.registryType === 'npm' || item.registryType === 'pypi' || item.registryType === 'oci')) {
    launchedPackage = { registryType: item.registryType, identifier: item.identifier, ...(item.version && !item.version.includes(REDACTED) ? { version: item.version } : {}) };
  }
  // A runner (`npx mcp-remote <url>`) connects to an endpoint: that is the server.
  if (url === undefined && launched.endpoint) url = cleanUrl(launched.endpoint.url).url;
  const entry: ConfigEntry = {
    key: cut(key, NAME_MAX),
    ...(scope !== undefined ? { scope: cut(scope, 1000) } : {}),
    transport: transportOf(raw.type, raw.command !== undefined, url),
    ...(command !== undefined ? { command } : {}),
    args,
    env: uniqueSorted(raw.envNames ?? []),
    headers: uniqueSorted(raw.headerNames ?? []),
    ...(url !== undefined ? { url } : {}),
    ...(launchedPackage ? { package: launchedPackage } : {}),
    redactions,
    ...(raw.disabled === true ? { disabled: true } : {}),
  };
  return entry;
}

/** One entry of the file, from its syntax tree: only names are taken from `env` and `headers`. */
function rawEntry(text: string, node: Node, where: string, errors: ConfigProblem[]): RawEntry | undefined {
  if (node.type !== 'object') {
    errors.push(problem(text, node.offset, `${where} should be an object with "command" or "url", not a ${node.type}`));
    return undefined;
  }
  const raw: RawEntry = {};
  const command = stringAt(property(node, 'command'));
  if (command !== undefined) raw.command = command;
  const argsNode = property(node, 'args');
  if (argsNode) {
    if (argsNode.type !== 'array') errors.push(problem(text, argsNode.offset, `${where}: "args" should be a list of strings`));
    else {
      raw.args = [];
      for (const item of argsNode.children ?? []) {
        const value = stringAt(item) ?? (item.type === 'number' || item.type === 'boolean' ? String(item.value) : undefined);
        if (value === undefined) errors.push(problem(text, item.offset, `${where}: every argument should be a string`));
        else raw.args.push(value);
      }
    }
  }
  // Values are never read: the property names are all that leave the tree.
  raw.envNames = properties(property(node, 'env')).map(([name]) => name);
  raw.headerNames = properties(property(node, 'headers')).map(([name]) => name);
  const url = stringAt(property(node, 'url')) ?? stringAt(property(node, 'serverUrl')) ?? stringAt(property(node, 'httpUrl'));
  if (url !== undefined) raw.url = url;
  const type = stringAt(property(node, 'type')) ?? stringAt(property(node, 'transport'));
  if (type !== undefined) raw.type = type;
  if (property(node, 'disabled')?.value === true) raw.disabled = true;
  if (raw.command === undefined && raw.url === undefined) {
    errors.push(problem(text, node.offset, `${where} has neither "command" nor "url"`));
    return undefined;
  }
  return raw;
}

/** Entries of one servers object (`mcpServers`, `servers`), in file order. */
function entriesOf(text: string, servers: Node, label: string, scope: string | undefined, out: ConfigEntry[], errors: ConfigProblem[]): void {
  if (servers.type !== 'object') {
    errors.push(problem(text, servers.offset, `"${label}" should be an object of servers by name, not a ${servers.type}`));
    return;
  }
  for (const [key, node] of properties(servers)) {
    if (out.length >= ENTRY_MAX) {
      errors.push(problem(text, node.offset, `more than ${ENTRY_MAX} servers: the rest are not read`));
      return;
    }
    const raw = rawEntry(text, node, `server "${cut(key, 60)}"`, errors);
    if (raw) out.push(sanitizeEntry(key, raw, scope));
  }
}

const looksLikeEntry = (node: Node) =>
  node.type === 'object' && ['command', 'url', 'serverUrl', 'httpUrl'].some((name) => property(node, name) !== undefined);

/**
 * Reads a client config. Shapes: `mcpServers` (Claude Desktop, Claude Code's `.mcp.json`, Cursor,
 * Windsurf), VS Code's `servers` with `inputs` (also under `"mcp"` in its settings.json), Claude Code's
 * `~/.claude.json` (top-level and per-project `mcpServers`), and a bare `mcpServers` object's contents.
 */
export function parseClientConfig(text: string, file?: string): ParsedConfig {
  const syntax: ParseError[] = [];
  const root = parseTree(text, syntax, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const errors: ConfigProblem[] = syntax.map((error) => problem(text, error.offset, SYNTAX[error.error] ?? 'a syntax error'));
  const entries: ConfigEntry[] = [];
  const inputs: string[] = [];
  const result = (shape: ConfigShape): ParsedConfig => ({ ...(file !== undefined ? { file: cut(file, NAME_MAX) } : {}), shape, entries, errors, inputs });
  if (!root || root.type !== 'object') {
    if (root) errors.push(problem(text, root.offset, `the config should be a JSON object, not a ${root.type}`));
    else if (errors.length === 0) errors.push(problem(text, 0, 'the config is empty'));
    return result('unknown');
  }
  const mcpServers = property(root, 'mcpServers');
  const projects = property(root, 'projects');
  const projectServers = properties(projects).filter(([, project]) => property(project, 'mcpServers') !== undefined);
  if (projectServers.length > 0) {
    if (mcpServers) entriesOf(text, mcpServers, 'mcpServers', undefined, entries, errors);
    for (const [projectPath, project] of [...projectServers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      entriesOf(text, property(project, 'mcpServers') as Node, `projects["${cut(projectPath, 60)}"].mcpServers`, `project:${projectPath}`, entries, errors);
    }
    return result('claude-json');
  }
  if (mcpServers) {
    entriesOf(text, mcpServers, 'mcpServers', undefined, entries, errors);
    return result('mcpServers');
  }
  const vscode = property(root, 'servers') ? root : property(property(root, 'mcp'), 'servers') ? property(root, 'mcp') : undefined;
  if (vscode) {
    entriesOf(text, property(vscode, 'servers') as Node, 'servers', undefined, entries, errors);
    for (const input of property(vscode, 'inputs')?.children ?? []) {
      const id = stringAt(property(input, 'id'));
      if (id !== undefined) inputs.push(cut(id, NAME_MAX));
    }
    return result('vscode');
  }
  const members = properties(root);
  if (members.length > 0 && members.every(([, node]) => looksLikeEntry(node))) {
    entriesOf(text, root, 'the servers object', undefined, entries, errors);
    return result('bare');
  }
  errors.push(problem(text, root.offset, 'no MCP servers found: expected "mcpServers" (Claude, Cursor, Windsurf), "servers" (VS Code) or an object of servers by name'));
  return result('unknown');
}
