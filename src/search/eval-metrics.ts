// Scores a search run against a query set: each query lists the URLs that answer it (any of them
// counts), so recall@10 is the share of queries with an answer in the first ten results and MRR the
// mean reciprocal rank of the first answer (0 when none is in the first ten).

export type EvalQuery = { query: string; expected: string[] };
export type EvalOutcome = EvalQuery & { results: string[] };
export type EvalScore = {
  queries: number;
  recallAt10: number;
  mrr: number;
  /** The share of each query's expected URLs (up to ten) in its first ten results, averaged. */
  coverageAt10: number;
  /** Queries with no expected URL in the first ten. */
  misses: string[];
};

export const CUTOFF = 10;

/** 1-based rank of the first expected URL in the first ten results, or undefined. */
export function firstHit(outcome: EvalOutcome): number | undefined {
  const index = outcome.results.slice(0, CUTOFF).findIndex((url) => outcome.expected.includes(url));
  return index < 0 ? undefined : index + 1;
}

export function scoreRun(outcomes: EvalOutcome[]): EvalScore {
  let hits = 0;
  let reciprocal = 0;
  let coverage = 0;
  const misses: string[] = [];
  for (const outcome of outcomes) {
    const rank = firstHit(outcome);
    if (rank === undefined) misses.push(outcome.query);
    else {
      hits += 1;
      reciprocal += 1 / rank;
    }
    const top = new Set(outcome.results.slice(0, CUTOFF));
    const wanted = Math.min(outcome.expected.length, CUTOFF);
    if (wanted > 0) coverage += outcome.expected.filter((url) => top.has(url)).length / wanted;
  }
  const n = Math.max(outcomes.length, 1);
  return { queries: outcomes.length, recallAt10: hits / n, mrr: reciprocal / n, coverageAt10: coverage / n, misses };
}

/**
 * Reads and checks a query file: a non-empty array of `{query, expected: [url, …]}`, or an object
 * holding one as `queries` (`{about, queries: [{query, expected, rule}]}`; other fields are ignored).
 * With `answers: false` (cost runs on data that has no answers) `expected` may be missing or empty.
 */
export function parseQueries(text: string, where: string, options: { answers?: boolean } = {}): EvalQuery[] {
  const answers = options.answers ?? true;
  const parsed: unknown = JSON.parse(text);
  const data = Array.isArray(parsed) ? parsed : (parsed as { queries?: unknown } | null)?.queries;
  if (!Array.isArray(data) || data.length === 0) throw new Error(`${where}: expected a non-empty array of queries, or {"queries": [...]}`);
  return data.map((entry: unknown, index) => {
    const item = (typeof entry === 'string' && !answers ? { query: entry, expected: [] } : entry) as Partial<EvalQuery>;
    const expected = item.expected ?? (answers ? undefined : []);
    if (
      typeof item.query !== 'string' ||
      !item.query.trim() ||
      !Array.isArray(expected) ||
      (answers && expected.length === 0) ||
      !expected.every((url) => typeof url === 'string')
    ) {
      throw new Error(`${where}[${index}]: expected {"query": "…", "expected": ["/servers/…/"]}`);
    }
    return { query: item.query, expected };
  });
}
