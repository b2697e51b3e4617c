// npm run build-cli [-- --data DIR] [--out DIR]
// What the npm package ships (`npm pack` runs this as its prepack step), into dist-cli/:
//   mcp-risk-catalog.mjs         src/scan/bin.ts and everything it imports, bundled by esbuild into one
//                                ESM file with a node shebang: the tarball has no runtime dependency
//   THIRD_PARTY_LICENSES.txt     the licenses of the packages bundled into it
//   data/                        the dataset (src/scan/shipped-dataset.ts): every server as the site's
//                                /servers/<id>.json document, gzipped NDJSON, its index and the scan lookup
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { writeShippedDataset } from '../src/scan/shipped-dataset';
import { siteOrigin } from '../src/site/origin';
import { checkDataset } from '../src/store/check-dataset';
import { defaultDataDir } from '../src/store/dataset';

const { values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string', default: 'dist-cli' } } });
const dataDir = values.data ? path.resolve(values.data) : defaultDataDir();
// npm runs a package's scripts in the package's folder: that folder is packed, so it is the one built into.
const root = process.cwd();
const out = path.resolve(root, values.out);
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; engines: { node: string } };

const check = checkDataset(dataDir);
if (check.problems.length > 0) {
  console.error('build-cli: refused: the data folder holds invalid records:');
  for (const problem of check.problems) console.error(`  ${problem}`);
  process.exit(1);
}

const started = performance.now();
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const bundle = path.join(out, 'mcp-risk-catalog.mjs');
const result = await build({
  entryPoints: [path.join(root, 'src/scan/bin.ts')],
  absWorkingDir: root,
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: `node${manifest.engines.node.replace(/^[^0-9]*/, '').split('.')[0]}`,
  // CommonJS packages inside an ESM bundle still call require() for Node's own modules.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __cliCreateRequire } from 'node:module';\nconst require = __cliCreateRequire(import.meta.url);" },
  // ESM builds first: jsonc-parser's `main` is a UMD file whose require() calls esbuild cannot follow.
  mainFields: ['module', 'main'],
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

/** The bundled packages (folders under node_modules that an input file came from) with their license text. */
function thirdPartyLicenses(inputs: string[]): string {
  const packages = new Map<string, string>();
  for (const input of inputs) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input.replaceAll('\\', '/'));
    if (match) packages.set(match[1]!, input.slice(0, input.lastIndexOf(`node_modules/${match[1]}/`) + `node_modules/${match[1]}`.length));
  }
  const sections = [...packages.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, dir]) => {
    const folder = path.resolve(root, dir);
    const pkg = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { version?: string; license?: string };
    const licenseFile = readdirSync(folder).find((file) => /^(licen[sc]e|copying)(\.|$)/i.test(file));
    const text = licenseFile ? readFileSync(path.join(folder, licenseFile), 'utf8').trim() : `License: ${pkg.license ?? 'not stated'} (the package ships no license file)`;
    return `${name} ${pkg.version ?? ''} (${pkg.license ?? 'no license field'})\n${'-'.repeat(60)}\n${text}\n`;
  });
  return `Packages bundled into mcp-risk-catalog.mjs, with their licenses.\n\n${sections.join('\n')}`;
}
writeFileSync(path.join(out, 'THIRD_PARTY_LICENSES.txt'), thirdPartyLicenses(Object.keys(result.metafile.inputs)));

const sizes = writeShippedDataset(dataDir, path.join(out, 'data'), { packageVersion: manifest.version, site: siteOrigin().origin });
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
const bundleBytes = readFileSync(bundle).length;
console.log(`build-cli: ${path.relative(root, bundle)} ${mb(bundleBytes)}; dataset: ${sizes.servers} servers, ${sizes.tools} tools, ${mb(sizes.bytes.servers)} gzipped (${mb(sizes.uncompressed)} as NDJSON), index ${mb(sizes.bytes.index)}, lookup ${mb(sizes.bytes.lookup)}; ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (!existsSync(bundle)) process.exit(1);
