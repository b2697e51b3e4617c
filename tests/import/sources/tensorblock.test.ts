// The TensorBlock importer over a fixture laid out like the repository: real profiles (copied from
// TensorBlock/awesome-mcp-servers, MIT) and hostile ones written for these tests.
import { describe, expect, it } from 'vitest';
import { IMPORTERS } from '../../../src/import/sources';
import { tensorblockImporter } from '../../../src/import/sources/tensorblock';
import { importFixture, importTwice } from '../../helpers/source-fixture';

const snapshot = { commit: '8db761c3e0d7a9dd7181fddeb6e5fb52a41ad553', at: '2026-08-22T18:37:38.000Z' };
const first = importFixture(tensorblockImporter, snapshot);
const record = first.byKey;

describe('tensorblock importer', () => {
  it('is registered under its dataset id', () => {
    expect(IMPORTERS['tensorblock']).toBe(tensorblockImporter);
  });

  it('reads one record per profile, keyed by the profile id, with no tools', () => {
    expect(first.report).toMatchObject({ dataset: 'tensorblock', records: 9, withTools: 0, tools: 0 });
    expect(record('github-ipvr9-mcp-limitless-server-3a3afa81')).toEqual({
      source: 'tensorblock',
      key: 'github-ipvr9-mcp-limitless-server-3a3afa81',
      commit: snapshot.commit,
      path: 'data/profiles/github-ipvr9-mcp-limitless-server-3a3afa81.json',
      at: snapshot.at,
      name: 'ipvr9/mcp-limitless-server',
      description: expect.any(String),
      repository: 'https://github.com/ipvr9/mcp-limitless-server',
      packages: [],
      remotes: [],
      env: [],
    });
  });

  it('takes packages from install commands and the endpoint as a remote, never a runner', () => {
    expect(record('bitcompare-net-mcp-1db77cc7')).toMatchObject({
      homepage: 'https://bitcompare.net/mcp',
      packages: [{ registryType: 'npm', identifier: '@bitcompare/mcp-server' }],
      remotes: [{ type: 'streamable-http', url: 'https://api.bitcompare.net/mcp' }],
    });
    expect(record('github-karlmehta-trustmodel-mcp-08bcfbea').packages).toEqual([
      { registryType: 'npm', identifier: '@trustmodel/mcp-server' },
      { registryType: 'pypi', identifier: 'trustmodel' },
    ]);
    // `claude mcp add … URL` and `npx mcp-remote URL` name the same endpoint: one remote, no mcp-remote package.
    expect(record('github-smartdatabrokers-slideforge-mcp-705d941a')).toMatchObject({
      license: 'MIT',
      packages: [],
      remotes: [{ type: 'streamable-http', url: 'https://api.slideforge.dev/mcp/' }],
    });
    expect(record('emile-wine-mcp-0f8bfe89')).toMatchObject({ env: ['EMILE_API_KEY'], license: 'MIT' });
    // A monorepo folder is kept in the repository URL, as given.
    expect(record('github-decantr-ai-decantr-0a9d1343').repository).toBe('https://github.com/decantr-ai/decantr/tree/main/packages/mcp-server');
  });

  it('keeps hostile text as data, drops non-web links, and names every bad file and field', () => {
    const hostile = record('github-hostile-case-server-00000001');
    expect(hostile.name).toBe('<img src=x onerror=alert(1)>Case Server');
    expect(hostile.description).toContain('<script>');
    // `links.repo` is attacker-controlled: a javascript: URL must not become the repository.
    expect(hostile.repository).toBeUndefined();
    expect(hostile.homepage).toBeUndefined();
    expect(hostile.packages).toEqual([
      { registryType: 'npm', identifier: 'Case-Server', version: '1.0.0' },
      { registryType: 'oci', identifier: 'ghcr.io/example-owner/case-server', version: '1.2' },
    ]);
    expect(hostile.remotes).toEqual([{ type: 'sse', url: 'https://case.example.com/sse' }]);
    expect(hostile.env).toEqual(['CASE_TOKEN']);
    // Names differing only in case are two profiles.
    expect(record('github-hostile-case-server-00000002')).toMatchObject({ name: 'case server', repository: 'https://github.com/Example-Owner/Case-Server', packages: [] });
    expect(first.report.errors).toEqual([
      expect.stringMatching(/^tensorblock data\/profiles\/broken-00000004\.json: not valid JSON \(.*\); skipped$/),
      'tensorblock data/profiles/github-hostile-case-server-00000001.json, server "github-hostile-case-server-00000001", field repository: must be an http(s) URL (value "javascript:alert(document.cookie)"); field dropped',
      'tensorblock data/profiles/github-hostile-case-server-00000001.json, server "github-hostile-case-server-00000001", field homepage: must be an http(s) URL (value "data:text/html,<script>alert(1)</script>"); field dropped',
      expect.stringMatching(/^tensorblock data\/profiles\/github-hostile-case-server-00000001\.json, server "github-hostile-case-server-00000001", field env\.1: .*\(value "bad name;"\); item dropped$/),
      'tensorblock data/profiles/github-hostile-case-server-00000002.json, server "github-hostile-case-server-00000002", field install.commands: expected a list (value "npx case-server"); field dropped',
      'tensorblock data/profiles/github-hostile-case-server-00000002.json, server "github-hostile-case-server-00000002", field description: expected text (value "7"); field dropped',
      "tensorblock data/profiles/no-id-00000003.json, field id: no profile id, which is the index's key; skipped",
    ]);
  });

  it('writes byte-identical output when run again', () => {
    const [fresh, again] = importTwice(tensorblockImporter, snapshot);
    expect(fresh.text).toBe(first.text);
    expect(again.report.changed).toBe(false);
    expect(again.text).toBe(first.text);
  });
});
