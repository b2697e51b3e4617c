// `npm run check` and `npm run build` over data folders with a stale and a malformed review: check
// warns about the stale one and exits 0, fails on the malformed one naming file and field; the build
// refuses before building any page, with the same line and no stack trace.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { root, temp, tsx } from '../robust/helpers';
import { BGG, changeTool, dataWith, writeReview } from './helpers';

type Run = { code: number; stdout: string; stderr: string };

async function run(script: string, dataDir: string, args: string[] = []): Promise<Run> {
  const env = { ...process.env, CATALOG_DATA_DIR: dataDir };
  return promisify(execFile)(tsx, [script, ...args], { cwd: root, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

it('npm run check lists a stale review as a warning and exits 0', async () => {
  const dir = dataWith([BGG], [[BGG, 'bgg-hot']]);
  const { before, after } = changeTool(dir, BGG, 'bgg-hot', '2026-12-03T08:00:00.000Z');
  const result = await run('scripts/check.ts', dir);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('check: 1 server records, 1 reviews.');
  expect(result.stderr).toContain('check: warning: 1 stale review');
  expect(result.stderr).toContain(`reviews/${BGG}/bgg-hot.md: tool "bgg-hot" reviewed at hash ${before} on 2026-12-02, now ${after} (changed 2026-12-03T08:00:00.000Z)`);
}, 120_000);

it('npm run check and npm run build refuse a malformed review, naming file and field', async () => {
  const dir = dataWith([BGG], []);
  writeReview(dir, BGG, 'bgg-hot', '---\ncategory: Safe\nrisk: Low\nreason: "Reads the hotness list."\ndate: 2026-12-02\nreviewer: someone\nhash: 5c81d6bf7d3f7a5c\n---\n');
  const line = new RegExp(`reviews/${BGG}/bgg-hot\\.md, field category: Invalid option: expected one of .* \\(is "Safe"\\)`);
  const check = await run('scripts/check.ts', dir);
  expect(check.code).toBe(1);
  expect(check.stderr).toMatch(line);
  const out = temp('review-build-');
  const build = await run('scripts/build.ts', dir, ['--out', out]);
  expect(build.code).toBe(1);
  expect(build.stderr).toContain('build: refused: data/reviews holds invalid reviews');
  expect(build.stderr).toMatch(line);
  expect(build.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
}, 300_000);
