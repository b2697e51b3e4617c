// The post-build step (scripts/postbuild.ts): what would cost a page render each or not fit in memory
// at 500,000 tools, streamed one server at a time.
//   <out>/data/catalog.json, tools.ndjson, tools.csv       the whole dataset, rewritten every time
//   <out>/servers/<id>.json                               one document per server
//   <out>/servers/<id>/{policy.json,policy.yaml,claude-settings.json}   the server's policy (a tool page
//                                                        makes its own downloads from its snippets)
//   <out>/scan/lookup.json                                 package/image/endpoint keys -> server ids, for /scan/ (src/scan/match.ts)
//   <out>/sitemap.xml (+ sitemap-N.xml)                    every page that was built
// The per-server files are written only for servers whose record changed since the previous run into
// the same folder (a manifest in the build cache remembers each server's record hash and the code
// that wrote it), and those of servers and tools no longer in the data are removed.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { policyFile } from '../policy';
import { sha256Hex } from '../lib/hash';
import { toolSlug } from '../lib/ids';
import { writeFileIfChanged } from '../lib/write-if-changed';
import { ScanLookupBuilder } from '../scan/match';
import { listServerIds, readServerFileText, serverFile } from '../store/dataset';
import { csvLine } from './csv';
import { CATALOG_HEAD, CATALOG_SEPARATOR, CATALOG_TAIL, CSV_HEADER, POLICY_FILE_NAMES, exportLines } from './export';
import { removeEmptyParents } from './incremental-output';
import { builtPages, sitemapFiles } from './sitemap';
import { recordKey } from './catalog';
import { loadReviews } from '../editorial/reviews';
import { serverPolicy } from './verdicts';

const MANIFEST_VERSION = 1;

/** What the previous run wrote into an output folder: the code that wrote it and, per server, its record's hash and tool slugs. */
export type PostbuildManifest = { version: number; code: string; servers: Record<string, { record: string; tools: string[] }> };

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
}

/**
 * A hash of everything that decides what the per-server files hold, besides the records: the site,
 * classifier, policy and schema code (all of src/), this step's script and the lock file. Any change
 * to them rewrites every file.
 */
export function postbuildCodeKey(root: string): string {
  const files = [...filesUnder(path.join(root, 'src')), path.join(root, 'scripts/postbuild.ts'), path.join(root, 'package-lock.json')].filter(existsSync).sort();
  const hash = sha256Hex(files.map((file) => `${path.relative(root, file)}\u0000${sha256Hex(readFileSync(file, 'utf8'))}`).join('\n'));
  return hash.slice(0, 16);
}

/** Where the manifest of one output folder lives in the build cache. */
export function manifestFile(cacheDir: string, out: string): string {
  return path.join(cacheDir, 'postbuild', `${sha256Hex(path.resolve(out)).slice(0, 16)}.json`);
}

function readManifest(file: string, code: string): PostbuildManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as PostbuildManifest;
    return manifest.version === MANIFEST_VERSION && manifest.code === code ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** The previous manifest's record of servers, even when its code differs: what to remove does not depend on the code. */
function previousServers(file: string): PostbuildManifest['servers'] {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as PostbuildManifest).servers ?? {};
  } catch {
    return {};
  }
}

/**
 * Removes the policy files in `dir`. Folders are removed (`dir`, and its parents while empty, up to
 * `out`) only with `emptyFolders`: astro build may run beside this step and write pages into the
 * folder of any server and tool still in the data, so only those of removed ones may go.
 */
function removePolicies(dir: string, out: string, emptyFolders: 'none' | 'parents'): void {
  for (const name of POLICY_FILE_NAMES) rmSync(path.join(dir, name), { force: true });
  if (emptyFolders === 'parents') removeEmptyParents(dir, out);
}

export type ExportResult = { servers: number; tools: number; written: number; removed: number; seconds: number };

/**
 * Writes the exports and per-server files of the records in `dataDir` into `out`. With a cache folder,
 * a server whose record and code are as in the previous run into `out` keeps its files; without one
 * (or with `force`), every file is written.
 */
export function writeExports(options: { dataDir: string; out: string; cacheDir?: string | undefined; root: string; force?: boolean }): ExportResult {
  const started = performance.now();
  const { dataDir, out } = options;
  const code = postbuildCodeKey(options.root);
  const manifestPath = options.cacheDir ? manifestFile(options.cacheDir, out) : undefined;
  const previous = manifestPath && !options.force ? readManifest(manifestPath, code) : undefined;
  const before = manifestPath ? previousServers(manifestPath) : {};
  const next: PostbuildManifest = { version: MANIFEST_VERSION, code, servers: {} };

  mkdirSync(path.join(out, 'data'), { recursive: true });
  const catalog = openSync(path.join(out, 'data', 'catalog.json'), 'w');
  const ndjson = openSync(path.join(out, 'data', 'tools.ndjson'), 'w');
  const csv = openSync(path.join(out, 'data', 'tools.csv'), 'w');
  writeSync(catalog, CATALOG_HEAD);
  writeSync(csv, csvLine([...CSV_HEADER]));

  const reviews = loadReviews(dataDir);
  const lookup = new ScanLookupBuilder();
  let servers = 0;
  let tools = 0;
  let written = 0;
  let removed = 0;
  for (const id of listServerIds(dataDir)) {
    const { server, text } = readServerFileText(serverFile(dataDir, id));
    const record = recordKey(text, reviews.get(id));
    const slugs = server.tools.map((tool) => toolSlug(tool.definition.name));
    next.servers[id] = { record, tools: slugs };
    const lines = exportLines(server);
    lookup.add(server);
    writeSync(catalog, `${servers === 0 ? '' : CATALOG_SEPARATOR}${lines.catalog}`);
    for (const line of lines.ndjson) writeSync(ndjson, line);
    for (const line of lines.csv) writeSync(csv, line);
    servers += 1;
    tools += server.tools.length;

    const serverDir = path.join(out, 'servers', id);
    const unchanged = previous?.servers[id]?.record === record && existsSync(path.join(out, 'servers', `${id}.json`));
    if (unchanged) continue;
    mkdirSync(serverDir, { recursive: true });
    writeFileSync(path.join(out, 'servers', `${id}.json`), `${JSON.stringify(lines.document, null, 2)}\n`);
    written += 1;
    // No policy for a server whose tools are not collected: its page offers none either.
    if (server.tools.length > 0) {
      const policy = serverPolicy(server);
      for (const file of POLICY_FILE_NAMES) writeFileSync(path.join(serverDir, file), policyFile(policy, file).body);
    } else {
      removePolicies(serverDir, out, 'none');
    }
    // Policy files per tool are no longer written; remove those an older build left.
    for (const slug of before[id]?.tools ?? []) removePolicies(path.join(serverDir, 'tools', slug), out, 'none');
  }
  writeSync(catalog, CATALOG_TAIL);
  for (const fd of [catalog, ndjson, csv]) closeSync(fd);
  mkdirSync(path.join(out, 'scan'), { recursive: true });
  writeFileIfChanged(path.join(out, 'scan', 'lookup.json'), `${JSON.stringify(lookup.build())}\n`);

  // Servers no longer in the data.
  for (const [id, entry] of Object.entries(before)) {
    if (next.servers[id]) continue;
    const serverDir = path.join(out, 'servers', id);
    rmSync(path.join(out, 'servers', `${id}.json`), { force: true });
    for (const slug of entry.tools) removePolicies(path.join(serverDir, 'tools', slug), out, 'parents');
    removePolicies(serverDir, out, 'parents');
    removed += 1;
  }
  if (manifestPath) writeFileIfChanged(manifestPath, `${JSON.stringify(next)}\n`);
  return { servers, tools, written, removed, seconds: (performance.now() - started) / 1000 };
}

/** Writes sitemap.xml (split at 50,000 URLs) listing exactly the pages built into `out`. */
export function writeSitemap(out: string, site: URL): number {
  const pages = builtPages(out);
  const files = sitemapFiles(site, pages);
  for (const [name, text] of files) writeFileIfChanged(path.join(out, name), text);
  // Parts a larger site needed before.
  for (const name of readdirSync(out)) if (/^sitemap-\d+\.xml$/.test(name) && !files.has(name)) rmSync(path.join(out, name));
  return pages.length;
}
