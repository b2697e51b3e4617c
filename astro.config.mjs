// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { incrementalOutput } from './src/site/incremental-output.ts';
import { siteOrigin } from './src/site/origin.ts';

// CATALOG_SITE sets the absolute origin used in sitemap.xml, feeds, llms.txt and canonical links
// (validated in src/site/origin.ts; without it, a placeholder that `npm run check-deploy` refuses).
// CATALOG_CACHE_DIR moves the build cache (default .cache/astro in the project, not node_modules,
// which other worktrees share); tests and the bench give each build its own.
export default defineConfig({
  site: siteOrigin().origin,
  output: 'static',
  trailingSlash: 'always',
  integrations: [mdx(), incrementalOutput()],
  // Style sheets and scripts are always files, never inlined: the Content-Security-Policy
  // (src/site/csp.ts) then allows 'self' only, with no hash to keep in step with the build.
  build: { format: 'directory', concurrency: 4, inlineStylesheets: 'never' },
  cacheDir: process.env.CATALOG_CACHE_DIR ?? './.cache/astro',
  // Pages whose cacheKey (src/site/cache-keys.ts) and code are unchanged are not rendered again.
  // CATALOG_INCREMENTAL=0 turns it off for a one-off build (CI): no page is then also copied into the cache.
  experimental: { incrementalBuild: process.env.CATALOG_INCREMENTAL !== '0' },
  vite: {
    // The output folder keeps the previous build: unchanged pages stay where they are instead of
    // being deleted and copied back from the cache, and the post-build step can run beside astro
    // build. incrementalOutput() removes what this build no longer produces.
    // assetsInlineLimit 0: Astro inlines a script smaller than this limit; none is (see build above).
    build: { emptyOutDir: false, assetsInlineLimit: 0 },
    // The build reads data/ itself; the dev server must not reload on every data file.
    server: { watch: { ignored: ['**/data/**'] } },
  },
});
