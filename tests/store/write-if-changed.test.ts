import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileIfChanged } from '../../src/lib/write-if-changed';

describe('writeFileIfChanged', () => {
  it('writes a new or changed file, leaves an unchanged one alone, and leaves no temporary file behind', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'write-if-changed-'));
    const file = path.join(dir, 'nested', 'a.json');
    expect(writeFileIfChanged(file, '{"a":1}\n')).toBe(true);
    const written = statSync(file).mtimeMs;
    expect(writeFileIfChanged(file, '{"a":1}\n')).toBe(false);
    expect(statSync(file).mtimeMs).toBe(written);
    expect(writeFileIfChanged(file, '{"a":2}\n')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{"a":2}\n');
    expect(readdirSync(path.dirname(file))).toEqual(['a.json']);
  });
});
