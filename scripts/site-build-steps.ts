// The steps of `npm run build` for an output folder of one's choosing, shared by the build itself
// (scripts/build.ts), the site tests and the site benchmark so all build exactly what users build.
// A step names in `after` the steps it needs finished first; scripts/build.ts runs the others beside
// them. Astro does not empty the output folder (astro.config.mjs), so the data exports, which need no
// page, can run beside astro build; the sitemap lists built pages. The search index reads only data/ too.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Step } from '../src/lib/run-steps';

export const projectRoot = path.resolve(import.meta.dirname, '..');

/** `removeFirst`: folders the step rebuilds whole, removed before it runs (the output folder is kept between builds). */
export type BuildStep = Step & { command: string; args: string[]; removeFirst?: string[] };

/** Removes what a step rebuilds whole; every runner of the steps calls it before the step's command. */
export function prepareStep(step: BuildStep): void {
  for (const dir of step.removeFirst ?? []) rmSync(dir, { recursive: true, force: true });
}

/** With `force`, nothing is reused from the build cache: every page and file is written again. */
export function siteBuildSteps(outDir: string, options: { force?: boolean } = {}): BuildStep[] {
  const bin = (name: string) => path.join(projectRoot, 'node_modules/.bin', name);
  const force = options.force ? ['--force'] : [];
  return [
    { name: 'astro build', command: bin('astro'), args: ['build', '--outDir', outDir, ...force], after: [] },
    { name: 'post-build', command: bin('tsx'), args: ['scripts/postbuild.ts', '--out', outDir, '--part', 'exports', ...force], after: [] },
    { name: 'sitemap', command: bin('tsx'), args: ['scripts/postbuild.ts', '--out', outDir, '--part', 'sitemap'], after: ['astro build'] },
    // Reads data/, not the HTML, and replaces <out>/pagefind whole through staging folders, which astro
    // build neither empties nor prunes, so it could run beside astro build; it waits for it because the
    // two side by side would pass 4 GB at 43,000 servers (astro build ~2 GB, the index 2.7 GB: docs/performance.md),
    // while after it they add ~5% to the build's time.
    { name: 'search index', command: bin('tsx'), args: ['scripts/search-index.ts', '--out', outDir], after: ['astro build'] },
  ];
}
