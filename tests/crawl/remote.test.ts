// The remote crawler against real SDK servers on loopback: Streamable HTTP, the SSE fallback,
// headers, and an endpoint that is not MCP at all.
import { afterEach, describe, expect, it } from 'vitest';
import { crawlRemoteServer } from '../../src/crawl/crawl-remote';
import { Server } from '../../src/schema';
import { listen, sseOnlyServer, streamableHttpServer, type Listening } from './http-fixtures';

const open: Listening[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});
const options = { initializeTimeoutMs: 5_000, listTimeoutMs: 5_000 };

describe('crawlRemoteServer', () => {
  it('lists the tools of a Streamable HTTP server', async () => {
    const http = await streamableHttpServer();
    open.push(http);
    const server = await crawlRemoteServer({ url: `${http.url}/mcp` }, options);
    expect(Server.safeParse(server).success).toBe(true);
    expect(server.crawl.status).toBe('ok');
    expect(server.source).toEqual({ kind: 'remote', url: `${http.url}/mcp`, transport: 'streamable-http' });
    expect(server.tools.map((tool) => tool.definition.name)).toEqual(['search_notes']);
    expect(server.tools[0]!.definition.annotations).toEqual({ readOnlyHint: true, openWorldHint: true });
    expect(server.serverInfo).toMatchObject({ name: 'remote-notes', version: '3.1.0' });
  });

  it('falls back to the older SSE transport', async () => {
    const http = await sseOnlyServer();
    open.push(http);
    const server = await crawlRemoteServer({ url: `${http.url}/sse` }, options);
    expect(server.crawl.status).toBe('ok');
    expect(server.source).toMatchObject({ transport: 'sse' });
    expect(server.tools.map((tool) => tool.definition.name)).toEqual(['search_notes']);
    expect(http.requests).toContain('POST /sse');
    expect(http.requests).toContain('GET /sse');
  });

  it('sends the given headers and never stores their values', async () => {
    const http = await streamableHttpServer({ token: 'sk-test-123' });
    open.push(http);
    const refused = await crawlRemoteServer({ url: `${http.url}/mcp` }, options);
    expect(refused.crawl).toMatchObject({ status: 'failed', reason: 'http' });
    const server = await crawlRemoteServer({ url: `${http.url}/mcp`, headers: { Authorization: 'Bearer sk-test-123' } }, options);
    expect(server.crawl.status).toBe('ok');
    expect(JSON.stringify(server)).not.toContain('sk-test-123');
  });

  it('records an endpoint that is not an MCP server as an http failure', async () => {
    const http = await listen((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not here</h1>');
    });
    open.push(http);
    const server = await crawlRemoteServer({ url: `${http.url}/mcp` }, options);
    expect(server.crawl).toMatchObject({ status: 'failed', reason: 'http' });
    expect(server.tools).toEqual([]);
  });
});
