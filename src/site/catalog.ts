// The site's window on data/: pages get only ids as props and read their server's file through here.
// Nothing here scans the dataset per page: indexes are built once per build and memoised.
import type { Server, StoredTool } from '../schema';
import { defaultDataDir, listServerIds, readServerFile, serverFile } from '../store/dataset';
import { toolSlug } from '../lib/ids';

const dataDir = defaultDataDir();

/** Pages of one server are rendered together, so a small cache serves nearly every read. */
const CACHE_SIZE = 64;
const cache = new Map<string, Server>();

export function getServer(id: string): Server {
  const hit = cache.get(id);
  if (hit) {
    cache.delete(id);
    cache.set(id, hit);
    return hit;
  }
  const server = readServerFile(serverFile(dataDir, id));
  cache.set(id, server);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return server;
}

export function getTool(server: Server, name: string): StoredTool {
  const tool = server.tools.find((candidate) => candidate.definition.name === name);
  if (!tool) throw new Error(`server "${server.id}" has no tool "${name}"`);
  return tool;
}

/** What a listing needs of a server, without its tools. */
export type ServerSummary = {
  id: string;
  displayName: string;
  name: string;
  description: string | undefined;
  toolCount: number;
  source: Server['source']['kind'];
  crawlStatus: Server['crawl']['status'];
};

export type ToolRef = { server: string; tool: string; slug: string };

let summaries: ServerSummary[] | undefined;
let toolRefs: ToolRef[] | undefined;

/** One pass over the dataset per build, shared by every page that lists servers or tools. */
function indexDataset(): void {
  summaries = [];
  toolRefs = [];
  for (const id of listServerIds(dataDir)) {
    const server = readServerFile(serverFile(dataDir, id));
    summaries.push({
      id,
      displayName: server.displayName,
      name: server.name,
      description: server.description,
      toolCount: server.tools.length,
      source: server.source.kind,
      crawlStatus: server.crawl.status,
    });
    for (const tool of server.tools) toolRefs.push({ server: id, tool: tool.definition.name, slug: toolSlug(tool.definition.name) });
  }
}

export function serverSummaries(): ServerSummary[] {
  if (!summaries) indexDataset();
  return summaries as ServerSummary[];
}

export function allToolRefs(): ToolRef[] {
  if (!toolRefs) indexDataset();
  return toolRefs as ToolRef[];
}

export function serverUrl(id: string): string {
  return `/servers/${id}/`;
}

export function toolUrl(serverId: string, toolName: string): string {
  return `/servers/${serverId}/tools/${encodeURIComponent(toolSlug(toolName))}/`;
}
