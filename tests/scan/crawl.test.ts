// `scan --crawl`: an entry the catalog does not know is started in the crawler's sandbox and classified
// live. The server is the crawler tests' real SDK server (tests/fixtures/crawl/sdk-server.mjs), handed
// in as if npm had installed it; everything after the install is the crawler's own code.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverArgs } from '../../src/scan/crawl-entry';
import { parseClientConfig } from '../../src/scan/config';
import { serverId } from '../../src/lib/ids';
import { installFixtureAs, quickOptions } from '../crawl/helpers';
import { runScan, tempDir } from './cli-helpers';

/** A Claude Desktop config with one server the catalog has never seen, its env value a fake secret. */
function unknownServerConfig(): string {
  const dir = tempDir('scan-crawl-');
  writeFileSync(
    path.join(dir, 'claude_desktop_config.json'),
    JSON.stringify({
      mcpServers: {
        notes: { command: 'npx', args: ['-y', 'notes-server@1.0.0', '--verbose'], env: { NOTE_TOOL_DESCRIPTION: 'FAKE-secret-from-the-config' } },
      },
    }),
  );
  return dir;
}

const crawl = { npm: { ...quickOptions, install: installFixtureAs({ 'notes-server': 'sdk-server' }) } };

describe('scan --crawl', () => {
  it('without --crawl the entry is reported as not in the catalog', async () => {
    const report = JSON.parse((await runScan(['scan', 'claude_desktop_config.json', '--json'], { cwd: unknownServerConfig() })).stdout);
    expect(report.entries[0].match.status).toBe('unmatched');
    expect(report.entries[0].tools).toEqual([]);
  });

  it('starts it in the sandbox, lists its tools and classifies them with the catalog classifier', async () => {
    const run = await runScan(['scan', 'claude_desktop_config.json', '--json', '--crawl'], { cwd: unknownServerConfig(), crawl });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('notes: crawled live in the sandbox: 2 tools');
    const report = JSON.parse(run.stdout);
    const [entry] = report.entries;
    expect(entry.match).toMatchObject({ status: 'matched', server: serverId({ kind: 'npm', name: 'notes-server' }) });
    expect(entry.match.note).toBe('Not in the catalog: crawled live in the sandbox: 2 tools (--crawl); its tools have no page on the site.');
    expect(entry.tools.map((tool: { name: string; category: string }) => [tool.name, tool.category])).toEqual([
      ['list_notes', 'Read'],
      ['write_note', 'Write'],
    ]);
    expect(report.totals).toMatchObject({ matched: 1, unmatched: 0, tools: 2 });
    expect(report.policy.claudeSettings).toContain('mcp__notes__');
    // The server got a dummy for the variable the config names (its description echoes it), never the config's value.
    expect(run.stdout + run.stderr).not.toContain('FAKE');
  });

  it('passes the config\'s own arguments after the package, and dummies for its env names', () => {
    const [entry] = parseClientConfig(JSON.stringify({ mcpServers: { x: { command: 'npx', args: ['-y', '@scope/pkg@2.0.0', '--root', '/data'] } } })).entries;
    expect(serverArgs(entry!)).toEqual(['--root', '/data']);
    const [uvx] = parseClientConfig(JSON.stringify({ mcpServers: { y: { command: 'uvx', args: ['mcp-server-fetch==1.0', '--ignore-robots-txt'] } } })).entries;
    expect(serverArgs(uvx!)).toEqual(['--ignore-robots-txt']);
  });

  it('on macOS and Windows it says it cannot, and the entry stays unmatched', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const run = await runScan(['scan', 'claude_desktop_config.json', '--json', '--crawl'], { cwd: unknownServerConfig(), crawl, platform });
      expect(run.status).toBe(0);
      expect(run.stderr).toContain(`--crawl starts servers only on Linux: the crawler's sandbox is made of Linux namespaces, and this is ${platform}`);
      expect(JSON.parse(run.stdout).entries[0].match.status).toBe('unmatched');
    }
  });

  it('an entry that runs local code is not started', async () => {
    const dir = tempDir('scan-crawl-local-');
    writeFileSync(path.join(dir, 'mcp.json'), JSON.stringify({ mcpServers: { mine: { command: 'node', args: ['/home/me/server.js'] } } }));
    const run = await runScan(['scan', 'mcp.json', '--crawl'], { cwd: dir, crawl });
    expect(run.stderr).toContain('mine: --crawl starts npm and PyPI packages only');
    expect(run.stdout).toContain('not in the catalog');
  });
});
