import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mcpdImporter } from '../../../src/import/sources/mcpd';
import { importFixture, importTwice, toolNames } from '../../helpers/source-fixture';

// Fixture: three real servers (fetch, redis, monday-api-mcp, tool lists shortened) copied from
// mozilla-ai/mcpd (Apache-2.0), and hostile or broken ones written for these tests.
describe('the mcpd importer', () => {
  const run = importFixture(mcpdImporter);

  it('keys a record by its id in the registry, sorted, keys differing only in case apart', () => {
    expect([...run.records.keys()]).toEqual(['Hostile', 'fetch', 'hostile', 'monday-api-mcp', 'redis']);
    expect(run.byKey('fetch')).toMatchObject({ path: 'internal/provider/mozilla_ai/data/registry.json', name: 'fetch', license: 'MIT' });
  });

  it('names packages with their versions, and the repository with its monorepo folder', () => {
    expect(run.byKey('fetch')).toMatchObject({
      packages: [{ registryType: 'pypi', identifier: 'mcp-server-fetch', version: '2025.4.7' }],
      repository: 'https://github.com/modelcontextprotocol/servers',
      subdirectory: 'src/fetch',
      homepage: 'https://github.com/modelcontextprotocol/servers/tree/main/src/fetch',
    });
    // An installation's own repository comes before the homepage.
    expect(run.byKey('monday-api-mcp')).toMatchObject({ repository: 'https://github.com/mondaycom/mcp', subdirectory: 'packages/monday-api-mcp' });
    // The homepage links to the repository's Dockerfile: that is the repository, not a folder called Dockerfile.
    const redis = run.byKey('redis');
    expect(redis).toMatchObject({ repository: 'https://github.com/redis/mcp-redis', packages: [{ registryType: 'oci', identifier: 'mcp/redis' }], env: ['REDIS_URL'] });
    expect(redis.subdirectory).toBeUndefined();
  });

  it('lists tools by name and description only', () => {
    const redis = run.byKey('redis');
    expect(redis.capture).toBe('names-only');
    expect(redis.tools![0]).toEqual({ name: 'client_list', description: 'Get a list of connected clients to the Redis server.', inputSchema: { type: 'object' } });
  });

  it('keeps hostile text as text, drops a javascript: homepage and a runner package, keeps case twins', () => {
    const hostile = run.byKey('hostile');
    expect(hostile.name).toBe('<script>alert(1)</script>Hostile');
    expect(hostile.description).toBe('<img src=x onerror=alert(1)> Runs <b>anything</b>.');
    expect(hostile.homepage).toBeUndefined();
    expect(hostile.repository).toBeUndefined();
    expect(hostile.packages).toEqual([{ registryType: 'pypi', identifier: 'hostile-mcp', version: '1.0.0' }]);
    // Only `environment` arguments are variables; `--flag` is a command-line argument.
    expect(hostile.env).toEqual(['HOSTILE_TOKEN']);
    expect(toolNames(hostile)).toEqual(['Run', 'run']);
    expect(hostile.tools![0]).toMatchObject({ annotations: { destructiveHint: true }, description: '<script>alert(2)</script>Run it' });
  });

  it('reports each bad server, tool and field by name and goes on', () => {
    expect(run.report.errors).toEqual([
      'mcpd internal/provider/mozilla_ai/data/registry.json: the server id "bad key <b>" is not a plain name; skipped',
      'mcpd internal/provider/mozilla_ai/data/registry.json, server "hostile", tool "#2", field name: Invalid input: expected string, received undefined (value "undefined"); tool skipped',
      'mcpd internal/provider/mozilla_ai/data/registry.json, server "hostile", field homepage: must be an http(s) URL (value "javascript:alert(1)"); field dropped',
      'mcpd internal/provider/mozilla_ai/data/registry.json, server "not-an-object": expected an object, not a number; skipped',
    ]);
  });

  it('reports a registry that is no JSON object, or is missing, and writes nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'catalog-mcpd-broken-'));
    try {
      expect(importFixture(mcpdImporter, { dir }).report.errors).toEqual([expect.stringMatching(/^mcpd internal\/provider\/mozilla_ai\/data\/registry\.json: cannot be read \(ENOENT\)$/)]);
      mkdirSync(path.join(dir, 'internal/provider/mozilla_ai/data'), { recursive: true });
      writeFileSync(path.join(dir, 'internal/provider/mozilla_ai/data/registry.json'), '{"fetch": {"name": "fetch",');
      const broken = importFixture(mcpdImporter, { dir });
      expect(broken.report).toMatchObject({ records: 0, errors: [expect.stringMatching(/^mcpd internal\/provider\/mozilla_ai\/data\/registry\.json: not valid JSON \(/)] });
      writeFileSync(path.join(dir, 'internal/provider/mozilla_ai/data/registry.json'), '[]');
      expect(importFixture(mcpdImporter, { dir }).report.errors).toEqual(['mcpd internal/provider/mozilla_ai/data/registry.json: the registry must be a JSON object of servers by id, not an array']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes byte-identical output when run again', () => {
    const [fresh, again] = importTwice(mcpdImporter);
    expect(fresh.text).toBe(run.text);
    expect(again.report.changed).toBe(false);
    expect(again.text).toBe(run.text);
  });
});
