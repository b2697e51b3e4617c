// The dataset store: data/servers/<id>.json, one canonical, validated file per server.
// Writes go to a temporary file that is renamed over the target, so a killed run never leaves half a file.
import { readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { Server, describeIssues } from '../schema';
import { canonicalJson, compareCodePoints } from '../lib/canonical-json';
import { writeFileIfChanged } from '../lib/write-if-changed';

/** Where the embedded dataset lives; CATALOG_DATA_DIR points the scripts and the site at another one (tests use fixtures). */
export function defaultDataDir(): string {
  return path.resolve(process.env['CATALOG_DATA_DIR'] ?? 'data');
}

/**
 * `servers`: the catalog, one merged record per real server (written by the merge, read by the site).
 * `collected`: what this project collected itself, by crawling or importing a dump; input to the merge.
 */
export type Collection = 'servers' | 'collected';

export function serversDir(dataDir: string, collection: Collection = 'servers'): string {
  return path.join(dataDir, collection);
}

export class DatasetError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(details.length > 0 ? `${message}\n  ${details.join('\n  ')}` : message);
    this.name = 'DatasetError';
  }
}

/** Puts a record in its canonical order: tools by name, history by time then tool, env names sorted. */
export function normalizeServer(server: Server): Server {
  const tools = [...server.tools].sort((a, b) => compareCodePoints(a.definition.name, b.definition.name));
  const history = [...server.history].sort(
    (a, b) => compareCodePoints(a.at, b.at) || compareCodePoints(a.tool, b.tool) || compareCodePoints(a.change, b.change),
  );
  const normalized: Server = { ...server, tools, history };
  if (server.launch) normalized.launch = { ...server.launch, env: [...new Set(server.launch.env)].sort(compareCodePoints) };
  return normalized;
}

/** Validates a parsed record; the error names the file, the server and the tool. */
export function parseServer(raw: unknown, where: string): Server {
  const result = Server.safeParse(raw);
  if (!result.success) {
    const record = raw as { id?: unknown; tools?: unknown };
    const tools = Array.isArray(record?.tools) ? (record.tools as Array<{ definition?: { name?: unknown } }>) : undefined;
    throw new DatasetError(
      `${where}: invalid server record`,
      describeIssues(result.error, {
        where,
        ...(typeof record?.id === 'string' ? { server: record.id } : {}),
        ...(tools ? { tools } : {}),
      }),
    );
  }
  return result.data;
}

export function serverFile(dataDir: string, id: string, collection: Collection = 'servers'): string {
  return path.join(serversDir(dataDir, collection), `${id}.json`);
}

export function readServer(dataDir: string, id: string, collection: Collection = 'servers'): Server | undefined {
  const file = serverFile(dataDir, id, collection);
  if (!existsSync(file)) return undefined;
  return readServerFile(file);
}

export function readServerFile(file: string): Server {
  return readServerFileText(file).server;
}

/** A record and the exact text of its file (the site's cache keys hash the text). */
export function readServerFileText(file: string): { server: Server; text: string } {
  const text = readFileSync(file, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const server = parseServer(raw, file);
  const expected = path.basename(file, '.json');
  if (server.id !== expected) throw new DatasetError(`${file}: server id "${server.id}" does not match its file name "${expected}"`);
  return { server, text };
}

/** Validates, normalises and writes one server atomically. Returns true when the file changed. */
export function writeServer(dataDir: string, server: Server, collection: Collection = 'servers'): boolean {
  const normalized = normalizeServer(parseServer(server, `server "${server.id}"`));
  return writeFileIfChanged(serverFile(dataDir, normalized.id, collection), canonicalJson(normalized));
}

/** Server ids in the store, sorted. Leftover temporary files of a killed run are ignored. */
export function listServerIds(dataDir: string, collection: Collection = 'servers'): string[] {
  const dir = serversDir(dataDir, collection);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort(compareCodePoints);
}

/** Reads servers one at a time, so a caller never needs the whole dataset in memory. */
export function* iterateServers(dataDir: string, collection: Collection = 'servers'): Generator<Server> {
  for (const id of listServerIds(dataDir, collection)) {
    yield readServerFile(serverFile(dataDir, id, collection));
  }
}

/** Removes a record (the merge drops servers no input knows any more). */
export function removeServer(dataDir: string, id: string, collection: Collection = 'servers'): void {
  rmSync(serverFile(dataDir, id, collection), { force: true });
}
