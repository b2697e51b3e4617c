// A deterministic "daily re-crawl" of a synthetic dataset, for measuring and testing incremental
// rebuilds: a share of the servers with tools get a tool's description edited and a tool added,
// stored as a new snapshot (history entries included) through the store, as a real crawl would be.
import type { Server, StoredTool } from '../schema';
import { toolHash } from '../lib/hash';
import { listServerIds, readServer, writeServer } from '../store/dataset';
import { mergeSnapshot } from '../store/merge';

/** When the simulated re-crawl ran: fixed, so two runs change the data identically. */
export const RECRAWL_AT = '2026-12-01T00:00:00.000Z';

function tool(definition: StoredTool['definition']): StoredTool {
  return { definition, hash: toolHash(definition) };
}

/** The snapshot a re-crawl brings back for `server`: its first tool's description edited, one tool added. */
export function recrawledSnapshot(server: Server): Server {
  const [first, ...rest] = server.tools;
  if (!first) throw new Error(`server "${server.id}" has no tools to re-crawl`);
  const edited = tool({ ...first.definition, description: `${first.definition.description ?? ''} Now also returns archived items.`.trim() });
  const added = tool({
    name: 'recrawl_list_recent_items',
    description: 'List the items changed since a given time.',
    inputSchema: { type: 'object', properties: { since: { type: 'string', description: 'An ISO 8601 time.' } }, required: ['since'] },
  });
  const others = rest.filter((candidate) => candidate.definition.name !== added.definition.name);
  return { ...server, crawl: { ...server.crawl, at: RECRAWL_AT }, tools: [edited, ...others, added] };
}

/**
 * Re-crawls `share` (0.01 for 1%) of all the servers in `dataDir`, picked evenly from those with
 * tools in id order, and writes them through the store. Returns the ids changed, sorted.
 */
export function recrawlShare(dataDir: string, share: number): string[] {
  const ids = listServerIds(dataDir);
  const withTools = ids.filter((id) => (readServer(dataDir, id)?.tools.length ?? 0) > 0);
  const count = Math.min(withTools.length, Math.max(1, Math.round(ids.length * share)));
  const step = withTools.length / count;
  const changed: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = withTools[Math.floor(index * step)] as string;
    const server = readServer(dataDir, id) as Server;
    if (writeServer(dataDir, mergeSnapshot(server, recrawledSnapshot(server), RECRAWL_AT))) changed.push(id);
  }
  return changed.sort();
}
