// Builds the real site (astro build + pagefind) from a given data folder into a given output folder,
// in a child process, exactly as `npm run build` does.
import { execFileSync } from 'node:child_process';
import { copyFileSync, createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import path from 'node:path';
import { prepareStep, projectRoot, siteBuildSteps } from '../../scripts/site-build-steps';
import type { Server } from '../../src/schema';
import { iterateServers, serverFile, serversDir } from '../../src/store/dataset';

/** Copies the servers of a data folder that `keep` picks (given each server and its position) into another. */
export function copyServers(fromDir: string, toDir: string, keep: (server: Server, index: number) => boolean): number {
  mkdirSync(serversDir(toDir), { recursive: true });
  let index = 0;
  let copied = 0;
  for (const server of iterateServers(fromDir)) {
    if (keep(server, index)) {
      copyFileSync(serverFile(fromDir, server.id), serverFile(toDir, server.id));
      copied += 1;
    }
    index += 1;
  }
  return copied;
}

/**
 * Builds into `outDir` with a build cache of its own (`<outDir>-cache` unless `cacheDir` is given), so
 * test files building different data side by side never share Astro's incremental-build manifest.
 * `extraEnv` adds variables to the build's (e.g. CATALOG_SEARCH_PARTS, to split even a small index).
 */
export function buildSite(dataDir: string, outDir: string, cacheDir = `${outDir}-cache`, extraEnv: Record<string, string> = {}): void {
  const env = { ...process.env, CATALOG_DATA_DIR: dataDir, CATALOG_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1', ...extraEnv };
  // Astro logs a line per page: with thousands of tools that is past execFileSync's 1 MiB default
  // buffer (ENOBUFS), so the buffer is sized for a catalog of tens of thousands of pages.
  for (const step of siteBuildSteps(outDir)) {
    prepareStep(step);
    execFileSync(step.command, step.args, { cwd: projectRoot, env, stdio: 'pipe', maxBuffer: 256 * 1024 * 1024 });
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.yaml': 'application/yaml',
  '.wasm': 'application/wasm',
};

/**
 * A plain static file server on 127.0.0.1 for a built site: what any static host does, nothing more.
 * `headers` are sent with every response (a host applying the site's `_headers` file).
 */
export async function serveStatic(dir: string, headers: Record<string, string> = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const server: HttpServer = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = path.join(dir, pathname);
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      const notFound = path.join(dir, '404.html');
      response.writeHead(404, { ...headers, 'Content-Type': TYPES['.html'] as string });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('not found');
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
