// Counts, orderings and facet listings for listing pages, computed from the build's one index
// (server summaries and tool refs), never from whole records.
import type { CapabilityLabel, Category, RiskClass } from '../schema';
import { allToolRefs, serverSummaries, serverUrl, type ServerSummary, type ToolRef } from './catalog';
import { CATEGORIES, CATEGORY_MEANING, LABELS, LABEL_MEANING, LABEL_TITLE, RISKS, RISK_MEANING } from './taxonomy';
import { compareCodePoints } from '../lib/canonical-json';
import { pageCount, pageUrl, slice } from './paging';
import { sourceTitle } from './provenance';

export function datasetCounts(summaries: readonly ServerSummary[]): { servers: number; tools: number; withTools: number } {
  return {
    servers: summaries.length,
    tools: summaries.reduce((sum, server) => sum + server.toolCount, 0),
    withTools: summaries.filter((server) => server.toolCount > 0).length,
  };
}

const byName = (a: ServerSummary, b: ServerSummary) =>
  compareCodePoints(a.displayName.toLowerCase(), b.displayName.toLowerCase()) || compareCodePoints(a.id, b.id);

/** Servers by display name, case-insensitively, ties broken by id so the order is stable. */
export function sortByDisplayName(summaries: readonly ServerSummary[]): ServerSummary[] {
  return [...summaries].sort(byName);
}

let sortedServers: ServerSummary[] | undefined;
/** All servers by name, sorted once per build for the paginated listing. */
export function serversByName(): ServerSummary[] {
  sortedServers ??= sortByDisplayName(serverSummaries());
  return sortedServers;
}

/** The server listings: all servers, and split by whether their tools have been collected. */
export type ServerFilter = 'all' | 'with-tools' | 'not-collected';

export const SERVER_FILTERS: Record<ServerFilter, { base: string; title: string; label: string; description: string; matches: (server: ServerSummary) => boolean }> = {
  all: { base: '/servers/', title: 'All servers', label: 'All', description: 'Every MCP server in the catalog, with its tool count.', matches: () => true },
  'with-tools': {
    base: '/servers/with-tools/',
    title: 'Servers with tools collected',
    label: 'Tools collected',
    description: 'The MCP servers whose tools the catalog has collected and classified.',
    matches: (server) => server.toolCount > 0,
  },
  'not-collected': {
    base: '/servers/not-collected/',
    title: 'Servers whose tools are not collected yet',
    label: 'Tools not collected',
    description: 'MCP servers the catalog knows of from open datasets and registries, whose tools have not been collected yet.',
    matches: (server) => server.toolCount === 0,
  },
};

export const SERVER_FILTER_ORDER: readonly ServerFilter[] = ['all', 'with-tools', 'not-collected'];

/** Path segments under /servers/ that are listings, not servers: a server with such an id would lose its page. */
export const RESERVED_SERVER_SEGMENTS: ReadonlySet<string> = new Set(['page', 'with-tools', 'not-collected']);

export function assertServerIdsFree(ids: readonly string[]): void {
  const taken = ids.filter((id) => RESERVED_SERVER_SEGMENTS.has(id));
  if (taken.length > 0) throw new Error(`server ids ${taken.join(', ')} are listing paths under /servers/`);
}

const filtered = new Map<ServerFilter, ServerSummary[]>();
/** The servers of one listing, by name; one pass over the sorted list per listing per build. */
export function serversWhere(filter: ServerFilter): ServerSummary[] {
  let list = filtered.get(filter);
  if (!list) {
    list = filter === 'all' ? serversByName() : serversByName().filter(SERVER_FILTERS[filter].matches);
    filtered.set(filter, list);
  }
  return list;
}

/** "Toucan, Metorial MCP index +2 more", else the record's kind of source. */
export function sourcesText(server: Pick<ServerSummary, 'sources' | 'source'>, shown = 2): string {
  if (server.sources.length === 0) return server.source;
  const titles = server.sources.slice(0, shown).map(sourceTitle).join(', ');
  return server.sources.length > shown ? `${titles} +${server.sources.length - shown} more` : titles;
}

export type ServerRow = {
  id: string;
  url: string;
  displayName: string;
  description: string | undefined;
  exfiltrationTriangle: boolean;
  /** "12", "12 (names only)" or "not collected": never a bare 0. */
  tools: string;
  /** The riskiest tool's class, only when there are tools. */
  risk: RiskClass | undefined;
  sources: string;
  failed: boolean;
};

export function serverRow(server: ServerSummary): ServerRow {
  const collected = server.toolCount > 0;
  return {
    id: server.id,
    url: serverUrl(server.id),
    displayName: server.displayName,
    description: server.description,
    exfiltrationTriangle: server.verdict.exfiltrationTriangle,
    tools: collected ? `${server.toolCount.toLocaleString('en-US')}${server.capture === 'names-only' ? ' (names only)' : ''}` : 'not collected',
    risk: collected ? server.verdict.risk : undefined,
    sources: sourcesText(server),
    failed: server.crawlStatus === 'failed',
  };
}

/** Everything a page of a server listing shows. */
export function serverListingModel(filter: ServerFilter, page: number) {
  const { base, title, description } = SERVER_FILTERS[filter];
  const servers = serversWhere(filter);
  const count = pageCount(servers.length);
  return {
    title: page > 1 ? `${title}, page ${page}` : title,
    heading: title,
    description,
    page,
    count,
    base,
    url: pageUrl(base, page),
    total: servers.length,
    filters: SERVER_FILTER_ORDER.map((key) => ({ key, label: SERVER_FILTERS[key].label, url: SERVER_FILTERS[key].base, count: serversWhere(key).length, current: key === filter })),
    rows: slice(servers, page).map(serverRow),
  };
}

/** Page numbers 2.. of a listing, for getStaticPaths. */
export function laterPages(filter: ServerFilter): number[] {
  return Array.from({ length: Math.max(0, pageCount(serversWhere(filter).length) - 1) }, (_, index) => index + 2);
}

export type Distribution<K extends string> = Record<K, number>;

export function toolDistribution(refs: readonly ToolRef[]): { byCategory: Distribution<Category>; byRisk: Distribution<RiskClass>; byLabel: Distribution<CapabilityLabel> } {
  const byCategory = Object.fromEntries(CATEGORIES.map((key) => [key, 0])) as Distribution<Category>;
  const byRisk = Object.fromEntries(RISKS.map((key) => [key, 0])) as Distribution<RiskClass>;
  const byLabel = Object.fromEntries(LABELS.map((key) => [key, 0])) as Distribution<CapabilityLabel>;
  for (const ref of refs) {
    byCategory[ref.category] += 1;
    byRisk[ref.risk] += 1;
    for (const label of ref.labels) byLabel[label] += 1;
  }
  return { byCategory, byRisk, byLabel };
}

/** A way to slice the tools: by category, by risk class or by capability label. */
export type Facet = 'categories' | 'risk' | 'labels';

export type FacetValue = { facet: Facet; value: string; slug: string; title: string; meaning: string };

export const FACETS: Record<Facet, { title: string; values: () => FacetValue[]; matches: (ref: ToolRef, value: string) => boolean }> = {
  categories: {
    title: 'Tools by category',
    values: () => CATEGORIES.map((value) => ({ facet: 'categories', value, slug: value.toLowerCase(), title: `${value} tools`, meaning: `A call ${CATEGORY_MEANING[value]}.` })),
    matches: (ref, value) => ref.category === value,
  },
  risk: {
    title: 'Tools by risk class',
    values: () => RISKS.map((value) => ({ facet: 'risk', value, slug: value.toLowerCase(), title: `${value} risk tools`, meaning: `${RISK_MEANING[value][0]?.toUpperCase()}${RISK_MEANING[value].slice(1)}.` })),
    matches: (ref, value) => ref.risk === value,
  },
  labels: {
    title: 'Tools by capability',
    values: () => LABELS.map((value) => ({ facet: 'labels', value, slug: value, title: `Tools that: ${LABEL_TITLE[value].toLowerCase()}`, meaning: `The tool ${LABEL_MEANING[value]}.` })),
    matches: (ref, value) => ref.labels.includes(value as CapabilityLabel),
  },
};

const RISK_ORDER: Record<RiskClass, number> = { Critical: 0, High: 1, Medium: 2, Low: 3 };
const byRiskThenName = (a: ToolRef, b: ToolRef) =>
  RISK_ORDER[a.risk] - RISK_ORDER[b.risk] || compareCodePoints(a.tool, b.tool) || compareCodePoints(a.server, b.server);

const facetCache = new Map<string, ToolRef[]>();

/** The tools with one facet value, most risky first, then by name; computed once per value per build. */
export function toolsWith(facet: Facet, value: string): ToolRef[] {
  const key = `${facet}:${value}`;
  let list = facetCache.get(key);
  if (!list) {
    list = allToolRefs().filter((ref) => FACETS[facet].matches(ref, value)).sort(byRiskThenName);
    facetCache.set(key, list);
  }
  return list;
}
