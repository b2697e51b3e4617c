// The hostile corpus (tests/fixtures/hostile/corpus.ts) through every real path a stranger's bytes
// take: the dump importer, the rebuild of data/servers, the classifier, the three policy renderers,
// the tool and server page bodies, the exports and the search record. Each case is either accepted
// (stored exactly as sent, escaped wherever shown, a safe and unique URL) or rejected with an error
// that names the file, server, tool and field and quotes no more than a short excerpt.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { importDump } from '../../src/import/import-dump';
import { canonicalJsonCompact } from '../../src/lib/canonical-json';
import { toolSlug } from '../../src/lib/ids';
import { policyFile } from '../../src/policy';
import { ClaudeSettings, HostedPolicy, InterceptPolicy, type Server } from '../../src/schema';
import { iterateServers } from '../../src/store/dataset';
import { rebuildServers } from '../../src/store/rebuild';
import { HOSTILE_CASES, LARGE_SERVER, LARGE_SERVER_TOOLS, hostileDump, hostileServerMeta, type HostileCase } from '../fixtures/hostile/corpus';
import type * as ExportModule from '../../src/site/export';
import type * as ServerRender from '../../src/site/render/server';
import type * as ToolRender from '../../src/site/render/tool';
import type * as ServerPageModule from '../../src/site/server-page';
import type * as ToolPageModule from '../../src/site/tool-page';
import type * as VerdictsModule from '../../src/site/verdicts';
import type * as SearchRecords from '../../src/search/records';
import type * as RecordHtml from '../../src/search/record-html';
import { unsafeMarkup } from '../helpers/hostile';

const FILE = 'hostile.jsonl';
const AT = '2026-12-01T00:00:00.000Z';
/** How long an error message may be: enough for file, server, tool, field and a short excerpt each. */
const ERROR_MAX = 400;

let dataDir: string;
let errors: string[] = [];
let servers: Server[] = [];
const outcomes = new Map<string, 'accepted' | 'rejected' | 'crashed'>();

let site: {
  toolPageModel: typeof ToolPageModule.toolPageModel;
  toolPageBody: typeof ToolRender.toolPageBody;
  toolPageTitle: typeof ToolRender.toolPageTitle;
  serverPageModel: typeof ServerPageModule.serverPageModel;
  serverPageBody: typeof ServerRender.serverPageBody;
  exportLines: typeof ExportModule.exportLines;
  verdictsFor: typeof VerdictsModule.verdictsFor;
  serverPolicy: typeof VerdictsModule.serverPolicy;
  serverRecord: typeof SearchRecords.serverRecord;
  recordHtml: typeof RecordHtml.recordHtml;
};

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hostile-corpus-'));
  const report = importDump(hostileDump(), FILE, { dataDir, at: AT, meta: (name) => hostileServerMeta(name) as never });
  errors = report.errors;
  const rebuilt = rebuildServers(dataDir);
  errors.push(...rebuilt.errors);
  servers = [...iterateServers(dataDir)];
  // The site modules read CATALOG_DATA_DIR when first imported.
  process.env['CATALOG_DATA_DIR'] = dataDir;
  const [toolPage, toolRender, serverPage, serverRender, exportModule, verdicts, records, recordHtmlModule] = await Promise.all([
    import('../../src/site/tool-page'),
    import('../../src/site/render/tool'),
    import('../../src/site/server-page'),
    import('../../src/site/render/server'),
    import('../../src/site/export'),
    import('../../src/site/verdicts'),
    import('../../src/search/records'),
    import('../../src/search/record-html'),
  ]);
  site = {
    toolPageModel: toolPage.toolPageModel,
    toolPageBody: toolRender.toolPageBody,
    toolPageTitle: toolRender.toolPageTitle,
    serverPageModel: serverPage.serverPageModel,
    serverPageBody: serverRender.serverPageBody,
    exportLines: exportModule.exportLines,
    verdictsFor: verdicts.verdictsFor,
    serverPolicy: verdicts.serverPolicy,
    serverRecord: records.serverRecord,
    recordHtml: recordHtmlModule.recordHtml,
  };
}, 300_000);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  const counts = { accepted: 0, rejected: 0, crashed: 0 };
  for (const outcome of outcomes.values()) counts[outcome] += 1;
  const named = HOSTILE_CASES.filter((c) => !c.id.startsWith('large-server-')).length;
  console.log(
    `hostile cases: ${outcomes.size} of ${HOSTILE_CASES.length} run (${named} named, ${LARGE_SERVER_TOOLS} tools of one server): ` +
      `${counts.accepted} accepted, ${counts.rejected} rejected, ${counts.crashed} crashed`,
  );
});

/** The tool as the importer should store it: the dump row's tool without top-level nulls. */
const expectedDefinition = (c: HostileCase) => c.tool;
const serverOf = (c: HostileCase) => servers.find((server) => server.name === c.server);
const storedTool = (c: HostileCase) => serverOf(c)?.tools.find((tool) => tool.definition.name === c.tool['name']);

describe('hostile corpus: the importer and the store', () => {
  it('has at least 60 named cases, each with an id and what it attacks, ids unique', () => {
    const named = HOSTILE_CASES.filter((c) => !c.id.startsWith('large-server-'));
    expect(named.length).toBeGreaterThanOrEqual(60);
    expect(new Set(HOSTILE_CASES.map((c) => c.id)).size).toBe(HOSTILE_CASES.length);
    for (const c of named) expect(c.attacks.length, c.id).toBeGreaterThan(5);
  });

  it.each(HOSTILE_CASES.filter((c) => c.outcome === 'accepted' && !c.id.startsWith('large-server-')).map((c) => [c.id, c] as const))(
    'accepts %s and stores it exactly as sent',
    (_id, c) => {
      const stored = storedTool(c);
      const intact = stored !== undefined && (c.id === 'name-duplicate-first' || canonicalJsonCompact(stored.definition) === canonicalJsonCompact(c.tool));
      outcomes.set(c.id, intact ? 'accepted' : 'crashed');
      expect(stored, `${c.id}: not stored`).toBeDefined();
      // The first of two definitions of one name is the one kept.
      if (c.id !== 'name-duplicate-first') expect(stored!.definition).toEqual(expectedDefinition(c));
      else expect(stored!.definition.description).toBe('The first one.');
    },
  );

  it.each(HOSTILE_CASES.filter((c) => c.outcome === 'rejected').map((c) => [c.id, c] as const))('rejects %s with an error naming file, server, tool and field', (_id, c) => {
    const name = typeof c.tool['name'] === 'string' ? c.tool['name'] : undefined;
    const mine = errors.filter((error) => error.includes(c.field!) && (error.includes(FILE) || error.includes('server "')));
    const server = servers.find((s) => s.name === c.server);
    const kept = server?.tools.find((tool) => tool.definition.name === name && canonicalJsonCompact(tool.definition) === canonicalJsonCompact(c.tool));
    outcomes.set(c.id, mine.length > 0 && !kept ? 'rejected' : 'crashed');
    expect(kept, `${c.id}: the rejected definition was stored`).toBeUndefined();
    expect(mine.length, `${c.id}: no error names ${c.field}\n${errors.join('\n')}`).toBeGreaterThan(0);
    for (const error of mine) {
      // A record-level error lists one issue a line; no line carries a control or line-breaking character of the input.
      for (const line of error.split('\n')) {
        expect(line.length, line.slice(0, 200)).toBeLessThanOrEqual(ERROR_MAX);
        // eslint-disable-next-line no-control-regex -- control characters are what this looks for
        expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
      }
    }
  });

  it('accepts every tool of the 3,000-tool server, each stored as sent', () => {
    const large = HOSTILE_CASES.filter((c) => c.id.startsWith('large-server-'));
    for (const c of large) {
      const stored = storedTool(c);
      outcomes.set(c.id, stored && canonicalJsonCompact(stored.definition) === canonicalJsonCompact(c.tool) ? 'accepted' : 'crashed');
    }
    expect(large.filter((c) => outcomes.get(c.id) !== 'accepted').map((c) => c.id)).toEqual([]);
  });

  it('names the source and the server in every error, and every error is short', () => {
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      for (const line of error.split('\n')) expect(line.length, line.slice(0, 200)).toBeLessThanOrEqual(ERROR_MAX);
      expect(error).toMatch(/server "/);
    }
  });

  it('writes only whole, parseable files (no temporary file left behind)', () => {
    for (const folder of ['servers', 'collected']) {
      for (const file of readdirSync(path.join(dataDir, folder))) {
        expect(file).toMatch(/^[a-z0-9-]+\.json$/);
        expect(() => JSON.parse(readFileSync(path.join(dataDir, folder, file), 'utf8'))).not.toThrow();
      }
    }
  });

  it('gives every tool a safe URL segment, unique within its server', () => {
    for (const server of servers) {
      expect(server.id).toMatch(/^[a-z0-9-]+-[0-9a-f]{8}$/);
      const slugs = server.tools.map((tool) => toolSlug(tool.definition.name));
      expect(new Set(slugs).size).toBe(slugs.length);
      for (const slug of slugs) {
        expect(slug).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_.~-]*$/);
        expect(slug.length).toBeLessThanOrEqual(128);
      }
    }
  });
});

describe('hostile corpus: classifier, policies, pages, exports and search', () => {
  it('classifies every tool, and finds the poisoning hidden outside descriptions', () => {
    const corpus = servers.find((server) => server.name === 'hostile corpus')!;
    const verdicts = site.verdictsFor(corpus);
    expect(verdicts.tools).toHaveLength(corpus.tools.length);
    const findingsOf = (name: string) => verdicts.tools[corpus.tools.findIndex((tool) => tool.definition.name === name)]!.findings.map((f) => `${f.rule} ${f.field}`);
    expect(findingsOf('parameter_enum')).toContain('poison.override-instructions parameter:mode');
    expect(findingsOf('output_schema')).toContain('poison.hidden-tag outputSchema');
    expect(findingsOf('description_bidi').some((f) => f.startsWith('poison.bidi-unicode description'))).toBe(true);
    expect(findingsOf('read\u200b_file').some((f) => f.startsWith('poison.invisible-unicode name'))).toBe(true);
  });

  it('renders policies that parse, pass their schemas and carry hostile names as data, never as structure', () => {
    for (const server of servers) {
      if (server.tools.length === 0) continue;
      const policy = site.serverPolicy(server);
      const names = new Set(server.tools.map((tool) => tool.definition.name));
      const hosted = HostedPolicy.parse(JSON.parse(policyFile(policy, 'policy.json').body));
      expect(hosted.default).toBe('deny');
      for (const key of Object.keys(hosted.tools ?? {})) expect(names.has(key), key).toBe(true);
      const intercept = InterceptPolicy.parse(parseYaml(policyFile(policy, 'policy.yaml').body, { maxAliasCount: 0 }));
      expect(intercept.default).toBe('deny');
      for (const key of Object.keys(intercept.tools ?? {})) expect(key === '*' || names.has(key), key).toBe(true);
      const claude = ClaudeSettings.parse(JSON.parse(policyFile(policy, 'claude-settings.json').body));
      for (const rule of [...(claude.permissions.allow ?? []), ...(claude.permissions.ask ?? []), ...(claude.permissions.deny ?? [])]) expect(rule).toMatch(/^mcp__[A-Za-z0-9_-]+(__[A-Za-z0-9_-]+)?$/);
    }
  });

  it('escapes every field in every tool page and server page body (no element, handler or link a payload wrote)', () => {
    let pages = 0;
    for (const server of servers) {
      const serverHtml = String(site.serverPageBody(server, site.serverPageModel(server)));
      expect(unsafeMarkup(serverHtml), server.name).toEqual([]);
      pages += 1;
      const tools = server.name === LARGE_SERVER ? server.tools.filter((_, i) => i % 300 === 0) : server.tools;
      for (const tool of tools) {
        const model = site.toolPageModel(server, tool);
        const body = String(site.toolPageBody(server, model));
        expect(unsafeMarkup(body), `${server.name} / ${tool.definition.name.slice(0, 60)}`).toEqual([]);
        expect(Buffer.byteLength(body), tool.definition.name.slice(0, 60)).toBeLessThanOrEqual(30_000);
        const { title, description } = site.toolPageTitle(server, model);
        expect(title.length + description.length).toBeLessThanOrEqual(2_000);
        pages += 1;
      }
    }
    expect(pages).toBeGreaterThan(60);
  });

  it('exports lines that parse back to the stored data', () => {
    for (const server of servers) {
      const lines = site.exportLines(server);
      const catalog = JSON.parse(lines.catalog) as { id: string; tools: unknown[] };
      expect(catalog.id).toBe(server.id);
      expect(lines.ndjson).toHaveLength(server.tools.length);
      lines.ndjson.forEach((line, index) => {
        expect(line.endsWith('\n')).toBe(true);
        expect(line.slice(0, -1)).not.toContain('\n');
        expect((JSON.parse(line) as { name: string }).name).toBe(server.tools[index]!.definition.name);
      });
      for (const line of lines.csv) expect(line).not.toMatch(/(^|,)"?[=+@-]/);
    }
  });

  it('writes search records whose HTML carries no markup a payload wrote', () => {
    for (const server of servers) {
      const verdicts = site.verdictsFor(server);
      const html = site.recordHtml(site.serverRecord(server, verdicts));
      expect(unsafeMarkup(html, ['title']), server.name).toEqual([]);
      // Pagefind's indexer (Rust) refuses a lone surrogate in the JSON it is sent and the whole build stops.
      expect(html.isWellFormed(), server.name).toBe(true);
    }
  });

  it('keeps the 3,000-tool server page within its budget: 650 rows, under 200 KB', () => {
    const large = servers.find((server) => server.name === LARGE_SERVER)!;
    expect(large.tools).toHaveLength(LARGE_SERVER_TOOLS);
    const body = String(site.serverPageBody(large, site.serverPageModel(large)));
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(200_000);
    expect(body.match(/<tr\b/g)?.length ?? 0).toBeLessThanOrEqual(651 + 80);
  });
});
