import { describe, expect, it } from 'vitest';
import { mcpmImporter } from '../../../src/import/sources/mcpm';
import { FIXTURE_AT, FIXTURE_COMMIT, importFixture, importTwice, toolNames } from '../../helpers/source-fixture';

// Fixture: four real manifests (fetch, crypto-feargreed-mcp, nemad, unifai-mcp-server) copied from
// pathintegral-institute/mcpm.sh (MIT), and hostile or broken ones written for these tests.
describe('the mcpm importer', () => {
  const run = importFixture(mcpmImporter);

  it('keys a record by its file name and reads every manifest in code-point order', () => {
    expect([...run.records.keys()]).toEqual(['Case-Twin', 'case-twin', 'crypto-feargreed-mcp', 'fetch', 'hostile', 'nemad', 'unifai-mcp-server']);
    expect(run.report).toMatchObject({ dataset: 'mcpm', records: 7, withTools: 5, tools: 12 });
    const fetch = run.byKey('fetch');
    expect(fetch).toMatchObject({ source: 'mcpm', commit: FIXTURE_COMMIT, at: FIXTURE_AT, path: 'mcp-registry/servers/fetch.json', name: 'fetch', license: 'MIT' });
  });

  it('takes a monorepo server folder from a homepage in the same repository, and not from one in another', () => {
    expect(run.byKey('fetch')).toMatchObject({ repository: 'https://github.com/modelcontextprotocol/servers', subdirectory: 'src/fetch' });
    expect(run.byKey('nemad')).toMatchObject({ repository: 'https://github.com/pathintegral-institute/mcp.science', subdirectory: 'servers/nemad' });
    expect(run.byKey('crypto-feargreed-mcp').subdirectory).toBeUndefined();
  });

  it('derives packages from launch configs (npx -p, uvx --from, docker run, docker_url), never a runner, a git URL or a local image', () => {
    expect(run.byKey('fetch').packages).toEqual([
      { registryType: 'oci', identifier: 'mcp/fetch' },
      { registryType: 'pypi', identifier: 'mcp-server-fetch' },
    ]);
    expect(run.byKey('unifai-mcp-server').packages).toEqual([
      { registryType: 'npm', identifier: 'unifai-sdk' },
      { registryType: 'pypi', identifier: 'unifai-sdk' },
    ]);
    // `uvx --from git+https://github.com/kukapay/crypto-feargreed-mcp main.py`: no published package.
    expect(run.byKey('crypto-feargreed-mcp').packages).toEqual([]);
    // `npx -y mcp-remote ...` starts a proxy, `docker run ... hostile-local` a locally built image.
    expect(run.byKey('hostile').packages).toEqual([]);
    expect(run.byKey('case-twin').packages).toEqual([{ registryType: 'npm', identifier: 'case-twin', version: '1.0.0' }]);
    // An npmjs.com page given as the repository names the package; `@latest` is no version.
    expect(run.byKey('Case-Twin')).toMatchObject({ packages: [{ registryType: 'npm', identifier: '@example/case-twin' }] });
    expect(run.byKey('Case-Twin').repository).toBeUndefined();
  });

  it('keeps http installations as remotes (URL templates are no endpoints) and env names without values', () => {
    expect(run.byKey('hostile').remotes).toEqual([{ type: 'streamable-http', url: 'https://mcp.example.com/mcp' }]);
    expect(run.byKey('hostile').env).toEqual(['HOSTILE_TOKEN']);
    expect(run.byKey('unifai-mcp-server').env).toEqual(['UNIFAI_AGENT_API_KEY']);
    expect(run.text).not.toContain('${UNIFAI_AGENT_API_KEY}');
  });

  it('turns a hand-written property map with `required` beside it into an object schema', () => {
    const tools = run.byKey('crypto-feargreed-mcp').tools!;
    expect(tools.find((tool) => tool.name === 'get_current_fng_tool')!.inputSchema).toEqual({ type: 'object', properties: {} });
    expect(tools.find((tool) => tool.name === 'get_historical_fng_tool')!.inputSchema).toEqual({
      type: 'object',
      properties: { days: { type: 'integer', description: 'Number of days for historical data' } },
      required: ['days'],
    });
    expect(Object.keys(tools[0]!).sort()).toEqual(['description', 'inputSchema', 'name']);
    const update = run.byKey('hostile').tools!.find((tool) => tool.name === 'update_profile')!;
    expect(update.inputSchema).toEqual({ type: 'object', properties: { properties: { type: 'object', description: 'What to set' } }, required: ['properties'] });
  });

  it('says how the tools were obtained: static analysis, or names only when no tool has parameters', () => {
    expect(run.byKey('fetch').capture).toBe('static-analysis');
    expect(run.byKey('nemad').capture).toBe('names-only');
    expect(run.byKey('nemad').tools!.every((tool) => JSON.stringify(tool.inputSchema) === '{"type":"object"}')).toBe(true);
    expect(run.byKey('case-twin').capture).toBeUndefined();
  });

  it('keeps hostile text as text, drops a javascript: repository naming the field, and keeps tools that differ only in case', () => {
    const hostile = run.byKey('hostile');
    expect(hostile.name).toBe('<img src=x onerror=alert(1)>Hostile');
    expect(hostile.description).toBe("<script>alert('pwned')</script> Reads <b>files</b>.\u202e evil");
    expect(hostile.repository).toBeUndefined();
    // "[NOT GIVEN]" and "[NOT FOUND]" are the generator saying it found nothing.
    expect(hostile.homepage).toBeUndefined();
    expect(hostile.license).toBeUndefined();
    expect(toolNames(hostile)).toEqual(['Read_File', 'read_file', 'update_profile']);
    expect(hostile.tools![0]).toEqual({ name: 'Read_File', description: '<iframe src=javascript:alert(1)></iframe>', inputSchema: { type: 'object', properties: { path: { type: 'string' } } } });
    expect(hostile.tools![1]!.inputSchema).toEqual({ type: 'object' });
    expect(run.report.errors).toContain(
      'mcpm mcp-registry/servers/hostile.json, server "hostile", field repository: must be an http(s) URL (value "javascript:alert(document.cookie)//github.com/a/b"); field dropped',
    );
  });

  it('reports each bad file, tool and field by name and goes on', () => {
    expect(run.report.errors).toEqual([
      'mcpm mcp-registry/servers/Case-Twin.json, server "Case-Twin", field tools: expected an array, not a string; tools dropped',
      'mcpm mcp-registry/servers/broken.json: not valid JSON ("Unexpected end of JSON input")',
      'mcpm mcp-registry/servers/hostile.json, server "hostile", tool "bad_schema", field inputSchema: Invalid input: expected record, received string (value "not an object"); tool skipped',
      'mcpm mcp-registry/servers/hostile.json, server "hostile", tool "", field name: a tool name must not be empty (value ""); tool skipped',
      'mcpm mcp-registry/servers/hostile.json, server "hostile", field repository: must be an http(s) URL (value "javascript:alert(document.cookie)//github.com/a/b"); field dropped',
      'mcpm mcp-registry/servers/not-an-object.json: a manifest must be a JSON object, not an array; skipped',
    ]);
  });

  it('writes byte-identical output when run again', () => {
    const [fresh, again] = importTwice(mcpmImporter);
    expect(fresh.text).toBe(run.text);
    expect(again.report.changed).toBe(false);
    expect(again.text).toBe(run.text);
  });
});
