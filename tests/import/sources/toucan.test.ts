// The Toucan importer over a fixture mcp_servers/ folder: real server files copied from TheAgentArk/Toucan
// (MIT), and hostile ones (9001-9008) written for these tests.
import { describe, expect, it } from 'vitest';
import { IMPORTERS } from '../../../src/import/sources';
import { toucanImporter } from '../../../src/import/sources/toucan';
import { importFixture, importTwice } from '../../helpers/source-fixture';

const snapshot = { commit: '0123456789abcdef0123456789abcdef01234567', at: '2025-12-16T02:26:26.000Z' };
const run = importFixture(toucanImporter, snapshot);

describe('toucan importer', () => {
  it('is registered under its dataset id', () => {
    expect(IMPORTERS['toucan']).toBe(toucanImporter);
  });

  it('reads the live tools/list, not the scraped stubs, keyed by the Smithery name and dated by the crawl', () => {
    const ygo = run.records.get('@lieyanqzu/ygocdb-mcp')!;
    expect(ygo).toMatchObject({
      source: 'toucan',
      path: 'mcp_servers/1693.@lieyanqzu_ygocdb-mcp_labeled.json',
      at: '2025-07-08T02:30:24.000Z',
      name: 'YGO Chinese Card Database - 百鸽(ygocdb.com)',
      repository: 'https://github.com/lieyanqzu/ygocdb-mcp',
      homepage: 'https://smithery.ai/server/@lieyanqzu/ygocdb-mcp',
      license: 'MIT',
      capture: 'tools-list',
      packages: [],
      env: [],
      // The query (config, API key placeholders) is not part of the endpoint.
      remotes: [{ type: 'streamable-http', url: 'https://server.smithery.ai/@lieyanqzu/ygocdb-mcp/mcp' }],
    });
    expect(ygo.tools?.map((tool) => tool.name)).toEqual(['search_cards', 'get_card_by_id', 'get_card_image']);
    // input_schema is renamed; the hints the Python client filled with null are gone, the ones the server sent stay.
    expect(ygo.tools?.[0]).toEqual({
      name: 'search_cards',
      description: '通过关键字搜索游戏王卡牌，可以搜索卡牌名称、效果文本等。',
      inputSchema: { type: 'object', properties: { query: { type: 'string', description: '搜索关键字，可以是卡牌名称、效果描述等' } }, required: ['query'] },
      annotations: { title: '通过关键字搜索游戏王卡牌', readOnlyHint: true, openWorldHint: true },
    });
  });

  it('keeps a server that did not answer as an index record without tools', () => {
    const { records } = run;
    const together = records.get('@togethercomputer/mcp-server-tci')!;
    expect(together.name).toBe('Together Code Interpreter MCP Server');
    expect(together.tools).toBeUndefined();
    expect(together.capture).toBeUndefined();
    // Smithery's placeholder repository (its own GitHub account) is no repository, and is dropped silently.
    expect(together.repository).toBeUndefined();
    expect(together.remotes).toEqual([{ type: 'streamable-http', url: 'https://server.smithery.ai/@togethercomputer/mcp-server-tci/mcp' }]);
    // "No server URL found": no endpoint.
    expect(records.get('@nssachin/mcp-demo')?.remotes).toEqual([]);
  });

  it('turns a repository URL to a file into the repository, and reads a common license spelling as SPDX', () => {
    const { records } = run;
    expect(records.get('@tmsdnl/mcp-textube')?.repository).toBe('https://github.com/tmsdnl/mcp-textube');
    expect(records.get('@hostile/Case')).toMatchObject({ license: 'Apache-2.0', repository: 'https://github.com/hostile/case/tree/main/packages/Server/' });
  });

  it('keeps hostile text as data, drops a javascript: repository and bad tools, naming file, server, tool and field', () => {
    const { records, report } = run;
    const html = records.get('@hostile/html')!;
    expect(html.name).toBe('<img src=x onerror=alert(1)>HTML server');
    expect(html.description).toBe("Reads files. <script>alert('x')</script>");
    expect(html.repository).toBeUndefined();
    expect(report.errors).toContain(
      'toucan mcp_servers/9001.@hostile_html_labeled.json, server "@hostile/html", field repository: must be an http(s) URL (value "javascript:alert(document.cookie)"); field dropped',
    );
    // delete_file and Delete_File differ only in case: MCP names are case-sensitive, both are kept.
    expect(html.tools?.map((tool) => tool.name)).toEqual(['delete_file', 'Delete_File', 'empty_hints', 'all_null_hints']);
    expect(html.tools?.[0]?.description).toContain('<script>');
    expect(html.tools?.[0]?.annotations).toEqual({ destructiveHint: true });
    // A null description and empty or all-null annotations are absent, not values.
    expect(html.tools?.[1]).toEqual({ name: 'Delete_File', inputSchema: { type: 'object' } });
    expect(html.tools?.[3]).toEqual({ name: 'all_null_hints', description: "The Python client's dump of no hints", inputSchema: { type: 'object' } });
    expect(report.errors).toContainEqual(expect.stringMatching(/^toucan mcp_servers\/9001\.@hostile_html_labeled\.json, server "@hostile\/html", tool "bad_hint", field annotations\.readOnlyHint: .*; tool skipped$/));
    expect(report.errors).toContainEqual(expect.stringMatching(/^toucan mcp_servers\/9001\.@hostile_html_labeled\.json, server "@hostile\/html", tool "", field name: .*; tool skipped$/));
  });

  it('never records or quotes the secrets some files carry (a config in the endpoint, an API key in the license)', () => {
    const { text, report } = run;
    const all = `${text}\n${report.errors.join('\n')}`;
    expect(all).not.toContain('00000000-1111-2222-3333-444444444444');
    expect(all).not.toContain('eyJhcGlLZXkiOiAic2VjcmV0In0');
    expect(all).not.toContain('apiKey');
    expect(report.errors).toContain('toucan mcp_servers/9001.@hostile_html_labeled.json, server "@hostile/html", field metadata.server_info_crawled.license: not a license identifier; field dropped');
  });

  it('keeps two Smithery names that differ only in case as two records, as the dataset lists them', () => {
    const { records } = run;
    expect(records.get('@hostile/Case')?.name).toBe('Case server');
    expect(records.get('@hostile/case')?.name).toBe('CASE SERVER');
    expect(records.get('@hostile/case')?.license).toBeUndefined();
  });

  it('reports malformed files and unusable fields by file, and goes on with the rest', () => {
    const { records, report } = run;
    expect(report.errors).toContainEqual(expect.stringMatching(/^toucan mcp_servers\/9006\.broken_labeled\.json: not valid JSON: .*; skipped$/));
    expect(report.errors).toContain('toucan mcp_servers/9007.not-an-object_labeled.json, field metadata: expected an object (value "[\\"not\\",\\"an\\",\\"object\\"]"); skipped');
    expect(report.errors).toContainEqual(expect.stringMatching(/^toucan mcp_servers\/9008\.no-name_labeled\.json, field metadata\.server_info_crawled\.homepage: no Smithery server name/));
    expect(report.errors).toContain(
      'toucan mcp_servers/cf_9003.@hostile_case_labeled.json, server "@hostile/case", field metadata.server_info_crawled.repository_url: an account, not a repository (value "https://github.com/hostile"); field dropped',
    );
    expect(report.errors).toContainEqual(expect.stringMatching(/^toucan mcp_servers\/cf_2339\.@JavaProgrammerLB_create-github-repository-mcp-server_labeled\.json, server ".*", field repository: must be an http\(s\) URL/));
    expect(report.errors).toContain('toucan mcp_servers/cf_9005.@hostile_html_labeled.json: key "@hostile/html" already used by mcp_servers/9001.@hostile_html_labeled.json; the first is kept');
    // Without a Smithery page the endpoint's path names the server.
    expect(records.get('@hostile/no-page')?.homepage).toBeUndefined();
    expect(report).toMatchObject({ records: 10, withTools: 4, tools: 10 });
  });

  it('writes byte-identical output when run again', () => {
    const [first, second] = importTwice(toucanImporter, snapshot);
    expect(first.text).toBe(run.text);
    expect(second.report.changed).toBe(false);
    expect(second.text).toBe(first.text);
    expect(second.report.errors).toEqual(first.report.errors);
  });
});
