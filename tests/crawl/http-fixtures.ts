// Real MCP servers over HTTP for the remote and registry tests, built with the SDK and bound to
// 127.0.0.1 on a free port: one speaking Streamable HTTP, one only the older HTTP+SSE transport.
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

export type Listening = { url: string; close: () => Promise<void>; requests: string[] };

export function notesServer(description = 'Searches the notes.'): McpServer {
  const server = new McpServer({ name: 'remote-notes', version: '3.1.0' });
  server.registerTool(
    'search_notes',
    { description, inputSchema: { query: z.string() }, annotations: { readOnlyHint: true, openWorldHint: true } },
    async () => ({ content: [{ type: 'text', text: '[]' }] }),
  );
  return server;
}

export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>): Promise<Listening> {
  const requests: string[] = [];
  const http: HttpServer = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    void Promise.resolve(handler(req, res)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/** Streamable HTTP, stateless: a fresh server per request. `token` makes it demand a bearer token. */
export function streamableHttpServer(options: { token?: string; description?: string } = {}): Promise<Listening> {
  return listen(async (req, res) => {
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
      return;
    }
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    const server = notesServer(options.description);
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res);
  });
}

/** Only the 2024-11-05 HTTP+SSE transport: GET /sse opens the stream, POST /messages carries requests. */
export function sseOnlyServer(): Promise<Listening> {
  const sessions = new Map<string, SSEServerTransport>();
  return listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/sse') {
      const transport = new SSEServerTransport('/messages', res);
      sessions.set(transport.sessionId, transport);
      res.on('close', () => sessions.delete(transport.sessionId));
      await notesServer().connect(transport);
      return;
    }
    if (req.method === 'POST' && url.pathname === '/messages') {
      const transport = sessions.get(url.searchParams.get('sessionId') ?? '');
      if (!transport) {
        res.writeHead(404).end();
        return;
      }
      await transport.handlePostMessage(req, res);
      return;
    }
    res.writeHead(405).end();
  });
}
