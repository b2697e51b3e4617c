// The `site` section of `npm run bench`: builds the whole site (astro build, post-build, Pagefind)
// from a synthetic dataset of N servers shaped like the real ecosystem (`npm run synth`: about 80%
// index-only, distinct tool names at the real rate of reuse), and prints pages per second, peak
// memory of each step and what a browser loads before the first search result.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeServer } from '../src/store/dataset';
import { synthesizeServers } from '../src/synth/generate';
import { readProfile } from '../src/synth/profile-file';
import { projectRoot, siteBuildSteps } from './site-build-steps';

/** Writes `count` synthetic servers (src/synth) into `dir`: the real ecosystem's shape, new tool names. */
export function synthesizeDataset(dir: string, count: number, seed: number): { servers: number; withTools: number; tools: number } {
  let withTools = 0;
  let tools = 0;
  for (const server of synthesizeServers(readProfile(), count, seed)) {
    writeServer(dir, server);
    if (server.tools.length > 0) withTools += 1;
    tools += server.tools.length;
  }
  return { servers: count, withTools, tools };
}

/** Runs a step under GNU time and returns its wall seconds and peak resident memory. */
type Measured = { seconds: number; peakMiB: number };

function measure(command: string, args: string[], env: NodeJS.ProcessEnv): Measured {
  const started = performance.now();
  const report = path.join(tmpdir(), `bench-time-${process.pid}`);
  execFileSync('/usr/bin/time', ['-f', '%M', '-o', report, command, ...args], { cwd: projectRoot, env, stdio: 'ignore' });
  const peakKiB = Number(readFileSync(report, 'utf8').trim().split('\n').at(-1));
  rmSync(report, { force: true });
  return { seconds: (performance.now() - started) / 1000, peakMiB: peakKiB / 1024 };
}

function countPages(dir: string): number {
  let pages = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name === 'index.html') pages += 1;
  return pages;
}

/** Gzipped bytes of what Pagefind's UI fetches before showing a result: entry, wasm, metadata and filter index. */
function searchBootstrapBytes(dist: string): number {
  const dir = path.join(dist, 'pagefind');
  const files = ['pagefind-entry.json', 'pagefind.js', 'pagefind-ui.js', ...readdirSync(dir).filter((name) => /^(wasm\..*|pagefind\..*\.pf_meta)$/.test(name))];
  let bytes = 0;
  for (const name of files) if (existsSync(path.join(dir, name))) bytes += gzipSync(readFileSync(path.join(dir, name))).length;
  const filters = path.join(dir, 'filter');
  if (existsSync(filters)) for (const name of readdirSync(filters)) bytes += statSync(path.join(filters, name)).size;
  return bytes;
}

export function benchSite(servers: number, seed = 1): string {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-site-'));
  try {
    const data = path.join(work, 'data');
    const dist = path.join(work, 'dist');
    const synthStarted = performance.now();
    const made = synthesizeDataset(data, servers, seed);
    const synthSeconds = (performance.now() - synthStarted) / 1000;
    const env = { ...process.env, CATALOG_DATA_DIR: data, ASTRO_TELEMETRY_DISABLED: '1' };
    const [astro, post, search] = siteBuildSteps(dist).map((step) => measure(step.command, step.args, env)) as [Measured, Measured, Measured];
    const pages = countPages(dist);
    const mib = (value: number) => `${Math.round(value).toLocaleString('en-US')} MiB`;
    return [
      `${made.servers.toLocaleString('en-US')} synthetic servers (seed ${seed}; ${made.withTools.toLocaleString('en-US')} with ${made.tools.toLocaleString('en-US')} tools, the rest index-only; generated in ${synthSeconds.toFixed(1)} s), ${pages.toLocaleString('en-US')} pages`,
      `astro build ${astro.seconds.toFixed(1)} s (${Math.round(pages / astro.seconds).toLocaleString('en-US')} pages/s, peak ${mib(astro.peakMiB)})`,
      `post-build ${post.seconds.toFixed(1)} s (peak ${mib(post.peakMiB)})`,
      `pagefind ${search.seconds.toFixed(1)} s (peak ${mib(search.peakMiB)}; ${(searchBootstrapBytes(dist) / 1024).toFixed(0)} KiB gzipped before the first result)`,
    ].join('; ');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
