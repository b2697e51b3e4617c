// The steps of `npm run build` (astro build, post-build, search index) for an output folder of one's
// choosing, shared by the site tests and the site benchmark so both build exactly what users build.
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '..');

export type BuildStep = { name: string; command: string; args: string[] };

export function siteBuildSteps(outDir: string): BuildStep[] {
  const bin = (name: string) => path.join(projectRoot, 'node_modules/.bin', name);
  return [
    { name: 'astro build', command: bin('astro'), args: ['build', '--outDir', outDir] },
    { name: 'post-build', command: bin('tsx'), args: ['scripts/postbuild.ts', '--out', outDir] },
    // Reads data/, not the HTML; after astro build, which empties its outDir when it starts.
    { name: 'search index', command: bin('tsx'), args: ['scripts/search-index.ts', '--out', outDir] },
  ];
}
