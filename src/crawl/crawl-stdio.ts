// Source 1: an npm package started over stdio in the sandbox. Install, choose its binary, then
// crawl-sandboxed.ts starts it, lists its tools and completes the server record to merge into the store.
import path from 'node:path';
import type { Server } from '../schema';
import { serverId } from '../lib/ids';
import { crawlSandboxedServer, type SandboxedCrawlOptions } from './crawl-sandboxed';
import { chooseBin, installPackage, InstallError, type InstalledPackage } from './install';
import { failedStatus as failedAt, httpLink, repositoryLink } from './record';
import type { CrawlTarget } from './targets';

export type StdioCrawlOptions = SandboxedCrawlOptions & {
  /** Where installs are cached (one folder per package and version). */
  installDir: string;
  installTimeoutMs?: number;
  /** Replaces `npm install` (tests hand in fixture packages). */
  install?: (target: CrawlTarget) => Promise<InstalledPackage>;
  /** The time stamped on the record; now when absent. */
  at?: string;
};

function metadataFrom(installed: InstalledPackage): Partial<Server> {
  const manifest = installed.manifest;
  const meta: Partial<Server> = {};
  if (typeof manifest['description'] === 'string' && manifest['description'].trim()) meta.description = manifest['description'].trim();
  if (typeof manifest['license'] === 'string' && manifest['license'].trim()) meta.license = manifest['license'].trim();
  const repository = repositoryLink(manifest['repository']);
  if (repository) meta.repository = repository;
  const homepage = httpLink(manifest['homepage']);
  if (homepage) meta.homepage = homepage;
  return meta;
}

/** Crawls one npm target. Never throws for anything the server does: the record says what happened. */
export async function crawlStdioServer(target: CrawlTarget, options: StdioCrawlOptions): Promise<Server> {
  const at = options.at ?? new Date().toISOString();
  let base: Server = {
    id: serverId({ kind: 'npm', name: target.package }),
    name: target.package,
    displayName: target.package,
    source: { kind: 'npm', package: target.package, ...(target.version ? { version: target.version } : {}) },
    launch: { command: target.bin ?? target.package.split('/').pop()!, args: [...target.args], env: Object.keys(target.env) },
    crawl: { status: 'failed', at },
    tools: [],
    history: [],
  };

  let installed: InstalledPackage;
  try {
    installed = options.install
      ? await options.install(target)
      : await installPackage(target.package, target.version, {
          cacheDir: options.installDir,
          allowInstallScripts: target.allowInstallScripts,
          ...(options.installTimeoutMs !== undefined ? { timeoutMs: options.installTimeoutMs } : {}),
        });
  } catch (error) {
    const message = error instanceof InstallError ? error.message : `install failed: ${(error as Error).message}`;
    return { ...base, crawl: failedAt(at, 'install', message.replaceAll(options.installDir, '<install>')) };
  }
  base = { ...base, ...metadataFrom(installed), source: { kind: 'npm', package: target.package, ...(installed.version ? { version: installed.version } : {}) } };

  const binPath = chooseBin(installed, target.package, target.bin);
  if (!binPath) {
    const names = Object.keys(installed.bins);
    const why = names.length === 0 ? 'the package declares no binary' : `no binary ${target.bin ? `named "${target.bin}"` : 'to choose'} (it has: ${names.join(', ')})`;
    return { ...base, crawl: failedAt(at, 'spawn', why) };
  }
  const binName = Object.entries(installed.bins).find(([, file]) => file === binPath)?.[0] ?? path.basename(binPath);
  base = { ...base, launch: { ...base.launch!, command: binName } };

  return crawlSandboxedServer(
    base,
    { command: binPath, args: target.args, env: target.env, files: target.files, path: [path.join(installed.dir, 'node_modules', '.bin')], installDir: installed.dir },
    options,
  );
}
