// The `site` section of `npm run bench`: builds the whole site (astro build, post-build, Pagefind)
// from a synthetic dataset of N tools made by copying the embedded dataset's real servers under new
// names, and prints pages per second, peak memory of each step and what a browser loads before the
// first search result. A later issue holds these figures at full scale (~500,000 tools).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { serverId } from '../src/lib/ids';
import { SourceRecord, type SourceRecordInput } from '../src/schema';
import { defaultDataDir, iterateServers, writeServer } from '../src/store/dataset';
import { mergeSources } from '../src/store/merge-sources';
import { projectRoot, siteBuildSteps } from './site-build-steps';

/** Copies the real servers under new names until the dataset holds at least `tools` tools. */
export function synthesizeDataset(dir: string, tools: number): { servers: number; tools: number } {
  const originals = [...iterateServers(defaultDataDir())].filter((server) => server.tools.length > 0);
  let servers = 0;
  let made = 0;
  for (let copy = 0; made < tools; copy += 1) {
    for (const original of originals) {
      if (made >= tools) break;
      const name = copy === 0 ? original.name : `${original.name} (copy ${copy})`;
      writeServer(dir, { ...original, id: serverId({ kind: original.source.kind, name }), name, displayName: copy === 0 ? original.displayName : `${original.displayName} ${copy}` });
      servers += 1;
      made += original.tools.length;
    }
  }
  return { servers, tools: made };
}

/**
 * Adds `count` servers known only from open datasets (no tools), merged the way the rebuild merges
 * them: a third are known to two datasets, and they name an npm package, a PyPI package, a remote,
 * a container image or nothing, so every kind of "how to collect" section is rendered.
 */
export function synthesizeIndexOnly(dir: string, count: number): number {
  const records: SourceRecord[] = [];
  const commit = '0'.repeat(40);
  for (let index = 0; index < count; index += 1) {
    const name = `synthetic-server-${index}`;
    const shape = index % 5;
    const base: SourceRecordInput = {
      source: ['mcpm', 'toolsdk', 'docker'][index % 3]!,
      key: name,
      commit,
      path: `servers/${name}.json`,
      at: '2026-10-01T00:00:00Z',
      name: `Synthetic server ${index}`,
      description: `A synthetic server that does thing number ${index}, for measuring the build.`,
      repository: `https://github.com/synthetic-${index % 997}/${name}`,
      license: 'MIT',
      packages:
        shape === 0 ? [{ registryType: 'npm', identifier: `@synthetic/${name}` }] : shape === 1 ? [{ registryType: 'pypi', identifier: name }] : shape === 3 ? [{ registryType: 'oci', identifier: `synthetic/${name}` }] : [],
      remotes: shape === 2 ? [{ type: 'streamable-http', url: `https://${name}.example.com/mcp` }] : [],
    };
    records.push(SourceRecord.parse(base));
    if (index % 3 === 0) records.push(SourceRecord.parse({ ...base, source: 'tensorblock', path: `data/profiles/${name}.json`, license: 'Apache-2.0', packages: [], remotes: [] }));
  }
  const { servers } = mergeSources({ collected: [], records });
  for (const server of servers) writeServer(dir, server);
  return servers.length;
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

export function benchSite(tools: number, indexOnly = 0): string {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-site-'));
  try {
    const data = path.join(work, 'data');
    const dist = path.join(work, 'dist');
    const made = synthesizeDataset(data, tools);
    const listed = synthesizeIndexOnly(data, indexOnly);
    const env = { ...process.env, CATALOG_DATA_DIR: data, ASTRO_TELEMETRY_DISABLED: '1' };
    const [astro, post, search] = siteBuildSteps(dist).map((step) => measure(step.command, step.args, env)) as [Measured, Measured, Measured];
    const pages = countPages(dist);
    const mib = (value: number) => `${Math.round(value).toLocaleString('en-US')} MiB`;
    return [
      `${made.tools.toLocaleString('en-US')} tools on ${made.servers.toLocaleString('en-US')} servers${listed > 0 ? ` and ${listed.toLocaleString('en-US')} index-only servers` : ''}, ${pages.toLocaleString('en-US')} pages`,
      `astro build ${astro.seconds.toFixed(1)} s (${Math.round(pages / astro.seconds).toLocaleString('en-US')} pages/s, peak ${mib(astro.peakMiB)})`,
      `post-build ${post.seconds.toFixed(1)} s (peak ${mib(post.peakMiB)})`,
      `pagefind ${search.seconds.toFixed(1)} s (peak ${mib(search.peakMiB)}; ${(searchBootstrapBytes(dist) / 1024).toFixed(0)} KiB gzipped before the first result)`,
    ].join('; ');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
