// npm run classify: one tool a line in, the same line plus a classification out; bad lines are
// reported by line and field and do not stop the others.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');

function run(lines: string[], ...flags: string[]): { status: number | null; stderr: string; out: Array<Record<string, unknown>> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'classify-cli-'));
  const input = path.join(dir, 'in.jsonl');
  const output = path.join(dir, 'out.jsonl');
  writeFileSync(input, `${lines.join('\n')}\n`);
  const result = spawnSync(process.execPath, [tsx, 'scripts/classify.ts', '--in', input, '--out', output, ...flags], { encoding: 'utf8' });
  const text = readFileSync(output, 'utf8');
  return { status: result.status, stderr: result.stderr, out: text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('npm run classify', () => {
  it('classifies good lines, keeps their fields, and names the line and field of bad ones', () => {
    const good = { server: 'github', name: 'delete_file', description: 'Delete a file', inputSchema: { type: 'object' }, annotations: { readOnlyHint: true } };
    const { status, stderr, out } = run([JSON.stringify(good), '{"name": 42, "inputSchema": {}}', 'not json', JSON.stringify({ ...good, name: 'get_file', description: 'Get a file' })]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/in\.jsonl:2: not an MCP tool \(name: /);
    expect(stderr).toMatch(/in\.jsonl:3: not valid JSON/);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ server: 'github', name: 'delete_file', classification: { category: 'Destructive' } });
    expect(out[1]).toMatchObject({ name: 'get_file', classification: { category: 'Read' } });
  });

  it('hides annotations from the verdict with --ignore-annotations but still reports contradictions', () => {
    const line = JSON.stringify({ name: 'valorant', inputSchema: { type: 'object' }, annotations: { readOnlyHint: true, destructiveHint: true } });
    const [withHints] = run([line]).out;
    const [without] = run([line], '--ignore-annotations').out;
    expect((withHints?.['classification'] as { category: string }).category).toBe('Write');
    expect((without?.['classification'] as { category: string; findings: Array<{ rule: string }> }).category).toBe('Other');
    expect((without?.['classification'] as { findings: Array<{ rule: string }> }).findings.map((finding) => finding.rule)).toContain('annotation.read-only-and-destructive');
  });

  it('prints the inferred annotations beside the declared ones, each with the rules that decided it, whatever the author declared', () => {
    const update = { name: 'update_record', description: 'Updates a record in place.', inputSchema: { type: 'object' }, annotations: { readOnlyHint: false, destructiveHint: false } };
    const [out] = run([JSON.stringify(update)]).out;
    const inferred = (out?.['classification'] as { inferredAnnotations: Record<string, { value: boolean | null; evidence: Array<{ rule: string; match: string }> }> }).inferredAnnotations;
    // The author calls the update additive; the spec's wording makes an update in place destructive.
    expect(out?.['annotations']).toEqual({ readOnlyHint: false, destructiveHint: false });
    expect(inferred['destructiveHint']).toEqual({ value: true, evidence: [{ rule: 'name.verb.modify', field: 'name', match: 'update' }, { rule: 'description.verb.modify', field: 'description', match: 'Updates' }] });
    expect(inferred['readOnlyHint']?.value).toBe(false);
    expect(inferred['idempotentHint']?.value).toBe(true);
    const [ignored] = run([JSON.stringify(update)], '--ignore-annotations').out;
    expect((ignored?.['classification'] as { inferredAnnotations: unknown }).inferredAnnotations).toEqual(inferred);
  });
});
