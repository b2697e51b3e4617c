// Source 2: a remote MCP endpoint over HTTP. Streamable HTTP first; when that is refused, the older
// HTTP+SSE transport. Header values (tokens) are sent but never stored.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Server } from '../schema';
import { serverId } from '../lib/ids';
import { collectTools, type CollectedTools } from './collect-tools';
import { classifyClientError, CRAWLER_CLIENT, failedStatus, statusForTools, withOutcome } from './record';
import { excerpt } from './stdio-transport';

export type RemoteTarget = {
  url: string;
  /** Sent with every request (e.g. an API key for a catalog crawl); values are never stored. */
  headers?: Record<string, string>;
};

export type RemoteCrawlOptions = {
  initializeTimeoutMs?: number;
  listTimeoutMs?: number;
  at?: string;
};

type Attempt = { transport: 'streamable-http' | 'sse'; client: Client; collected?: CollectedTools; error?: unknown; phase: 'initialize' | 'tools/list' };

async function attempt(kind: Attempt['transport'], target: RemoteTarget, initializeMs: number, listMs: number): Promise<Attempt> {
  const url = new URL(target.url);
  const requestInit: RequestInit = target.headers ? { headers: target.headers } : {};
  const transport: Transport =
    kind === 'streamable-http' ? new StreamableHTTPClientTransport(url, { requestInit }) : new SSEClientTransport(url, { requestInit });
  const client = new Client(CRAWLER_CLIENT, { capabilities: {} });
  const result: Attempt = { transport: kind, client, phase: 'initialize' };
  try {
    await client.connect(transport, { timeout: initializeMs });
    result.phase = 'tools/list';
    result.collected = await collectTools(client, listMs);
  } catch (error) {
    result.error = error;
  }
  await client.close().catch(() => undefined);
  return result;
}

/** Crawls one remote endpoint. Never throws for anything the endpoint does. */
export async function crawlRemoteServer(target: RemoteTarget, options: RemoteCrawlOptions = {}): Promise<Server> {
  const at = options.at ?? new Date().toISOString();
  const initializeMs = options.initializeTimeoutMs ?? 30_000;
  const listMs = options.listTimeoutMs ?? 30_000;
  const url = new URL(target.url);
  let base: Server = {
    id: serverId({ kind: 'remote', name: target.url }),
    name: target.url,
    displayName: `${url.host}${url.pathname === '/' ? '' : url.pathname}`,
    source: { kind: 'remote', url: target.url },
    crawl: { status: 'failed', at },
    tools: [],
    history: [],
  };

  let result = await attempt('streamable-http', target, initializeMs, listMs);
  // Only a failed initialize means "wrong transport"; a server that answered and then failed has spoken.
  if (result.error !== undefined && result.phase === 'initialize') {
    const fallback = await attempt('sse', target, initializeMs, listMs);
    if (fallback.error === undefined || fallback.phase === 'tools/list') result = fallback;
  }
  const serverInfo = result.client.getServerVersion();
  if (serverInfo) base = { ...base, serverInfo };
  base = { ...base, source: { kind: 'remote', url: target.url, transport: result.transport } };
  if (result.error !== undefined) {
    const failure = classifyClientError(result.error, result.phase, result.phase === 'initialize' ? initializeMs : listMs, result.client.getServerCapabilities()?.tools !== undefined);
    // An HTTP error before the server said anything is the endpoint's, not the protocol's.
    const reason = result.phase === 'initialize' && failure.reason === 'protocol' ? 'http' : failure.reason;
    const message = result.phase === 'initialize' && failure.reason === 'protocol' ? `neither Streamable HTTP nor SSE answered: ${excerpt((result.error as Error).message ?? String(result.error), 600)}` : failure.message;
    return withOutcome(base, failedStatus(at, reason, message), result.collected);
  }
  return withOutcome(base, statusForTools(result.collected!, at), result.collected);
}
