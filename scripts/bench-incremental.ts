// `npm run bench -- --section site --servers N --incremental`: a full build of N synthetic servers,
// then a re-crawl of 1% of them (src/synth/recrawl.ts: a tool's description edited and a tool added,
// written through the store), then a rebuild into the same folder with the same build cache. Both run
// as `npm run build` does (scripts/build.ts: the steps of site-build-steps.ts, two at a time), and the
// rebuild's wall time is given as a ratio to the full build's, measured in the same run. Then a clean
// build of the changed data checks that the rebuild left the same site.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compareBuilds, serverPages, type BuildComparison } from '../src/site/compare-builds';
import { builtPages } from '../src/site/sitemap';
import { recrawlShare } from '../src/synth/recrawl';
import type { Coverage } from '../src/synth/generate';
import { synthesizeDataset } from './bench-site';
import { measuredBuild } from './measured-build';

export type BuildRun = { seconds: number; steps: Record<string, number>; pagesRendered: number; pagesCached: number };

export type IncrementalFigures = {
  servers: number;
  seed: number;
  changedServers: number;
  pages: number;
  jobs: number;
  full: BuildRun;
  rebuild: BuildRun;
  /** rebuild / full wall time; the scale issue's target is at most 0.10. */
  ratio: number;
  /** The rebuild against a clean build of the changed data. */
  check: BuildComparison & { changedServerPages: number };
};

/** One build as `npm run build` runs it: every step in a child process, `jobs` at a time. */
async function build(out: string, env: NodeJS.ProcessEnv, jobs: number): Promise<BuildRun> {
  const figures = await measuredBuild(out, env, jobs);
  const steps = Object.fromEntries(Object.entries(figures.steps).map(([name, step]) => [name, step.seconds]));
  // Astro logs every page it writes; one it kept from the previous build ends in "(cached)" or "(restored)".
  const pageLines = (figures.steps['astro build']?.stdout ?? '').split('\n').filter((line) => /├─ \S+\.(html|xml|txt)/.test(line));
  const pagesCached = pageLines.filter((line) => /\((cached|restored)\)/.test(line)).length;
  return { seconds: figures.seconds, steps, pagesRendered: pageLines.length - pagesCached, pagesCached };
}

export async function benchIncremental(servers: number, seed = 1, coverage: Coverage = 'full', jobs = 2): Promise<IncrementalFigures> {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-incremental-'));
  try {
    const data = path.join(work, 'data');
    const dist = path.join(work, 'dist');
    const clean = path.join(work, 'dist-clean');
    synthesizeDataset(data, servers, seed, coverage);
    const env = (cache: string) => ({ ...process.env, CATALOG_DATA_DIR: data, CATALOG_CACHE_DIR: path.join(work, cache), ASTRO_TELEMETRY_DISABLED: '1' });

    const full = await build(dist, env('cache'), jobs);
    const changed = recrawlShare(data, 0.01);
    const rebuild = await build(dist, env('cache'), jobs);
    await build(clean, env('cache-clean'), jobs);

    // Every page of the changed servers, a sample of every 20th other server's pages, and every page
    // that is not a server's (listings, facets, same-name pages, the home page).
    const pages = builtPages(clean, new Set());
    const changedPages = new Set(changed.flatMap((id) => serverPages(pages, id)));
    const serverIds = [...new Set(pages.filter((page) => page.startsWith('/servers/')).map((page) => page.split('/')[2] as string))].sort();
    const sampled = new Set(serverIds.filter((_, index) => index % 20 === 0));
    const pick = (page: string) => {
      const id = page.startsWith('/servers/') ? page.split('/')[2] : undefined;
      return changedPages.has(page) || id === undefined || sampled.has(id) || ['page', 'with-tools', 'not-collected'].includes(id);
    };
    const files = ['data/catalog.json', 'data/tools.ndjson', 'data/tools.csv', 'sitemap.xml', ...changed.flatMap((id) => [`servers/${id}.json`, `servers/${id}/policy.json`])];
    const check = { ...compareBuilds(dist, clean, pick, files), changedServerPages: changedPages.size };
    return { servers, seed, changedServers: changed.length, pages: pages.length, jobs, full, rebuild, ratio: rebuild.seconds / full.seconds, check };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function incrementalTable(figures: IncrementalFigures): string {
  const names = Object.keys(figures.full.steps);
  const width = Math.max(12, ...names.map((name) => name.length));
  const row = (label: string, full: number, rebuild: number) =>
    `${label.padEnd(width)}  ${fmt(full, 1).padStart(8)}  ${fmt(rebuild, 1).padStart(8)}  ${(rebuild / full).toFixed(3).padStart(6)}`;
  const { check } = figures;
  return [
    `${fmt(figures.servers)} synthetic servers (seed ${figures.seed}), ${fmt(figures.pages)} pages; ${fmt(figures.changedServers)} servers re-crawled (1%: a tool's description edited, a tool added); steps ${figures.jobs} at a time`,
    `${'step'.padEnd(width)}  ${'full s'.padStart(8)}  ${'again s'.padStart(8)}  ${'ratio'.padStart(6)}`,
    ...names.map((name) => row(name, figures.full.steps[name]!, figures.rebuild.steps[name]!)),
    row('total (wall)', figures.full.seconds, figures.rebuild.seconds),
    `rebuild / full build: ${figures.ratio.toFixed(3)} (target: at most 0.10)`,
    `pages rendered: full ${fmt(figures.full.pagesRendered)}, rebuild ${fmt(figures.rebuild.pagesRendered)} (${fmt(figures.rebuild.pagesCached)} kept from the cache)`,
    `check against a clean build of the changed data: ${fmt(check.compared)} pages compared (${fmt(check.changedServerPages)} of the changed servers), ${check.different.length} differ; ` +
      `pages only in the rebuild ${check.onlyIn.rebuilt.length}, only in the clean build ${check.onlyIn.clean.length}; ${check.filesCompared} export files compared, ${check.filesDifferent.length} differ`,
  ].join('\n');
}
