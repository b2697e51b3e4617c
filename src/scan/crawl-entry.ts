// `mcp-risk-catalog scan --crawl`: a config entry the catalog does not know, started in the crawler's
// sandbox (src/crawl/: no network, a throwaway uid and home, a scrubbed environment) and listed live,
// so the report classifies its tools with the same classifier as every catalog server. Only packages
// from npm and PyPI are started: a local command's files sit in the user's home, which the sandbox uid
// cannot read, and anything else would run outside the sandbox.
import os from 'node:os';
import path from 'node:path';
import type { Server } from '../schema';
import { crawlPypiServer, type PypiCrawlOptions } from '../crawl/crawl-pypi';
import { crawlStdioServer, type StdioCrawlOptions } from '../crawl/crawl-stdio';
import { PypiTarget } from '../crawl/pypi-targets';
import { sandboxUnavailableReason } from '../crawl/sandbox';
import { CrawlTarget } from '../crawl/targets';
import type { ConfigEntry } from './types';

export type EntryCrawlOptions = {
  platform: NodeJS.Platform;
  /** Where installs are cached between scans. */
  cacheDir: string;
  /** Passed to the npm crawl as they are (tests hand in a fixture install and short limits). */
  npm?: Partial<StdioCrawlOptions>;
  pypi?: Partial<PypiCrawlOptions>;
};

export type EntryCrawl = { server?: Server; note: string };

/** Where `--crawl` caches installs when not told: the user's cache folder. */
export function defaultCrawlCache(platform: NodeJS.Platform, home: string, env: Readonly<Record<string, string | undefined>>): string {
  if (platform === 'win32') return path.win32.join(env['LOCALAPPDATA'] || path.win32.join(home, 'AppData', 'Local'), 'mcp-risk-catalog', 'crawl');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Caches', 'mcp-risk-catalog', 'crawl');
  const xdg = env['XDG_CACHE_HOME'];
  return path.posix.join(xdg && xdg.startsWith('/') ? xdg : path.posix.join(home, '.cache'), 'mcp-risk-catalog', 'crawl');
}

/** The arguments the config passes to the server itself: those after the package spec. */
export function serverArgs(entry: ConfigEntry): string[] {
  const pkg = entry.package;
  if (!pkg) return [];
  const name = pkg.identifier.toLowerCase();
  const at = entry.args.findIndex((arg) => {
    const lower = arg.toLowerCase();
    return lower === name || lower.startsWith(`${name}@`) || lower.startsWith(`${name}==`) || lower.startsWith(`${name}[`);
  });
  return at < 0 ? [] : entry.args.slice(at + 1);
}

/** Why `--crawl` cannot start servers here, or undefined when it can. */
export function crawlUnavailableReason(platform: NodeJS.Platform): string | undefined {
  if (platform !== 'linux') return `--crawl starts servers only on Linux: the crawler's sandbox is made of Linux namespaces, and this is ${platform}`;
  const reason = sandboxUnavailableReason();
  return reason ? `--crawl cannot start servers here: ${reason}` : undefined;
}

/**
 * Crawls one entry in the sandbox. The config's environment values were dropped when it was parsed:
 * the server gets a dummy value for each variable it names, as crawl targets do.
 */
export async function crawlEntry(entry: ConfigEntry, options: EntryCrawlOptions): Promise<EntryCrawl> {
  const unavailable = crawlUnavailableReason(options.platform);
  if (unavailable) return { note: unavailable };
  const pkg = entry.package;
  if (!pkg || (pkg.registryType !== 'npm' && pkg.registryType !== 'pypi')) {
    return { note: '--crawl starts npm and PyPI packages only; this entry runs a local command, a container or a remote endpoint' };
  }
  const env = Object.fromEntries(entry.env.map((name) => [name, 'DUMMY']));
  const args = serverArgs(entry);
  const installDir = path.join(options.cacheDir, 'installs');
  const sandboxParent = os.tmpdir();
  let server: Server;
  if (pkg.registryType === 'npm') {
    const target = CrawlTarget.safeParse({ package: pkg.identifier, ...(pkg.version ? { version: pkg.version } : {}), args, env });
    if (!target.success) return { note: `cannot crawl ${pkg.identifier}: ${target.error.issues[0]?.message ?? 'not a crawl target'}` };
    server = await crawlStdioServer(target.data, { installDir, sandboxParent, ...options.npm });
  } else {
    const target = PypiTarget.safeParse({ package: pkg.identifier, ...(pkg.version ? { version: pkg.version } : {}), args, env });
    if (!target.success) return { note: `cannot crawl ${pkg.identifier}: ${target.error.issues[0]?.message ?? 'not a crawl target'}` };
    server = await crawlPypiServer(target.data, { installDir, sandboxParent, ...options.pypi });
  }
  const tools = server.tools.length;
  if (server.crawl.status === 'ok') return { server, note: `crawled live in the sandbox: ${tools} tool${tools === 1 ? '' : 's'}` };
  const why = `${server.crawl.reason ?? 'failed'}: ${server.crawl.message ?? ''}`.trim();
  return tools > 0 ? { server, note: `crawled live in the sandbox: ${tools} tools, then it failed (${why})` } : { note: `the live crawl failed (${why})` };
}
