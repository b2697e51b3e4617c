// The compact search records: one per tool and one per server, built from the stored data (never
// from the built HTML), with the words people search for and the fields the results show.
import type { CapabilityLabel, Category, Classification, RiskClass, Server, ServerClassification } from '../schema';
import { serverUrl, toolUrl } from '../site/catalog';
import { nameWords } from './words';

/**
 * Indexed text of a record, in decreasing weight. Everything here is crawled, hostile text: it is
 * escaped when written into the HTML Pagefind parses, and the browser shows it as text.
 */
export type SearchFields = {
  /** The tool's or server's name as written. */
  name: string;
  /** The name split into words, plus the title when there is one. */
  words: string;
  description: string;
  /** The server's display name and its words (on a tool record, the server it belongs to). */
  server: string;
};

/** What a result shows without loading the page: read from `result.meta` in the browser. */
export type SearchMeta = {
  /** The heading of the result: a tool's name or a server's display name. */
  title: string;
  /** The tool's name (tool records only). */
  tool?: string;
  /** The server's display name. */
  server: string;
  category?: Category;
  risk?: RiskClass;
  type: 'tool' | 'server';
};

/** Facets, all with a handful of values so their index stays tiny (no per-server filter). */
export type SearchFilters = {
  type: ['tool' | 'server'];
  'has tools': ['yes' | 'no'];
  category?: [Category];
  risk?: [RiskClass];
  label?: CapabilityLabel[];
};

export type SearchRecord = { url: string; fields: SearchFields; meta: SearchMeta; filters: SearchFilters };

/**
 * A description longer than this is cut at a word boundary: the words that say what a tool does
 * come first, and Pagefind's memory grows with indexed text.
 */
export const MAX_DESCRIPTION = 1200;

export function clip(text: string, max = MAX_DESCRIPTION): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return text.slice(0, cut > max / 2 ? cut : max);
}

function serverWords(server: Server): string {
  const words = nameWords(server.displayName);
  return words === server.displayName.toLowerCase() ? server.displayName : `${server.displayName} ${words}`.trim();
}

export function toolRecord(server: Server, index: number, verdict: Classification): SearchRecord {
  const definition = server.tools[index]!.definition;
  const title = definition.title?.trim();
  return {
    url: toolUrl(server.id, definition.name),
    fields: {
      name: definition.name,
      words: [nameWords(definition.name), title].filter(Boolean).join(' '),
      description: clip(definition.description?.trim() ?? ''),
      server: serverWords(server),
    },
    meta: { title: definition.name, tool: definition.name, server: server.displayName, category: verdict.category, risk: verdict.risk, type: 'tool' },
    filters: {
      type: ['tool'],
      'has tools': ['yes'],
      category: [verdict.category],
      risk: [verdict.risk],
      ...(verdict.labels.length > 0 ? { label: [...verdict.labels] } : {}),
    },
  };
}

export function serverRecord(server: Server, verdict: ServerClassification): SearchRecord {
  const hasTools = server.tools.length > 0;
  const names = nameWords(server.name);
  return {
    url: serverUrl(server.id),
    fields: {
      name: server.displayName,
      words: [nameWords(server.displayName), server.name !== server.displayName ? `${server.name} ${names}` : ''].filter(Boolean).join(' '),
      description: clip(server.description?.trim() ?? ''),
      server: '',
    },
    meta: { title: server.displayName, server: server.displayName, ...(hasTools ? { risk: verdict.risk } : {}), type: 'server' },
    filters: {
      type: ['server'],
      'has tools': [hasTools ? 'yes' : 'no'],
      // A server without tools has no verdict: no risk, no labels (a classification of nothing reads "Low").
      ...(hasTools ? { risk: [verdict.risk] } : {}),
      ...(hasTools && verdict.labels.length > 0 ? { label: [...verdict.labels] } : {}),
    },
  };
}

/** Every record of a server: the server's own, then one per tool, in the server's tool order. */
export function recordsForServer(server: Server, verdicts: { tools: Classification[]; server: ServerClassification }): SearchRecord[] {
  return [serverRecord(server, verdicts.server), ...server.tools.map((_, index) => toolRecord(server, index, verdicts.tools[index]!))];
}
