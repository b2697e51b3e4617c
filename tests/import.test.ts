import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importDump } from '../src/import/import-dump';
import { parseDump } from '../src/import/parse-dump';
import { listServerIds, readServer } from '../src/store/dataset';
import { serverId } from '../src/lib/ids';

const tool = (name: string, description = `The ${name} tool`) => ({ name, description, inputSchema: { type: 'object', properties: {} } });
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'catalog-import-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const snapshot = (dir: string) =>
  Object.fromEntries(readdirSync(path.join(dir, 'collected')).map((file) => [file, readFileSync(path.join(dir, 'collected', file), 'utf8')]));

describe('parseDump input shapes', () => {
  it('reads a bare JSON array of tools when the server is named', () => {
    const parsed = parseDump(JSON.stringify([tool('a'), tool('b')]), 'tools.json', { server: 'srv' });
    expect(parsed.shape).toBe('tool-array');
    expect(parsed.servers.get('srv')?.map((t) => t.definition.name)).toEqual(['a', 'b']);
    expect(parsed.errors).toEqual([]);
  });

  it('refuses a bare array without a server name, saying how to fix it', () => {
    const parsed = parseDump(JSON.stringify([tool('a')]), 'tools.json');
    expect(parsed.errors).toEqual(['tools.json: a JSON array of tools does not say which server it belongs to; pass --server NAME']);
  });

  it('reads a tools/list result, taking the server from serverInfo, and a whole JSON-RPC response', () => {
    const result = parseDump(JSON.stringify({ serverInfo: { name: 'from-info' }, tools: [tool('a')] }), 'r.json');
    expect([...result.servers.keys()]).toEqual(['from-info']);
    const rpc = parseDump(JSON.stringify({ jsonrpc: '2.0', id: 1, result: { tools: [tool('x'), tool('y')], nextCursor: null } }), 'rpc.json', { server: 'rpc' });
    expect(rpc.shape).toBe('tools-result');
    expect(rpc.servers.get('rpc')?.length).toBe(2);
  });

  it('reads JSONL rows of {server, ...tool} and {server, tool}', () => {
    const text = [JSON.stringify({ server: 's1', ...tool('a') }), '', JSON.stringify({ server: { name: 's2' }, tool: tool('b') })].join('\n');
    const parsed = parseDump(text, 'rows.jsonl');
    expect(parsed.shape).toBe('jsonl');
    expect([...parsed.servers.keys()]).toEqual(['s1', 's2']);
  });

  it('reports each bad row by file, line, server, tool and field, and keeps the good rows', () => {
    const text = [
      JSON.stringify({ server: 's', ...tool('good') }),
      '{not json',
      JSON.stringify({ server: 's', name: 'no_schema', description: 'x' }),
      JSON.stringify({ name: 'orphan', inputSchema: {} }),
      JSON.stringify({ server: 's', name: 'bad_hint', inputSchema: { type: 'object' }, annotations: { readOnlyHint: 'yes' } }),
      JSON.stringify({ server: 's', ...tool('good', 'second copy') }),
    ].join('\n');
    const parsed = parseDump(text, 'dump.jsonl');
    expect(parsed.servers.get('s')?.map((t) => t.definition.name)).toEqual(['good']);
    expect(parsed.errors).toEqual([
      expect.stringMatching(/^dump\.jsonl:2: not valid JSON/),
      'dump.jsonl:3, server "s", tool "no_schema", field inputSchema: Invalid input: expected record, received undefined',
      'dump.jsonl:4, tool "orphan", field server: missing; each row needs the server it belongs to',
      'dump.jsonl:5, server "s", tool "bad_hint", field annotations.readOnlyHint: Invalid input: expected boolean, received string',
      'dump.jsonl:6, server "s", tool "good": duplicate tool name; the first definition is kept',
    ]);
  });

  it('keeps a tool that breaks the spec, with a note saying how', () => {
    const parsed = parseDump(JSON.stringify([{ name: 'has space', inputSchema: { properties: {} }, annotations: { destructiveHint: null } }]), 'x.json', { server: 's' });
    expect(parsed.servers.get('s')?.[0]?.notes).toEqual([
      'inputSchema has no `type: "object"`, which the MCP spec requires; kept as sent',
      'annotations destructiveHint sent as null, which the MCP spec does not allow; read as absent',
      'the name is not 1-128 characters of A-Z, a-z, 0-9, _, - and . as the MCP spec recommends',
    ]);
  });
});

describe('importDump into the store', () => {
  const rows = (tools: object[]) => tools.map((t) => JSON.stringify({ server: 'srv', ...t })).join('\n');

  it('writes one sorted, canonical file per server and is byte-identical when run twice', () => {
    const text = rows([tool('zeta'), tool('alpha')]);
    const first = importDump(text, 'd.jsonl', { dataDir, at: '2026-01-01T00:00:00Z', license: 'MIT', dataset: 'fixture' });
    expect(first.servers).toEqual([{ id: serverId({ kind: 'import', name: 'srv' }), name: 'srv', tools: 2, changed: true }]);
    const before = snapshot(dataDir);
    const second = importDump(text, 'd.jsonl', { dataDir, at: '2026-01-01T00:00:00Z', license: 'MIT', dataset: 'fixture' });
    expect(second.servers[0]?.changed).toBe(false);
    expect(snapshot(dataDir)).toEqual(before);
    const file = Object.values(before)[0] as string;
    expect(file.indexOf('"alpha"')).toBeLessThan(file.indexOf('"zeta"'));
    const record = readServer(dataDir, listServerIds(dataDir, 'collected')[0]!, 'collected');
    expect(record?.source).toEqual({ kind: 'import', file: 'd.jsonl', dataset: 'fixture', license: 'MIT' });
  });

  it('keeps the same tool name on two servers as two tools', () => {
    importDump([JSON.stringify({ server: 'one', ...tool('search') }), JSON.stringify({ server: 'two', ...tool('search') })].join('\n'), 'd.jsonl', { dataDir });
    const ids = listServerIds(dataDir, 'collected');
    expect(ids).toHaveLength(2);
    expect(ids.map((id) => readServer(dataDir, id, 'collected')?.tools[0]?.definition.name)).toEqual(['search', 'search']);
  });

  it('records added, changed and removed tools when a server is imported again', () => {
    importDump(rows([tool('keep'), tool('edit'), tool('drop')]), 'd.jsonl', { dataDir, at: '2026-01-01T00:00:00Z' });
    importDump(rows([tool('keep'), tool('edit', 'Now also uploads your files'), tool('new')]), 'd.jsonl', { dataDir, at: '2026-02-01T00:00:00Z' });
    const record = readServer(dataDir, serverId({ kind: 'import', name: 'srv' }), 'collected')!;
    expect(record.tools.map((t) => t.definition.name)).toEqual(['edit', 'keep', 'new']);
    expect(record.history.map(({ tool: name, change, fields }) => ({ name, change, fields }))).toEqual([
      { name: 'drop', change: 'removed', fields: undefined },
      { name: 'edit', change: 'changed', fields: ['description'] },
      { name: 'new', change: 'added', fields: undefined },
    ]);
    expect(record.history.every((entry) => entry.at === '2026-02-01T00:00:00Z')).toBe(true);
  });

  it('imports the hostile fixture, keeping its text exactly as sent', () => {
    const text = readFileSync(path.join(import.meta.dirname, 'fixtures/dumps/hostile.jsonl'), 'utf8');
    const report = importDump(text, 'hostile.jsonl', { dataDir });
    expect(report.errors).toEqual([]);
    const evil = report.servers.find((s) => s.name.startsWith('evil'))!;
    expect(evil.id).toMatch(/^evil-script-alert-server-script-server-[0-9a-f]{8}$/);
    const record = readServer(dataDir, evil.id, 'collected')!;
    expect(record.tools.find((t) => t.definition.name === 'steal_data')?.definition.description).toContain('<script>window.__pwned=1</script>');
  });
});
