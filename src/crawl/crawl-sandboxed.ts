// The part of a stdio crawl after the install, shared by the npm and PyPI sources: start the chosen
// program in the sandbox, `initialize`, `tools/list` (all pages), shut down, and complete the record.
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { FailureReason, Server } from '../schema';
import { collectTools, type CollectedTools } from './collect-tools';
import { classifyClientError, clipMessage, CRAWLER_CLIENT, failedStatus as failedAt, statusForTools, withOutcome } from './record';
import { createSandboxFolders, disposeSandboxFolders, expandSandboxValue, SandboxError, writeSandboxFile } from './sandbox';
import { DEFAULT_STDIO_LIMITS, SandboxedStdioTransport, tailExcerpt, type StdioLimits } from './stdio-transport';
import type { TargetFile } from './targets';

/** How long each phase may take and what a server may write; the same for every stdio source. */
export type SandboxedCrawlOptions = {
  /** Where sandbox folders are made (the system temp folder when absent). */
  sandboxParent?: string;
  initializeTimeoutMs?: number;
  listTimeoutMs?: number;
  limits?: Partial<StdioLimits>;
  /** Told the sandbox uid before the server starts (tests check that no process of it survives). */
  onSandbox?: (uid: number) => void;
};

/** What to start, once the package is installed and its entry point chosen. */
export type SandboxedLaunch = {
  /** Absolute path of the program. */
  command: string;
  /** Arguments the crawler puts first (an interpreter's own), passed as they are. */
  leadingArgs?: readonly string[];
  /** The target's arguments; `$CWD` and `$HOME` point into the sandbox. */
  args: readonly string[];
  /** The target's dummy variables (same expansion). */
  env: Readonly<Record<string, string>>;
  files: readonly TargetFile[];
  /** Folders searched before the system's for the interpreter and the package's programs. */
  path: readonly string[];
  /** The install folder, shown as `<install>` in messages: local paths differ on every machine. */
  installDir: string;
};

/** Never throws for anything the server does: the record says what happened. */
export async function crawlSandboxedServer(base: Server, launch: SandboxedLaunch, options: SandboxedCrawlOptions): Promise<Server> {
  const at = base.crawl.at ?? new Date().toISOString();
  const initializeMs = options.initializeTimeoutMs ?? 60_000;
  const listMs = options.listTimeoutMs ?? 60_000;
  let folders;
  try {
    folders = createSandboxFolders(options.sandboxParent);
  } catch (error) {
    return { ...base, crawl: failedAt(at, 'sandbox', `could not make the sandbox folders: ${(error as Error).message}`) };
  }
  options.onSandbox?.(folders.uid);
  try {
    for (const file of launch.files) writeSandboxFile(folders, file.path, file.content);
    const env = Object.fromEntries(Object.entries(launch.env).map(([name, value]) => [name, expandSandboxValue(value, folders)]));
    const args = [...(launch.leadingArgs ?? []), ...launch.args.map((arg) => expandSandboxValue(arg, folders))];
    const transport = new SandboxedStdioTransport({ command: launch.command, args, env, folders, path: launch.path }, { ...DEFAULT_STDIO_LIMITS, ...options.limits });
    const client = new Client(CRAWLER_CLIENT, { capabilities: {} });
    let collected: CollectedTools | undefined;
    let failure: { reason: FailureReason; message: string } | undefined;
    let phase: 'initialize' | 'tools/list' = 'initialize';
    try {
      await client.connect(transport, { timeout: initializeMs });
      phase = 'tools/list';
      collected = await collectTools(client, listMs);
    } catch (error) {
      if (error instanceof SandboxError) failure = { reason: 'sandbox', message: error.message };
      else if (transport.pid === undefined) failure = { reason: 'spawn', message: `could not start ${path.basename(launch.command)}: ${(error as Error).message}` };
      else failure = classifyClientError(error, phase, phase === 'initialize' ? initializeMs : listMs, client.getServerCapabilities()?.tools !== undefined);
    }
    await client.close().catch(() => undefined);

    const serverInfo = client.getServerVersion();
    if (serverInfo) base = { ...base, serverInfo };
    if (transport.protocolVersion) base = { ...base, protocolVersion: transport.protocolVersion };

    // Local paths say nothing about the server and would differ on every machine.
    const local = (message: string) => message.replaceAll(launch.installDir, '<install>').replaceAll(folders.root, '<sandbox>').replaceAll(folders.inside.root, '<sandbox>');
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
