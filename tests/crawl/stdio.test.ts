// The stdio crawler against real processes: an SDK-built server, and fixture servers that misbehave
// in each way a crawled server can. Every process runs in the sandbox; none may outlive its crawl.
import { describe, expect, it } from 'vitest';
import { crawlStdioServer } from '../../src/crawl/crawl-stdio';
import { processesOfUid } from '../../src/crawl/sandbox';
import { Server } from '../../src/schema';
import { quickOptions, target } from './helpers';

describe('crawlStdioServer', () => {
  it('records the tools of a real SDK server, with annotations, server info and protocol version', async () => {
    const server = await crawlStdioServer(target({ bin: 'sdk-server' }), quickOptions);
    expect(Server.safeParse(server).success).toBe(true);
    expect(server.crawl).toMatchObject({ status: 'ok' });
    expect(server.tools.map((tool) => tool.definition.name)).toEqual(['list_notes', 'write_note']);
    expect(server.tools[0]!.definition.annotations).toEqual({ readOnlyHint: true, openWorldHint: false });
    expect(server.serverInfo).toMatchObject({ name: 'fixture-notes', version: '2.0.0' });
    expect(server.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(server.launch).toEqual({ command: 'sdk-server', args: [], env: [] });
    expect(server.source).toEqual({ kind: 'npm', package: 'fixture-server', version: '1.0.0' });
    expect(server.repository).toBe('https://github.com/example/fixture');
  });

  it('follows nextCursor and keeps a tool the SDK rejects, from the raw message, with a note', async () => {
    const server = await crawlStdioServer(target({ bin: 'raw-server', args: ['paged'] }), quickOptions);
    expect(server.crawl.status).toBe('ok');
    expect(server.tools.map((tool) => tool.definition.name)).toEqual(['read_note', 'untyped_schema', 'delete_note']);
    const untyped = server.tools.find((tool) => tool.definition.name === 'untyped_schema')!;
    expect(untyped.definition.inputSchema).toEqual({ properties: { q: { type: 'string' } } });
    expect(untyped.notes?.join(' ')).toMatch(/SDK client rejects this tool/);
    expect(untyped.notes?.join(' ')).toMatch(/type: "object"/);
    expect(server.tools.find((tool) => tool.definition.name === 'read_note')!.notes).toBeUndefined();
  });

  it('records dummy env names, never their values', async () => {
    const server = await crawlStdioServer(target({ bin: 'sdk-server', env: { NOTE_API_KEY: 'DUMMY-VALUE-123' } }), quickOptions);
    expect(server.launch?.env).toEqual(['NOTE_API_KEY']);
    expect(JSON.stringify(server)).not.toContain('DUMMY-VALUE-123');
  });

  const misbehaving: Array<[string, string, RegExp]> = [
    ['non-json', 'protocol', /not JSON-RPC messages, e.g. "Server starting on stdio\.\.\."/],
    ['hang', 'timeout', /no answer to initialize/],
    ['crash', 'crash', /code 3.*BOOM_API_KEY is not set/],
    ['flood', 'output-limit', /more than 1048576 bytes to stdout/],
    ['ignore-sigterm', 'ignored-sigterm', /did not exit .* SIGTERM/],
    ['leave-child', 'left-processes', /1 process the server started kept running/],
  ];
  it.each(misbehaving)('a server that does "%s" ends as a recorded failure (%s) and leaves no process', async (mode, reason, message) => {
    let uidSeen: number | undefined;
    const server = await crawlStdioServer(target({ bin: 'raw-server', args: [mode] }), {
      ...quickOptions,
      // The hanging server gets a short wait; everyone else the full one.
      ...(mode === 'hang' ? { initializeTimeoutMs: 1_000 } : {}),
      onSandbox: (uid) => {
        uidSeen = uid;
      },
    });
    expect(server.crawl).toMatchObject({ status: 'failed', reason });
    expect(server.crawl.message).toMatch(message);
    expect(Server.safeParse(server).success).toBe(true);
    expect(uidSeen).toBeDefined();
    expect(processesOfUid(uidSeen!)).toEqual([]);
  });

  it('keeps the tools of a server that listed them and then misbehaved', async () => {
    const server = await crawlStdioServer(target({ bin: 'raw-server', args: ['ignore-sigterm'] }), quickOptions);
    expect(server.crawl.reason).toBe('ignored-sigterm');
    expect(server.tools).toHaveLength(3);
  });

  it('records a missing binary as a spawn failure', async () => {
    const server = await crawlStdioServer(target({ bin: 'no-such-bin' }), quickOptions);
    expect(server.crawl).toMatchObject({ status: 'failed', reason: 'spawn' });
    expect(server.crawl.message).toMatch(/no binary named "no-such-bin"/);
  });

  it('records a failed install', async () => {
    const server = await crawlStdioServer(target({}), {
      ...quickOptions,
      install: async () => {
        throw new Error('404 Not Found');
      },
    });
    expect(server.crawl).toMatchObject({ status: 'failed', reason: 'install' });
  });
});
