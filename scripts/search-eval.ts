// Measures search quality and cost on a built site, through the real search page in headless
// Chromium (so through the same query module users get): recall@10 and MRR over a query set, the
// bytes the first and each later query transfer, and the time from typing to the first results.
//   npm run search-eval [-- --queries FILE] [--site DIR] [--build] [--json] [--cost-only]
// A query file is an array of {query, expected} or {about, queries: [...]}; with --cost-only (data
// with no answers, e.g. a synthetic set) it may be a plain list of queries and only cost is reported.
// Without --site it reuses dist/ when it holds a built search page and index, else builds it.
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { projectRoot, siteBuildSteps } from './site-build-steps';
import { serveStatic } from '../tests/helpers/site';
import { launchBrowser } from '../tests/helpers/browser';
import { firstHit, parseQueries, scoreRun, type EvalOutcome } from '../src/search/eval-metrics';
import { urlForState } from '../src/search/url-state';

const { values } = parseArgs({
  options: {
    queries: { type: 'string', default: path.join(projectRoot, 'tests/fixtures/search/queries.json') },
    site: { type: 'string' },
    build: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'cost-only': { type: 'boolean', default: false },
  },
});

const site = path.resolve(values.site ?? path.join(projectRoot, 'dist'));
const built = existsSync(path.join(site, 'search', 'index.html')) && existsSync(path.join(site, 'pagefind', 'pagefind.js'));
if (values.build || (!built && values.site === undefined)) {
  for (const step of siteBuildSteps(site)) {
    console.error(`search-eval: ${step.name}…`);
    execFileSync(step.command, step.args, { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  }
} else if (!built) throw new Error(`${site} holds no built search page and index (build it, or pass --build)`);

const costOnly = values['cost-only'];
const queries = parseQueries(readFileSync(values.queries, 'utf8'), values.queries, { answers: !costOnly });
const server = await serveStatic(site);
const browser = await launchBrowser();

type Transfer = { url: string; bytes: number; gzipBytes: number };
const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? 0;

try {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const transfers: Array<Promise<Transfer>> = [];
  tab.on('response', (response) => {
    transfers.push(
      response.body().then(
        (body) => ({ url: response.url().replace(server.url, ''), bytes: body.length, gzipBytes: Math.min(body.length, gzipSync(body).length) }),
        () => ({ url: response.url(), bytes: 0, gzipBytes: 0 }),
      ),
    );
  });
  await tab.goto(`${server.url}/search/`, { waitUntil: 'load' });
  const pageLoad = transfers.length;
  const input = tab.locator('input[name="q"]');
  const outcomes: EvalOutcome[] = [];
  const perQuery: Array<{ query: string; ms: number; transfers: Transfer[]; rank: number | undefined }> = [];
  for (const { query, expected } of queries) {
    const before = transfers.length;
    const started = performance.now();
    await input.fill(query);
    await tab.locator(`.search[data-state="done"][data-searched-for="${urlForState({ query, filters: {} }).replace(/"/g, '\\"')}"]`).waitFor({ timeout: 60_000 });
    const ms = performance.now() - started;
    const results = await tab.locator('.search-results .search-result-title a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    // Let the responses of this query settle before the next one counts its own.
    await tab.waitForLoadState('networkidle');
    const outcome = { query, expected, results };
    outcomes.push(outcome);
    perQuery.push({ query, ms, transfers: await Promise.all(transfers.slice(before)), rank: firstHit(outcome) });
  }
  const pageTransfers = await Promise.all(transfers.slice(0, pageLoad));
  const sum = (list: Transfer[], key: 'bytes' | 'gzipBytes') => list.reduce((total, entry) => total + entry[key], 0);
  const score = scoreRun(outcomes);
  const later = perQuery.slice(1);
  const figures = {
    queryFile: values.queries,
    site,
    ...score,
    page: { bytes: sum(pageTransfers, 'bytes'), gzipBytes: sum(pageTransfers, 'gzipBytes') },
    firstQuery: { bytes: sum(perQuery[0]!.transfers, 'bytes'), gzipBytes: sum(perQuery[0]!.transfers, 'gzipBytes'), ms: Math.round(perQuery[0]!.ms) },
    laterQueries: {
      medianGzipBytes: median(later.map((entry) => sum(entry.transfers, 'gzipBytes'))),
      maxGzipBytes: Math.max(0, ...later.map((entry) => sum(entry.transfers, 'gzipBytes'))),
      medianMs: Math.round(median(later.map((entry) => entry.ms))),
      maxMs: Math.round(Math.max(0, ...later.map((entry) => entry.ms))),
    },
    perQuery: perQuery.map((entry) => ({ query: entry.query, rank: entry.rank ?? null, ms: Math.round(entry.ms), gzipBytes: sum(entry.transfers, 'gzipBytes') })),
  };
  if (values.json) console.log(JSON.stringify(figures, null, 2));
  else {
    const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
    for (const entry of figures.perQuery) console.log(`${entry.rank === null ? ' miss' : `#${String(entry.rank).padStart(2)}  `}  ${String(entry.ms).padStart(5)} ms  ${kib(entry.gzipBytes).padStart(10)}  ${entry.query}`);
    console.log(`\n${score.queries} queries (${path.relative(process.cwd(), values.queries) || values.queries})`);
    if (!costOnly) console.log(`recall@10 ${score.recallAt10.toFixed(3)}   MRR ${score.mrr.toFixed(3)}   coverage@10 ${score.coverageAt10.toFixed(3)}`);
    console.log(`first query: ${kib(figures.firstQuery.gzipBytes)} gzipped (${kib(figures.firstQuery.bytes)} as served), ${figures.firstQuery.ms} ms from typing to results; the page itself ${kib(figures.page.gzipBytes)} gzipped`);
    console.log(`later queries: median ${kib(figures.laterQueries.medianGzipBytes)}, max ${kib(figures.laterQueries.maxGzipBytes)} gzipped; median ${figures.laterQueries.medianMs} ms, max ${figures.laterQueries.maxMs} ms`);
    if (!costOnly && score.misses.length > 0) console.log(`missed: ${score.misses.join(' | ')}`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
