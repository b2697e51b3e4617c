// parseClientConfig over every client shape the fixtures (public docs) show, its errors with line and
// column, and the redaction of what looks secret in arguments.
import { describe, expect, it } from 'vitest';
import { parseClientConfig, position } from '../../src/scan/config';
import { REDACTED, redactArgs } from '../../src/scan/redact';
import { fixture, SECRET_MARK } from './helpers';

const keys = (text: string) => parseClientConfig(text).entries.map((entry) => entry.key);

describe('parseClientConfig: shapes', () => {
  it('reads Claude Desktop (mcpServers) with the npm package the npx args launch', () => {
    const config = parseClientConfig(fixture('claude-desktop-quickstart.json'), 'claude_desktop_config.json');
    expect(config.shape).toBe('mcpServers');
    expect(config.errors).toEqual([]);
    expect(config.file).toBe('claude_desktop_config.json');
    expect(config.entries).toHaveLength(1);
    expect(config.entries[0]).toMatchObject({
      key: 'filesystem',
      transport: 'stdio',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/username/Desktop', '/Users/username/Downloads'],
      package: { registryType: 'npm', identifier: '@modelcontextprotocol/server-filesystem' },
    });
  });

  it('reads VS Code (servers + inputs, with comments): http entries, header and env names only, the Docker image', () => {
    const config = parseClientConfig(fixture('vscode-mcp.json'));
    expect(config.shape).toBe('vscode');
    expect(config.errors).toEqual([]);
    expect(config.inputs).toEqual(['perplexity-key', 'github_mcp_pat']);
    expect(keys(fixture('vscode-mcp.json'))).toEqual(['Perplexity', 'fetch', 'github', 'github-docker']);
    const [perplexity, fetch, github, docker] = config.entries;
    expect(perplexity).toMatchObject({ env: ['PERPLEXITY_API_KEY'], package: { registryType: 'npm', identifier: 'server-perplexity-ask' } });
    expect(fetch?.package).toEqual({ registryType: 'pypi', identifier: 'mcp-server-fetch' });
    expect(github).toMatchObject({ transport: 'http', url: 'https://api.githubcopilot.com/mcp/', headers: ['Authorization'] });
    expect(docker?.package).toEqual({ registryType: 'oci', identifier: 'ghcr.io/github/github-mcp-server' });
    expect(docker?.args[4]).toBe(`GITHUB_PERSONAL_ACCESS_TOKEN=${REDACTED}`);
  });

  it('reads VS Code settings.json, whose servers sit under "mcp"', () => {
    const config = parseClientConfig('{"editor.fontSize": 14, "mcp": {"servers": {"time": {"command": "uvx", "args": ["mcp-server-time"]}}}}');
    expect(config.shape).toBe('vscode');
    expect(config.entries[0]?.package).toEqual({ registryType: 'pypi', identifier: 'mcp-server-time' });
  });

  it('reads Cursor (trailing commas), mcp-remote endpoints and remote URLs without userinfo or query', () => {
    const config = parseClientConfig(fixture('cursor-mcp.json'));
    expect(config.errors).toEqual([]);
    const [, linear, remote] = config.entries;
    expect(linear).toMatchObject({ transport: 'stdio', url: 'https://mcp.linear.app/sse' });
    expect(linear?.package).toBeUndefined();
    expect(remote).toMatchObject({ transport: 'http', url: 'https://mcp.example.com/mcp', headers: ['API_KEY'] });
    expect(remote?.redactions).toEqual(['url: userinfo, query string or fragment removed']);
  });

  it("reads Claude Code's ~/.claude.json: top-level servers, then each project's, by path", () => {
    const config = parseClientConfig(fixture('claude-code-user.json'));
    expect(config.shape).toBe('claude-json');
    expect(config.entries.map((entry) => [entry.key, entry.scope])).toEqual([
      ['stripe', undefined],
      ['notion', undefined],
      ['postgres', 'project:/home/me/shop'],
      ['stripe', 'project:/home/me/shop'],
    ]);
    expect(config.entries[1]).toMatchObject({ transport: 'http', url: 'https://mcp.notion.com/mcp' });
  });

  it("reads Windsurf's serverUrl and tells SSE from the path", () => {
    const config = parseClientConfig(fixture('windsurf-mcp.json'));
    expect(config.entries[1]).toMatchObject({ key: 'figma', transport: 'sse', url: 'https://your-server-url/sse' });
  });

  it('reads a bare mcpServers object', () => {
    const config = parseClientConfig(fixture('bare-servers.json'));
    expect(config.shape).toBe('bare');
    expect(config.entries.map((entry) => entry.package?.identifier)).toEqual(['@modelcontextprotocol/server-filesystem', 'mcp-server-fetch']);
  });

  it('reads pinned versions of npm, PyPI and Docker launches, and --package, pnpm dlx, npm exec, uv tool run, pipx run', () => {
    const config = parseClientConfig(
      JSON.stringify({
        mcpServers: {
          a: { command: 'npx', args: ['-y', '@playwright/mcp@0.0.41'] },
          b: { command: 'npx', args: ['--yes', '--package=@scope/pkg@2.0.0', 'bin-name'] },
          c: { command: 'pnpm', args: ['dlx', 'firecrawl-mcp@1.2.3'] },
          d: { command: 'npm', args: ['exec', '--', 'mcp-server-x'] },
          e: { command: 'uvx', args: ['--from', 'mcp-server-git==2025.1.14', 'mcp-server-git'] },
          f: { command: 'uv', args: ['tool', 'run', 'mcp-server-time'] },
          g: { command: 'pipx', args: ['run', 'mcp-server-fetch==2025.4.7'] },
          h: { command: 'docker', args: ['run', '-i', '--rm', '-e', 'TOKEN', '-v', '/data:/data', 'mcp/github:1.4.0'] },
          i: { command: 'C:\\Program Files\\nodejs\\npx.cmd', args: ['-y', 'bunx-thing'] },
          j: { command: 'bunx', args: ['resend-mcp'] },
        },
      }),
    );
    expect(config.entries.map((entry) => entry.package)).toEqual([
      { registryType: 'npm', identifier: '@playwright/mcp', version: '0.0.41' },
      { registryType: 'npm', identifier: '@scope/pkg', version: '2.0.0' },
      { registryType: 'npm', identifier: 'firecrawl-mcp', version: '1.2.3' },
      { registryType: 'npm', identifier: 'mcp-server-x' },
      { registryType: 'pypi', identifier: 'mcp-server-git', version: '2025.1.14' },
      { registryType: 'pypi', identifier: 'mcp-server-time' },
      { registryType: 'pypi', identifier: 'mcp-server-fetch', version: '2025.4.7' },
      { registryType: 'oci', identifier: 'mcp/github', version: '1.4.0' },
      { registryType: 'npm', identifier: 'bunx-thing' },
      { registryType: 'npm', identifier: 'resend-mcp' },
    ]);
  });

  it('keeps a key named __proto__ as a plain name and never reads env values', () => {
    const config = parseClientConfig('{"mcpServers": {"__proto__": {"command": "uvx", "args": ["mcp-server-fetch"], "env": {"X": "FAKE-value"}}}}');
    expect(config.entries[0]?.key).toBe('__proto__');
    expect(JSON.stringify(config)).not.toContain('FAKE');
    expect(({} as Record<string, unknown>)['command']).toBeUndefined();
  });
});

describe('parseClientConfig: errors', () => {
  it('names the line and column of a missing comma and still reads the entry', () => {
    const config = parseClientConfig(fixture('broken.json'));
    expect(config.errors).toEqual([{ message: 'a comma "," is expected between entries', line: 7, column: 9, offset: 101 }]);
    expect(config.entries).toHaveLength(1);
  });

  it('says what is wrong with a config that is no object, empty, or has no servers', () => {
    expect(parseClientConfig('[1, 2]').errors[0]?.message).toBe('the config should be a JSON object, not a array');
    expect(parseClientConfig('').errors[0]?.message).toMatch(/value is expected|empty/);
    expect(parseClientConfig('{"theme": "dark"}').errors[0]?.message).toMatch(/^no MCP servers found/);
    const bad = parseClientConfig('{\n  "mcpServers": {\n    "x": "npx foo",\n    "y": {"args": []}\n  }\n}');
    expect(bad.errors.map((error) => [error.line, error.message])).toEqual([
      [3, 'server "x" should be an object with "command" or "url", not a string'],
      [4, 'server "y" has neither "command" nor "url"'],
    ]);
  });

  it('counts lines ending in \\n, \\r\\n and \\r', () => {
    expect(position('a\nb\r\nc\rd', 7)).toEqual({ line: 4, column: 1 });
    expect(position('abc', 2)).toEqual({ line: 1, column: 3 });
  });

  it('reports an unclosed string and a stray character with their lines', () => {
    expect(parseClientConfig('{\n"mcpServers": {\n "a": {"command": "npx}\n}}').errors[0]).toMatchObject({ line: 3 });
    expect(parseClientConfig('{\n  "mcpServers": {}\n  ;\n}').errors[0]).toMatchObject({ line: 3, column: 3 });
  });
});

describe('redaction of arguments', () => {
  it('redacts secret options, URL credentials and queries, NAME=value pairs, header values and token shapes', () => {
    const { args, redactions } = redactArgs([
      '--api-key=sk_live_FAKE1234567890abcdef',
      '--token',
      'FAKEplainvalue',
      '--clientSecret=FAKEx',
      'postgresql://user:FAKEpw@localhost:5432/db',
      'https://api.example.com/v1?key=FAKEq&mode=x',
      'GITHUB_TOKEN=ghp_FAKE',
      '--header',
      'X-Api-Key: FAKEheader',
      'ghp_FAKEabcdefghijklmnopqrstuvwxyz0123',
      'FAKE0A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6E7F8',
      '/Users/username/Desktop',
      '--read-only',
      '@modelcontextprotocol/server-filesystem',
    ]);
    expect(args).toEqual([
      `--api-key=${REDACTED}`,
      '--token',
      REDACTED,
      `--clientSecret=${REDACTED}`,
      `postgresql://${REDACTED}@localhost:5432/db`,
      `https://api.example.com/v1?key=${REDACTED}&mode=${REDACTED}`,
      `GITHUB_TOKEN=${REDACTED}`,
      '--header',
      `X-Api-Key: ${REDACTED}`,
      REDACTED,
      REDACTED,
      '/Users/username/Desktop',
      '--read-only',
      '@modelcontextprotocol/server-filesystem',
    ]);
    expect(redactions).toHaveLength(9);
    expect(redactions.join(' ')).not.toContain(SECRET_MARK);
  });

  it('leaves ordinary arguments alone and is idempotent', () => {
    const plain = ['-y', '@modelcontextprotocol/server-filesystem', '/home/me/projects/my-project-2024-notes', '--port', '8080', 'mcp/github:1.4.0'];
    expect(redactArgs(plain)).toEqual({ args: plain, redactions: [] });
    const once = redactArgs(['--api-key', 'FAKEv', 'https://u:FAKE@h/x?q=1']).args;
    expect(redactArgs(once)).toEqual({ args: once, redactions: [] });
  });

  it('hides secrets in every fixture: no FAKE value reaches a parsed entry', () => {
    for (const name of ['claude-desktop-five.json', 'vscode-mcp.json', 'cursor-mcp.json', 'claude-code-user.json', 'windsurf-mcp.json']) {
      const text = fixture(name);
      expect(text).toContain(SECRET_MARK);
      expect(JSON.stringify(parseClientConfig(text, name))).not.toContain(SECRET_MARK);
    }
  });
});

describe('wrapped launches and secrets inside arguments', () => {
  it('finds the package behind cmd /c (Windows) and env NAME=value', () => {
    const config = parseClientConfig(
      JSON.stringify({
        mcpServers: {
          windows: { command: 'cmd', args: ['/c', 'npx', '-y', '@modelcontextprotocol/server-filesystem', 'C:\\Users\\me'] },
          env: { command: '/usr/bin/env', args: ['LOG=debug', 'TOKEN=FAKEenv', 'uvx', 'mcp-server-fetch'] },
        },
      }),
    );
    expect(config.entries.map((entry) => entry.package?.identifier)).toEqual(['@modelcontextprotocol/server-filesystem', 'mcp-server-fetch']);
    expect(JSON.stringify(config)).not.toContain(SECRET_MARK);
  });

  it('redacts secret-named values inside JSON or header blobs, whatever follows', () => {
    const { args } = redactArgs(['--config={"apiKey":"FAKE1","region":"eu"}', '{"token": "FAKE2", "name": "x"}', 'Authorization:Bearer FAKE5', 'Cookie: a=FAKE6; b=FAKE7', 'user: me']);
    expect(args).toEqual([`--config={"apiKey":"${REDACTED}","region":"eu"}`, `{"token": "${REDACTED}", "name": "x"}`, `Authorization:${REDACTED}`, `Cookie: ${REDACTED}`, 'user: me']);
  });
});
