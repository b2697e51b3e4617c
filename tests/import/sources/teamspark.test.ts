// TeamSpark's registry mirror over a fixture laid out like the repository: real entries of
// validation/server-registry.json (TeamSparkAI/mcp-registry, MIT) and hostile ones written for these tests.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPORTERS } from '../../../src/import/sources';
import { teamsparkImporter } from '../../../src/import/sources/teamspark';
import { fixtureDir, importFixture, importTwice } from '../../helpers/source-fixture';

const snapshot = { commit: '4744345290615730a3de5ec66e807a152f8c8668', at: '2026-01-11T02:47:00.000Z' };
const first = importFixture(teamsparkImporter, snapshot);
const scratch = mkdtempSync(path.join(tmpdir(), 'catalog-teamspark-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const record = first.byKey;

describe('teamspark importer (the registry API listing, server.json of 2025-07 onwards)', () => {
  it('is registered under its dataset id', () => {
    expect(IMPORTERS['teamspark']).toBe(teamsparkImporter);
  });

  it('reads one record per server name, from its latest version, dated by the registry', () => {
    expect(first.report).toMatchObject({ dataset: 'teamspark', records: 9, withTools: 0, tools: 0 });
    // three versions of ai.exa/exa are listed; the one marked latest is kept
    expect(record('ai.exa/exa')).toMatchObject({ at: '2025-11-20T18:00:55.174988Z', remotes: [{ type: 'streamable-http', url: 'https://mcp.exa.ai/mcp' }] });
    expect(record('ai.aliengiraffe/spotdb')).toEqual({
      source: 'teamspark',
      key: 'ai.aliengiraffe/spotdb',
      commit: snapshot.commit,
      path: 'validation/server-registry.json',
      at: '2025-10-09T17:05:17.793149Z',
      name: 'ai.aliengiraffe/spotdb',
      description: 'Ephemeral data sandbox for AI workflows with guardrails and security',
      repository: 'https://github.com/aliengiraffe/spotdb',
      packages: [{ registryType: 'oci', identifier: 'docker.io/aliengiraffe/spotdb:0.1.0' }],
      remotes: [],
      env: [],
    });
  });

  it('gives the title as the name and every identity fact: monorepo folder, packages of every registry, remotes', () => {
    expect(record('com.microsoft/azure')).toMatchObject({
      name: 'Azure MCP Server',
      homepage: 'https://azure.microsoft.com/',
      repository: 'https://github.com/microsoft/mcp',
      subdirectory: 'servers/Azure.Mcp.Server',
      packages: [
        { registryType: 'nuget', identifier: 'Azure.Mcp', version: '2.0.0-beta.6' },
        { registryType: 'npm', identifier: '@azure/mcp', version: '2.0.0-beta.6' },
      ],
    });
    expect(record('ai.packmind/mcp-server')).toMatchObject({ repository: 'https://github.com/PackmindHub/packmind', subdirectory: 'apps/mcp-server' });
    expect(record('com.mcpbundles/agent-interviews').packages[0]).toMatchObject({ registryType: 'mcpb' });
    expect(record('com.allstacks/allstacks-mcp').packages).toEqual([{ registryType: 'pypi', identifier: 'allstacks-mcp', version: '0.1.3' }]);
  });

  it('keeps hostile text as data and names every bad entry and field', () => {
    const hostile = record('io.github.example/Case-Server');
    expect(hostile.name).toBe('<img src=x onerror=alert(1)>Case Server');
    expect(hostile.description).toContain('<script>');
    // `repository.url` and `websiteUrl` are attacker-controlled: javascript: URLs MUST be rejected, and a
    // folder of a rejected repository means nothing.
    expect(hostile.repository).toBeUndefined();
    expect(hostile.homepage).toBeUndefined();
    expect(hostile.subdirectory).toBeUndefined();
    expect(hostile.packages).toEqual([{ registryType: 'npm', identifier: 'case-server', version: '1.0.0' }]);
    expect(hostile.remotes).toEqual([{ type: 'streamable-http', url: 'https://case.example.com/mcp' }]);
    expect(hostile.at).toBe(snapshot.at);
    expect(record('io.github.example/case-server')).toMatchObject({ repository: 'https://github.com/example/case-server', remotes: [] });
    expect(first.report.errors).toEqual([
      'teamspark validation/server-registry.json servers[11], field server.name: no server name, which is the registry\'s key (value ""); skipped',
      'teamspark validation/server-registry.json servers[12], field server.name: no server name, which is the registry\'s key (value "not an entry"); skipped',
      expect.stringMatching(/^teamspark validation\/server-registry\.json, server "ai\.aliengiraffe\/spotdb", field env\.0: .*\(value "X-API-Key"\); item dropped$/),
      'teamspark validation/server-registry.json servers[9], server "io.github.example/Case-Server", field packages.1: "@smithery/cli" is not a valid npm package name, or is a runner such as mcp-remote; package dropped',
      'teamspark validation/server-registry.json servers[9], server "io.github.example/Case-Server", field packages.2: "not a package!" is not a valid pypi package name, or is a runner such as mcp-remote; package dropped',
      'teamspark validation/server-registry.json servers[9], server "io.github.example/Case-Server", field _meta.updatedAt: not an ISO 8601 date (value "yesterday"); the snapshot\'s date is used',
      'teamspark validation/server-registry.json, server "io.github.example/Case-Server", field repository: must be an http(s) URL (value "javascript:alert(1)"); field dropped',
      'teamspark validation/server-registry.json, server "io.github.example/Case-Server", field homepage: must be an http(s) URL (value "javascript:alert(2)"); field dropped',
      expect.stringMatching(/^teamspark validation\/server-registry\.json, server "io\.github\.example\/Case-Server", field env\.1: .*\(value "bad name; rm -rf \/"\); item dropped$/),
      'teamspark validation/server-registry.json servers[10], server "io.github.example/case-server", field remotes: expected a list (value "https://case.example.com/mcp"); field dropped',
    ]);
  });

  it('reads public/server-registry.json, the daily sync, when the snapshot has it', () => {
    const dir = path.join(scratch, 'with-public');
    cpSync(fixtureDir('teamspark'), dir, { recursive: true });
    mkdirSync(path.join(dir, 'public'));
    writeFileSync(path.join(dir, 'public', 'server-registry.json'), JSON.stringify({ servers: [{ server: { name: 'io.example/only-in-public', description: 'x' } }] }));
    const result = importFixture(teamsparkImporter, { ...snapshot, dir });
    expect([...result.records.keys()]).toEqual(['io.example/only-in-public']);
    expect(result.records.get('io.example/only-in-public')?.path).toBe('public/server-registry.json');
  });

  it('reports a malformed file and writes nothing', () => {
    const dir = path.join(scratch, 'broken');
    mkdirSync(path.join(dir, 'validation'), { recursive: true });
    writeFileSync(path.join(dir, 'validation', 'server-registry.json'), '{"servers": [');
    const { report } = importFixture(teamsparkImporter, { ...snapshot, dir });
    expect(report.records).toBe(0);
    expect(report.errors).toEqual([expect.stringMatching(/^teamspark validation\/server-registry\.json: not valid JSON \(.*\); file skipped$/)]);
  });

  it('writes byte-identical output when run again', () => {
    const [fresh, again] = importTwice(teamsparkImporter, snapshot);
    expect(fresh.text).toBe(first.text);
    expect(again.report.changed).toBe(false);
    expect(again.text).toBe(first.text);
  });
});
