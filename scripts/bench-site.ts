// The `site` section of `npm run bench`: the whole pipeline on a synthetic dataset of N servers
// shaped like the real ecosystem (`npm run synth`: every server with tools by default, `--coverage
// today` for today's ~80% index-only; distinct tool names at the real rate of reuse): load and
// validate, classify and policies measured apart in one child process, then the build exactly as
// `npm run build` runs it (scripts/measured-build.ts), each step with its wall time, throughput and
// the peak memory of its process tree, and the build's wall time and summed peak; then a bare-Astro
// baseline of the same page count and config, and what a browser loads before the first search result.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, totalmem, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeServer } from '../src/store/dataset';
import { synthesizeServers, type Coverage } from '../src/synth/generate';
import { readProfile } from '../src/synth/profile-file';
import { writeBaselineProject } from './bench-baseline';
import type { StageFigures } from './bench-stages';
import { measureProcessTree } from './process-tree-peak';
import { measuredBuild, type StepFigures } from './measured-build';
import { projectRoot } from './site-build-steps';

/** Writes `count` synthetic servers (src/synth) into `dir`: the real ecosystem's shape, new tool names. */
export function synthesizeDataset(dir: string, count: number, seed: number, coverage: Coverage = 'full'): { servers: number; withTools: number; tools: number } {
  let withTools = 0;
  let tools = 0;
  for (const server of synthesizeServers(readProfile(), count, seed, coverage)) {
    writeServer(dir, server);
    if (server.tools.length > 0) withTools += 1;
    tools += server.tools.length;
  }
  return { servers: count, withTools, tools };
}

/** A built site's pages (`index.html` files), and every file with their bytes: what a deploy uploads (docs/deploy.md). One walk. */
function countOutput(dir: string): { pages: number; files: number; bytes: number } {
  let pages = 0;
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    if (entry.name === 'index.html') pages += 1;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { pages, files, bytes };
}

/**
 * Gzipped bytes the search page (src/search/ui.ts) fetches from Pagefind before its first query can
 * run: the JS API and its worker, and each index part's entry, wasm and metadata file. No filter index loads up front any
 * more (a filter's chunk loads when it is used), and the query's own index chunks and result
 * fragments are not counted here: `npm run search-eval` measures whole queries in a browser.
 */
function searchBootstrapBytes(dist: string): number {
  const gz = (file: string) => (existsSync(file) ? gzipSync(readFileSync(file)).length : 0);
  const main = path.join(dist, 'pagefind');
  // Every part of a split index (src/search/build-index.ts) has its own entry, wasm and metadata; its
  // wasm is counted too, an upper bound if a browser reuses the first one. search-eval measures real fetches.
  const listed = path.join(main, 'parts.json');
  const others = existsSync(listed) ? (JSON.parse(readFileSync(listed, 'utf8')) as { parts: string[] }).parts : [];
  let bytes = gz(path.join(main, 'pagefind.js')) + gz(path.join(main, 'pagefind-worker.js')) + gz(listed);
  for (const dir of [main, ...others.map((part) => path.join(dist, ...part.split('/').filter(Boolean)))]) {
    for (const name of ['pagefind-entry.json', ...readdirSync(dir).filter((file) => /^(wasm\..*|pagefind\..*\.pf_meta)$/.test(file))]) bytes += gz(path.join(dir, name));
  }
  return bytes;
}

export type Stage = {
  label: string;
  seconds: number;
  /** Items per wall second, in `unit`. */
  throughput: number;
  unit: 'servers/s' | 'tools/s' | 'pages/s';
  /** Peak resident memory of the stage's process tree; the three in-process stages share one process. */
  peakMiB: number;
};

export type SiteFigures = {
  servers: number;
  seed: number;
  coverage: Coverage;
  withTools: number;
  tools: number;
  pages: number;
  synthSeconds: number;
  stages: Record<'load' | 'classify' | 'policies' | 'astroBuild' | 'postBuild' | 'search' | 'total', Stage>;
  baseline: { pages: number; seconds: number; pagesPerSecond: number; peakMiB: number };
  /** The catalog's astro build time over the baseline's. */
  astroToBaseline: number;
  /** The whole build's wall time (search included) over the baseline's: the scale issue's target is at most 1.5. */
  buildToBaseline: number;
  /** (classify + policies, measured once in process) / the build's wall time; the classifier issue's target is at most 0.05. */
  classifyPoliciesShare: number;
  searchBootstrapKiB: number;
  /** Files and bytes of the built site (what a deploy uploads). */
  output: { files: number; bytes: number };
  machine: { cpus: number; memoryGiB: number };
};

const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function siteTable(figures: SiteFigures): string {
  const rows = Object.values(figures.stages).map((stage) => [stage.label, fmt(stage.seconds, 1), `${fmt(stage.throughput)} ${stage.unit}`, fmt(stage.peakMiB)]);
  rows.push(['bare-Astro baseline', fmt(figures.baseline.seconds, 1), `${fmt(figures.baseline.pagesPerSecond)} pages/s`, fmt(figures.baseline.peakMiB)]);
  const header = ['stage', 'wall s', 'throughput', 'peak MiB'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [
    `${fmt(figures.servers)} synthetic servers (seed ${figures.seed}, coverage ${figures.coverage}: ${fmt(figures.withTools)} with ${fmt(figures.tools)} tools${figures.withTools < figures.servers ? ', the rest index-only' : ''}; generated in ${fmt(figures.synthSeconds, 1)} s), ${fmt(figures.pages)} pages`,
    line(header),
    ...rows.map(line),
    `npm run build / bare-Astro baseline (${fmt(figures.baseline.pages)} pages): ${figures.buildToBaseline.toFixed(2)}x (target: at most 1.5x); astro build alone: ${figures.astroToBaseline.toFixed(2)}x`,
    `classify + policies: ${(100 * figures.classifyPoliciesShare).toFixed(1)}% of the total (target: at most 5%)`,
    `search: ${fmt(figures.searchBootstrapKiB)} KiB gzipped before the first result`,
    `output: ${fmt(figures.output.files)} files, ${fmt(figures.output.bytes / 2 ** 20)} MiB`,
    `machine: ${figures.machine.cpus} CPUs, ${fmt(figures.machine.memoryGiB, 1)} GiB`,
    'peak memory: the whole process tree of each step, sampled every 50 ms; load, classify and policies run in one process and share its peak; the total sums the steps running at the same moment',
    'wall time: load, classify and policies are one pass of that work measured apart; npm run build runs post-build beside astro build, so its steps do not add up to its total',
  ].join('\n');
}

function removeInBackground(dirs: string[]): void {
  spawn('rm', ['-rf', '--', ...dirs], { detached: true, stdio: 'ignore' }).unref();
}

export async function benchSite(servers: number, seed = 1, coverage: Coverage = 'full'): Promise<SiteFigures> {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-site-'));
  let baselineDir: string | undefined;
  try {
    const data = path.join(work, 'data');
    const dist = path.join(work, 'dist');
    const synthStarted = performance.now();
    const made = synthesizeDataset(data, servers, seed, coverage);
    const synthSeconds = (performance.now() - synthStarted) / 1000;
    const env = { ...process.env, CATALOG_DATA_DIR: data, CATALOG_CACHE_DIR: path.join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' };
    const run = (command: string, args: string[], cwd = projectRoot) => measureProcessTree(command, args, { cwd, env });

    const inProcess = await run(path.join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/bench-stages.ts']);
    const stages = JSON.parse(inProcess.stdout.trim().split('\n').at(-1)!) as StageFigures;
    // The build exactly as `npm run build` runs it (steps side by side where they may, two at a time),
    // with a cache folder of this run's own: every page is rendered, as in a first build.
    const build = await measuredBuild(dist, env, Math.min(2, availableParallelism()));
    const of = (name: string) => build.steps[name] as StepFigures;
    const astroBuild = of('astro build');
    const search = of('search index');
    const postBuild = { seconds: of('post-build').seconds + of('sitemap').seconds, peakMiB: Math.max(of('post-build').peakMiB, of('sitemap').peakMiB) };
    const { pages, ...output } = countOutput(dist);

    baselineDir = writeBaselineProject(pages);
    const baselineDist = path.join(baselineDir, 'dist');
    const baseline = await run(path.join(projectRoot, 'node_modules/.bin/astro'), ['build', '--outDir', baselineDist], baselineDir);
    const baselinePages = countOutput(baselineDist).pages;

    const stage = (label: string, seconds: number, items: number, unit: Stage['unit'], peakMiB: number): Stage => ({
      label,
      seconds,
      throughput: items / seconds,
      unit,
      peakMiB,
    });
    // The build computes verdicts and policies itself (in astro build, post-build and the search index):
    // the in-process stages above break that work out and are not added to the build's wall time.
    const totalSeconds = build.seconds;
    const peak = build.peakMiB;
    return {
      servers: made.servers,
      seed,
      coverage,
      withTools: made.withTools,
      tools: made.tools,
      pages,
      synthSeconds,
      stages: {
        load: stage('load and validate', stages.loadSeconds, stages.servers, 'servers/s', inProcess.peakMiB),
        classify: stage('classify', stages.classifySeconds, stages.tools, 'tools/s', inProcess.peakMiB),
        policies: stage('policies', stages.policiesSeconds, stages.tools, 'tools/s', inProcess.peakMiB),
        astroBuild: stage('astro build', astroBuild.seconds, pages, 'pages/s', astroBuild.peakMiB),
        postBuild: stage('post-build', postBuild.seconds, made.servers, 'servers/s', postBuild.peakMiB),
        search: stage('search index', search.seconds, made.tools, 'tools/s', search.peakMiB),
        total: stage('npm run build (total)', totalSeconds, pages, 'pages/s', peak),
      },
      baseline: { pages: baselinePages, seconds: baseline.seconds, pagesPerSecond: baselinePages / baseline.seconds, peakMiB: baseline.peakMiB },
      astroToBaseline: astroBuild.seconds / baseline.seconds,
      buildToBaseline: totalSeconds / baseline.seconds,
      classifyPoliciesShare: (stages.classifySeconds + stages.policiesSeconds) / totalSeconds,
      searchBootstrapKiB: searchBootstrapBytes(dist) / 1024,
      output,
      machine: { cpus: availableParallelism(), memoryGiB: totalmem() / 2 ** 30 },
    };
  } finally {
    // Hundreds of thousands of files take minutes to delete: a detached `rm` does it after the figures are out.
    removeInBackground([work, ...(baselineDir ? [baselineDir] : [])]);
  }
}
