// The Metorial importer over a fixture catalog laid out like the snapshot: real server folders copied from
// ZeeshanAdilButt/metorial-index (MIT) and hostile ones under catalog/hostile/.
import { describe, expect, it } from 'vitest';
import { IMPORTERS } from '../../../src/import/sources';
import { metorialImporter } from '../../../src/import/sources/metorial';
import { importFixture, importTwice } from '../../helpers/source-fixture';

const snapshot = { commit: '0123456789abcdef0123456789abcdef01234567', at: '2025-10-25T01:39:19.000Z' };
const run = importFixture(metorialImporter, snapshot);

describe('metorial importer', () => {
  it('is registered under its dataset id', () => {
    expect(IMPORTERS['metorial']).toBe(metorialImporter);
  });

  it('reads a real server folder: owner/repo/server as key, the repository, the tools as a saved tools/list', () => {
    const { records } = run;
    const flux = records.get('ckz/flux-schnell-mcp/flux-schnell-mcp')!;
    expect(flux).toMatchObject({
      source: 'metorial',
      path: 'catalog/ckz/flux-schnell-mcp/flux-schnell-mcp/server.yaml',
      commit: snapshot.commit,
      at: snapshot.at,
      name: 'Flux Schnell',
      repository: 'https://github.com/ckz/flux-schnell-mcp',
      capture: 'tools-list',
      packages: [],
    });
    expect(flux.description).toMatch(/^Generate stunning images from text prompts using the Replicate API\./);
    expect(flux.subdirectory).toBeUndefined();
    expect(flux.tools).toEqual([
      {
        name: 'generate_image',
        description: 'Generate an image using the Flux Schnell model',
        inputSchema: { type: 'object', required: ['prompt'], properties: { prompt: { type: 'string', description: 'Text prompt describing the image to generate' } } },
      },
    ]);
  });

  it('gives a monorepo server its folder apart from the URL, and Metorial\'s container image as its package', () => {
    const chargebee = run.records.get('chargebee/agentkit/modelcontextprotocol')!;
    expect(chargebee.repository).toBe('https://github.com/chargebee/agentkit');
    expect(chargebee.subdirectory).toBe('modelcontextprotocol');
    expect(chargebee.packages).toEqual([{ registryType: 'oci', identifier: 'ghcr.io/metorial/mcp-container--chargebee--agentkit--modelcontextprotocol' }]);
    expect(chargebee.tools?.map((tool) => tool.name)).toEqual(['chargebee_documentation_search', 'chargebee_code_planner']);
    expect(chargebee.tools?.[0]?.inputSchema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('takes an npm variant as an npm package with its version', () => {
    expect(run.records.get('olostep/olostep-mcp/olostep-mcp')?.packages).toEqual([{ registryType: 'npm', identifier: 'olostep-mcp', version: '1.0.7' }]);
  });

  it('reads YAML 1.2: the `- =` that a YAML 1.1 parser refuses is the string "="', () => {
    const honeycomb = run.records.get('honeycombio/honeycomb-mcp/hny-mcp')!;
    expect(honeycomb.tools).toHaveLength(12);
    expect(JSON.stringify(honeycomb.tools)).toContain('"enum":["=","!=",">",">=","<","<="]');
  });

  it('falls back to listing.yaml\'s description when server.yaml\'s is empty', () => {
    expect(run.records.get('autogpt33/autogpt/autogpt')?.description).toMatch(/^AutoGPT provides a modular and extensible framework/);
  });

  it('keeps hostile text as data and drops a javascript: repository, naming file, server and field', () => {
    const { records, report } = run;
    const html = records.get('hostile/html-desc/html-desc')!;
    expect(html.name).toBe('<b onmouseover=alert(1)>HTML</b> server');
    expect(html.description).toContain('<script>');
    expect(html.repository).toBeUndefined();
    expect(report.errors).toContain(
      'metorial catalog/hostile/html-desc/html-desc/server.yaml, server "hostile/html-desc/html-desc", field repository: must be an http(s) URL (value "javascript:alert(document.cookie)"); field dropped',
    );
    // MCP tool names are case-sensitive: delete_file and Delete_File are two tools; the second delete_file is not.
    expect(html.tools?.map((tool) => tool.name)).toEqual(['delete_file', 'Delete_File', 'null_description']);
    expect(html.tools?.[2]).toEqual({ name: 'null_description', inputSchema: { type: 'object' } });
    expect(report.errors).toContain('metorial catalog/hostile/html-desc/html-desc/server.yaml, server "hostile/html-desc/html-desc", tool "delete_file": listed twice; the first is kept');
    expect(report.errors).toContainEqual(expect.stringMatching(/server "hostile\/html-desc\/html-desc", tool "no_schema", field inputSchema: .*; tool skipped$/));
  });

  it('keeps two servers whose names differ only in case apart: the folder is the key, not the name', () => {
    const { records } = run;
    expect(records.get('hostile/case-a/server')?.name).toBe('Case Server');
    expect(records.get('hostile/case-b/server')?.name).toBe('CASE server');
  });

  it('reports each malformed file by name and goes on with the rest', () => {
    const { records, report } = run;
    expect(report.errors).toContainEqual(expect.stringMatching(/^metorial catalog\/hostile\/bad-server\/bad-server\/server\.yaml: not valid YAML: ".*line 3, column 1.*"; server skipped$/));
    expect(records.has('hostile/bad-server/bad-server')).toBe(false);
    // A bad tools.yaml costs the tools, not the server.
    expect(report.errors).toContainEqual(expect.stringMatching(/^metorial catalog\/hostile\/bad-yaml\/bad-yaml\/tools\.yaml, server "hostile\/bad-yaml\/bad-yaml": not valid YAML: .*; tools skipped$/));
    expect(records.get('hostile/bad-yaml/bad-yaml')).toMatchObject({ name: 'Bad tools file', subdirectory: 'packages/server' });
    expect(records.get('hostile/bad-yaml/bad-yaml')?.tools).toBeUndefined();
    expect(records.get('hostile/bad-yaml/bad-yaml')?.capture).toBeUndefined();
    expect(report.errors).toContainEqual(expect.stringMatching(/^metorial catalog\/hostile\/wrong-types\/wrong-types\/server\.yaml, field server: expected a mapping .*; server skipped$/));
    expect(report.errors).toContain('metorial catalog/hostile/no-manifest/no-manifest: a server folder without server.yaml; skipped');
    expect(report.errors).toContainEqual(expect.stringMatching(/^metorial catalog\/hostile\/tools-not-list\/tools-not-list\/tools\.yaml, server "hostile\/tools-not-list\/tools-not-list", field tools: expected a list of tools/));
    expect(report.errors).toContain(
      'metorial catalog/hostile/tools-not-list/tools-not-list/server.yaml, server "hostile/tools-not-list/tools-not-list", field server.subdirectory: expected a string (value "42"); field dropped',
    );
    expect(report.errors).toContainEqual(expect.stringMatching(/^metorial catalog\/hostile\/case-b\/server\/variants\/mcp-containers\.yaml, field source: not a docker image, npm or pypi package/));
    // Without repo.url, owner and name give the GitHub URL.
    expect(records.get('hostile/tools-not-list/tools-not-list')?.repository).toBe('https://github.com/hostile/tools-not-list');
    expect(report).toMatchObject({ records: 10, withTools: 5, tools: 21 });
  });

  it('writes byte-identical output when run again', () => {
    const [first, second] = importTwice(metorialImporter, snapshot);
    expect(first.text).toBe(run.text);
    expect(second.report.changed).toBe(false);
    expect(second.text).toBe(first.text);
    expect(second.report.errors).toEqual(first.report.errors);
  });
});
