// The bare-Astro baseline of `npm run bench -- --section site`: a minimal Astro project in a temporary
// folder with the catalog's page count and the astro.config options that shape a build (static
// output, trailingSlash, directory format, concurrency, the MDX integration), each page a trivial
// template from one getStaticPaths route. The catalog's astro build is reported as a ratio to it.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from './site-build-steps';

/** Writes the baseline project for `pages` pages and returns its folder (the caller removes it). */
export function writeBaselineProject(pages: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-baseline-'));
  // The catalog's own node_modules, so both builds run the same Astro, Vite and MDX.
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    [
      "import { defineConfig } from 'astro/config';",
      "import mdx from '@astrojs/mdx';",
      '// The options of the catalog\'s astro.config.mjs that change what a build does.',
      'export default defineConfig({',
      "  site: 'https://mcp-risk-catalog.example',",
      "  output: 'static',",
      "  trailingSlash: 'always',",
      '  integrations: [mdx()],',
      "  build: { format: 'directory', concurrency: 4 },",
      '});',
      '',
    ].join('\n'),
  );
  mkdirSync(path.join(dir, 'src', 'pages', 'p'), { recursive: true });
  writeFileSync(
    path.join(dir, 'src', 'pages', 'p', '[page].astro'),
    [
      '---',
      'export function getStaticPaths() {',
      `  return Array.from({ length: ${pages} }, (_, i) => ({ params: { page: String(i) }, props: { n: i } }));`,
      '}',
      'const { n } = Astro.props;',
      '---',
      '<!doctype html>',
      '<html lang="en"><head><meta charset="utf-8" /><title>Page {n}</title></head>',
      '<body><h1>Page {n}</h1><p>A trivial page of the bare-Astro baseline.</p></body></html>',
      '',
    ].join('\n'),
  );
  return dir;
}
