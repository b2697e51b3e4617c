// The site's window on data/: pages get only ids as props and read their server's file through here.
// Nothing here scans the dataset per page: indexes are built once per build and memoised.
import type { CapabilityLabel, Category, Classification, HistoryEntry, RiskClass, Server, ServerClassification, StoredTool } from '../schema';
import { serverChanges, type ChangeRef } from './changes';
import { compareCodePoints } from '../lib/canonical-json';
import { defaultDataDir, listServerIds, readServerFile, readServerFileText, serverFile } from '../store/dataset';
import { sha256Hex } from '../lib/hash';
import { toolSlug } from '../lib/ids';
import { verdictsFor } from './verdicts';
import { loadReviews, serverReviewsKey, type Review, type ReviewState } from '../editorial/reviews';
import { poisoningFindings } from './findings';
import { toolOrigin, type ToolOrigin } from './provenance';
import { ExportSizes, type ExportFile } from './export';
import { startIncidentTally, tallyServerIncidents } from '../editorial/incident-match';

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
  crawlAt: string | undefined;
  verdict: ServerClassification;
  /** The ids of the sources that know the server, best first (empty for records no merge has seen). */
  sources: string[];
  /** How the shown tools were obtained, when there are any. */
  capture: ToolOrigin['capture'];
};

/** A tool as listings need it: where it is and its verdict, without its definition. */
export type ToolRef = {
  server: string;
  serverName: string;
  tool: string;
  slug: string;
  category: Category;
  risk: RiskClass;
  labels: CapabilityLabel[];
  /** How many findings suggest tool poisoning (annotation contradictions are not counted here). */
  findings: number;
  /** Content hash of the definition: equal hashes on two servers mean identical definitions. */
  hash: string;
  /** Set when a person reviewed the verdict (src/editorial/reviews.ts). */
  review?: ReviewMark;
};

/** A review as listings show it: the reviewed verdict, whether it still holds, and its day. */
export type ReviewMark = { status: ReviewState['status']; category: Category; risk: RiskClass; date: string };

export function reviewMark(verdict: Classification, state: ReviewState | undefined): ReviewMark | undefined {
  if (!state) return undefined;
  return { status: state.status, category: state.review.category ?? verdict.category, risk: state.review.risk ?? verdict.risk, date: state.review.date };
}

export type { ChangeRef };

/** How many recent changes the home page, the changes page and the feed show (and each page of one kind). */
export const RECENT_CHANGES = 100;
/** The kinds of change, each with a page of its own (`/changes/<kind>/`). */
export const CHANGE_KINDS: ReadonlyArray<HistoryEntry['change']> = ['added', 'changed', 'removed'];

export function toolRef(server: Server, tool: StoredTool, verdict: Classification, review?: ReviewState): ToolRef {
  const mark = reviewMark(verdict, review);
  return {
    server: server.id,
    serverName: server.displayName,
    tool: tool.definition.name,
    slug: toolSlug(tool.definition.name),
    category: verdict.category,
    risk: verdict.risk,
    labels: verdict.labels,
    findings: poisoningFindings(verdict).length,
    hash: tool.hash,
    ...(mark ? { review: mark } : {}),
  };
}

let summaries: ServerSummary[] | undefined;
let toolRefs: ToolRef[] | undefined;
let recent: ChangeRef[] | undefined;
let recentByKind: Map<HistoryEntry['change'], ChangeRef[]> | undefined;
let byName: Map<string, ToolRef[]> | undefined;
let recordHashes: Map<string, string> | undefined;
let exportSizes: ExportSizes | undefined;
let collected: { newest: string | undefined; oldest: string | undefined } | undefined;

const newestFirst = (a: ChangeRef, b: ChangeRef) =>
  compareCodePoints(b.at, a.at) || compareCodePoints(a.server, b.server) || compareCodePoints(a.tool, b.tool);

/** One pass over the dataset per build, shared by every page that lists servers or tools. */
function indexDataset(): void {
  summaries = [];
  toolRefs = [];
  recent = [];
  const byKind = new Map<HistoryEntry['change'], ChangeRef[]>(CHANGE_KINDS.map((kind) => [kind, []]));
  // Keep memory bounded at any scale: only the newest changes of all and of each kind are ever shown.
  const keep = (list: ChangeRef[]) => (list.length > 4 * RECENT_CHANGES ? list.sort(newestFirst).slice(0, RECENT_CHANGES) : list);
  recordHashes = new Map();
  exportSizes = new ExportSizes();
  collected = { newest: undefined, oldest: undefined };
  const reviews = loadReviews(dataDir);
  startIncidentTally();
  for (const id of listServerIds(dataDir)) {
    const { server, text } = readServerFileText(serverFile(dataDir, id));
    recordHashes.set(id, recordKey(text, reviews.get(id)));
    const verdicts = verdictsFor(server);
    summaries.push({
      id,
      displayName: server.displayName,
      name: server.name,
      description: server.description,
      toolCount: server.tools.length,
      source: server.source.kind,
      crawlStatus: server.crawl.status,
      crawlAt: server.crawl.at,
      verdict: verdicts.server,
      sources: (server.sources ?? []).map((entry) => entry.source),
      capture: toolOrigin(server)?.capture,
    });
    server.tools.forEach((tool, index) => (toolRefs as ToolRef[]).push(toolRef(server, tool, verdicts.tools[index]!, verdicts.reviews[index])));
    tallyServerIncidents(server, verdicts);
    // The downloads' sizes, counted from the lines the post-build step writes (its files do not exist yet while pages render).
    exportSizes.add(server);
    const at = server.crawl.at;
    if (at !== undefined) {
      if (collected.newest === undefined || Date.parse(at) > Date.parse(collected.newest)) collected.newest = at;
      if (collected.oldest === undefined || Date.parse(at) < Date.parse(collected.oldest)) collected.oldest = at;
    }
    if (server.history.length === 0) continue;
    for (const change of serverChanges(server)) {
      recent.push(change);
      byKind.get(change.change)!.push(change);
    }
    recent = keep(recent);
    for (const kind of CHANGE_KINDS) byKind.set(kind, keep(byKind.get(kind)!));
  }
  recent = recent.sort(newestFirst).slice(0, RECENT_CHANGES);
  recentByKind = new Map(CHANGE_KINDS.map((kind) => [kind, byKind.get(kind)!.sort(newestFirst).slice(0, RECENT_CHANGES)]));
}

/**
 * A server's record as a page shows it: its file's bytes and its reviews (a changed review changes the
 * pages and files of its server, as a changed record does). The post-build step keys its files with it too.
 */
export function recordKey(text: string, reviews: ReadonlyMap<string, Review> | undefined): string {
  const key = serverReviewsKey(reviews);
  return sha256Hex(key === '' ? text : `${text}\u0000${key}`).slice(0, 16);
}

/** A hash of the server's file as read for this build: equal hashes mean the same record (the incremental build's cache keys). */
export function recordHash(id: string): string {
  if (!recordHashes) indexDataset();
  const hash = (recordHashes as Map<string, string>).get(id);
  if (hash === undefined) throw new Error(`no server "${id}" in the dataset`);
  return hash;
}

/** The byte size of each whole-dataset download this build's post-build step writes. */
export function exportFileSizes(): Record<ExportFile, number> {
  if (!exportSizes) indexDataset();
  return (exportSizes as ExportSizes).sizes();
}

/**
 * The dataset's date and version: the newest and oldest collection among its records, and a content
 * hash of every server file (its id and its bytes), which changes exactly when data/servers does.
 */
export function datasetVersion(): { newest: string | undefined; oldest: string | undefined; dataHash: string } {
  if (!recordHashes || !collected) indexDataset();
  const hashes = [...(recordHashes as Map<string, string>)].map(([id, hash]) => `${id} ${hash}`).join('\n');
  return { ...(collected as { newest: string | undefined; oldest: string | undefined }), dataHash: sha256Hex(hashes).slice(0, 16) };
}

/** The newest changes of every kind, or of one. */
export function recentChanges(kind?: HistoryEntry['change']): ChangeRef[] {
  if (!recent) indexDataset();
  return kind ? (recentByKind as Map<HistoryEntry['change'], ChangeRef[]>).get(kind) ?? [] : (recent as ChangeRef[]);
}

/** Every tool name, each with every server that offers it (one page per name, shared or not). */
export function toolsByName(): Map<string, ToolRef[]> {
  if (!byName) {
    byName = new Map();
    for (const ref of allToolRefs()) {
      const list = byName.get(ref.tool);
      if (list) list.push(ref);
      else byName.set(ref.tool, [ref]);
    }
  }
  return byName;
}

/** Tool names offered by two or more servers. */
export function sharedToolNames(): Array<[string, ToolRef[]]> {
  return [...toolsByName()].filter(([, refs]) => refs.length > 1);
}

export function sameNameUrl(toolName: string): string {
  return `/tools/${encodeURIComponent(toolSlug(toolName))}/`;
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

/** The id of a server page's whole-server policy section: tool pages link to it (`${serverUrl}#policy`). */
export const SERVER_POLICY_ANCHOR = 'policy';

export function toolUrl(serverId: string, toolName: string): string {
  return `/servers/${serverId}/tools/${encodeURIComponent(toolSlug(toolName))}/`;
}
