// Source 1: an npm package started over stdio in the sandbox. Install, start, `initialize`,
// `tools/list` (all pages), shut down, and return the server record to merge into the store.
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { FailureReason, Server } from '../schema';
import { serverId } from '../lib/ids';
import { collectTools, type CollectedTools } from './collect-tools';
import { chooseBin, installPackage, InstallError, type InstalledPackage } from './install';
import { classifyClientError, clipMessage, failedStatus as failedAt, httpLink, repositoryLink, statusForTools, withOutcome } from './record';
import { createSandboxFolders, disposeSandboxFolders, expandSandboxValue, SandboxError, writeSandboxFile } from './sandbox';
import { DEFAULT_STDIO_LIMITS, SandboxedStdioTransport, tailExcerpt, type StdioLimits } from './stdio-transport';
import type { CrawlTarget } from './targets';

export const CRAWLER_CLIENT = { name: 'mcp-risk-catalog-crawler', version: '0.1.0' };

export type StdioCrawlOptions = {
  /** Where installs are cached (one folder per package and version). */
  installDir: string;
  /** Where sandbox folders are made (the system temp folder when absent). */
  sandboxParent?: string;
  installTimeoutMs?: number;
  initializeTimeoutMs?: number;
  listTimeoutMs?: number;
  limits?: Partial<StdioLimits>;
  /** Replaces `npm install` (tests hand in fixture packages). */
  install?: (target: CrawlTarget) => Promise<InstalledPackage>;
  /** Told the sandbox uid before the server starts (tests check that no process of it survives). */
  onSandbox?: (uid: number) => void;
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
  const initializeMs = options.initializeTimeoutMs ?? 60_000;
  const listMs = options.listTimeoutMs ?? 60_000;
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

  let folders;
  try {
    folders = createSandboxFolders(options.sandboxParent);
  } catch (error) {
    return { ...base, crawl: failedAt(at, 'sandbox', `could not make the sandbox folders: ${(error as Error).message}`) };
  }
  options.onSandbox?.(folders.uid);
  try {
    for (const file of target.files) writeSandboxFile(folders, file.path, file.content);
    const env = Object.fromEntries(Object.entries(target.env).map(([name, value]) => [name, expandSandboxValue(value, folders)]));
    const transport = new SandboxedStdioTransport(
      { command: binPath, args: target.args.map((arg) => expandSandboxValue(arg, folders)), env, folders, path: [path.join(installed.dir, 'node_modules', '.bin')] },
      { ...DEFAULT_STDIO_LIMITS, ...options.limits },
    );
    const client = new Client(CRAWLER_CLIENT, { capabilities: {} });
    let collected: CollectedTools | undefined;
    let failure: { reason: Server['crawl']['reason'] & string; message: string } | undefined;
    let phase: 'initialize' | 'tools/list' = 'initialize';
    try {
      await client.connect(transport, { timeout: initializeMs });
      phase = 'tools/list';
      collected = await collectTools(client, listMs);
    } catch (error) {
      if (error instanceof SandboxError) failure = { reason: 'sandbox', message: error.message };
      else if (transport.pid === undefined) failure = { reason: 'spawn', message: `could not start ${path.basename(binPath)}: ${(error as Error).message}` };
      else failure = classifyClientError(error, phase, phase === 'initialize' ? initializeMs : listMs, client.getServerCapabilities()?.tools !== undefined);
    }
    await client.close().catch(() => undefined);

    const serverInfo = client.getServerVersion();
    if (serverInfo) base = { ...base, serverInfo };
    if (transport.protocolVersion) base = { ...base, protocolVersion: transport.protocolVersion };

    // Local paths say nothing about the server and would differ on every machine.
    const local = (message: string) => message.replaceAll(installed.dir, '<install>').replaceAll(folders.root, '<sandbox>').replaceAll(folders.inside.root, '<sandbox>');
    const failedStatus = (when: string, reason: FailureReason, message: string) => failedAt(when, reason, local(message));
    // What the process did outranks what the protocol exchange concluded: a flood or a crash explains a timeout.
    // The end of stderr usually says why a server crashed or hung.
    const stderr = transport.stderr ? `; stderr: ${tailExcerpt(local(transport.stderr))}` : '';
    const explained = (reason: FailureReason) => reason === 'crash' || reason === 'timeout' || reason === 'protocol';
    if (transport.fault) {
      return withOutcome(base, failedStatus(at, transport.fault.reason, `${transport.fault.message}${explained(transport.fault.reason) ? stderr : ''}`), collected);
    }
    if (failure) return withOutcome(base, failedStatus(at, failure.reason, `${failure.message}${explained(failure.reason) ? stderr : ''}`), collected);
    if (transport.nonJsonLines > 0) {
      return withOutcome(
        base,
        failedStatus(at, 'protocol', `${transport.nonJsonLines} line(s) on stdout were not JSON-RPC messages, e.g. "${transport.nonJsonSamples[0]}"`),
        collected,
      );
    }
    const shutdown = transport.shutdownFaults[0];
    if (shutdown) return withOutcome(base, failedStatus(at, shutdown.reason, transport.shutdownFaults.map((fault) => fault.message).join('; ')), collected);
    return withOutcome(base, statusForTools(collected!, at), collected);
  } catch (error) {
    return { ...base, crawl: failedAt(at, error instanceof SandboxError ? 'sandbox' : 'spawn', clipMessage((error as Error).message)) };
  } finally {
    disposeSandboxFolders(folders);
  }
}
