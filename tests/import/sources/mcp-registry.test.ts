// The official registry's seed over a fixture laid out like the repository: real entries of
// data/seed_2025_05_16.json (modelcontextprotocol/registry, MIT) and hostile ones written for these tests.
import { describe, expect, it } from 'vitest';
import { IMPORTERS } from '../../../src/import/sources';
import { mcpRegistryImporter } from '../../../src/import/sources/mcp-registry';
import { importFixture, importTwice } from '../../helpers/source-fixture';

const snapshot = { commit: '81e5174a593a7488715b0bf0ae77a4dc466b4d35', at: '2025-07-03T01:40:25.000Z' };
const first = importFixture(mcpRegistryImporter, snapshot);
const record = first.byKey;

describe('mcp-registry importer (the seed, server.json of 2025-05)', () => {
  it('is registered under its dataset id', () => {
    expect(IMPORTERS['mcp-registry']).toBe(mcpRegistryImporter);
  });

  it('reads one record per named entry of every seed file, keyed and dated by the registry', () => {
    expect(first.report).toMatchObject({ dataset: 'mcp-registry', records: 11, withTools: 0, tools: 0 });
    expect(record('io.github.21st-dev/magic-mcp')).toEqual({
      source: 'mcp-registry',
      key: 'io.github.21st-dev/magic-mcp',
      commit: snapshot.commit,
      path: 'data/seed_2025_05_16.json',
      at: '2025-05-16T18:56:49Z',
      name: 'io.github.21st-dev/magic-mcp',
      description: expect.stringContaining('21st dev Magic MCP server'),
      repository: 'https://github.com/21st-dev/magic-mcp',
      packages: [{ registryType: 'npm', identifier: '@21st-dev/magic', version: '0.0.46' }],
      remotes: [],
      env: ['API_KEY'],
    });
    expect(record('io.github.adfin-engineering/mcp-server-adfin').packages).toEqual([{ registryType: 'pypi', identifier: 'adfinmcp', version: '0.1.0' }]);
    expect(record('io.github.cloudflare/mcp-server-cloudflare').remotes).toEqual([
      { type: 'sse', url: 'https://observability.mcp.cloudflare.com/sse' },
      { type: 'sse', url: 'https://bindings.mcp.cloudflare.com/sse' },
    ]);
  });

  it('takes a docker package\'s image from its run arguments, and no identity the seed could not give', () => {
    expect(record('io.github.mark3labs/mcp-filesystem-server').packages).toEqual([{ registryType: 'oci', identifier: 'ghcr.io/mark3labs/mcp-filesystem-server:latest' }]);
    // a bare local tag, a package of registry "unknown", a repository slug given as an npm name, a local address
    expect(record('io.github.qdrant/mcp-server-qdrant').packages).toEqual([]);
    expect(record('io.github.ahujasid/ableton-mcp').packages).toEqual([]);
    expect(record('io.github.tbxark/mcp-proxy').packages).toEqual([]);
    expect(record('io.github.azure/azure-mcp').remotes).toEqual([]);
  });

  it('keeps hostile text as data and names every bad file, entry and field', () => {
    const hostile = record('io.github.example/Case-Server');
    expect(hostile.description).toBe('<script>alert(document.cookie)</script><img src=x onerror=alert(1)>');
    // `repository.url` is attacker-controlled: the schema MUST reject javascript:
    expect(hostile.repository).toBeUndefined();
    expect(hostile.packages).toEqual([{ registryType: 'npm', identifier: 'case-server', version: '1.0.0' }]);
    // A URL template is no endpoint; a remote without a transport type is read from its URL.
    expect(hostile.remotes).toEqual([{ type: 'sse', url: 'https://case.example.com/sse' }]);
    expect(hostile.env).toEqual(['CASE_TOKEN']);
    expect(hostile.at).toBe(snapshot.at);
    // Names differing only in case are two registry keys.
    expect(record('io.github.example/case-server')).toMatchObject({ repository: 'https://github.com/example/case-server', packages: [] });
    expect(record('io.github.21st-dev/magic-mcp').path).toBe('data/seed_2025_05_16.json');
    expect(first.report.errors).toEqual([
      'mcp-registry data/seed_2025_05_16.json [2], server "io.github.qdrant/mcp-server-qdrant", field packages.0: docker package "mcp-server-qdrant" names no image reference (owner/image) in its name or arguments; package dropped',
      "mcp-registry data/seed_2025_05_16.json [3], field name: no server name, which is the registry's key; skipped",
      'mcp-registry data/seed_2025_05_16.json [5], server "io.github.azure/azure-mcp", field remotes.0.url: "http://localhost:5008/sse" is the server\'s own local address, not a remote endpoint; remote dropped',
      'mcp-registry data/seed_2025_05_16.json [7], server "io.github.tbxark/mcp-proxy", field packages.0: "TBXark/mcp-proxy" is not a valid npm package name, or is a runner such as mcp-remote; package dropped',
      expect.stringMatching(/^mcp-registry data\/seed_broken\.json: not valid JSON \(.*\); file skipped$/),
      'mcp-registry data/seed_hostile.json [0], server "io.github.example/Case-Server", field packages.1: "mcp-remote" is not a valid npm package name, or is a runner such as mcp-remote; package dropped',
      'mcp-registry data/seed_hostile.json [0], server "io.github.example/Case-Server", field version_detail.release_date: not an ISO 8601 date (value "not a date"); the snapshot\'s date is used',
      'mcp-registry data/seed_hostile.json, server "io.github.example/Case-Server", field repository: must be an http(s) URL (value "javascript:alert(1)"); field dropped',
      expect.stringMatching(/^mcp-registry data\/seed_hostile\.json, server "io\.github\.example\/Case-Server", field env\.1: .*\(value "bad name; rm -rf \/"\); item dropped$/),
      'mcp-registry data/seed_hostile.json [1], server "io.github.example/case-server", field packages: expected a list (value "npm:case-server"); field dropped',
      'mcp-registry data/seed_hostile.json: key "io.github.21st-dev/magic-mcp" already used by data/seed_2025_05_16.json; the first is kept',
      'mcp-registry data/seed_hostile.json [3], field (record): expected a server.json object (value "not an object"); skipped',
    ]);
  });

  it('writes byte-identical output when run again', () => {
    const [fresh, again] = importTwice(mcpRegistryImporter, snapshot);
    expect(fresh.text).toBe(first.text);
    expect(again.report.changed).toBe(false);
    expect(again.text).toBe(first.text);
  });
});
