// matchEntry over the lookup of the embedded dataset: package, image, endpoint, pinned versions, and
// entries the catalog does not have (said honestly, with the crawl command).
import { describe, expect, it } from 'vitest';
import { parseClientConfig, sanitizeEntry } from '../../src/scan/config';
import { buildLookup, entryKeys, lookupIds, matchEntry, serverLookupKeys } from '../../src/scan/match';
import type { Server } from '../../src/schema';
import { defaultDataDir, readServer } from '../../src/store/dataset';
import { datasetLookup, fixture } from './helpers';

const entry = (raw: Parameters<typeof sanitizeEntry>[1], key = 'x') => sanitizeEntry(key, raw);
const server = (id: string) => readServer(defaultDataDir(), id) as Server;

describe('the lookup', () => {
  it("keys a server by its source package, its registry packages and remotes, with the crawled version", () => {
    const keys = serverLookupKeys(server('modelcontextprotocol-server-filesystem-0d37c530'));
    expect(keys).toContainEqual({ key: 'npm:@modelcontextprotocol/server-filesystem', version: '2026.8.31' });
    expect(keys).toContainEqual({ key: 'oci:mcp/filesystem' });
    const github = serverLookupKeys(server('github-github-mcp-server-c4b8cae9')).map((item) => item.key);
    expect(github).toEqual(expect.arrayContaining(['oci:ghcr.io/github/github-mcp-server', 'remote:https://api.githubcopilot.com/mcp']));
  });

  it('is sorted and the same bytes whatever order the servers come in', () => {
    const ids = ['modelcontextprotocol-server-filesystem-0d37c530', 'github-github-mcp-server-c4b8cae9', 'fetch-mcp-server-5b873808'];
    const forward = JSON.stringify(buildLookup(ids.map(server)));
    expect(JSON.stringify(buildLookup([...ids].reverse().map(server)))).toBe(forward);
    const lookup = buildLookup(ids.map(server));
    expect(lookup.ids).toEqual([...ids].sort());
    expect(Object.keys(lookup.keys)).toEqual(Object.keys(lookup.keys).sort());
  });

  it('answers nothing for keys it lacks, inherited names included', () => {
    const lookup = datasetLookup();
    expect(lookupIds(lookup, '__proto__')).toEqual([]);
    expect(lookupIds(lookup, 'constructor')).toEqual([]);
  });
});

describe('matchEntry', () => {
  const lookup = datasetLookup();

  it('matches the five documented servers by package', () => {
    const config = parseClientConfig(fixture('claude-desktop-five.json'));
    expect(config.entries.map((item) => [item.key, matchEntry(item, lookup).server, matchEntry(item, lookup).by])).toEqual([
      ['filesystem', 'modelcontextprotocol-server-filesystem-0d37c530', 'package'],
      ['fetch', 'fetch-mcp-server-5b873808', 'package'],
      ['brave-search', 'modelcontextprotocol-server-brave-search-b262f0f2', 'package'],
      ['gitlab', 'modelcontextprotocol-server-gitlab-0af14ee7', 'package'],
      ['memory', 'modelcontextprotocol-server-memory-72f1ca08', 'package'],
    ]);
  });

  it('matches a remote endpoint by URL (trailing slash and case of the host aside) and prefers the record with tools', () => {
    const match = matchEntry(entry({ url: 'https://API.githubcopilot.com/mcp/', type: 'http' }), lookup);
    expect(match).toMatchObject({ status: 'matched', by: 'url', server: 'github-github-mcp-server-c4b8cae9' });
    expect(match.candidates.length).toBeGreaterThan(1);
    expect(match.note).toMatch(/other records? shares?/);
  });

  it('matches a Docker image by name, with or without its tag', () => {
    for (const image of ['ghcr.io/github/github-mcp-server', 'ghcr.io/github/github-mcp-server:v0.20.0']) {
      const match = matchEntry(entry({ command: 'docker', args: ['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN', image] }), lookup);
      expect(match).toMatchObject({ status: 'matched', by: 'image', server: 'github-github-mcp-server-c4b8cae9' });
    }
  });

  it('notes a pinned version other than the crawled one, and none when they agree', () => {
    const other = matchEntry(entry({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.1.1'] }), lookup);
    expect(other.versionNote).toBe("The config pins version 2025.1.1; the catalog's tools were collected from version 2026.8.31.");
    const same = matchEntry(entry({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2026.8.31'] }), lookup);
    expect(same.versionNote).toBeUndefined();
  });

  it('says a known server without tools is known, with the crawl command', () => {
    const match = matchEntry(entry({ url: 'https://mcp.linear.app/sse', type: 'sse' }), lookup);
    expect(match).toMatchObject({ status: 'no-tools', by: 'url', crawl: 'npm run crawl -- --source remote --url https://mcp.linear.app/sse' });
  });

  it('says an unknown package is not in the catalog and how to crawl it', () => {
    const npm = matchEntry(entry({ command: 'npx', args: ['-y', 'no-such-mcp-server-zz9'] }), lookup);
    expect(npm).toMatchObject({ status: 'unmatched', candidates: [], crawl: 'npm run crawl -- --source npm --only no-such-mcp-server-zz9' });
    expect(npm.note).toContain('no-such-mcp-server-zz9');
    const pypi = matchEntry(entry({ command: 'uvx', args: ['no-such-mcp-server-zz9'] }), lookup);
    expect(pypi.crawl).toBe('npm run crawl -- --source pypi --only no-such-mcp-server-zz9');
    const remote = matchEntry(entry({ url: 'https://mcp.example.com/mcp', headerNames: ['Authorization'] }), lookup);
    expect(remote.crawl).toBe("npm run crawl -- --source remote --url https://mcp.example.com/mcp --header 'Authorization: …'");
    const local = matchEntry(entry({ command: 'node', args: ['/home/me/server/index.js'] }), lookup);
    expect(local).toMatchObject({ status: 'unmatched' });
    expect(local.crawl).toBeUndefined();
    expect(local.note).toMatch(/local code/);
  });

  it('tries a reverse-DNS key as a registry name', () => {
    expect(entryKeys(entry({ command: 'x' }, 'io.github.owner/server'))).toEqual([{ key: 'registry:io.github.owner/server', by: 'registry' }]);
  });
});

describe('registry names', () => {
  it("keys a server by the official registry's name for it, and a config keyed by that name finds it", () => {
    const keys = serverLookupKeys(server('13rac1-videocapture-mcp-50ec9b7b')).map((item) => item.key);
    expect(keys).toContain('registry:io.github.13rac1/videocapture-mcp');
    const match = matchEntry(entry({ command: 'node', args: ['/opt/videocapture/index.js'] }, 'io.github.13rac1/videocapture-mcp'), datasetLookup());
    expect(match).toMatchObject({ by: 'registry', server: '13rac1-videocapture-mcp-50ec9b7b' });
  });
});
