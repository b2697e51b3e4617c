// Turns what a person types into Pagefind searches, used by the search page and the eval alike so
// the two cannot drift: stop words are dropped (Pagefind ANDs every word the corpus holds, and "a"
// is in nearly every record), identifiers are split as the index splits them, and when the strict
// search finds too few results the query is relaxed: one search per term, merged by how many terms
// each result matched, then by the sum of Pagefind's scores.
import { nameWords } from './words';

export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor of to in into on onto at by for from with without about as is are be was were been being ' +
    'it its this that these those there here than then so such some any each every all both either ' +
    'i me my mine we us our you your he she they them their what which who whom whose when where why how ' +
    'do does did doing can could should would will shall may might must have has had having ' +
    'want wants need needs like please let lets use using via just also more most very way ways something thing things ' +
    'tool tools mcp'
  ).split(' '),
);

/** At most this many terms are searched: a pasted paragraph must not fan out into dozens of searches. */
export const MAX_TERMS = 8;

/**
 * The words to search for: lower case, stop words dropped, identifiers split like the index splits
 * names (`CloneContainerToECR` → clone container ecr), duplicates dropped, in the order typed.
 */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const token of query.split(/\s+/)) {
    for (const word of nameWords(token).split(' ')) {
      if (word && !STOP_WORDS.has(word) && !terms.includes(word)) terms.push(word);
    }
  }
  // A query made only of stop words ("how to") still searches for what was typed.
  if (terms.length === 0) for (const word of nameWords(query).split(' ')) if (word && !terms.includes(word)) terms.push(word);
  return terms.slice(0, MAX_TERMS);
}

/** The part of Pagefind's JS API this module uses (`/pagefind/pagefind.js`; results are server records). */
export type PagefindResult<Data> = { id: string; score: number; data: () => Promise<Data> };
export type SearchFilters = Record<string, string>;
export type PagefindApi<Data> = {
  search: (term: string | null, options?: { filters?: SearchFilters }) => Promise<{ results: Array<PagefindResult<Data>> } | null>;
};

export type RankedResult<Data> = PagefindResult<Data> & {
  /** How many of the query's terms the result matched (all of them for a strict hit). */
  matched: number;
  /** The result as each search that found it returned it (one, or one per matched term when relaxed): their data hold each term's locations. */
  found: Array<PagefindResult<Data>>;
};

export type QueryOutcome<Data> = {
  terms: string[];
  /** `strict`: every term matched; `relaxed`: merged from one search per term; `filters`: no query, filters only. */
  mode: 'strict' | 'relaxed' | 'filters' | 'empty';
  results: Array<RankedResult<Data>>;
};

/** The strict search is kept as is when it finds at least this many results (a page of them). */
export const ENOUGH_STRICT = 10;

/**
 * Merges per-term result lists: a result matching more terms ranks first, then the larger sum of
 * its per-term scores (Pagefind's scores already weigh a rare word above a common one).
 */
export function mergeByTerms<Data>(perTerm: Array<Array<PagefindResult<Data>>>): Array<RankedResult<Data>> {
  const merged = new Map<string, { result: PagefindResult<Data>; found: Array<PagefindResult<Data>>; matched: number; score: number; first: number }>();
  let order = 0;
  for (const results of perTerm) {
    for (const result of results) {
      const seen = merged.get(result.id);
      if (seen) {
        seen.matched += 1;
        seen.score += result.score;
        seen.found.push(result);
      } else {
        merged.set(result.id, { result, found: [result], matched: 1, score: result.score, first: order });
      }
      order += 1;
    }
  }
  return [...merged.values()]
    .sort((a, b) => b.matched - a.matched || b.score - a.score || a.first - b.first)
    .map(({ result, found, matched, score }) => ({ id: result.id, score, data: result.data, matched, found }));
}

/**
 * The page's filters as Pagefind's, on server records: `type` is not a record's (a record is a server
 * and its tools; the page keeps tools or servers), but "tools" means the server has some. Category,
 * risk and label are the union of the server's and its tools' values, so a record that passes holds
 * a tool or server that may; the page checks each one.
 */
export function recordFilters(filters: SearchFilters): SearchFilters {
  const { type, ...rest } = filters;
  return type === 'tool' ? { ...rest, 'has tools': 'yes' } : rest;
}

/** Runs a query: filters alone list everything they match; otherwise strict first, relaxed when that finds too few. */
export async function runQuery<Data>(pagefind: PagefindApi<Data>, query: string, filters: SearchFilters = {}): Promise<QueryOutcome<Data>> {
  const terms = query.trim() ? queryTerms(query) : [];
  const pagefindFilters = recordFilters(filters);
  const options = Object.keys(pagefindFilters).length > 0 ? { filters: pagefindFilters } : {};
  const single = (result: PagefindResult<Data>, matched: number): RankedResult<Data> => ({ ...result, matched, found: [result] });
  if (terms.length === 0) {
    if (Object.keys(filters).length === 0) return { terms, mode: 'empty', results: [] };
    const found = await pagefind.search(null, options);
    return { terms, mode: 'filters', results: (found?.results ?? []).map((result) => single(result, 0)) };
  }
  const strict = (await pagefind.search(terms.join(' '), options))?.results ?? [];
  if (strict.length >= ENOUGH_STRICT || terms.length === 1) {
    return { terms, mode: 'strict', results: strict.map((result) => single(result, terms.length)) };
  }
  const perTerm = await Promise.all(terms.map(async (term) => (await pagefind.search(term, options))?.results ?? []));
  return { terms, mode: 'relaxed', results: mergeByTerms(perTerm) };
}
