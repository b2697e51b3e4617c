// A PyPI package started over stdio in the sandbox, as `uvx`/`pipx run` would start it.
// Install into a virtual environment (install-pypi.ts), choose its console script or module, then
// crawl-sandboxed.ts starts it, lists its tools and completes the record, exactly as for npm.
import path from 'node:path';
import type { Server } from '../schema';
import { serverId } from '../lib/ids';
import { crawlSandboxedServer, type SandboxedCrawlOptions } from './crawl-sandboxed';
import { InstallError } from './install';
import { choosePypiEntry, installPypiPackage, type InstalledPypiPackage } from './install-pypi';
import { normalizePypiName, type PypiTarget } from './pypi-targets';
import { failedStatus as failedAt, httpLink } from './record';

export type PypiCrawlOptions = SandboxedCrawlOptions & {
  /** Where installs are cached (one virtual environment per package, version and interpreter). */
  installDir: string;
  installTimeoutMs?: number;
  /** The interpreter to make environments from; see findSandboxPython. */
  python?: string;
  /** The time stamped on the record; now when absent. */
  at?: string;
};

/**
 * Starts a console script the way its pip-made wrapper would, but from the environment's interpreter:
 * the wrappers' `#!` lines name the folder the environment was built in, which is renamed afterwards.
 * The distribution and the script come in as arguments, never as code.
 */
export const CONSOLE_SCRIPT_LOADER = `
import sys
from importlib import metadata
if sys.path and sys.path[0] == "":
    del sys.path[0]
dist, name = sys.argv[1], sys.argv[2]
entry = next(e for e in metadata.distribution(dist).entry_points if e.group == "console_scripts" and e.name == name)
sys.argv = [name, *sys.argv[3:]]
sys.exit(entry.load()())
`;

const REPOSITORY_LABELS = new Set(['source', 'sourcecode', 'repository', 'code', 'github', 'gitlab']);
const HOMEPAGE_LABELS = new Set(['homepage', 'home']);

/** A Project-URL entry, `Label, https://...`, with its label normalised as PEP 753 says. */
function projectUrl(entry: string): { label: string; url: string } | undefined {
  const comma = entry.indexOf(',');
  if (comma < 0) return undefined;
  return { label: entry.slice(0, comma).toLowerCase().replace(/[^a-z0-9]/g, ''), url: entry.slice(comma + 1).trim() };
}

function metadataFrom(installed: InstalledPypiPackage): Partial<Server> {
  const { metadata } = installed;
  const meta: Partial<Server> = {};
  if (metadata.summary) meta.description = metadata.summary.trim();
  // License-Expression is SPDX; the older License field is often the whole license text.
  const license = metadata.licenseExpression ?? metadata.license;
  if (license && !license.includes('\n') && license.trim().length <= 100) meta.license = license.trim();
  const urls = metadata.projectUrls.map(projectUrl).filter((url) => url !== undefined);
  const repository = urls.filter((url) => REPOSITORY_LABELS.has(url.label)).map((url) => httpLink(url.url)).find(Boolean);
  if (repository) meta.repository = repository;
  const homepage = [httpLink(metadata.homePage), ...urls.filter((url) => HOMEPAGE_LABELS.has(url.label)).map((url) => httpLink(url.url))].find(Boolean);
  if (homepage) meta.homepage = homepage;
  return meta;
}

/** Crawls one PyPI target. Never throws for anything the package or server does: the record says what happened. */
export async function crawlPypiServer(target: PypiTarget, options: PypiCrawlOptions): Promise<Server> {
  const at = options.at ?? new Date().toISOString();
  // The id is made from the PEP 503 name, the key the merge gives `pypi:` packages, so both agree on one URL.
  const name = normalizePypiName(target.package);
  const launchArgs = target.module ? ['-m', target.module, ...target.args] : [...target.args];
  let base: Server = {
    id: serverId({ kind: 'pypi', name }),
    name,
    displayName: target.package,
    source: { kind: 'pypi', package: target.package, ...(target.version ? { version: target.version } : {}) },
    launch: { command: target.module ? 'python' : (target.bin ?? target.package), args: launchArgs, env: Object.keys(target.env) },
    crawl: { status: 'failed', at },
    tools: [],
    history: [],
  };

  let installed: InstalledPypiPackage;
  try {
    installed = await installPypiPackage(target.package, target.version, {
      cacheDir: options.installDir,
      allowSourceBuild: target.allowSourceBuild,
      ...(options.python !== undefined ? { python: options.python } : {}),
      ...(options.installTimeoutMs !== undefined ? { timeoutMs: options.installTimeoutMs } : {}),
    });
  } catch (error) {
    const message = error instanceof InstallError ? error.message : `install failed: ${(error as Error).message}`;
    return { ...base, crawl: failedAt(at, 'install', message.replaceAll(options.installDir, '<install>')) };
  }
  base = { ...base, ...metadataFrom(installed), source: { kind: 'pypi', package: target.package, ...(installed.version ? { version: installed.version } : {}) } };

  const entry = choosePypiEntry(installed, target);
  if (!entry) {
    const names = Object.keys(installed.consoleScripts).sort();
    const why =
      names.length === 0
        ? 'the package declares no console script (name a `module` to run with python -m)'
        : `no console script ${target.bin ? `named "${target.bin}"` : 'to choose'} (it has: ${names.join(', ')})`;
    return { ...base, crawl: failedAt(at, 'spawn', why) };
  }
  if (entry.kind === 'script') base = { ...base, launch: { ...base.launch!, command: entry.name } };

  return crawlSandboxedServer(
    base,
    {
      command: installed.python,
      leadingArgs: entry.kind === 'script' ? ['-c', CONSOLE_SCRIPT_LOADER, installed.name, entry.name] : ['-m', entry.module],
      args: target.args,
      env: target.env,
      files: target.files,
      path: [path.join(installed.dir, 'bin')],
      installDir: installed.dir,
    },
    options,
  );
}
