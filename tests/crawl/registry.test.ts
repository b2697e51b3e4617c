// The registry source against a local HTTP server that replays registry pages with cursors: every
// entry becomes a listed record, its npm package goes to the stdio crawler (a fixture, no install)
// and its remote to the remote crawler (an SDK server on loopback).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRegistryServers, npmTargetsOf, registryRecord } from '../../src/crawl/registry';
import { registrySource } from '../../src/crawl/sources';
import { runCrawl } from '../../src/crawl/run-crawl';
import { serverId } from '../../src/lib/ids';
import { readServer, listServerIds } from '../../src/store/dataset';
import { Server } from '../../src/schema';
import { listen, streamableHttpServer, type Listening } from './http-fixtures';
import { installFixtureAs, quickOptions, tempDataDir } from './helpers';

const official = { 'io.modelcontextprotocol.registry/official': { status: 'active', publishedAt: '2026-10-01T00:00:00Z', isLatest: true } };

function entries(remoteUrl: string) {
  return [
    {
      server: {
        name: 'io.github.example/notes',
        title: 'Notes',
        description: 'Notes over stdio and HTTP.',
        version: '1.2.0',
        repository: { url: 'https://github.com/example/notes', source: 'github' },
        packages: [
          {
            registryType: 'npm',
            identifier: 'fixture-notes-server',
            version: '1.2.0',
            transport: { type: 'stdio' },
            packageArguments: [{ type: 'positional', value: 'paged' }],
            environmentVariables: [{ name: 'NOTES_TOKEN', isSecret: true, isRequired: true }],
          },
        ],
        remotes: [{ type: 'streamable-http', url: remoteUrl, headers: [{ name: 'X-Api-Key', isRequired: false }] }],
      },
      _meta: official,
    },
    { server: { name: 'io.github.example/python-only', description: 'Ships on PyPI.', version: '0.1.0', packages: [{ registryType: 'pypi', identifier: 'notes-mcp', version: '0.1.0', transport: { type: 'stdio' } }] }, _meta: official },
    { server: { description: 'an entry with no name is skipped' } },
    // An older version of the first server: the registry lists every version; the catalog keeps the latest.
    { server: { name: 'io.github.example/notes', title: 'Notes (old)', version: '1.1.0' }, _meta: { 'io.modelcontextprotocol.registry/official': { status: 'active', isLatest: false } } },
    { server: { name: 'io.example/templated', remotes: [{ type: 'sse', url: 'https://{tenant}.example.com/sse' }] }, _meta: official },
  ];
}

describe('the registry source', () => {
  let registry: Listening;
  let remote: Listening;
  beforeAll(async () => {
    remote = await streamableHttpServer();
    const all = entries(`${remote.url}/mcp`);
    // Two entries a page, cursors as opaque strings.
    const pages: Record<string, { servers: unknown[]; metadata: { nextCursor?: string; count: number } }> = {
      '': { servers: all.slice(0, 2), metadata: { nextCursor: 'c-2', count: 2 } },
      'c-2': { servers: all.slice(2, 5), metadata: { count: 3 } },
    };
    registry = await listen((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const page = url.pathname === '/v0.1/servers' ? pages[url.searchParams.get('cursor') ?? ''] : undefined;
      if (!page) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(page));
    });
  });
  afterAll(async () => {
    await registry.close();
    await remote.close();
  });

  it('follows nextCursor across pages and skips entries it cannot read', async () => {
    const invalid: string[] = [];
    const names: string[] = [];
    for await (const listing of listRegistryServers(registry.url, { limit: 2, onInvalid: (line) => invalid.push(line) })) names.push(listing.server.name);
    expect(names).toEqual(['io.github.example/notes', 'io.github.example/python-only', 'io.github.example/notes', 'io.example/templated']);
    expect(registry.requests).toEqual(['GET /v0.1/servers?limit=2', 'GET /v0.1/servers?limit=2&cursor=c-2']);
    expect(invalid).toHaveLength(1);
  });

  it('turns an entry into a listed record with its packages and remotes, env names only', () => {
    const listing = { server: entries('https://mcp.example.com/mcp')[0]!.server as never, official: { status: 'active' } };
    const record = registryRecord(listing, registry.url, '2026-11-22T00:00:00.000Z');
    expect(Server.safeParse(record).success).toBe(true);
    expect(record).toMatchObject({
      id: serverId({ kind: 'registry', name: 'io.github.example/notes' }),
      displayName: 'Notes',
      crawl: { status: 'listed' },
      tools: [],
      repository: 'https://github.com/example/notes',
      source: { kind: 'registry', registryName: 'io.github.example/notes', version: '1.2.0' },
    });
    expect(record.registry?.packages[0]).toMatchObject({ registryType: 'npm', identifier: 'fixture-notes-server', transport: 'stdio', environmentVariables: ['NOTES_TOKEN'] });
    expect(record.registry?.remotes[0]).toMatchObject({ type: 'streamable-http', headers: ['X-Api-Key'] });
    expect(npmTargetsOf(listing.server)[0]).toMatchObject({ package: 'fixture-notes-server', args: ['paged'], env: { NOTES_TOKEN: 'DUMMY' } });
  });

  it('stores every entry and hands npm packages and remotes to the crawlers', async () => {
    const dataDir = tempDataDir();
    const summary = await runCrawl(
      registrySource({ registryUrl: registry.url, limit: 2, stdio: { ...quickOptions, install: installFixtureAs({ 'fixture-notes-server': 'raw-server' }) } }),
      { dataDir, concurrency: 2 },
    );
    expect(summary.errors).toEqual([]);
    expect(summary.status).toMatchObject({ listed: 3, ok: 2, failed: 0 });
    expect(listServerIds(dataDir)).toHaveLength(5);
    const npm = readServer(dataDir, serverId({ kind: 'npm', name: 'fixture-notes-server' }))!;
    expect(npm.tools.map((tool) => tool.definition.name)).toEqual(['delete_note', 'read_note', 'untyped_schema']);
    expect(npm.launch).toEqual({ command: 'fixture-notes-server', args: ['paged'], env: ['NOTES_TOKEN'] });
    const remoteRecord = readServer(dataDir, serverId({ kind: 'remote', name: `${remote.url}/mcp` }))!;
    expect(remoteRecord.tools.map((tool) => tool.definition.name)).toEqual(['search_notes']);
    expect(readServer(dataDir, serverId({ kind: 'registry', name: 'io.github.example/notes' }))).toMatchObject({ displayName: 'Notes', source: { version: '1.2.0' } });
    const templated = readServer(dataDir, serverId({ kind: 'registry', name: 'io.example/templated' }))!;
    expect(templated.crawl.status).toBe('listed');
  });
});
