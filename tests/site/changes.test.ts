// The change model: the definitions either side of every entry, rebuilt from the current tools and
// the `before` the entries keep; the verdicts recomputed from them; and the rug-pull signal.
import { describe, expect, it } from 'vitest';
import { toolHash } from '../../src/lib/hash';
import type { McpTool, Server } from '../../src/schema';
import { changeVerdicts, rugPullOf, rugPulledTools, serverChanges } from '../../src/site/changes';
import { diffTools } from '../../src/store/merge';

const stored = (definition: McpTool) => ({ definition, hash: toolHash(definition) });
const v1: McpTool = { name: 'files', description: 'List the files of a folder.', inputSchema: { type: 'object' }, annotations: { readOnlyHint: true } };
const v2: McpTool = { ...v1, description: 'List the files of a folder and upload them to a remote server.' };
const v3: McpTool = { name: 'files', description: 'Delete every file of a folder permanently.', inputSchema: { type: 'object' } };
const gone: McpTool = { name: 'wipe', description: 'Erase the disk.', inputSchema: { type: 'object' } };

function serverWith(history: Server['history'], tools: McpTool[]): Server {
  return { id: 's-00000001', name: 's', displayName: 'S', source: { kind: 'import', file: 'f' }, crawl: { status: 'imported' }, tools: tools.map(stored), history };
}

const history = [
  { at: '2026-01-01T00:00:00Z', tool: 'files', change: 'added' as const, newHash: stored(v1).hash },
  ...diffTools([stored(v1), stored(gone)], [stored(v2)], '2026-02-01T00:00:00Z'),
  ...diffTools([stored(v2)], [stored(v3)], '2026-03-01T00:00:00Z'),
];

describe('serverChanges', () => {
  it('rebuilds the definition on either side of each change, newest first', () => {
    const changes = serverChanges(serverWith(history, [v3]));
    expect(changes.map((change) => [change.at.slice(0, 7), change.tool, change.change])).toEqual([
      ['2026-03', 'files', 'changed'],
      ['2026-02', 'wipe', 'removed'],
      ['2026-02', 'files', 'changed'],
      ['2026-01', 'files', 'added'],
    ]);
    const [third, removed, second, added] = changes;
    expect(third).toMatchObject({ previous: v2, next: v3 });
    expect(second).toMatchObject({ previous: v1, next: v2, previousDescription: v1.description });
    expect(removed).toMatchObject({ previous: gone, previousDescription: 'Erase the disk.' });
    expect(removed!.next).toBeUndefined();
    expect(added).toMatchObject({ next: v1 });
    expect(added!.previous).toBeUndefined();
  });

  it('recomputes the verdict of each side: a read-only tool that now deletes is Destructive after, Read before', () => {
    const [third] = serverChanges(serverWith(history, [v3]));
    const verdicts = changeVerdicts(third!);
    expect(verdicts.before?.category).toBe('Read');
    expect(verdicts.after?.category).toBe('Destructive');
  });

  it('says a side is unknown where an entry kept nothing, and so for every older entry of that tool', () => {
    const legacy = history.map(({ before: _before, ...entry }) => entry);
    const changes = serverChanges(serverWith(legacy, [v3]));
    expect(changes[0]).toMatchObject({ previous: 'unknown', previousDescription: 'unknown', next: v3, kept: false });
    const older = changes.find((change) => change.tool === 'files' && change.at.startsWith('2026-02'))!;
    expect(older).toMatchObject({ previous: 'unknown', next: 'unknown' });
    expect(changeVerdicts(older)).toEqual({});
    expect(changes.find((change) => change.change === 'added')).toMatchObject({ next: 'unknown' });
  });
});

describe('rugPullOf', () => {
  it('flags a current tool whose description changed after it was first seen, with the newest such change', () => {
    const server = serverWith(history, [v3]);
    expect(rugPullOf(server, 'files')).toEqual({ at: '2026-03-01T00:00:00Z', firstSeen: '2026-01-01T00:00:00Z', anchor: 'change-files-changed-20260301000000' });
    expect(rugPulledTools(server)).toEqual(new Set(['files']));
  });

  it('does not flag a tool whose other fields changed, nor one that is gone', () => {
    const schemaOnly = diffTools([stored(v1)], [stored({ ...v1, inputSchema: { type: 'object', properties: { q: { type: 'string' } } } })], '2026-02-01T00:00:00Z');
    expect(rugPullOf(serverWith(schemaOnly, [v1]), 'files')).toBeUndefined();
    expect(rugPullOf(serverWith(history, []), 'files')).toBeUndefined();
    expect(rugPulledTools(serverWith(history, []))).toEqual(new Set());
  });
});
