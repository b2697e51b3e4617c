// Runs after `astro build` (a step of `npm run build`, scripts/site-build-steps.ts): the downloads and
// per-server files (src/site/postbuild.ts), then the sitemap of the pages Astro built.
//   --part exports   the data exports and per-server files only: they need no page, so they can run beside astro build
//   --part sitemap   the sitemap only: it lists the built pages, so it runs after astro build
//   --force          rewrite every per-server file, whatever the build cache says
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../src/store/dataset';
import { writeExports, writeSitemap } from '../src/site/postbuild';
import astroConfig from '../astro.config.mjs';
import { siteOrigin } from '../src/site/origin';
import { projectRoot } from './site-build-steps';

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'dist' }, part: { type: 'string', default: 'all' }, force: { type: 'boolean', default: false } },
});
const out = path.resolve(values.out);
const part = values.part;
if (!['all', 'exports', 'sitemap'].includes(part)) throw new Error(`--part must be all, exports or sitemap, not "${part}"`);
// The same origin Astro used for canonical links (src/site/origin.ts decides it for both) and the same cache folder (astro.config.mjs reads CATALOG_CACHE_DIR).
const site = new URL(siteOrigin().origin);
const cacheDir = path.resolve(projectRoot, String(astroConfig.cacheDir));

if (part !== 'sitemap') {
  const result = writeExports({ dataDir: defaultDataDir(), out, cacheDir, root: projectRoot, force: values.force });
  console.log(
    `postbuild: ${result.servers} servers, ${result.tools} tools exported; per-server files of ${result.written} servers written, ${result.servers - result.written} unchanged, ${result.removed} removed; ${result.seconds.toFixed(1)} s`,
  );
}
if (part !== 'exports') {
  const started = performance.now();
  const pages = writeSitemap(out, site);
  console.log(`postbuild: ${pages} pages in the sitemap; ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
