// npm run crawl -- --source npm|pypi|remote|registry|import [--only KEY ...] [--shard i/n] [--concurrency N]
//   npm:      [--targets data/crawl-targets.json]
//   pypi:     [--targets data/crawl-targets-pypi.json] [--python PATH] (pip's own configuration picks the index)
//   remote:   --url URL ... [--header "Name: value" ...]
//   registry: [--registry URL] [--limit N] [--max-pages N] [--list-only]
//   import:   FILE ... [--dataset NAME] [--license SPDX] [--at ISO]
// Common: [--data DIR] [--cache DIR] [--fresh] (ignore the journal of an interrupted run).
// See docs/crawler.md.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir, iterateServers } from '../src/store/dataset';
import { formatSummary, parseShard, runCrawl, type ProgressEvent } from '../src/crawl/run-crawl';
import { importSource, npmSource, pypiSource, registrySource, remoteSource } from '../src/crawl/sources';
import { CrawlTarget, loadTargets } from '../src/crawl/targets';
import { packageKey } from '../src/store/identity';
import { PypiTarget, loadPypiTargets, normalizePypiName } from '../src/crawl/pypi-targets';
import { DEFAULT_REGISTRY_URL } from '../src/crawl/registry';
import { sandboxUnavailableReason, sweepStaleSandboxes } from '../src/crawl/sandbox';
import type { CrawlSource } from '../src/crawl/source';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    source: { type: 'string' },
    only: { type: 'string', multiple: true },
    shard: { type: 'string' },
    concurrency: { type: 'string', default: '2' },
    targets: { type: 'string' },
    python: { type: 'string' },
    url: { type: 'string', multiple: true },
    header: { type: 'string', multiple: true },
    registry: { type: 'string', default: DEFAULT_REGISTRY_URL },
    limit: { type: 'string', default: '100' },
    'max-pages': { type: 'string' },
    'list-only': { type: 'boolean', default: false },
    dataset: { type: 'string' },
    license: { type: 'string' },
    at: { type: 'string' },
    data: { type: 'string' },
    cache: { type: 'string', default: '.cache/crawl' },
    fresh: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const concurrency = Number(values.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1) fail('--concurrency must be a positive integer');
const shard = values.shard !== undefined ? parseShard(values.shard) : undefined;
const dataDir = values.data ?? defaultDataDir();
const cacheDir = path.resolve(values.cache);
const stdio = { installDir: path.join(cacheDir, 'installs') };
const targetsFile = values.targets ?? (values.source === 'pypi' ? 'data/crawl-targets-pypi.json' : 'data/crawl-targets.json');

const headers: Record<string, string> = {};
for (const header of values.header ?? []) {
  const colon = header.indexOf(':');
  if (colon < 1) fail(`--header must be "Name: value", not "${header}"`);
  headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
}

let source: CrawlSource;
switch (values.source) {
  case 'npm': {
    const targets = loadTargets(targetsFile);
    // A package the catalog knows only from an open dataset (an index-only server's page names this
    // command): `--only` starts it as it is, with no arguments or environment.
    const known = new Set(targets.map((target) => target.package));
    const extra = (values.only ?? []).filter((name) => !known.has(name));
    for (const name of extra) if (!packageKey('npm', name)) fail(`--only: "${name}" is not an npm package name`);
    source = npmSource([...targets, ...extra.map((name) => CrawlTarget.parse({ package: name, note: 'not in the target list: started with no arguments or environment' }))], stdio);
    break;
  }
  case 'pypi': {
    const targets = loadPypiTargets(targetsFile);
    const known = new Set(targets.map((target) => target.package));
    const extra = (values.only ?? []).filter((name) => !known.has(name));
    for (const name of extra) if (!packageKey('pypi', name)) fail(`--only: "${name}" is not a PyPI package name`);
    const all = [...targets, ...extra.map((name) => PypiTarget.parse({ package: name, note: 'not in the target list: started with no arguments or environment' }))];
    source = pypiSource(all, { ...stdio, ...(values.python !== undefined ? { python: values.python } : {}) });
    break;
  }
  case 'remote':
    if (!values.url?.length) fail('--source remote needs at least one --url');
    source = remoteSource(values.url.map((url) => ({ url, ...(Object.keys(headers).length > 0 ? { headers } : {}) })));
    break;
  case 'registry': {
    const maxPages = values['max-pages'] !== undefined ? Number(values['max-pages']) : undefined;
    source = registrySource({
      registryUrl: values.registry,
      limit: Number(values.limit),
      ...(maxPages !== undefined ? { maxPages } : {}),
      listOnly: values['list-only'],
      stdio,
      onInvalid: (line) => console.error(`warning: ${line}`),
    });
    break;
  }
  case 'import':
    if (positionals.length === 0) fail('--source import needs dump files');
    source = importSource(positionals, {
      dataDir,
      ...(values.dataset !== undefined ? { dataset: values.dataset } : {}),
      ...(values.license !== undefined ? { license: values.license } : {}),
      ...(values.at !== undefined ? { at: values.at } : {}),
    });
    break;
  default:
    fail('usage: npm run crawl -- --source npm|pypi|remote|registry|import [--only KEY] [--shard i/n] [--concurrency N]');
}

const startsServers = source.name === 'npm' || source.name === 'pypi' || (source.name === 'registry' && !values['list-only']);
if (startsServers && sandboxUnavailableReason()) {
  fail(`the stdio sandbox is not available here: ${sandboxUnavailableReason()}`);
}

if (source.name === 'npm' || source.name === 'pypi' || source.name === 'registry') {
  const swept = await sweepStaleSandboxes();
  if (swept > 0) console.error(`swept ${swept} sandbox(es) left by a crawler that was killed`);
}

const tty = process.stderr.isTTY === true;
function progress(event: ProgressEvent): void {
  const { summary } = event;
  const counts = `[${event.done}/${event.total}] ok ${summary.status.ok + summary.status.listed + summary.status.imported} · failed ${summary.status.failed}`;
  if (tty) {
    const running = event.running.length > 0 ? ` · running: ${event.running.join(', ')}` : '';
    process.stderr.write(`\r\x1b[K${counts}${running}`.slice(0, (process.stderr.columns ?? 120) + 4));
    if (event.finished) process.stderr.write(`\r\x1b[K${counts} · ${event.finished.key}: ${event.finished.line}\n`);
  } else if (event.finished) {
    process.stderr.write(`${counts} · ${event.finished.key}: ${event.finished.line}\n`);
  }
}

const started = Date.now();
const summary = await runCrawl(source, {
  dataDir,
  concurrency,
  ...(values.only ? { only: values.only } : {}),
  ...(shard ? { shard } : {}),
  journalFile: path.join(cacheDir, `journal-${source.name}${shard ? `-${shard.index}of${shard.count}` : ''}.json`),
  fresh: values.fresh,
  onProgress: progress,
});
if (tty) process.stderr.write('\r\x1b[K');
for (const line of formatSummary(summary)) console.log(line);
if ((source.name === 'npm' || source.name === 'pypi') && !values.only && !shard) {
  // Records are never deleted by a crawl: say which ones the target list no longer covers.
  const kind = source.name;
  const targeted = new Set(kind === 'npm' ? loadTargets(targetsFile).map((target) => target.package) : loadPypiTargets(targetsFile).map((target) => normalizePypiName(target.package)));
  const stale = [...iterateServers(dataDir, 'collected')].filter((server) => server.source.kind === kind && !targeted.has(server.name)).map((server) => server.name);
  if (stale.length > 0) console.log(`servers removed from the targets (records kept, delete by hand): ${stale.join(', ')}`);
}
console.log(`time: ${Math.round((Date.now() - started) / 1000)} s`);
process.exitCode = summary.errors.length > 0 ? 1 : 0;
