// An MCP client transport over the stdio of a sandboxed process. The SDK's StdioClientTransport cannot
// start a process in a sandbox or a process group of its own, cap what it reads, or tell a non-JSON line
// from a crash, so this one does, and plugs into the SDK's Client like it: the SDK's message schema
// and serialisation are used as they are.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { killSandbox, processesOfUid, signalSandbox, spawnSandboxed, type SandboxedCommand } from './sandbox';
import type { FailureReason } from '../schema';

export type StdioLimits = {
  /** Bytes of stdout read before the server is stopped as a flood. */
  maxStdoutBytes: number;
  /** Bytes of stderr read before the server is stopped as a flood. */
  maxStderrBytes: number;
  /** The longest single stdout line (one JSON-RPC message). */
  maxLineBytes: number;
  /** How long the server gets to exit after stdin closes, and again after SIGTERM. */
  shutdownGraceMs: number;
};

export const DEFAULT_STDIO_LIMITS: StdioLimits = {
  maxStdoutBytes: 32 * 1024 * 1024,
  maxStderrBytes: 8 * 1024 * 1024,
  maxLineBytes: 16 * 1024 * 1024,
  shutdownGraceMs: 3_000,
};

/** Something the server did that ends its crawl as a failure, whatever the protocol exchange says. */
export type TransportFault = { reason: FailureReason; message: string };

const STDERR_TAIL = 1_500;

/** Printable one-line excerpt of untrusted text. */
export function excerpt(text: string, max = 160): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** The end of untrusted text on one line: where a crash's error message usually is. */
export function tailExcerpt(text: string, max = 700): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  return clean.length > max ? `…${clean.slice(-max)}` : clean;
}

function waitForExit(child: ChildProcessWithoutNullStreams, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, ms);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

export class SandboxedStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T) => void;

  /** The first thing that went wrong that is not a protocol answer (flood, exit, ...). */
  fault: TransportFault | undefined;
  /** Problems seen while shutting down (ignored SIGTERM, processes left behind). */
  readonly shutdownFaults: TransportFault[] = [];
  /** Lines on stdout that were not JSON-RPC messages, with a few samples. */
  nonJsonLines = 0;
  readonly nonJsonSamples: string[] = [];
  protocolVersion: string | undefined;
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private child: ChildProcessWithoutNullStreams | undefined;
  private stdoutBytes = 0;
  private stderrBytes = 0;
  private stderrTail = '';
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private closed = false;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly command: SandboxedCommand,
    private readonly limits: StdioLimits = DEFAULT_STDIO_LIMITS,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The end of what the server wrote to stderr, for failure messages. */
  get stderr(): string {
    return this.stderrTail;
  }

  async start(): Promise<void> {
    const child = spawnSandboxed(this.command);
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', () => resolve());
      child.once('error', (error) => reject(error));
    });
    child.on('error', (error) => this.onerror?.(error));
    child.stdin.on('error', () => {
      // EPIPE when the server is gone; its exit tells the story.
    });
    child.stdout.on('data', (chunk: Buffer) => this.readStdout(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderrBytes += chunk.length;
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL);
      if (this.stderrBytes > this.limits.maxStderrBytes) {
        this.fail('output-limit', `the server wrote more than ${this.limits.maxStderrBytes} bytes to stderr`);
      }
    });
    child.on('exit', (code, signal) => {
      this.exit = { code, signal };
      if (!this.closing) {
        this.fault ??= {
          reason: 'crash',
          message: `the server exited (${signal ? `signal ${signal}` : `code ${code}`}) before the crawl was done`,
        };
      }
    });
    child.on('close', () => this.markClosed());
  }

  setProtocolVersion(version: string): void {
    this.protocolVersion = version;
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const child = this.child;
    if (!child || this.closed || child.stdin.destroyed) throw new Error('the server is not running');
    await new Promise<void>((resolve) => {
      if (child.stdin.write(serializeMessage(message))) resolve();
      else child.stdin.once('drain', resolve);
    });
  }

  private readStdout(chunk: Buffer): void {
    this.stdoutBytes += chunk.length;
    if (this.stdoutBytes > this.limits.maxStdoutBytes) {
      this.fail('output-limit', `the server wrote more than ${this.limits.maxStdoutBytes} bytes to stdout`);
      return;
    }
    let start = 0;
    let newline = chunk.indexOf(0x0a, start);
    while (newline !== -1) {
      this.pending.push(chunk.subarray(start, newline));
      const line = Buffer.concat(this.pending).toString('utf8');
      this.pending = [];
      this.pendingBytes = 0;
      this.readLine(line);
      start = newline + 1;
      newline = chunk.indexOf(0x0a, start);
    }
    if (start < chunk.length) {
      this.pending.push(chunk.subarray(start));
      this.pendingBytes += chunk.length - start;
      if (this.pendingBytes > this.limits.maxLineBytes) {
        this.fail('output-limit', `a stdout line longer than ${this.limits.maxLineBytes} bytes`);
      }
    }
  }

  private readLine(raw: string): void {
    const line = raw.replace(/\r$/, '');
    if (line.trim().length === 0) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      this.noteNonJson(line);
      return;
    }
    const message = JSONRPCMessageSchema.safeParse(parsed);
    if (!message.success) {
      this.noteNonJson(line);
      return;
    }
    this.onmessage?.(message.data);
  }

  private noteNonJson(line: string): void {
    this.nonJsonLines += 1;
    if (this.nonJsonSamples.length < 3) this.nonJsonSamples.push(excerpt(line, 120));
  }

  /** Records the first fault and stops the server at once. */
  private fail(reason: FailureReason, message: string): void {
    if (this.fault) return;
    this.fault = { reason, message };
    this.child?.stdout.pause();
    signalSandbox(this.child?.pid, this.command.folders.uid, 'SIGKILL');
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
  }

  /**
   * Shuts the server down the way the MCP spec asks a client to (close stdin, then SIGTERM, then
   * SIGKILL), records an ignored SIGTERM and any process left running, and kills whatever is left.
   */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const uid = this.command.folders.uid;
    const grace = this.limits.shutdownGraceMs;
    child.stdin.end();
    if (!(await waitForExit(child, grace))) {
      signalSandbox(child.pid, uid, 'SIGTERM');
      if (!(await waitForExit(child, grace))) {
        this.shutdownFaults.push({ reason: 'ignored-sigterm', message: `the server did not exit within ${grace} ms of SIGTERM and was killed` });
        await killSandbox(child.pid, uid);
        await waitForExit(child, grace);
      }
    }
    // Whatever the server started is gone by now if it went with it; give stragglers the same grace.
    let left = processesOfUid(uid);
    for (let waited = 0; left.length > 0 && waited < grace; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      left = processesOfUid(uid);
    }
    if (left.length > 0) {
      this.shutdownFaults.push({
        reason: 'left-processes',
        message: `${left.length} process${left.length === 1 ? '' : 'es'} the server started kept running after it exited and ${left.length === 1 ? 'was' : 'were'} killed`,
      });
    }
    await killSandbox(child.pid, uid);
    child.stdout.destroy();
    child.stderr.destroy();
    this.markClosed();
  }
}
