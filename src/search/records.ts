// The search records: one per server (index-only servers too), built from the stored data (never
// from the built HTML). Each of the server's tools is a section of the record under a heading whose
// id encodes the tool's page and verdict (tool-anchor.ts), so Pagefind's per-heading sub-results are
// the tools, and one record per server keeps Pagefind's metadata (loaded before any query) small.
import type { Classification, Server, ServerClassification } from '../schema';
import { toolSlug } from '../lib/ids';
import { serverUrl } from '../site/catalog';
import { CATEGORIES, LABELS, RISKS } from '../site/taxonomy';
import { encodeLabels, encodeToolAnchor } from './tool-anchor';
import { nameWords } from './words';

/** A tool's section. Everything here is crawled, hostile text: escaped when written into the HTML Pagefind parses. */
export type ToolSection = {
  /** The heading's id: the tool's slug and verdict (tool-anchor.ts). */
  anchor: string;
  /** The tool's name as written: the heading's text, shown as the result's title. */
  name: string;
  /** The tool's title, when it has one (the split name is Pagefind's own, see toolSection). */
  words: string;
  description: string;
};

/** What a result shows without loading anything else: read from `meta` in the browser. */
export type SearchMeta = {
  /** The server's display name. */
  title: string;
  /** The server's own risk and labels (two hex digits), when it has tools. */
  risk?: string;
  labels?: string;
  /** How many tools the server has (so the page can say how many were not matched). */
  tools: string;
};

/** Page-level facets: the server's own values and the union of its tools' (each tool is filtered again in the page). */
export type SearchFilters = Partial<Record<'has tools' | 'category' | 'risk' | 'label', string[]>>;

export type SearchRecord = {
  url: string;
  /** The server's name words (display name and package name, split) and its description. */
  server: { words: string; description: string };
  tools: ToolSection[];
  meta: SearchMeta;
  filters: SearchFilters;
};

/**
 * A tool description longer than this is cut at a word boundary: the words that say what a tool does
 * come first, and the bytes of a server's fragment (loaded to show its tools) grow with it.
 */
export const MAX_DESCRIPTION = 240;
/** A server's own description is one per record, so it may be longer. */
export const MAX_SERVER_DESCRIPTION = 1200;

export function clip(text: string, max = MAX_DESCRIPTION): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return text.slice(0, cut > max / 2 ? cut : max);
}

/** The server's names as words: display name, and the package name when it differs, each split. */
export function serverNameWords(server: Server): string {
  const parts = [server.displayName, nameWords(server.displayName)];
  if (server.name !== server.displayName) parts.push(server.name, nameWords(server.name));
  const seen = new Set<string>();
  const words: string[] = [];
  for (const word of parts.join(' ').split(/\s+/)) {
    if (word && !seen.has(word.toLowerCase())) {
      seen.add(word.toLowerCase());
      words.push(word);
    }
  }
  return words.join(' ');
}

export function toolSection(server: Server, index: number, verdict: Classification): ToolSection {
  const definition = server.tools[index]!.definition;
  const title = definition.title?.trim();
  return {
    anchor: encodeToolAnchor({ slug: toolSlug(definition.name), category: verdict.category, risk: verdict.risk, labels: verdict.labels }),
    name: definition.name,
    // Pagefind itself indexes the parts of a compound name (`create_pull_request`, `CloneContainerToECR`)
    // at the heading's location, so the split name is not written again: at 434,000 tools it doubled
    // the postings of every name word, which every query of a common word loads.
    words: title ?? '',
    description: clip(definition.description?.trim() ?? ''),
  };
}

const ordered = <T extends string>(order: readonly T[], values: Set<T>): T[] => order.filter((value) => values.has(value));

/** The one record of a server, its tools in the server's order. */
export function serverRecord(server: Server, verdicts: { tools: Classification[]; server: ServerClassification }): SearchRecord {
  const hasTools = server.tools.length > 0;
  const categories = new Set(verdicts.tools.map((verdict) => verdict.category));
  const risks = new Set(verdicts.tools.map((verdict) => verdict.risk));
  const labels = new Set(verdicts.tools.flatMap((verdict) => verdict.labels));
  if (hasTools) {
    risks.add(verdicts.server.risk);
    for (const label of verdicts.server.labels) labels.add(label);
  }
  return {
    url: serverUrl(server.id),
    server: { words: serverNameWords(server), description: clip(server.description?.trim() ?? '', MAX_SERVER_DESCRIPTION) },
    tools: server.tools.map((_, index) => toolSection(server, index, verdicts.tools[index]!)),
    meta: {
      title: server.displayName,
      // A server without tools has no verdict: no risk, no labels (a classification of nothing reads "Low").
      ...(hasTools ? { risk: verdicts.server.risk, labels: encodeLabels(verdicts.server.labels) } : {}),
      tools: String(server.tools.length),
    },
    filters: {
      'has tools': [hasTools ? 'yes' : 'no'],
      ...(categories.size > 0 ? { category: ordered(CATEGORIES, categories) } : {}),
      ...(risks.size > 0 ? { risk: ordered(RISKS, risks) } : {}),
      ...(labels.size > 0 ? { label: ordered(LABELS, labels) } : {}),
    },
  };
}
