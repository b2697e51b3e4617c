import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server, SourceRecord, SourceRecordInput } from '../../src/schema';
import { SourceRecord as SourceRecordSchema } from '../../src/schema';
import { mergeSources } from '../../src/store/merge-sources';
import { serverId } from '../../src/lib/ids';
import { toolHash } from '../../src/lib/hash';
import { writeServer } from '../../src/store/dataset';
import { writeSourceRecords } from '../../src/store/source-store';
import { rebuildServers } from '../../src/store/rebuild';

const COMMIT = 'a'.repeat(40);
const AT = '2026-01-01T00:00:00.000Z';
const tool = (name: string, description = `${name} things`) => ({ name, description, inputSchema: { type: 'object' } });

function record(source: string, key: string, fields: Partial<SourceRecordInput> = {}): SourceRecord {
  return SourceRecordSchema.parse({ source, key, commit: COMMIT, path: `${key}.json`, at: AT, name: key, ...fields });
}

function crawled(pkg: string, tools: string[], fields: Partial<Server> = {}): Server {
  const definitions = tools.map((name) => tool(name));
  return {
    id: serverId({ kind: 'npm', name: pkg }),
    name: pkg,
    displayName: pkg,
    source: { kind: 'npm', package: pkg, version: '1.0.0' },
    crawl: { status: 'ok', at: AT },
    tools: definitions.map((definition) => ({ definition, hash: toolHash(definition) })),
    history: [],
    ...fields,
  };
}

const names = (server: Server) => server.tools.map((t) => t.definition.name);

describe('mergeSources', () => {
  it('makes one server of the records every source has for it, listing each source and what it gave', () => {
    const { servers } = mergeSources({
      collected: [],
      records: [
        record('toolsdk', 'ctx', { repository: 'https://github.com/upstash/context7', packages: [{ registryType: 'npm', identifier: '@upstash/context7-mcp' }], tools: [tool('resolve-library-id')], capture: 'names-only' }),
        record('toucan', 'Context7', { repository: 'https://github.com/Upstash/context7.git', description: 'Docs for any prompt', tools: [tool('resolve-library-id'), tool('get-library-docs')], capture: 'tools-list' }),
        record('tensorblock', 'context7', { packages: [{ registryType: 'npm', identifier: '@upstash/context7-mcp@latest' }], homepage: 'https://context7.com' }),
      ],
    });
    expect(servers).toHaveLength(1);
    const server = servers[0]!;
    expect(server.identity).toBe('repo:github.com/upstash/context7');
    expect(names(server)).toEqual(['get-library-docs', 'resolve-library-id']);
    expect(server.sources!.map((s) => [s.source, s.fields])).toEqual([
      ['toucan', ['description', 'repository', 'tools']],
      ['toolsdk', ['packages']],
      ['tensorblock', ['homepage', 'packages']],
    ]);
    expect(server.crawl.status).toBe('imported');
    expect(server.source).toMatchObject({ kind: 'import', dataset: 'toucan', capture: 'tools-list' });
    expect(server.conflicts).toEqual([
      { field: 'tools', values: [{ source: 'toucan:Context7', value: '2 tools (tools-list)' }, { source: 'toolsdk:ctx', value: '1 tools (names-only)' }], chosen: '2 tools (tools-list)' },
    ]);
  });

  it('keeps the servers of a monorepo apart, and never merges on the monorepo root', () => {
    const { servers } = mergeSources({
      collected: [],
      records: [
        record('metorial', 'awslabs/mcp/healthomics', { repository: 'https://github.com/awslabs/mcp', subdirectory: 'src/aws-healthomics-mcp-server', tools: [tool('CloneContainerToECR')], capture: 'tools-list' }),
        record('metorial', 'awslabs/mcp/core', { repository: 'https://github.com/awslabs/mcp', subdirectory: 'src/core-mcp-server', tools: [tool('prompt_understanding')], capture: 'tools-list' }),
        // A source that names only the repository: it cannot say which of the servers it means.
        record('tensorblock', 'aws-mcp', { repository: 'https://github.com/awslabs/mcp', description: 'AWS MCP servers' }),
        record('toucan', 'healthomics', { repository: 'https://github.com/awslabs/mcp/tree/main/src/aws-healthomics-mcp-server', tools: [tool('CloneContainerToECR'), tool('ListRuns')], capture: 'tools-list' }),
      ],
    });
    expect(servers).toHaveLength(3);
    const owners = servers.filter((server) => names(server).includes('CloneContainerToECR'));
    expect(owners.map((server) => server.identity)).toEqual(['repo:github.com/awslabs/mcp/src/aws-healthomics-mcp-server']);
    expect(owners[0]!.sources!.map((s) => s.source)).toEqual(['toucan', 'metorial']);
    const root = servers.find((server) => server.sources![0]!.source === 'tensorblock')!;
    expect(root.tools).toEqual([]);
    expect(root.crawl.status).toBe('listed');
  });

  it('does not merge on a key one source uses for several servers (a runner, a shared image)', () => {
    const { servers } = mergeSources({
      collected: [],
      records: [
        record('docker', 'a', { packages: [{ registryType: 'npm', identifier: 'shared-launcher' }], repository: 'https://github.com/x/a' }),
        record('docker', 'b', { packages: [{ registryType: 'npm', identifier: 'shared-launcher' }], repository: 'https://github.com/x/b' }),
        record('toolsdk', 'shared', { packages: [{ registryType: 'npm', identifier: 'shared-launcher' }] }),
        record('mcpm', 'r1', { packages: [{ registryType: 'npm', identifier: 'mcp-remote' }], remotes: [{ type: 'sse', url: 'https://one.example.com/sse' }] }),
        record('toucan', 'r2', { packages: [{ registryType: 'npm', identifier: 'mcp-remote' }], remotes: [{ type: 'sse', url: 'https://two.example.com/sse' }] }),
      ],
    });
    expect(servers).toHaveLength(5);
  });

  it('never joins two records of one source, even through a third source', () => {
    const { servers, report } = mergeSources({
      collected: [],
      records: [
        record('metorial', 'one', { repository: 'https://github.com/o/one' }),
        record('metorial', 'two', { packages: [{ registryType: 'npm', identifier: 'two' }] }),
        record('toucan', 'bridge', { repository: 'https://github.com/o/one', packages: [{ registryType: 'npm', identifier: 'two' }] }),
      ],
    });
    expect(servers).toHaveLength(2);
    expect(report.keptApart).toEqual([{ key: 'repo:github.com/o/one', reason: 'metorial lists them as different servers', members: ['metorial:one', 'toucan:bridge'] }]);
  });

  it('drops a repository link most records of its package contradict, so it cannot pull one server into another (real case: LiveMCPBench gives Airbnb a deep-research repository)', () => {
    const { servers } = mergeSources({
      collected: [crawled('@openbnb/mcp-server-airbnb', ['airbnb_search'])],
      records: [
        record('mcp-registry', 'io.github.openbnb-org/mcp-server-airbnb', { repository: 'https://github.com/openbnb-org/mcp-server-airbnb', packages: [{ registryType: 'npm', identifier: '@openbnb/mcp-server-airbnb' }] }),
        record('mcp-registry', 'io.github.reading-plus-ai/mcp-server-deep-research', { repository: 'https://github.com/reading-plus-ai/mcp-server-deep-research' }),
        record('toolsdk', '@openbnb/mcp-server-airbnb', { repository: 'https://github.com/openbnb-org/mcp-server-airbnb', packages: [{ registryType: 'npm', identifier: '@openbnb/mcp-server-airbnb' }] }),
        record('livemcpbench', 'Airbnb MCP Server', { repository: 'https://github.com/reading-plus-ai/mcp-server-deep-research', packages: [{ registryType: 'npm', identifier: '@openbnb/mcp-server-airbnb' }], tools: [tool('airbnb_search')], capture: 'tools-list' }),
      ],
    });
    const airbnb = servers.find((server) => names(server).includes('airbnb_search'))!;
    expect(airbnb.sources!.map((s) => `${s.source}:${s.name}`)).toEqual([
      'crawl:@openbnb/mcp-server-airbnb',
      'mcp-registry:io.github.openbnb-org/mcp-server-airbnb',
      'toolsdk:@openbnb/mcp-server-airbnb',
      'livemcpbench:Airbnb MCP Server',
    ]);
    expect(airbnb.identity).toBe('repo:github.com/openbnb-org/mcp-server-airbnb');
    expect(airbnb.conflicts?.find((conflict) => conflict.field === 'repository')?.values.map((value) => value.value)).toContain('https://github.com/reading-plus-ai/mcp-server-deep-research');
    const deepResearch = servers.find((server) => server.identity === 'repo:github.com/reading-plus-ai/mcp-server-deep-research')!;
    expect(deepResearch.tools).toEqual([]);
    expect(deepResearch.sources!.map((s) => s.source)).toEqual(['mcp-registry']);
  });

  it('does not let a package join two different repositories', () => {
    const { servers, report } = mergeSources({
      collected: [],
      records: [
        record('metorial', 'fork', { repository: 'https://github.com/forker/srv', packages: [{ registryType: 'npm', identifier: 'srv' }] }),
        record('toucan', 'original', { repository: 'https://github.com/author/srv', packages: [{ registryType: 'npm', identifier: 'srv' }] }),
      ],
    });
    expect(servers).toHaveLength(2);
    expect(report.keptApart[0]!.reason).toBe('different repositories: github.com/author/srv and github.com/forker/srv');
  });

  it('lets a package join one owner\'s renamed repository (real case: apify/actors-mcp-server became apify/apify-mcp-server)', () => {
    const { servers, report } = mergeSources({
      collected: [crawled('@apify/actors-mcp-server', ['call-actor'], { repository: 'https://github.com/apify/apify-mcp-server' })],
      records: [record('mcpm', 'actors-mcp-server', { repository: 'https://github.com/apify/actors-mcp-server', packages: [{ registryType: 'npm', identifier: '@apify/actors-mcp-server' }] })],
    });
    expect(report.keptApart).toEqual([]);
    expect(servers).toHaveLength(1);
    expect(servers[0]!.conflicts?.map((conflict) => conflict.field)).toEqual(['repository']);
  });

  it('keeps a crawled server\'s id and live tools; a failed crawl keeps its reason when a dataset has the tools', () => {
    const live = crawled('@upstash/context7-mcp', ['get-library-docs', 'resolve-library-id']);
    const failed: Server = { ...crawled('broken-mcp', []), crawl: { status: 'failed', at: AT, reason: 'crash', message: 'exit 1' } };
    const { servers } = mergeSources({
      collected: [live, failed],
      records: [
        record('toucan', 'ctx', { packages: [{ registryType: 'npm', identifier: '@upstash/context7-mcp' }], tools: [tool('old-tool')], capture: 'tools-list' }),
        record('metorial', 'broken', { packages: [{ registryType: 'npm', identifier: 'broken-mcp' }], tools: [tool('works')], capture: 'tools-list' }),
      ],
    });
    const context7 = servers.find((server) => server.id === live.id)!;
    expect(names(context7)).toEqual(['get-library-docs', 'resolve-library-id']);
    expect(context7.crawl.status).toBe('ok');
    expect(context7.sources!.map((s) => [s.source, s.capture])).toEqual([['crawl', 'live'], ['toucan', 'tools-list']]);
    const broken = servers.find((server) => server.id === failed.id)!;
    expect(names(broken)).toEqual(['works']);
    expect(broken.crawl.status).toBe('imported');
    expect(broken.sources!.find((s) => s.source === 'crawl')).toMatchObject({ status: 'failed', reason: 'crash' });
  });

  it('gives the same servers whatever order the records come in', () => {
    const records = [
      record('toucan', 'a', { repository: 'https://github.com/o/a', tools: [tool('x')], capture: 'tools-list' }),
      record('metorial', 'a', { repository: 'https://github.com/o/a', tools: [tool('y')], capture: 'tools-list' }),
      record('toolsdk', 'b', { packages: [{ registryType: 'npm', identifier: 'b' }] }),
      record('tensorblock', 'b', { packages: [{ registryType: 'npm', identifier: 'b' }], repository: 'https://github.com/o/b' }),
    ];
    const forward = JSON.stringify(mergeSources({ collected: [], records }).servers);
    const backward = JSON.stringify(mergeSources({ collected: [], records: [...records].reverse() }).servers);
    expect(backward).toBe(forward);
  });

  it('records what changed since the last merge in the history of an imported server', () => {
    const before = mergeSources({ collected: [], records: [record('toucan', 'a', { repository: 'https://github.com/o/a', tools: [tool('x'), tool('y')], capture: 'tools-list' })] }).servers[0]!;
    const later = { ...record('toucan', 'a', { repository: 'https://github.com/o/a', tools: [tool('x', 'now deletes'), tool('z')], capture: 'tools-list' }), at: '2026-02-01T00:00:00.000Z' };
    const after = mergeSources({ collected: [], records: [later], previous: (id) => (id === before.id ? before : undefined) }).servers[0]!;
    expect(after.history.map((entry) => [entry.tool, entry.change])).toEqual([['x', 'changed'], ['y', 'removed'], ['z', 'added']]);
  });
});

describe('rebuildServers', () => {
  it('writes one file per server, removes servers no input knows any more, and is byte-identical when run again', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'catalog-rebuild-'));
    writeServer(dataDir, crawled('crawled-one', ['a']), 'collected');
    writeSourceRecords(dataDir, 'toucan', [record('toucan', 'x', { repository: 'https://github.com/o/x' }), record('toucan', 'y', { repository: 'https://github.com/o/y' })]);
    const first = rebuildServers(dataDir);
    expect(first).toMatchObject({ servers: 3, written: 3, removed: 0, errors: [] });
    const files = () => Object.fromEntries(readdirSync(path.join(dataDir, 'servers')).map((file) => [file, readFileSync(path.join(dataDir, 'servers', file), 'utf8')]));
    const snapshot = files();
    expect(rebuildServers(dataDir)).toMatchObject({ written: 0, removed: 0 });
    expect(files()).toEqual(snapshot);
    writeSourceRecords(dataDir, 'toucan', [record('toucan', 'x', { repository: 'https://github.com/o/x' })]);
    expect(rebuildServers(dataDir)).toMatchObject({ servers: 2, removed: 1 });
  });

  it('skips a dataset line that no longer validates, naming file and line, and keeps the rest', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'catalog-rebuild-'));
    mkdirSync(path.join(dataDir, 'sources'), { recursive: true });
    const good = JSON.stringify(record('toucan', 'x'));
    writeFileSync(path.join(dataDir, 'sources', 'toucan.jsonl'), `${good}\n{"source":"toucan","key":"bad","repository":"javascript:alert(1)"}\nnot json\n`);
    const report = rebuildServers(dataDir);
    expect(report.servers).toBe(1);
    expect(report.errors.some((error) => error.startsWith('sources/toucan.jsonl:2, server "bad"'))).toBe(true);
    expect(report.errors.some((error) => error.startsWith('sources/toucan.jsonl:3: not valid JSON'))).toBe(true);
  });
});
