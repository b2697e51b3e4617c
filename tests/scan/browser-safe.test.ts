// The scan core runs in the browser: bundled for it, nothing may import a Node module (src/policy,
// the classifier's helpers and the id hashing included). A node: import would bundle here as an
// external and fail only when the /scan/ page runs.
import { build } from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..', '..');

describe('the scan core in a browser bundle', () => {
  it('imports no Node built-in module', async () => {
    const result = await build({
      stdin: {
        // The core, and the page's renderer and script, which reuse the site's badges and html template.
        contents: ['config', 'match', 'report', 'fragment'].map((name) => `export * from './src/scan/${name}';`).concat("export * from './src/site/render/scan';", "export * from './src/site/scan-ui';").join('\n'),
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    const nodeImports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.filter((item) => item.path.startsWith('node:') || item.external).map((item) => item.path));
    expect(nodeImports).toEqual([]);
    expect(inputs.some((input) => input.startsWith('src/policy/'))).toBe(true);
  });
});
