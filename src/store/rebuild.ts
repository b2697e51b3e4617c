// Rebuilds data/servers/ from its inputs: data/collected/ (crawled and dump-imported records) and
// data/sources/ (the open datasets). Run after every crawl and import; the site reads only the result.
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from '../schema';
import { listServerIds, readServer, readServerFile, removeServer, serverFile, serversDir, writeServer } from './dataset';
import { mergeSources, type MergeReport } from './merge-sources';
import { readSourceRecords } from './source-store';

export type RebuildReport = MergeReport & {
  servers: number;
  written: number;
  removed: number;
  /** Input lines that no longer validate (skipped), and records the merge could not write. */
  errors: string[];
};

export function rebuildServers(dataDir: string): RebuildReport {
  const collected: Server[] = [];
  const unreadable: string[] = [];
  for (const id of listServerIds(dataDir, 'collected')) {
    try {
      collected.push(readServerFile(serverFile(dataDir, id, 'collected')));
    } catch (error) {
      unreadable.push((error as Error).message);
    }
  }
  if (unreadable.length > 0) {
    // Without that record the merge would drop or change its server: data/servers/ stays as it is.
    const errors = [...unreadable, `data/servers/ not rebuilt: ${unreadable.length} file(s) of data/collected/ above are not valid records; fix or remove them`];
    return { keptApart: [], ambiguousKeys: 0, disputedRepositories: 0, servers: listServerIds(dataDir).length, written: 0, removed: 0, errors };
  }
  const { records, errors } = readSourceRecords(dataDir);
  const { servers, report } = mergeSources({ collected, records, previous: (id) => readServer(dataDir, id) });
  if (!existsSync(serversDir(dataDir))) mkdirSync(serversDir(dataDir), { recursive: true });
  const keep = new Set<string>();
  let written = 0;
  for (const server of servers) {
    keep.add(server.id);
    try {
      if (writeServer(dataDir, server)) written += 1;
    } catch (error) {
      // One record the schema refuses must not cost the others theirs; the old file, if any, stays.
      errors.push(`server "${server.id}": ${(error as Error).message}`);
    }
  }
  let removed = 0;
  for (const id of listServerIds(dataDir)) {
    if (!keep.has(id)) {
      removeServer(dataDir, id);
      removed += 1;
    }
  }
  return { ...report, servers: servers.length, written, removed, errors };
}
