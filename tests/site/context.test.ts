// The context around a tool and the catalog, over the real records of data/: related tools, the source
// of a definition, parameter types, the method page's computed parts, the home page's figures and the data page.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIDENCE } from '../../src/classify';
import { DECISION_TABLE, SERVER_CALL_LIMIT } from '../../src/policy';
import type { Server } from '../../src/schema';
import { iterateServers, listServerIds } from '../../src/store/dataset';
import { getServer, getTool, serverSummaries } from '../../src/site/catalog';
import { dataPageModel, evaluationRows, formatBytes, readEvaluation } from '../../src/site/data-page';
import { homeFigures, serversWhere, toolsWith } from '../../src/site/listing';
import { describeType } from '../../src/site/parameters';
import { METHOD_ANCHORS } from '../../src/site/render/context';
import { confidenceTable, decisionTable, serverLimitNote } from '../../src/site/render/method';
import { toolPageBody } from '../../src/site/render/tool';
import { relatedTools, toolSourceFacts, RELATED_MAX } from '../../src/site/tool-context';
import { toolPageModel } from '../../src/site/tool-page';

const ids = listServerIds('data');
const serverOf = (pattern: RegExp): Server => getServer(ids.find((id) => pattern.test(id)) ?? '');

describe('related tools of the same server', () => {
  it('lists the pull-request tools of the GitHub server for create_pull_request, resource first, at most eight', () => {
    const github = serverOf(/^github-github-mcp-server-/);
    const tool = getTool(github, 'create_pull_request');
    const related = relatedTools(github, tool);
    expect(related).toHaveLength(RELATED_MAX);
    expect(related.map((entry) => entry.name)).not.toContain('create_pull_request');
    // The one that shares the resource and the verb comes first; every other shares the resource.
    expect(related[0]).toMatchObject({ name: 'create_pull_request_review', verb: 'create' });
    for (const entry of related) expect(entry.nouns).toEqual(['pull', 'request']);
    expect(related.map((entry) => entry.name)).toContain('merge_pull_request');
    expect(relatedTools(github, tool)).toEqual(related);
    // Each shows the verdict of its own page.
    const merge = related.find((entry) => entry.name === 'merge_pull_request')!;
    expect(toolPageModel(github, getTool(github, 'merge_pull_request')).classification).toMatchObject({ category: merge.category, risk: merge.risk });
  });

  it('does not take a vendor prefix for a resource: slack_post_message is not related to every slack_* tool', () => {
    const slack = serverOf(/^metorial-lars-hagen-slack-user-mcp-slack-user-mcp-/);
    const related = relatedTools(slack, getTool(slack, 'slack_post_message'));
    expect(related.every((entry) => !entry.nouns.includes('slack'))).toBe(true);
    expect(related.map((entry) => entry.name)).not.toContain('slack_list_channels');
  });
});

describe('where a definition comes from', () => {
  it('links an imported server to its source file at the commit it was read from', () => {
    const server = [...iterateServers('data')].find((candidate) => candidate.tools.length > 0 && candidate.source.kind === 'import' && candidate.sources?.[0]?.source === 'metorial')!;
    const provider = server.sources!.find((entry) => entry.fields.includes('tools'))!;
    const facts = toolSourceFacts(server);
    const fact = (term: string) => facts.find((entry) => entry.term === term)?.items[0];
    expect(fact('Source data')?.href).toBe(`https://github.com/${provider.repository}/tree/${provider.commit}`);
    expect(fact('File')?.text).toBe(provider.path);
    expect(fact('File')?.href).toBe(`https://github.com/${provider.repository}/blob/${provider.commit}/${provider.path!.split('/').map(encodeURIComponent).join('/')}`);
    expect(fact('Version')?.text).toBe('not recorded');
  });

  it('gives a crawled npm server its package version and the version it reports', () => {
    const everything = serverOf(/^modelcontextprotocol-server-everything-/);
    expect(everything.source.kind).toBe('npm');
    const facts = toolSourceFacts(everything);
    const version = everything.source.kind === 'npm' ? everything.source.version : undefined;
    expect(version).toBeDefined();
    expect(facts.find((entry) => entry.term === 'Package')?.items[0]).toMatchObject({
      text: `npm @modelcontextprotocol/server-everything ${version}`,
      href: 'https://www.npmjs.com/package/@modelcontextprotocol/server-everything',
    });
    expect(facts.find((entry) => entry.term === 'Reports itself as')?.items[0]?.text).toBe(`${everything.serverInfo!.name} ${everything.serverInfo!.version}`);
  });

  it('names the origin of a hand-imported dump, linked when it is owner/name@commit path', () => {
    const github = serverOf(/^github-github-mcp-server-/);
    const imported = (origin: string | undefined) =>
      toolSourceFacts({ ...github, sources: undefined, source: { kind: 'import', file: 'dump.jsonl', ...(origin ? { origin } : {}) } } as Server)[0]?.items[0];
    expect(imported('acme/tools@0123456789abcdef0123456789abcdef01234567 data/tools.json')).toEqual({
      text: 'acme/tools@0123456789abcdef0123456789abcdef01234567 data/tools.json',
      href: 'https://github.com/acme/tools/blob/0123456789abcdef0123456789abcdef01234567/data/tools.json',
      code: true,
    });
    expect(imported(undefined)).toEqual({ text: 'dump.jsonl', href: undefined, code: true });
    expect(imported('javascript:alert(1)@0123456 x')?.href).toBeUndefined();
  });

  it('makes no link of a repository, commit or path that does not validate (the source controls them)', () => {
    const github = serverOf(/^github-github-mcp-server-/);
    const hostile = {
      ...github,
      sources: [{ source: 'toucan', name: 'x', fields: ['tools'], repository: 'javascript:alert(1)//x', commit: 'not-a-commit', path: '../../etc/passwd' }],
    } as Server;
    const facts = toolSourceFacts(hostile);
    expect(facts.flatMap((fact) => fact.items.map((item) => item.href))).toEqual([undefined, undefined, undefined]);
    expect(facts.map((fact) => fact.items[0]?.text)).toEqual(['javascript:alert(1)//x at not-a-commit', '../../etc/passwd', 'not recorded']);
  });
});

describe('parameter types over the whole dataset', () => {
  it('says more than "any" for every parameter whose schema gives a JSON type, a builtin Python type, a const, an enum or a local $ref', () => {
    const vague: string[] = [];
    for (const server of iterateServers('data')) {
      for (const tool of server.tools) {
        const schema = tool.definition.inputSchema;
        const properties = schema['properties'];
        if (properties === null || typeof properties !== 'object') continue;
        for (const [name, property] of Object.entries(properties as Record<string, unknown>)) {
          if (property === null || typeof property !== 'object') continue;
          const record = property as Record<string, unknown>;
          const hint = record['x-python-type'];
          const says =
            (typeof record['type'] === 'string' && record['type'] !== 'any') ||
            'const' in record ||
            Array.isArray(record['enum']) ||
            (typeof record['$ref'] === 'string' && record['$ref'].startsWith('#/$defs/')) ||
            (typeof hint === 'string' && /^(?:Optional\[)?(?:str|int|float|bool|list\[str\]|dict)\]?$/.test(hint));
          if (says && describeType(property, schema).split(' | ').includes('any')) vague.push(`${server.id} ${tool.definition.name} ${name}: ${JSON.stringify(property).slice(0, 80)}`);
        }
      }
    }
    expect(vague).toEqual([]);
  });
});

describe('the method pages\' computed parts', () => {
  // The prose is MDX (src/content/method/); tests/site/method-site.test.ts checks the built pages carry these parts and anchors.
  const body = [decisionTable('category'), decisionTable('modifier'), confidenceTable(), serverLimitNote()].join('');

  it('lists every decision-table row with its reason, every confidence value and the server-wide limit the code uses', () => {
    const text = body.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&gt;/g, '>').replace(/&lt;/g, '<');
    for (const row of DECISION_TABLE) {
      expect(text).toContain(`<code>${row.id}</code>`);
      expect(text).toContain(row.reason);
    }
    for (const value of [CONFIDENCE.agree, CONFIDENCE.nameOnly, CONFIDENCE.descriptionOnly, CONFIDENCE.phrase, CONFIDENCE.qualifier, CONFIDENCE.annotation, CONFIDENCE.weakRead, CONFIDENCE.nothing]) {
      expect(text).toContain(`<td>${Math.round(value * 100)}%</td>`);
    }
    expect(text).toContain(`${SERVER_CALL_LIMIT.max} calls a ${SERVER_CALL_LIMIT.window}`);
  });
});

describe('a real tool page', () => {
  it('links its confidence to the method, the server-wide limit to the server policy, and stays within its 30 KB budget', () => {
    const github = serverOf(/^github-github-mcp-server-/);
    const model = toolPageModel(github, getTool(github, 'create_pull_request'));
    const page = toolPageBody(github, model).value;
    expect(page).toContain(`Confidence ${Math.round(model.classification.confidence * 100)}%.`);
    expect(page).toContain(`href="${METHOD_ANCHORS.confidence}"`);
    expect(page).toContain(`href="/servers/${github.id}/#policy"`);
    expect(page).toContain('60 calls a minute');
    expect(page).toContain('id="related"');
    expect(page).toContain('id="source"');
    expect(Buffer.byteLength(page)).toBeLessThan(30_000);
  });
});

describe('the home page figures', () => {
  it('each counts exactly what the list it links to holds', () => {
    const figures = homeFigures();
    const byHref = new Map(figures.flatMap((figure) => figure.parts.filter((part) => part.href).map((part) => [part.href!, figure.count] as const)));
    expect(byHref.get('/servers/')).toBe(serverSummaries().length);
    expect(byHref.get('/servers/exfiltration-triangle/')).toBe(serversWhere('exfiltration-triangle').length);
    expect(byHref.get('/findings/poisoning/')).toBe(toolsWith('findings', 'poisoning').length);
    expect(byHref.get('/risk/high/')).toBe(toolsWith('risk', 'High').length + toolsWith('risk', 'Critical').length);
    // Independently of the index: servers whose file says they have tools and whose tools form the triangle.
    expect(serversWhere('exfiltration-triangle').every((summary) => summary.toolCount > 0 && summary.verdict.triangle.outwardChannel.length > 0)).toBe(true);
    expect(toolsWith('findings', 'poisoning').every((ref) => ref.findings > 0)).toBe(true);
    // Every term is explained with a link to its anchor on the method page.
    for (const figure of figures.filter((entry) => entry.term)) expect(Object.values(METHOD_ANCHORS)).toContain(figure.term!.href);
  });
});

describe('the data page', () => {
  it('publishes the committed eval report, the newest collection and a data hash', () => {
    const model = dataPageModel();
    expect(model.evaluation.problem).toBeUndefined();
    const committed = JSON.parse(readFileSync('data/eval-report.json', 'utf8')) as { all: { readOnly: { accuracy: number } } };
    const [all] = evaluationRows(model.evaluation.report!);
    expect(all?.cells[2]).toBe(`${(committed.all.readOnly.accuracy * 100).toFixed(1)}%`);
    const newest = [...iterateServers('data')].map((server) => server.crawl.at).filter((at): at is string => at !== undefined).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
    expect(model.dataset.newest).toBe(newest!.slice(0, 10));
    expect(model.dataset.dataHash).toMatch(/^[0-9a-f]{16}$/);
    expect(model.downloads.map((entry) => entry.file)).toEqual(['catalog.json', 'tools.ndjson', 'tools.csv', 'server.schema.json']);
    expect(model.downloads.every((entry) => entry.bytes !== undefined && entry.bytes > 0)).toBe(true);
  });

  it('says why it shows no accuracy for a data folder without a valid report, instead of failing the build', () => {
    expect(readEvaluation('/nonexistent').problem).toMatch(/npm run eval/);
    expect(readEvaluation('tests/fixtures').report).toBeUndefined();
  });

  it('writes sizes as a download dialog does', () => {
    expect([formatBytes(512), formatBytes(8_400), formatBytes(830_000), formatBytes(2_345_678), formatBytes(79_968_563)]).toEqual(['512 bytes', '8.4 KB', '830 KB', '2.35 MB', '80.0 MB']);
  });
});
