// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// CATALOG_SITE sets the absolute origin used in sitemap.xml, feeds and canonical links.
export default defineConfig({
  site: process.env.CATALOG_SITE ?? 'https://mcp-risk-catalog.example',
  output: 'static',
  trailingSlash: 'always',
  integrations: [mdx()],
  build: { format: 'directory', concurrency: 4 },
  // The build reads data/ itself; the dev server must not reload on every data file.
  vite: { server: { watch: { ignored: ['**/data/**'] } } },
});
