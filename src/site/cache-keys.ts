// Cache keys for Astro's incremental build (experimental.incrementalBuild): each getStaticPaths entry
// gets a key that changes exactly when the data its page shows changes. Astro tracks the code itself
// (a hash of the page's module graph, the config and the lock file), so a key covers data only.
// A page whose key and code are unchanged is not rendered again: its previous output is kept.
import { canonicalJsonCompact } from '../lib/canonical-json';
import { sha256Hex } from '../lib/hash';
import type { HistoryEntry } from '../schema';
import { recentChanges, recordHash, toolsByName, type ToolRef } from './catalog';
import { FACETS, laterPages, serverListingModel, toolsWith, type Facet, type FacetValue, type ServerFilter } from './listing';
import { slice } from './paging';
import { allIncidents, incidentStats } from '../editorial/incidents';

/** A short hash of a JSON value; object key order does not matter, array order does. */
export function contentKey(value: unknown): string {
  return sha256Hex(canonicalJsonCompact(value)).slice(0, 16);
}

/** A server page shows its own record and nothing of other servers. */
export function serverPageKey(record: string): string {
  return `server:${record}`;
}

/** What a tool page shows of the other servers that offer a tool of its name: each one's id and name, in order. */
export function sameNameListKey(refs: readonly Pick<ToolRef, 'server' | 'serverName'>[]): string {
  return contentKey(refs.map((ref) => [ref.server, ref.serverName]));
}

/**
 * A tool page shows its server's record (the definition, the server's name, history, sources) and the
 * servers offering a tool of the same name. `sameNameList` is the key of every server with that name,
 * this one included: this server's own entry can only change with its record, so the key changes
 * exactly when the record or the others in the list change.
 */
export function toolPageKey(record: string, serverId: string, sameNameList: string): string {
  return `tool:${record}:${contentKey([serverId, sameNameList])}`;
}

/** A listing page (servers, a facet value, a tool name) shows what it lists: its key is a hash of that. */
export function listingKey(kind: string, listed: unknown): string {
  return `${kind}:${contentKey(listed)}`;
}

// The functions the pages call, reading this build's index (src/site/catalog.ts).

let incidentsKey: string | undefined;
/**
 * What tool and server pages show of the attack database (their "Known attacks" line): which incidents
 * exist, their link text and order, and the preconditions that decide which a page links. An incident's
 * body and sources are shown on its own page only.
 */
function incidentLinksKey(): string {
  return (incidentsKey ??= contentKey(allIncidents().map(({ slug, data }) => [slug, data.short, data.title, data.dates[0]?.date, data.precondition.anyOf])));
}

const sameNameKeys = new Map<string, string>();
/** The key of one tool page, from the build's index; a name's list is hashed once per build. */
export function toolPageCacheKey(ref: Pick<ToolRef, 'server' | 'tool'>): string {
  let list = sameNameKeys.get(ref.tool);
  if (list === undefined) {
    list = sameNameListKey(toolsByName().get(ref.tool) ?? []);
    sameNameKeys.set(ref.tool, list);
  }
  return `${toolPageKey(recordHash(ref.server), ref.server, list)}:${incidentLinksKey()}`;
}

export function serverPageCacheKey(id: string): string {
  return `${serverPageKey(recordHash(id))}:${incidentLinksKey()}`;
}

/** A page of a server listing shows exactly its model (rows, counts of every filter, pager). */
export function serverListingCacheKey(filter: ServerFilter, page: number): string {
  return listingKey(`servers-${filter}`, serverListingModel(filter, page));
}

/** The getStaticPaths entries of a filtered server listing (`/servers/<filter>/`, `page/N`), each with its key. */
export function serverFilterPaths(filter: Exclude<ServerFilter, 'all'>): Array<{ params: { page: string | undefined }; cacheKey: string }> {
  return [
    { params: { page: undefined }, cacheKey: serverListingCacheKey(filter, 1) },
    ...laterPages(filter).map((page) => ({ params: { page: `page/${page}` }, cacheKey: serverListingCacheKey(filter, page) })),
  ];
}

/** A page of a facet value lists a slice of its tools and how many there are in all. */
export function facetPageCacheKey(value: FacetValue, page: number): string {
  const tools = toolsWith(value.facet, value.value);
  return listingKey(`facet-${value.facet}`, { value, page, total: tools.length, tools: slice(tools, page) });
}

/** A facet's index page shows how many tools each value has and how many there are in all. */
export function facetIndexCacheKey(facet: Facet, total: number): string {
  return listingKey(`facet-index-${facet}`, { total, values: FACETS[facet].values().map((value) => [value, toolsWith(facet, value.value).length]) });
}

/** The same-name page of a tool name lists every server offering it, with each one's verdict. */
export function toolNameCacheKey(name: string, refs: readonly ToolRef[]): string {
  return listingKey('tool-name', { name, refs });
}

/** A page of one kind of change shows its bounded list: each change with its server's name and the definitions either side. */
export function changesKindCacheKey(kind: HistoryEntry['change']): string {
  return listingKey(`changes-${kind}`, recentChanges(kind));
}

/** An incident page shows its own page (front matter and body) and the catalog's count and examples for it. */
export function incidentPageCacheKey(slug: string): string {
  const incident = allIncidents().find((candidate) => candidate.slug === slug);
  return listingKey('incident', { data: incident?.data, body: incident?.body, stats: incidentStats(slug) });
}
