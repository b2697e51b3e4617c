// `mcp-risk-catalog scan`, run in-process on the scan fixtures (client configs from public docs):
// the report is the core's, the exit codes follow --fail-on, bad usage and unreadable configs exit 2
// naming file and line, and the default locations are found.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedReportJson, FIXTURE_CONFIGS, fixtureDatasetDir, fixturePath, runScan, tempDir } from './cli-helpers';

describe('scan --json', () => {
  it.each(FIXTURE_CONFIGS)('%s: prints exactly the core report of the same records', async (name) => {
    const run = await runScan(['scan', name, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(expectedReportJson(fixturePath(name), name));
  });

  it('the five-server setup shows the cross-server paths no single server page can', async () => {
    const report = JSON.parse((await runScan(['scan', 'claude-desktop-five.json', '--json'])).stdout);
    expect(report.totals).toMatchObject({ entries: 5, matched: 5, unmatched: 0 });
    expect(report.pathCount).toBeGreaterThan(0);
    for (const path of report.paths) expect(path.servers.length).toBeGreaterThan(1);
    expect(report.singleServerTriangles).toEqual([]);
  });

  it('several configs give a list of reports, in the order named', async () => {
    const run = await runScan(['scan', 'bare-servers.json', 'windsurf-mcp.json', '--json']);
    const reports = JSON.parse(run.stdout);
    expect(reports.map((report: { file: string }) => report.file)).toEqual(['bare-servers.json', 'windsurf-mcp.json']);
  });

  it('never prints an env value or a redacted argument of the config', async () => {
    for (const name of FIXTURE_CONFIGS) {
      for (const format of ['--json', '--sarif', '--min-risk=low']) {
        const run = await runScan(['scan', name, format]);
        expect(run.stdout + run.stderr).not.toContain('FAKE');
      }
    }
  });
});

describe('scan exit status', () => {
  it('--fail-on: 1 when a finding at or above the risk exists, 0 when none does', async () => {
    // The five-server setup has Critical tools (memory's deletes); bare-servers' worst tool is High.
    expect((await runScan(['scan', 'claude-desktop-five.json', '--fail-on', 'critical'])).status).toBe(1);
    expect((await runScan(['scan', 'bare-servers.json', '--fail-on', 'critical'])).status).toBe(0);
    expect((await runScan(['scan', 'bare-servers.json', '--fail-on', 'High'])).status).toBe(1);
    expect((await runScan(['scan', 'bare-servers.json'])).status).toBe(0);
  });

  it('--fail-on counts cross-server paths as High, whatever the tools', async () => {
    const run = await runScan(['scan', 'claude-desktop-five.json', '--json']);
    const report = JSON.parse(run.stdout);
    expect(report.pathCount).toBeGreaterThan(0);
    // No tool of fetch + brave-search + gitlab is High, but together they make a path.
    const dir = tempDir('scan-cli-path-');
    const five = JSON.parse(readFileSync(fixturePath('claude-desktop-five.json'), 'utf8'));
    const { fetch, 'brave-search': brave, gitlab } = five.mcpServers;
    writeFileSync(path.join(dir, 'mcp.json'), JSON.stringify({ mcpServers: { fetch, 'brave-search': brave, gitlab } }));
    const three = JSON.parse((await runScan(['scan', 'mcp.json', '--json'], { cwd: dir })).stdout);
    expect(three.entries.flatMap((entry: { tools: { risk: string }[] }) => entry.tools.map((tool) => tool.risk))).not.toContain('High');
    expect(three.pathCount).toBeGreaterThan(0);
    expect((await runScan(['scan', 'mcp.json', '--fail-on', 'high'], { cwd: dir })).status).toBe(1);
    expect((await runScan(['scan', 'mcp.json', '--fail-on', 'critical'], { cwd: dir })).status).toBe(0);
  });

  it('a config with a syntax error exits 2 naming the file, line and column', async () => {
    const run = await runScan(['scan', 'broken.json']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^mcp-risk-catalog: broken\.json:7:\d+: a comma "," is expected/m);
  });

  it('a file that is not there, or not UTF-8, exits 2 naming it', async () => {
    const missing = await runScan(['scan', 'no-such.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no-such.json: cannot read the config: no such file');
    const dir = tempDir('scan-cli-latin1-');
    writeFileSync(path.join(dir, 'mcp.json'), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
    const latin1 = await runScan(['scan', 'mcp.json'], { cwd: dir });
    expect(latin1.status).toBe(2);
    expect(latin1.stderr).toContain('mcp.json: not UTF-8 text');
  });

  it.each([
    [['scan', 'x.json', '--fail-on', 'severe'], /--fail-on takes low, medium, high or critical, not "severe"/],
    [['scan', 'x.json', '--json', '--sarif'], /--json and --sarif cannot be given together/],
    [['check', 'x.json'], /unknown command "check"/],
    [[], /no command given/],
    [['scan', '--colour'], /Unknown option '--colour'/],
  ])('bad usage %j exits 2 with the reason and the usage', async (argv, message) => {
    const run = await runScan(argv);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage: mcp-risk-catalog scan');
  });

  it('--output writes the output to the file and nothing to standard output', async () => {
    const dir = tempDir('scan-cli-out-');
    const run = await runScan(['scan', 'bare-servers.json', '--json', '--output', path.join(dir, 'reports', 'scan.json')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(path.join(dir, 'reports', 'scan.json'), 'utf8')).toBe(expectedReportJson(fixturePath('bare-servers.json'), 'bare-servers.json'));
  });

  it('--version and --help answer without a config', async () => {
    expect((await runScan(['--version'])).stdout).toMatch(/^mcp-risk-catalog 0\.0\.0-test \(dataset: \d+ servers, \d+ tools\)\n$/);
    const help = await runScan(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--fail-on RISK');
  });

  it('a damaged dataset exits 2 saying which file is damaged, instead of reading as "not in the catalog"', async () => {
    const dataset = tempDir('scan-cli-damaged-');
    for (const file of ['servers.ndjson.gz', 'index.json']) copyFileSync(path.join(fixtureDatasetDir(), file), path.join(dataset, file));
    writeFileSync(path.join(dataset, 'lookup.json'), JSON.stringify({ version: 1, ids: ['x'], tools: [1], keys: { 'npm:x': 'not a list' }, versions: {} }));
    const damaged = await runScan(['scan', 'bare-servers.json'], { datasetDir: dataset });
    expect(damaged.status).toBe(2);
    expect(damaged.stderr).toMatch(/lookup\.json is not a scan lookup: keys\.npm:x: /);
    writeFileSync(path.join(dataset, 'lookup.json'), '{"version": 1, ');
    const truncated = await runScan(['scan', 'bare-servers.json'], { datasetDir: dataset });
    expect(truncated.status).toBe(2);
    expect(truncated.stderr).toMatch(/lookup\.json cannot be read: /);
  });

  it('a missing dataset exits 2 saying which file is missing', async () => {
    const run = await runScan(['scan', 'bare-servers.json'], { datasetDir: tempDir('scan-cli-empty-') });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no dataset in .*: servers\.ndjson\.gz is missing/);
  });
});

describe('scan with no config named', () => {
  it('scans the usual files that exist: the user\'s Cursor config and the project\'s VS Code one', async () => {
    const home = tempDir('scan-cli-home-');
    const project = tempDir('scan-cli-project-');
    mkdirSync(path.join(home, '.cursor'), { recursive: true });
    writeFileSync(path.join(home, '.cursor', 'mcp.json'), readFileSync(fixturePath('bare-servers.json')));
    mkdirSync(path.join(project, '.vscode'), { recursive: true });
    writeFileSync(path.join(project, '.vscode', 'mcp.json'), readFileSync(fixturePath('vscode-mcp.json')));
    const run = await runScan(['scan', '--json'], { home, cwd: project });
    expect(run.status).toBe(0);
    const reports = JSON.parse(run.stdout);
    expect(reports.map((report: { file: string; shape: string }) => [report.file, report.shape])).toEqual([
      ['~/.cursor/mcp.json', 'bare'],
      [path.join('.vscode', 'mcp.json'), 'vscode'],
    ]);
  });

  it('with none of them present, exits 2 listing where it looked', async () => {
    const home = tempDir('scan-cli-home-');
    const run = await runScan(['scan'], { home, cwd: tempDir('scan-cli-project-'), platform: 'linux' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no MCP client config found');
    expect(run.stderr).toContain(path.join(home, '.codeium', 'windsurf', 'mcp_config.json'));
    expect(run.stderr).toContain(path.join(home, '.config', 'Claude', 'claude_desktop_config.json'));
  });
});

describe('scan table', () => {
  it('lists every entry and the findings at or above the chosen risk', async () => {
    const run = await runScan(['scan', 'claude-desktop-five.json', '--min-risk', 'critical']);
    expect(run.status).toBe(0);
    for (const key of ['filesystem', 'fetch', 'brave-search', 'gitlab', 'memory']) expect(run.stdout).toMatch(new RegExp(`^  ${key} `, 'm'));
    expect(run.stdout).toContain('Findings at or above Critical');
    expect(run.stdout).toMatch(/Critical\s+tool-risk\/critical\s+Server "memory" .* "delete_entities"/);
    expect(run.stdout).not.toContain('cross-server-path');
  });

  it('escapes control characters in server names: a crafted key cannot send terminal escape sequences', async () => {
    const dir = tempDir('scan-cli-hostile-');
    const key = 'evil\u001b[2J\u001b]0;pwned\u0007\u202eserver';
    writeFileSync(path.join(dir, 'mcp.json'), JSON.stringify({ mcpServers: { [key]: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] } } }));
    const run = await runScan(['scan', 'mcp.json', '--min-risk', 'low'], { cwd: dir });
    expect(run.status).toBe(0);
    // eslint-disable-next-line no-control-regex -- no raw control character may reach the terminal
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(run.stdout).toContain('evil\\u{1b}[2J\\u{1b}]0;pwned\\u{7}\\u{202e}server');
  });

  it('escapes them in the problems it lists too (a Claude Code project path quoted by the parser)', async () => {
    const dir = tempDir('scan-cli-hostile-');
    const project = '/home/x\u001b[2J';
    writeFileSync(path.join(dir, '.claude.json'), JSON.stringify({ projects: { [project]: { mcpServers: { broken: 5, memory: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] } } } } }));
    const run = await runScan(['scan', '.claude.json'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('problem at line 1');
    expect(run.stdout).toContain('/home/x\\u{1b}[2J');
    expect(run.stdout).not.toContain('\u001b');
  });
});
