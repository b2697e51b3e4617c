// One-time backfill of `before` on history entries recorded before the merge kept what a change
// replaced: the previous definition is looked up by its hash in every version of the server's
// record that the repository's git history holds (data/servers/ and data/collected/). Entries whose
// old definition no version holds stay without `before`, and the site says so.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { HistoryEntry, McpTool, Server } from '../schema';
import { iterateServers, writeServer } from './dataset';
import { changedFields, previousDefinition } from './merge';

export type BackfillReport = {
  /** Servers with at least one entry that lacked `before`. */
  servers: number;
  /** Entries that lacked `before` and have it now. */
  recovered: number;
  /** Entries whose old definition no version in the git history holds (server id, tool, date). */
  unrecoverable: Array<{ server: string; tool: string; at: string }>;
  /** How many versions of those servers' records were read. */
  versions: number;
};

const needsBefore = (entry: HistoryEntry) => (entry.change === 'changed' || entry.change === 'removed') && entry.before === undefined;

function git(repoDir: string, args: string[], input?: string): Buffer {
  const result = spawnSync('git', ['-C', repoDir, ...args], { input, maxBuffer: 1024 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr.toString().trim() || `exit code ${result.status}`}`);
  return result.stdout;
}

/** The blobs `git cat-file --batch` prints for `ids`, by id. */
function readBlobs(repoDir: string, ids: readonly string[]): Map<string, string> {
  const out = git(repoDir, ['cat-file', '--batch'], ids.map((id) => `${id}\n`).join(''));
  const blobs = new Map<string, string>();
  let at = 0;
  while (at < out.length) {
    const headerEnd = out.indexOf(10, at);
    const [id, type, size] = out.subarray(at, headerEnd).toString().split(' ');
    if (type !== 'blob') throw new Error(`git cat-file: ${id} is ${type ?? 'missing'}`);
    const start = headerEnd + 1;
    blobs.set(id as string, out.subarray(start, start + Number(size)).toString('utf8'));
    at = start + Number(size) + 1;
  }
  return blobs;
}

/** Every tool definition any version of the records holds, by its stored hash. Old versions may predate today's schema, so only `tools[].definition` and `tools[].hash` are read. */
function definitionsByHash(texts: Iterable<string>): Map<string, McpTool> {
  const byHash = new Map<string, McpTool>();
  for (const text of texts) {
    let record: { tools?: Array<{ hash?: unknown; definition?: unknown }> };
    try {
      record = JSON.parse(text);
    } catch {
      continue; // a version that was never valid JSON holds nothing to recover
    }
    for (const tool of Array.isArray(record.tools) ? record.tools : []) {
      const definition = tool?.definition as McpTool | undefined;
      if (typeof tool?.hash === 'string' && definition && typeof definition === 'object' && typeof definition.name === 'string') byHash.set(tool.hash, definition);
    }
  }
  return byHash;
}

/** Adds `before` to every entry of `dataDir`'s servers (a folder inside the git checkout `repoDir`) that the git history can give it; `write: false` only reports. */
export function backfillHistory(repoDir: string, dataDir: string, options: { write?: boolean } = {}): BackfillReport {
  const report: BackfillReport = { servers: 0, recovered: 0, unrecoverable: [], versions: 0 };
  const pending = [...iterateServers(dataDir)].filter((server) => server.history.some(needsBefore));
  report.servers = pending.length;
  if (pending.length === 0) return report;
  const relative = path.relative(repoDir, dataDir).split(path.sep).join('/');
  const folders = ['servers', 'collected'].map((folder) => (relative ? `${relative}/${folder}` : folder));
  const wanted = new Set(pending.flatMap((server) => folders.map((folder) => `${folder}/${server.id}.json`)));
  // Which blob each wanted path had at every commit that touched the folders: one ls-tree per commit.
  const blobsByPath = new Map<string, Set<string>>();
  const commits = git(repoDir, ['log', '--format=%H', '--', ...folders]).toString().split('\n').filter(Boolean);
  for (const commit of commits) {
    for (const line of git(repoDir, ['ls-tree', '-r', commit, '--', ...folders]).toString().split('\n')) {
      const tab = line.indexOf('\t');
      const file = line.slice(tab + 1);
      if (tab < 0 || !wanted.has(file)) continue;
      const blob = line.slice(0, tab).split(' ')[2] as string;
      const set = blobsByPath.get(file) ?? new Set<string>();
      set.add(blob);
      blobsByPath.set(file, set);
    }
  }
  const allBlobs = [...new Set([...blobsByPath.values()].flatMap((set) => [...set]))];
  const texts = readBlobs(repoDir, allBlobs);
  for (const server of pending) {
    const versions = folders.flatMap((folder) => [...(blobsByPath.get(`${folder}/${server.id}.json`) ?? [])]);
    report.versions += versions.length;
    const known = definitionsByHash(versions.map((blob) => texts.get(blob) ?? ''));
    for (const tool of server.tools) known.set(tool.hash, tool.definition);
    const history = server.history.map((entry) => {
      if (!needsBefore(entry)) return entry;
      const old = entry.oldHash ? known.get(entry.oldHash) : undefined;
      if (!old || old.name !== entry.tool) {
        report.unrecoverable.push({ server: server.id, tool: entry.tool, at: entry.at });
        return entry;
      }
      report.recovered += 1;
      if (entry.change === 'removed') return { ...entry, before: previousDefinition(old) };
      const now = entry.newHash ? known.get(entry.newHash) : undefined;
      const fields = entry.fields ?? (now ? changedFields(old, now) : undefined);
      return { ...entry, ...(fields ? { fields } : {}), before: previousDefinition(old, fields) };
    });
    if (options.write !== false) writeServer(dataDir, { ...server, history } satisfies Server);
  }
  return report;
}
