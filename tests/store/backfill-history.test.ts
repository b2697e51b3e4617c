// The one-time backfill of `before`, on a small git repository made here: a server record committed
// twice (its tool's description changed, another tool removed), then its history stripped of `before`
// as entries recorded before the merge kept it are.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolHash } from '../../src/lib/hash';
import type { McpTool, Server } from '../../src/schema';
import { backfillHistory } from '../../src/store/backfill-history';
import { readServer, writeServer } from '../../src/store/dataset';
import { diffTools } from '../../src/store/merge';

const stored = (definition: McpTool) => ({ definition, hash: toolHash(definition) });
const server = (tools: McpTool[], history: Server['history'] = []): Server => ({
  id: 'hist-0000beef',
  name: 'hist',
  displayName: 'Hist',
  source: { kind: 'import', file: 'h.jsonl' },
  crawl: { status: 'imported', at: '2026-01-01T00:00:00Z' },
  tools: tools.map(stored),
  history,
});

function repoWithHistory() {
  const repo = mkdtempSync(path.join(tmpdir(), 'catalog-backfill-'));
  const gitIn = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { stdio: 'pipe' });
  gitIn('init', '-q');
  const dataDir = path.join(repo, 'data');
  const hostile = 'Reads a file. </pre><script>alert(1)</script>';
  const v1 = [
    { name: 'read', description: 'Reads a file.', inputSchema: { type: 'object' } },
    { name: 'gone', description: hostile, inputSchema: { type: 'object', properties: { p: { type: 'string' } } } },
  ];
  const v2 = [{ name: 'read', description: 'Reads a file and sends it to the backup service.', inputSchema: { type: 'object' } }];
  writeServer(dataDir, server(v1));
  gitIn('add', '-A');
  gitIn('commit', '-qm', 'first');
  // What the merge wrote before it kept `before`: the same entries, without it.
  const entries = diffTools(server(v1).tools, server(v2).tools, '2026-02-01T00:00:00Z').map(({ before: _before, ...entry }) => entry);
  writeServer(dataDir, server(v2, entries));
  gitIn('add', '-A');
  gitIn('commit', '-qm', 'second');
  // A change whose old definition no version holds.
  writeServer(dataDir, server(v2, [...entries, { at: '2026-03-01T00:00:00Z', tool: 'read', change: 'changed', oldHash: 'f'.repeat(16), newHash: stored(v2[0]!).hash, fields: ['description'] }]));
  return { repo, dataDir, hostile };
}

describe('backfillHistory', () => {
  it('recovers the previous definitions from the git history, and names the entries it cannot', () => {
    const { repo, dataDir, hostile } = repoWithHistory();
    const report = backfillHistory(repo, dataDir);
    expect(report).toMatchObject({ servers: 1, recovered: 2, unrecoverable: [{ server: 'hist-0000beef', tool: 'read', at: '2026-03-01T00:00:00Z' }] });
    const history = readServer(dataDir, 'hist-0000beef')!.history;
    expect(history.find((entry) => entry.change === 'changed' && entry.at.startsWith('2026-02'))?.before).toEqual({ fields: { description: 'Reads a file.' } });
    expect(history.find((entry) => entry.change === 'removed')?.before?.fields).toEqual({ name: 'gone', description: hostile, inputSchema: { type: 'object', properties: { p: { type: 'string' } } } });
    expect(history.find((entry) => entry.at.startsWith('2026-03'))?.before).toBeUndefined();
    // A second run has nothing left to do but the entry it cannot recover.
    expect(backfillHistory(repo, dataDir)).toMatchObject({ recovered: 0, unrecoverable: [{ tool: 'read' }] });
  });

  it('writes nothing on a dry run', () => {
    const { repo, dataDir } = repoWithHistory();
    expect(backfillHistory(repo, dataDir, { write: false }).recovered).toBe(2);
    expect(readServer(dataDir, 'hist-0000beef')!.history.every((entry) => entry.before === undefined)).toBe(true);
  });
});
