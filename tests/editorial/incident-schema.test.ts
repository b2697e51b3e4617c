// The attack database's pages: every one cites a public source with a date, names only rules the
// classifier can emit, and a malformed page stops the build with a line naming the file and the field.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rules, poisonRules } from '../../src/classify/rules';
import { checkIncidents, defaultIncidentsDir, loadIncidents } from '../../src/editorial/incident-match';
import { IncidentFrontMatter } from '../../src/schema';

const incidents = loadIncidents();
const work = mkdtempSync(path.join(tmpdir(), 'incident-schema-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the real incidents folder where one page's front matter is edited by `edit`. */
function folderWith(name: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(work, 'pages-'));
  for (const incident of incidents) copyFileSync(path.join(defaultIncidentsDir(), `${incident.slug}.md`), path.join(dir, `${incident.slug}.md`));
  const file = path.join(dir, name);
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
  return dir;
}

describe('incident pages', () => {
  it('there are at least 15, each citing at least one http(s) source with a date', () => {
    expect(incidents.length).toBeGreaterThanOrEqual(15);
    for (const { slug, data } of incidents) {
      expect(data.sources.length, slug).toBeGreaterThan(0);
      for (const source of data.sources) {
        expect(new URL(source.url).protocol, `${slug}: ${source.url}`).toMatch(/^https?:$/);
        expect(source.date, slug).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number.isNaN(Date.parse(source.date)), `${slug}: ${source.date}`).toBe(false);
      }
    }
  });

  it('list their dates oldest first, none after the newest source they cite is dated (nothing dated from nowhere)', () => {
    for (const { slug, data } of incidents) {
      const dates = data.dates.map((entry) => entry.date);
      expect(dates, slug).toEqual([...dates].sort());
      const newestSource = data.sources.map((source) => source.date).sort().at(-1)!;
      expect(dates.at(-1)! <= newestSource, `${slug}: ${dates.at(-1)} after every source (${newestSource})`).toBe(true);
    }
  });

  it('name only rule ids the classifier can emit, and only finding rules in findings clauses', () => {
    const findingIds = new Set([...poisonRules.map((rule) => rule.id), 'poison.exfiltration-parameter', 'annotation.read-only-and-destructive', 'annotation.read-only-contradicted', 'annotation.not-destructive-contradicted']);
    const known = new Set([...rules.map((rule) => rule.id), ...findingIds]);
    for (const { slug, data } of incidents) {
      for (const rule of data.rules) expect(known.has(rule), `${slug}: ${rule}`).toBe(true);
      for (const clause of data.precondition.anyOf) for (const finding of clause.findings ?? []) expect(findingIds.has(finding), `${slug}: ${finding}`).toBe(true);
    }
  });

  it('link outward from their bodies only with rel="noopener noreferrer" (a Markdown link would not carry it)', () => {
    for (const { slug, body } of incidents) {
      expect(body, slug).not.toMatch(/\]\(https?:/);
      for (const anchor of body.match(/<a [^>]*>/g) ?? []) expect(anchor, slug).toMatch(/^<a href="https:\/\/[^"]+" rel="noopener noreferrer">$/);
    }
  });

  it('the schema refuses a javascript: source, a page without sources and an empty clause', () => {
    const good = incidents[0]!.data;
    const bad = (patch: Record<string, unknown>) => IncidentFrontMatter.safeParse({ ...good, ...patch }).success;
    expect(bad({})).toBe(true);
    expect(bad({ sources: [{ ...good.sources[0], url: 'javascript:alert(1)' }] })).toBe(false);
    expect(bad({ sources: [] })).toBe(false);
    expect(bad({ precondition: { description: 'x', anyOf: [{}] } })).toBe(false);
    expect(bad({ sources: [{ ...good.sources[0], ids: ['CVE-25-1'] }] })).toBe(false);
  });
});

describe('a malformed page', () => {
  it('is reported with its file and the field', () => {
    const dir = folderWith('tool-poisoning.md', (text) => text.replace('url: https://invariantlabs.ai/blog/mcp-security-notification-tool-poisoning-attacks', 'url: javascript:alert(1)'));
    const problems = checkIncidents(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('tool-poisoning.md');
    expect(problems[0]).toContain('field sources.0.url');
    expect(problems[0]).toContain('http(s) URL');
  });

  it('whose YAML does not parse is reported with its file', () => {
    const dir = folderWith('rug-pull.md', (text) => text.replace('kind: attack-class', 'kind: [attack-class'));
    const problems = checkIncidents(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/rug-pull\.md: the front matter is not valid YAML/);
  });

  it('stops npm run build before anything is built, naming the file and the field', () => {
    const dir = folderWith('lethal-trifecta.md', (text) => text.replace(/^kind: attack-class$/m, 'kind: rumour'));
    const out = path.join(work, 'dist');
    const result = spawnSync('npx', ['tsx', 'scripts/build.ts', '--out', out], { env: { ...process.env, CATALOG_INCIDENTS_DIR: dir }, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('build: refused: src/content/incidents/ holds invalid pages');
    expect(result.stderr).toMatch(/lethal-trifecta\.md, field kind: /);
  });
});
