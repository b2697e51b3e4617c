// `npm run build` over a data/ that holds one invalid record: a real build run that stops before any
// page is built, exit code 1, stderr naming the file and the field, and no stack trace.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const out = mkdtempSync(path.join(os.tmpdir(), 'robust-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('refuses to build with the file and field of the invalid record, without a stack trace', async () => {
  const env = { ...process.env, CATALOG_DATA_DIR: path.join(root, 'tests/fixtures/malformed/build-data') };
  const failure = await promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), ['scripts/build.ts', '--out', out], { cwd: root, env }).then(
    () => undefined,
    (error: { code: number; stderr: string }) => error,
  );
  expect(failure?.code).toBe(1);
  expect(failure?.stderr).toContain('build: refused: data/ holds invalid records');
  expect(failure?.stderr).toMatch(
    /tests\/fixtures\/malformed\/build-data\/servers\/malformed-record-00000000\.json, server "malformed-record-00000000", tool "wrapper", field tools\.0\.definition\.annotations\.readOnlyHint: Invalid input: expected boolean, received string/,
  );
  expect(failure?.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  expect(failure?.stderr).not.toContain('storybook-mcp-099f3930');
}, 300_000);
