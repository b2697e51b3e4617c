// Building into an output folder that already holds the previous build (astro.config.mjs sets
// vite.build.emptyOutDir: false, so Astro's incremental build keeps unchanged pages where they are
// and the post-build step can skip unchanged files). What the previous build wrote and this one did
// not is removed here, so the folder ends up as a clean build would leave it.
import { readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { builtPages } from './sitemap';

/** Removes `dir` and its parents up to (not including) `root` while they are empty. */
export function removeEmptyParents(dir: string, root: string): void {
  let current = dir;
  while (current.startsWith(`${root}${path.sep}`)) {
    try {
      if (readdirSync(current).length > 0) return;
      rmdirSync(current);
    } catch {
      return;
    }
    current = path.dirname(current);
  }
}

/**
 * Deletes every page (`index.html`) under `dir` that is not in `built` (page paths such as
 * `/servers/x/`): a server or tool removed since the previous build. Returns the removed page paths.
 */
export function pruneStalePages(dir: string, built: Iterable<string>): string[] {
  const keep = new Set(built);
  const stale = builtPages(dir, new Set()).filter((page) => !keep.has(page));
  for (const page of stale) {
    const folder = path.join(dir, ...page.split('/').filter(Boolean));
    rmSync(path.join(folder, 'index.html'), { force: true });
    removeEmptyParents(folder, dir);
  }
  return stale;
}

/**
 * Deletes files under `dir/_astro` last written before `since` (ms since the epoch): Vite writes
 * every bundled asset on every build, so an older file is one no page of this build refers to.
 */
export function pruneStaleAssets(dir: string, since: number): string[] {
  const assets = path.join(dir, '_astro');
  let names: string[];
  try {
    names = readdirSync(assets);
  } catch {
    return [];
  }
  const stale = names.filter((name) => statSync(path.join(assets, name)).mtimeMs < since);
  for (const name of stale) rmSync(path.join(assets, name), { recursive: true, force: true });
  return stale;
}

/** Astro's page names (`servers/x/`, `` for the home page) as page paths (`/servers/x/`, `/`). */
export function pagePaths(pages: ReadonlyArray<{ pathname: string }>): string[] {
  return pages.map(({ pathname }) => `/${pathname}`.replace(/\/?$/, '/').replace(/^\/+/, '/'));
}

/** The integration that prunes what an earlier build left in the output folder. */
export function incrementalOutput(): AstroIntegration {
  let started = 0;
  return {
    name: 'catalog-incremental-output',
    hooks: {
      'astro:build:start': () => {
        // A second's margin: some file systems store modification times at one-second resolution.
        started = Date.now() - 1000;
      },
      'astro:build:done': ({ pages, dir, logger }) => {
        const out = fileURLToPath(dir).replace(/[\\/]$/, '');
        const stalePages = pruneStalePages(out, pagePaths(pages));
        const staleAssets = pruneStaleAssets(out, started);
        if (stalePages.length + staleAssets.length > 0) logger.info(`removed ${stalePages.length} stale pages and ${staleAssets.length} stale assets of an earlier build`);
      },
    },
  };
}
