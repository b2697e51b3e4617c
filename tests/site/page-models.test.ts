// The page models of servers the merge made: index-only servers, provenance and conflicts, names-only
// tools, listings split by whether tools were collected. Plain functions over a merged fixture; the
// site modules that read the catalog are imported after CATALOG_DATA_DIR points at the fixture.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../../src/schema';
import { notCollected } from '../../src/site/collect';
import { mergeSources } from '../../src/store/merge-sources';
import { describeCollection } from '../../src/site/format';
import { encodeRepositoryPath, githubFileUrl, httpLink, packageLink, shellWord } from '../../src/site/links';
import { conflictRows, isNamesOnly, sourceRows, toolOrigin } from '../../src/site/provenance';
import type * as ExportModule from '../../src/site/export';
import type * as ListingModule from '../../src/site/listing';
import type * as ServerPageModule from '../../src/site/server-page';
import type * as ToolPageModule from '../../src/site/tool-page';
import { HOSTILE_DESCRIPTION, writeMergedFixture } from '../helpers/merged-fixture';

const dir = mkdtempSync(path.join(tmpdir(), 'page-models-'));
let fixture: ReturnType<typeof writeMergedFixture>;
// Type-only imports: the modules themselves load in beforeAll, once the data folder is set.
let serverPageModel: typeof ServerPageModule.serverPageModel;
let toolPageModel: typeof ToolPageModule.toolPageModel;
let listing: typeof ListingModule;
let serverDocument: typeof ExportModule.serverDocument;

beforeAll(async () => {
  fixture = writeMergedFixture(path.join(dir, 'data'));
  // src/site/catalog.ts reads CATALOG_DATA_DIR when it is first imported.
  process.env['CATALOG_DATA_DIR'] = path.join(dir, 'data');
  ({ serverPageModel } = await import('../../src/site/server-page'));
  ({ toolPageModel } = await import('../../src/site/tool-page'));
  listing = await import('../../src/site/listing');
  ({ serverDocument } = await import('../../src/site/export'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A record the schema would refuse, as a page model might still meet it (an old file, a future field). */
const unchecked = (server: Server, patch: Record<string, unknown>): Server => ({ ...server, ...patch }) as Server;

describe('an index-only server', () => {
  it('says its tools are not collected and why, without a verdict, a chart or a policy', () => {
    const model = serverPageModel(fixture.indexOnly);
    expect(model.hasTools).toBe(false);
    expect(model.policy).toBeUndefined();
    expect(model.origin).toBeUndefined();
    const words = [model.description, model.summary, model.notCollected?.reason, ...model.facts.flatMap((fact) => fact.items.map((item) => item.text))].join('\n');
    // A classification of zero tools is "Low risk": no page may say so, nor "0 tools".
    expect(words).not.toMatch(/\b(Low|Medium|High|Critical)\b|\b0 tools\b|safe/);
    expect(model.notCollected?.reason).toBe("2 sources list this server, but none of them publishes its tools, and this project's crawler has not run it yet.");
  });

  it('gives the exact commands for its npm package and its remote endpoint, quoted for a shell', () => {
    const steps = notCollected(fixture.indexOnly)!.steps;
    expect(steps.map((step) => step.commands[0])).toEqual([
      'npm run crawl -- --source npm --only @example/widget-server',
      `npm run crawl -- --source remote --url 'https://mcp.widget.example.com/it'\\''s/mcp'`,
    ]);
    expect(steps[0]!.before).toContain('not a crawl target yet, so it is started with no arguments or environment variables');
    // The crawl rebuilds data/servers/ itself: one command per thing to start.
    expect(steps.every((step) => step.commands.length === 1)).toBe(true);
  });

  it('shows what is known: description, repository, homepage, license and each package once with its versions', () => {
    const model = serverPageModel(fixture.indexOnly);
    const fact = (term: string) => model.facts.find((entry) => entry.term === term);
    expect(fixture.indexOnly.description).toBe(HOSTILE_DESCRIPTION);
    expect(fact('Repository')?.items).toEqual([{ text: 'https://github.com/example/widget-server', href: 'https://github.com/example/widget-server' }]);
    expect(fact('Homepage')?.items[0]?.href).toBe('https://widget.example.com/');
    expect(fact('License')?.items[0]?.text).toBe('MIT');
    expect(fact('Packages')?.items).toEqual([{ text: 'npm @example/widget-server (1.0.0)', href: 'https://www.npmjs.com/package/@example/widget-server' }]);
    expect(fact('Remote endpoints')?.items[0]?.text).toBe("streamable-http https://mcp.widget.example.com/it's/mcp");
    expect(fact('Context cost')).toBeUndefined();
    expect(fact('Source')).toBeUndefined();
  });

  it('lists its sources with links to their data files at the commit, the path encoded', () => {
    const rows = sourceRows(fixture.indexOnly);
    expect(rows.map((row) => row.title)).toEqual(['MCPM registry', 'ToolSDK MCP registry']);
    expect(rows[0]).toMatchObject({
      dataUrl: `https://github.com/pathintegral-institute/mcpm.sh/blob/${'a'.repeat(40)}/mcp-registry/servers/widget%20%3Cserver%3E.json`,
      license: 'MIT',
      at: '2026-10-01',
      tools: 'lists no tools',
      showsTools: false,
      fields: ['description', 'homepage', 'license', 'packages', 'repository'],
    });
  });

  it('says honestly when the crawler cannot start anything it names', () => {
    const oci = notCollected(fixture.oci)!;
    expect(oci.steps).toEqual([]);
    expect(oci.limits.join(' ')).toContain('The crawler cannot start oci example/boxed:1.2');
    expect(oci.limits.join(' ')).toContain('no command that collects its tools yet');
    const nothing = notCollected(fixture.nothing)!;
    expect(nothing.steps).toEqual([]);
    expect(nothing.reason).toBe("TensorBlock awesome-mcp-servers lists this server but does not publish its tools, and this project's crawler has not run it yet.");
    expect(nothing.limits[0]).toMatch(/^No source names an npm or PyPI package or a remote endpoint for it/);
  });

  it('gives the PyPI and registry commands when that is what the record names', () => {
    const pypi = unchecked(fixture.nothing, { registry: { packages: [{ registryType: 'pypi', identifier: 'mcp-server-fetch' }], remotes: [] } });
    expect(notCollected(pypi)!.steps[0]!.commands[0]).toBe('npm run crawl -- --source pypi --only mcp-server-fetch');
    const registry = unchecked(fixture.nothing, { source: { kind: 'registry', registryName: 'io.github.example/thing' } });
    expect(notCollected(registry)!.steps[0]!.commands[0]).toBe('npm run crawl -- --source registry --only io.github.example/thing');
    // A name that is not a valid package name gives no command at all, rather than a command with it.
    const bad = unchecked(fixture.nothing, { registry: { packages: [{ registryType: 'pypi', identifier: 'x; rm -rf ~' }], remotes: [] } });
    expect(notCollected(bad)!.steps).toEqual([]);
  });
});

describe('a server whose crawl failed', () => {
  it('gives the reason, the crawler message and the command to run it again', () => {
    const model = notCollected(fixture.failed)!;
    expect(model.reason).toBe("This project's crawler tried to start the server on 2026-10-01 and failed: the server did not answer initialize or tools/list in time (timeout).");
    expect(model.message).toContain('no answer to initialize within 60 s');
    expect(model.steps[0]).toEqual({
      what: 'npm package @example/stuck-server',
      before: 'it is a crawl target in data/crawl-targets.json; once what made the last crawl fail is addressed, run it again:',
      commands: ['npm run crawl -- --source npm --only @example/stuck-server'],
    });
    expect(sourceRows(fixture.failed)[0]).toMatchObject({ title: "This project's crawler", status: 'crawl failed on 2026-10-01 (timeout)', dataUrl: undefined });
  });
});

describe('a merged server with conflicts', () => {
  it('says whose tools are shown and why, and who says which license', () => {
    expect(conflictRows(fixture.conflicted).map((row) => row.sentence)).toEqual([
      'The sources disagree on the license: Toucan says MIT, Metorial MCP index says Apache-2.0. Shown: MIT, from Toucan.',
      "Toucan lists 3 tools (saved tools/list), Metorial MCP index 2 (static analysis): the tools shown are Toucan's.",
    ]);
    const rows = sourceRows(fixture.conflicted);
    expect(rows.map((row) => [row.title, row.tools, row.showsTools])).toEqual([
      ['Toucan', '3 tools, a saved tools/list result', true],
      ['Metorial MCP index', '2 tools, static analysis of the source code (schemas may be approximate)', false],
    ]);
    const model = serverPageModel(fixture.conflicted);
    expect(model.facts.find((fact) => fact.term === 'License')?.note).toBe('the sources disagree: see below');
    expect(model.origin?.sentence).toBe('The definition comes from a saved tools/list result, published by Toucan under MIT (2026-10-01).');
    expect(model.policy).toBeDefined();
  });

  it('words the crawler as a source in a sentence, matching its conflict entry by source when the key is the server id', () => {
    const crawled = unchecked(fixture.failed, {
      sources: [
        { source: 'crawl', name: '@example/stuck-server', fields: ['tools'], tools: 61, capture: 'live', status: 'ok' },
        { source: 'azure-mcp', name: 'azure', fields: [], tools: 350, capture: 'cli-metadata', status: 'imported' },
      ],
      conflicts: [
        { field: 'license', values: [{ source: `crawl:${fixture.failed.id}`, value: 'MIT' }, { source: 'azure-mcp:azure', value: 'ISC' }], chosen: 'MIT' },
        { field: 'tools', values: [{ source: `crawl:${fixture.failed.id}`, value: '61 tools (live)' }, { source: 'azure-mcp:azure', value: '350 tools (cli-metadata)' }], chosen: '61 tools (live)' },
      ],
    });
    expect(conflictRows(crawled).map((row) => row.sentence)).toEqual([
      "The sources disagree on the license: this project's crawl says MIT, azure-mcp says ISC. Shown: MIT, from this project's crawl.",
      "This project's crawl found 61 tools (live), azure-mcp 350 (CLI metadata): the tools shown are the crawl's.",
    ]);
  });

  it('links a hand-imported dump to its file in the repository, not to where the import ran', () => {
    const collected: Server = {
      id: 'x-00000000',
      name: 'x',
      displayName: 'x',
      source: { kind: 'import', file: 'shared/datasets/x/tools.json', dataset: 'livemcpbench', origin: `icip-cas/LiveMCPBench@${'b'.repeat(40)} tools/LiveMCPTool/tools.json`, capture: 'tools-list' },
      crawl: { status: 'imported', at: '2025-08-18T00:00:00Z' },
      tools: [{ definition: { name: 't', inputSchema: { type: 'object' } }, hash: '0000000000000000' }],
      history: [],
    };
    const dump = mergeSources({ collected: [collected], records: [] }).servers[0]!;
    expect(sourceRows(dump)[0]!.dataUrl).toBe(`https://github.com/icip-cas/LiveMCPBench/blob/${'b'.repeat(40)}/tools/LiveMCPTool/tools.json`);
    expect(toolOrigin(dump)?.dataUrl).toBe(sourceRows(dump)[0]!.dataUrl);
  });

  it('links a dump whose origin names many files (a wildcard) to the repository at its commit', () => {
    const collected: Server = {
      id: 'y-00000000',
      name: 'y',
      displayName: 'y',
      source: { kind: 'import', file: 'shared/datasets/unified/tools.jsonl', dataset: 'awslabs-mcp', origin: `awslabs/mcp@${'c'.repeat(40)} src/*-mcp-server`, capture: 'static-analysis' },
      crawl: { status: 'imported' },
      tools: [],
      history: [],
    };
    const server = mergeSources({ collected: [collected], records: [] }).servers[0]!;
    expect(sourceRows(server)[0]!.dataUrl).toBe(`https://github.com/awslabs/mcp/tree/${'c'.repeat(40)}`);
  });
});

describe('names-only tools', () => {
  it('says the parameters are not known, never "no parameters", on the tool page and in its FAQ', () => {
    const server = fixture.namesOnly;
    const tool = server.tools.find((entry) => entry.definition.name === 'delete_note')!;
    expect(isNamesOnly(server, tool)).toBe(true);
    const model = toolPageModel(server, tool);
    expect(model.parametersKnown).toBe(false);
    expect(model.parameters).toBe('parameters not known');
    expect(model.parametersNote).toContain('its parameters are not known');
    const faq = model.faq.map((entry) => entry.answer).join('\n');
    expect(faq).toContain('Its parameters are not known');
    expect(faq).not.toContain('no parameters');
    expect(model.origin?.sentence).toBe('The definition comes from names and descriptions only (parameters not known), published by TensorBlock awesome-mcp-servers under MIT (2026-10-01).');
  });

  it('marks the server page and its tool rows', () => {
    const model = serverPageModel(fixture.namesOnly);
    expect(model.namesOnly).toBe(true);
    expect(model.summary).toContain('names and descriptions only');
    expect(model.tools.map((tool) => tool.parameters)).toEqual([undefined, undefined]);
    expect(model.facts.find((fact) => fact.term === 'Context cost')?.note).toContain('the parameters are not known');
  });

  it('keeps "no parameters" for a tool whose server sent an empty schema', () => {
    const tool = { ...fixture.conflicted.tools[0]!, definition: { ...fixture.conflicted.tools[0]!.definition, inputSchema: { type: 'object' } } };
    const model = toolPageModel(unchecked(fixture.conflicted, { tools: [tool] }), tool);
    expect(model.parametersKnown).toBe(true);
    expect(model.parameters).toBe('no parameters');
  });
});

describe('the context of a tool page on a merged server', () => {
  it('relates the tools on the same resource, links the source file at its commit, and points at the server policy', () => {
    const server = fixture.conflicted;
    const tool = server.tools.find((entry) => entry.definition.name === 'create_issue')!;
    const model = toolPageModel(server, tool);
    // delete_issue and list_issues act on issues too; names are the tie-break.
    expect(model.related.map((entry) => [entry.name, entry.nouns, entry.verb])).toEqual([
      ['delete_issue', ['issue'], undefined],
      ['list_issues', ['issue'], undefined],
    ]);
    expect(model.related.map((entry) => entry.risk)).toEqual(['Critical', 'Low']);
    const provider = server.sources!.find((entry) => entry.fields.includes('tools'))!;
    expect(provider.path).toBe('mcp_servers/tracker.json');
    expect(model.sourceFacts.map((fact) => [fact.term, fact.items[0]?.href])).toEqual([
      ['Source data', `https://github.com/TheAgentArk/Toucan/tree/${'a'.repeat(40)}`],
      ['File', `https://github.com/TheAgentArk/Toucan/blob/${'a'.repeat(40)}/mcp_servers/tracker.json`],
      ['Version', undefined],
    ]);
    expect(model.urls.serverPolicy).toBe(`/servers/${server.id}/#policy`);
  });

  it('lists no related tool for a server whose other tools share neither resource nor verb', () => {
    const notes = fixture.namesOnly;
    // search_notes and delete_note share "note": on a two-tool server no word can be a namespace.
    expect(toolPageModel(notes, notes.tools[0]!).related.map((entry) => entry.nouns)).toEqual([['note']]);
    const lone = unchecked(notes, { tools: [notes.tools[0]!] });
    expect(toolPageModel(lone, lone.tools[0]!).related).toEqual([]);
  });
});

describe('links from untrusted parts', () => {
  it('makes links only of http(s) URLs: a javascript: homepage is shown as text, never as a link', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example', '/relative', 'vbscript:x', '']) {
      expect(httpLink(bad), bad).toBeUndefined();
    }
    expect(httpLink('https://example.com/a b')).toBe('https://example.com/a%20b');
    const hostile = unchecked(fixture.indexOnly, { homepage: 'javascript:alert(1)', repository: 'data:text/html,x' });
    const facts = serverPageModel(hostile).facts;
    expect(facts.find((fact) => fact.term === 'Homepage')?.items).toEqual([{ text: 'javascript:alert(1)', href: undefined }]);
    expect(facts.find((fact) => fact.term === 'Repository')?.items[0]?.href).toBeUndefined();
    expect(facts.flatMap((fact) => fact.items).every((item) => item.href === undefined || /^(https?:\/\/|\/servers\/)/.test(item.href))).toBe(true);
  });

  it('builds GitHub file URLs only from a valid repository, commit and path', () => {
    const commit = 'c'.repeat(40);
    expect(githubFileUrl('owner/name', commit, 'a b/c#d?.json')).toBe(`https://github.com/owner/name/blob/${commit}/a%20b/c%23d%3F.json`);
    expect(githubFileUrl('owner/name', commit)).toBe(`https://github.com/owner/name/tree/${commit}`);
    expect(githubFileUrl('../name', commit, 'x')).toBeUndefined();
    expect(githubFileUrl('owner/name/extra', commit, 'x')).toBeUndefined();
    expect(githubFileUrl('evil.com:80/x', commit, 'x')).toBeUndefined();
    expect(githubFileUrl('owner/name', 'main', 'x')).toBeUndefined();
    expect(githubFileUrl('owner/name', commit, '../../etc/passwd')).toBeUndefined();
    expect(encodeRepositoryPath('a//b')).toBeUndefined();
    expect(encodeRepositoryPath('a\u0000b')).toBeUndefined();
    const stray = unchecked(fixture.indexOnly, { sources: [{ ...fixture.indexOnly.sources![0]!, repository: 'javascript:alert(1)//x' }] });
    expect(sourceRows(stray)[0]!.dataUrl).toBeUndefined();
  });

  it('links packages only for registries it knows and names valid there, and quotes shell words', () => {
    expect(packageLink('npm', '@scope/pkg')).toBe('https://www.npmjs.com/package/@scope/pkg');
    expect(packageLink('pypi', 'mcp-server-git')).toBe('https://pypi.org/project/mcp-server-git/');
    expect(packageLink('npm', '"><script>')).toBeUndefined();
    expect(packageLink('oci', 'example/boxed')).toBeUndefined();
    expect(shellWord('@scope/pkg')).toBe('@scope/pkg');
    expect(shellWord("a'b $(x)")).toBe(`'a'\\''b $(x)'`);
  });
});

describe('listings and downloads', () => {
  it('splits the servers by whether their tools were collected, and never shows a bare 0', () => {
    const all = listing.serverListingModel('all', 1);
    expect(all.filters.map((filter) => [filter.key, filter.count, filter.current])).toEqual([
      ['all', 6, true],
      ['with-tools', 2, false],
      ['not-collected', 4, false],
      ['exfiltration-triangle', 1, false],
    ]);
    // Tracker's tools read its issues (private, and written by strangers) and create issues (a way out).
    const triangle = listing.serverListingModel('exfiltration-triangle', 1);
    expect(triangle.rows.map((row) => [row.displayName, row.exfiltrationTriangle])).toEqual([['Tracker', true]]);
    expect(triangle.term?.href).toBe('/method/#exfiltration-triangle');
    const none = listing.serverListingModel('not-collected', 1);
    expect(none.rows.map((row) => row.tools)).toEqual(['not collected', 'not collected', 'not collected', 'not collected']);
    expect(none.rows.every((row) => row.risk === undefined)).toBe(true);
    const some = listing.serverListingModel('with-tools', 1);
    expect(some.rows.map((row) => [row.displayName, row.tools, row.sources])).toEqual([
      ['Example Notes', '2 (names only)', 'TensorBlock awesome-mcp-servers'],
      ['Tracker', '3', 'Toucan, Metorial MCP index'],
    ]);
    expect(listing.datasetCounts(listing.serversWhere('all'))).toEqual({ servers: 6, tools: 5, withTools: 2 });
    expect(() => listing.assertServerIdsFree(['a-1', 'with-tools'])).toThrow(/with-tools/);
  });

  it('exports no classification or policy for a server without tools', () => {
    const document = serverDocument(fixture.indexOnly) as Record<string, unknown>;
    expect(document['classification']).toBeUndefined();
    expect(document['policies']).toBeUndefined();
    expect(document['sources']).toEqual(fixture.indexOnly.sources);
    expect((serverDocument(fixture.conflicted) as Record<string, unknown>)['classification']).toBeDefined();
  });

  it('describes a listed server by its sources, and names-only imports as such', () => {
    expect(describeCollection(fixture.indexOnly)).toBe('Not collected yet: known from 2 sources on 2026-10-01, none of which publishes its tools.');
    expect(describeCollection(fixture.namesOnly)).toBe("Imported on 2026-10-01: only each tool's name and description are published; their parameters are not known.");
  });
});
