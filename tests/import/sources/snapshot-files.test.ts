import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { itemsOfFolder, readToolListFile } from '../../../src/import/sources/snapshot-files';

const dir = mkdtempSync(path.join(tmpdir(), 'catalog-snapshot-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('itemsOfFolder', () => {
  it('reads the entries of one kind in code-point order, and says when the folder is missing', () => {
    for (const name of ['b', 'B', 'a']) mkdirSync(path.join(dir, 'servers', name), { recursive: true });
    writeFileSync(path.join(dir, 'servers', 'file.json'), '{}');
    const seen = [...itemsOfFolder(dir, 'demo', 'servers', 'folders', (entry) => [{ error: entry }])];
    expect(seen).toEqual([{ error: 'B' }, { error: 'a' }, { error: 'b' }]);
    expect([...itemsOfFolder(dir, 'demo', 'missing', 'files', () => [])]).toEqual([{ error: 'demo: the snapshot has no missing/ folder' }]);
  });
});

describe('readToolListFile', () => {
  it('gives the list, or an error line that keeps the server without tools', () => {
    writeFileSync(path.join(dir, 'tools.json'), '[{"name":"a"}]');
    writeFileSync(path.join(dir, 'object.json'), '{"name":"a"}');
    const names = { holder: 'app', items: 'functions' };
    expect(readToolListFile(dir, 'tools.json', 'demo', 'KEY', names)).toEqual({ list: [{ name: 'a' }] });
    expect(readToolListFile(dir, 'object.json', 'demo', 'KEY', names)).toEqual({ error: 'demo object.json, server "KEY": expected a JSON array of functions, not an object; the app is kept without tools' });
    expect(readToolListFile(dir, 'absent.json', 'demo', 'KEY', names)).toEqual({ error: 'demo absent.json: cannot be read (ENOENT); the app is kept without tools' });
  });
});
