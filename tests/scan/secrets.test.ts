// No secret survives: env and header values are never read, secret-looking arguments are redacted,
// and neither reaches the report, its JSON, the policy or the shared link (fast-check over configs
// of every shape the parser reads). Also the link's round trip and its hostile inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClientConfig } from '../../src/scan/config';
import { decodeFragment, encodeFragment, FRAGMENT_PREFIX } from '../../src/scan/fragment';
import { buildScanReport, neededServers, reportJson } from '../../src/scan/report';
import { datasetLookup, documents, fixture } from './helpers';

/** A secret no tool name, path or key of the dataset contains: a marker and 12+ random characters. */
const secret = fc.stringMatching(/^[A-Za-z0-9]{12,24}$/).map((tail) => `Zq9SECRET${tail}`);
const name = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,15}$/);
const packages = fc.constantFrom(
  ['npx', ['-y', '@modelcontextprotocol/server-filesystem', '/tmp']],
  ['npx', ['-y', '@modelcontextprotocol/server-gitlab']],
  ['uvx', ['mcp-server-fetch']],
  ['docker', ['run', '-i', '--rm', 'ghcr.io/github/github-mcp-server']],
  ['node', ['/home/me/server.js']],
) as fc.Arbitrary<[string, string[]]>;

/** Ways people put a secret on a command line that the redactor promises to catch. */
const secretArgs = (value: string): fc.Arbitrary<string[]> =>
  fc.constantFrom<string[]>(
    [`--api-key=${value}`],
    ['--token', value],
    ['--password', value],
    [`--clientSecret=${value}`],
    [`postgresql://user:${value}@db:5432/x`],
    [`https://api.example.com/v1?key=${value}`],
    ['-e', `TOKEN=${value}`],
    ['--header', `Authorization: Bearer ${value}`],
    [`ghp_${value}abcdefghijkl`],
    [`--config={"apiKey":"${value}","region":"eu"}`],
    [`--header=Authorization: Bearer ${value}`],
    ['cmd', '/c', `DB_PASSWORD=${value}`],
  );

const serverEntry = fc.record({
  launch: packages,
  env: fc.dictionary(name, secret, { maxKeys: 3 }),
  headers: fc.dictionary(name, secret, { maxKeys: 2 }),
  extra: secret.chain(secretArgs),
  url: fc.option(secret.map((value) => `https://user:${value}@mcp.example.com/mcp?k=${value}#${value}`), { nil: undefined }),
});

const configText = fc
  .record({
    shape: fc.constantFrom('mcpServers', 'vscode', 'claude-json', 'bare'),
    servers: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/), serverEntry, { minKeys: 1, maxKeys: 4 }),
  })
  .map(({ shape, servers }) => {
    const secrets: string[] = [];
    const entries = Object.fromEntries(
      Object.entries(servers).map(([key, server]) => {
        secrets.push(...Object.values(server.env), ...Object.values(server.headers), ...server.extra.flatMap((arg) => arg.match(/Zq9SECRET[A-Za-z0-9]+/g) ?? []));
        if (server.url) secrets.push(...(server.url.match(/Zq9SECRET[A-Za-z0-9]+/g) ?? []));
        const [command, args] = server.launch;
        const body = server.url !== undefined ? { url: server.url, headers: server.headers } : { command, args: [...args, ...server.extra], env: server.env };
        return [key, body];
      }),
    );
    const wrapped =
      shape === 'mcpServers' ? { mcpServers: entries } : shape === 'vscode' ? { servers: entries } : shape === 'claude-json' ? { projects: { '/p': { mcpServers: entries } } } : entries;
    return { text: JSON.stringify(wrapped, null, 2), secrets };
  });

describe('secrets never reach the report or the link', () => {
  const lookup = datasetLookup();
  const docs = documents(['modelcontextprotocol-server-filesystem-0d37c530', 'modelcontextprotocol-server-gitlab-0af14ee7', 'fetch-mcp-server-5b873808', 'github-github-mcp-server-c4b8cae9']);

  it('holds for any config of any shape (fast-check)', () => {
    fc.assert(
      fc.property(configText, ({ text, secrets }) => {
        const config = parseClientConfig(text);
        expect(config.errors).toEqual([]);
        const ids = neededServers(config, lookup);
        const report = buildScanReport(config, lookup, new Map(ids.flatMap((id) => (docs.has(id) ? [[id, docs.get(id)!] as const] : []))));
        const outputs = [reportJson(report), encodeFragment(config), JSON.stringify(decodeFragment(encodeFragment(config)))];
        const decoded = atob(encodeFragment(config).slice(FRAGMENT_PREFIX.length).replace(/-/g, '+').replace(/_/g, '/'));
        for (const value of secrets) for (const output of [...outputs, decoded]) expect(output).not.toContain(value);
      }),
      { numRuns: 150 },
    );
  });

  it('holds for the fixtures from public docs', () => {
    for (const file of ['claude-desktop-five.json', 'vscode-mcp.json', 'cursor-mcp.json', 'claude-code-user.json', 'windsurf-mcp.json']) {
      const config = parseClientConfig(fixture(file), file);
      const report = buildScanReport(config, lookup, documents(neededServers(config, lookup)));
      expect(reportJson(report)).not.toContain('FAKE');
      expect(atob(encodeFragment(config).slice(FRAGMENT_PREFIX.length).replace(/-/g, '+').replace(/_/g, '/'))).not.toContain('FAKE');
    }
  });
});

describe('the shared link', () => {
  it('round-trips every fixture to the same entries and the same report', () => {
    const lookup = datasetLookup();
    for (const file of ['claude-desktop-five.json', 'vscode-mcp.json', 'cursor-mcp.json', 'claude-code-user.json', 'windsurf-mcp.json', 'bare-servers.json']) {
      const config = parseClientConfig(fixture(file), file);
      const decoded = decodeFragment(encodeFragment(config));
      if (!('config' in decoded)) throw new Error(decoded.error);
      expect(decoded.config.entries).toEqual(config.entries);
      const docs = documents(neededServers(config, lookup));
      expect(reportJson(buildScanReport(decoded.config, lookup, docs))).toBe(reportJson(buildScanReport({ ...config, errors: [] }, lookup, docs)));
    }
  });

  it('refuses damaged, oversized and wrongly shaped links with a message', () => {
    expect(decodeFragment('#other')).toEqual({ error: 'The link holds no scan.' });
    expect(decodeFragment(`${FRAGMENT_PREFIX}%%%`)).toEqual({ error: 'The link is damaged: its scan cannot be decoded.' });
    expect(decodeFragment(`${FRAGMENT_PREFIX}${'A'.repeat(200_001)}`)).toEqual({ error: 'The link is too long to be a scan.' });
    const wrong = btoa(JSON.stringify({ v: 1, shape: 'mcpServers', i: [], entries: [{ k: 'x', t: 'stdio', a: [1], e: [], h: [], r: [] }] }));
    expect(decodeFragment(`${FRAGMENT_PREFIX}${wrong}`)).toEqual({ error: 'The link is damaged: its scan is not in the expected shape.' });
  });

  it('sanitises what a crafted link carries, as if it were pasted', () => {
    const crafted = btoa(JSON.stringify({ v: 1, shape: 'mcpServers', i: [], entries: [{ k: 'x', t: 'http', u: 'https://u:p@h.example/mcp?t=1', a: ['--token', 'FAKEsecret'], e: [], h: [], r: [] }] }));
    const decoded = decodeFragment(`${FRAGMENT_PREFIX}${crafted}`);
    if (!('config' in decoded)) throw new Error(decoded.error);
    expect(decoded.config.entries[0]).toMatchObject({ url: 'https://h.example/mcp', args: ['--token', '[REDACTED]'] });
  });
});
