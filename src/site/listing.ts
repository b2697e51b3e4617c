// Counts, orderings and facet listings for listing pages, computed from the build's one index
// (server summaries and tool refs), never from whole records.
import type { CapabilityLabel, Category, RiskClass } from '../schema';
import { allToolRefs, serverSummaries, type ServerSummary, type ToolRef } from './catalog';
import { CATEGORIES, CATEGORY_MEANING, LABELS, LABEL_MEANING, LABEL_TITLE, RISKS, RISK_MEANING } from './taxonomy';
import { compareCodePoints } from '../lib/canonical-json';

export function datasetCounts(summaries: readonly ServerSummary[]): { servers: number; tools: number } {
  return { servers: summaries.length, tools: summaries.reduce((sum, server) => sum + server.toolCount, 0) };
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
