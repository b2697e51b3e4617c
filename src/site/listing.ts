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
export type ServerFilter = 'all' | 'with-tools' | 'not-collected' | 'exfiltration-triangle';

/** `term`: the listing is of servers with a property the method page explains; the listing says what it means and links there. */
export const SERVER_FILTERS: Record<
  ServerFilter,
  { base: string; title: string; label: string; description: string; term?: { text: string; href: string }; matches: (server: ServerSummary) => boolean }
> = {
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
  'exfiltration-triangle': {
    base: '/servers/exfiltration-triangle/',
    title: 'Servers with an exfiltration triangle',
    label: 'Exfiltration triangle',
    description: 'The MCP servers whose tools together read private data, ingest untrusted content and can send data out.',
    term: {
      text: 'An exfiltration triangle: the tools of one server read private data, ingest untrusted content and can send data out, so an instruction hidden in that content can make an agent send the data away through the same server.',
      href: '/method/#exfiltration-triangle',
    },
    matches: (server) => server.toolCount > 0 && server.verdict.exfiltrationTriangle,
  },
};

export const SERVER_FILTER_ORDER: readonly ServerFilter[] = ['all', 'with-tools', 'not-collected', 'exfiltration-triangle'];

/** Path segments under /servers/ that are listings, not servers: a server with such an id would lose its page. */
export const RESERVED_SERVER_SEGMENTS: ReadonlySet<string> = new Set(['page', 'with-tools', 'not-collected', 'exfiltration-triangle']);

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
  const { base, title, description, term } = SERVER_FILTERS[filter];
  const servers = serversWhere(filter);
  const count = pageCount(servers.length);
  return {
    title: page > 1 ? `${title}, page ${page}` : title,
    heading: title,
    description,
    /** What the listed servers have in common, when it is a term of the method, with its link. */
    term,
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

/** A way to slice the tools: by category, by risk class, by capability label, or by their findings. */
export type Facet = 'categories' | 'risk' | 'labels' | 'findings';

export type FacetValue = { facet: Facet; value: string; slug: string; title: string; meaning: string };

/** `method`: where the method page explains how the facet's values are decided. */
export const FACETS: Record<Facet, { title: string; method: string; values: () => FacetValue[]; matches: (ref: ToolRef, value: string) => boolean }> = {
  categories: {
    title: 'Tools by category',
    method: '/method/#category',
    values: () => CATEGORIES.map((value) => ({ facet: 'categories', value, slug: value.toLowerCase(), title: `${value} tools`, meaning: `A call ${CATEGORY_MEANING[value]}.` })),
    matches: (ref, value) => ref.category === value,
  },
  risk: {
    title: 'Tools by risk class',
    method: '/method/#risk',
    values: () => RISKS.map((value) => ({ facet: 'risk', value, slug: value.toLowerCase(), title: `${value} risk tools`, meaning: `${RISK_MEANING[value][0]?.toUpperCase()}${RISK_MEANING[value].slice(1)}.` })),
    matches: (ref, value) => ref.risk === value,
  },
  labels: {
    title: 'Tools by capability',
    method: '/method/#labels',
    values: () => LABELS.map((value) => ({ facet: 'labels', value, slug: value, title: `Tools that: ${LABEL_TITLE[value].toLowerCase()}`, meaning: `The tool ${LABEL_MEANING[value]}.` })),
    matches: (ref, value) => ref.labels.includes(value as CapabilityLabel),
  },
  findings: {
    title: 'Tools by findings',
    method: '/method/#findings',
    values: () => [
      {
        facet: 'findings',
        value: 'poisoning',
        slug: 'poisoning',
        title: 'Tools with poisoning findings',
        meaning: 'Text in the definition speaks to the model instead of describing the tool: hidden instructions, secret paths, requests for secrets, invisible characters. A finding is for a reader to judge.',
      },
    ],
    matches: (ref, value) => value === 'poisoning' && ref.findings > 0,
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

/** One figure of the home page: a count, words of which some link to the list that has exactly those items, and the term explained. */
export type HomeFigure = { count: number; parts: Array<{ text: string; href?: string }>; term?: { text: string; href: string } };

/** The home page's figures, each counted from the list it links to, so a figure and its list cannot disagree. */
export function homeFigures(): HomeFigure[] {
  const counts = datasetCounts(serverSummaries());
  const high = toolsWith('risk', 'High').length;
  const critical = toolsWith('risk', 'Critical').length;
  return [
    { count: counts.servers, parts: [{ text: 'servers', href: SERVER_FILTERS.all.base }] },
    { count: counts.withTools, parts: [{ text: 'with their tools collected', href: SERVER_FILTERS['with-tools'].base }] },
    { count: counts.tools, parts: [{ text: 'tools', href: '/categories/' }, { text: ', by category' }] },
    {
      count: high + critical,
      parts: [{ text: 'high', href: '/risk/high/' }, { text: ' or ' }, { text: 'critical', href: '/risk/critical/' }, { text: ' risk' }],
      term: { text: 'a call can run code, change permissions, destroy data or move money', href: '/method/#risk' },
    },
    {
      count: serversWhere('exfiltration-triangle').length,
      parts: [{ text: 'servers with an exfiltration triangle', href: SERVER_FILTERS['exfiltration-triangle'].base }],
      term: { text: 'their tools read private data, take in untrusted content and can send data out', href: '/method/#exfiltration-triangle' },
    },
    {
      count: toolsWith('findings', 'poisoning').length,
      parts: [{ text: 'tools with poisoning findings', href: '/findings/poisoning/' }],
      term: { text: 'text in the definition that speaks to the model, not about the tool', href: '/method/#findings' },
    },
  ];
}
