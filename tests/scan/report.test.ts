// buildScanReport over a real five-server config (the modelcontextprotocol/servers READMEs) and the
// embedded dataset: matches, totals, the cross-server paths no server page can show, and one combined
// policy that passes the per-server validation and is stricter where the setup completes the triangle.
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { serverPolicy } from '../../src/site/verdicts';
import { crossServerPaths, type Participant } from '../../src/scan/paths';
import { parseClientConfig } from '../../src/scan/config';
import { buildScanReport, neededServers, reportJson } from '../../src/scan/report';
import { ClaudeSettings, HostedPolicy, InterceptPolicy } from '../../src/schema/policy';
import { ParsedConfig, ScanLookup, ScanReport } from '../../src/schema/scan';
import { defaultDataDir, readServer } from '../../src/store/dataset';
import { datasetLookup, documents, fixture } from './helpers';

const scan = (name: string) => {
  const config = parseClientConfig(fixture(name), name);
  const lookup = datasetLookup();
  return buildScanReport(config, lookup, documents(neededServers(config, lookup)));
};

describe('the report of a five-server Claude Desktop config', () => {
  const report = scan('claude-desktop-five.json');

  it('matches every entry and counts their tools', () => {
    expect(report.totals).toMatchObject({ entries: 5, matched: 5, unmatched: 0, noTools: 0 });
    const tools = report.entries.reduce((sum, entry) => sum + entry.tools.length, 0);
    expect(report.totals.tools).toBe(tools);
    expect(Object.values(report.totals.byCategory).reduce((a, b) => a + b, 0)).toBe(tools);
    expect(Object.values(report.totals.byRisk).reduce((a, b) => a + b, 0)).toBe(tools);
    const filesystem = report.entries[0]!;
    expect(filesystem.server?.url).toBe('/servers/modelcontextprotocol-server-filesystem-0d37c530/');
    expect(filesystem.tools.map((tool) => tool.name)).toContain('write_file');
  });

  it('finds the cross-server paths: gitlab sends out what the others read or fetch, while no server completes the triangle alone', () => {
    expect(report.singleServerTriangles).toEqual([]);
    expect(report.entries.every((entry) => entry.server?.triangle === false)).toBe(true);
    expect(report.paths.map((path) => path.servers)).toEqual([
      ['filesystem', 'gitlab'],
      ['fetch', 'gitlab'],
      ['brave-search', 'gitlab'],
    ]);
    expect(report.pathCount).toBe(3);
    const [, fetchPath] = report.paths;
    expect(fetchPath?.legs.map((leg) => [leg.leg, leg.servers.map((server) => server.key)])).toEqual([
      ['privateData', ['gitlab']],
      ['untrustedContent', ['fetch']],
      ['outwardChannel', ['gitlab']],
    ]);
    expect(fetchPath?.legs[1].servers[0]?.tools).toEqual(['fetch']);
    expect(fetchPath?.legs[2].servers[0]?.tools).toContain('create_issue');
  });

  it('combines one policy in three formats that pass the same validation as a server policy', () => {
    const policy = report.policy!;
    const hosted = JSON.parse(policy.hostedJson) as Record<string, unknown>;
    expect(Object.keys(hosted)).toEqual(['filesystem', 'fetch', 'brave-search', 'gitlab', 'memory']);
    for (const value of Object.values(hosted)) expect(HostedPolicy.safeParse(value).success).toBe(true);
    const documentsYaml = policy.interceptYaml.split(/^---$/m);
    expect(documentsYaml).toHaveLength(5);
    for (const text of documentsYaml) expect(InterceptPolicy.safeParse(parseYaml(text)).success).toBe(true);
    const claude = ClaudeSettings.parse(JSON.parse(policy.claudeSettings));
    expect(claude.permissions.deny).toContain('mcp__memory__delete_entities');
    expect(claude.permissions.allow).toContain('mcp__fetch__fetch');
  });

  it("offers each server's own files: the same policies as the combined hosted JSON, one Intercept document each", () => {
    const policy = report.policy!;
    const hosted = JSON.parse(policy.hostedJson) as Record<string, unknown>;
    expect(policy.servers.map((server) => [server.key, server.server])).toEqual(report.entries.map((entry) => [entry.entry.key, entry.server?.id]));
    for (const server of policy.servers) {
      expect(JSON.parse(server.hostedJson)).toEqual(hosted[server.key]);
      expect(InterceptPolicy.safeParse(parseYaml(server.interceptYaml)).success).toBe(true);
      expect(policy.interceptYaml).toContain(server.interceptYaml);
    }
  });

  it("limits gitlab's outward channel further than gitlab's own policy does, because the setup completes the triangle", () => {
    const own = serverPolicy(readServer(defaultDataDir(), 'modelcontextprotocol-server-gitlab-0af14ee7')!);
    const ownLimit = (own.hostedJson.object.tools?.['create_issue']?.limits ?? []).map((limit) => limit.max);
    const setup = JSON.parse(report.policy!.hostedJson) as Record<string, HostedPolicy>;
    const setupLimit = (setup['gitlab']?.tools?.['create_issue']?.limits ?? []).map((limit) => limit.max);
    expect(Math.min(...setupLimit)).toBeLessThan(Math.min(...ownLimit));
    expect(report.policy!.setupTriangle).toBe(true);
    expect(report.policy!.explanation).toContain('spread over several servers');
  });

  it('is what the schema says, as are the config and the lookup it came from (src/schema/scan.ts)', () => {
    expect(ScanReport.parse(JSON.parse(reportJson(report)))).toEqual(JSON.parse(reportJson(report)));
    expect(ParsedConfig.safeParse(parseClientConfig(fixture('claude-desktop-five.json'))).success).toBe(true);
    expect(ScanLookup.safeParse(datasetLookup()).success).toBe(true);
    for (const name of ['vscode-mcp.json', 'cursor-mcp.json', 'claude-code-user.json', 'windsurf-mcp.json', 'broken.json']) {
      const other = scan(name);
      expect(ScanReport.safeParse(JSON.parse(reportJson(other))).error?.issues ?? [], name).toEqual([]);
    }
  });

  it('is deterministic: the same config gives the byte-identical JSON', () => {
    expect(reportJson(scan('claude-desktop-five.json'))).toBe(reportJson(report));
  });
});

describe('the report of other configs', () => {
  it('names servers by config key and project when Claude Code uses a key twice', () => {
    const report = scan('claude-code-user.json');
    const hosted = JSON.parse(report.policy!.hostedJson) as Record<string, unknown>;
    expect(Object.keys(hosted)).toEqual(['stripe', 'notion', 'postgres', 'stripe (project:/home/me/shop)']);
    expect(report.entries.map((entry) => entry.match.status)).toEqual(['matched', 'matched', 'matched', 'matched']);
  });

  it('says unmatched entries and keeps going', () => {
    const report = scan('cursor-mcp.json');
    // Cursor's docs use a placeholder package, "mcp-server", which no catalog has.
    expect(report.entries.map((entry) => entry.match.status)).toEqual(['unmatched', 'no-tools', 'unmatched']);
    expect(report.totals).toMatchObject({ matched: 0, noTools: 1, unmatched: 2 });
    expect(report.entries[2]?.match.crawl).toBe("npm run crawl -- --source remote --url https://mcp.example.com/mcp --header 'API_KEY: …'");
    expect(report.policy).toBeUndefined();
  });

  it('has no policy when nothing matched', () => {
    const report = buildScanReport(parseClientConfig('{"mcpServers": {"a": {"command": "node", "args": ["x.js"]}}}'), datasetLookup(), new Map());
    expect(report.policy).toBeUndefined();
    expect(report.entries[0]?.match.status).toBe('unmatched');
  });

  it('treats a matched server whose document is missing as not loaded, not as a server without risk', () => {
    const config = parseClientConfig(fixture('claude-desktop-quickstart.json'));
    const report = buildScanReport(config, datasetLookup(), new Map());
    expect(report.entries[0]?.match).toMatchObject({ status: 'no-tools' });
    expect(report.entries[0]?.match.note).toMatch(/could not be loaded/);
  });

  it('says so when a matched record has no tools after all (a lookup older than the record)', () => {
    const config = parseClientConfig(fixture('claude-desktop-quickstart.json'));
    const [id, document] = [...documents(['modelcontextprotocol-server-filesystem-0d37c530'])][0]!;
    const report = buildScanReport(config, datasetLookup(), new Map([[id, { ...document, tools: [] }]]));
    expect(report.entries[0]?.match).toMatchObject({ status: 'no-tools' });
    expect(report.entries[0]?.match.note).toMatch(/lists no tools/);
    expect(report.policy).toBeUndefined();
  });
});

describe('crossServerPaths', () => {
  const p = (key: string, legs: Partial<Participant['legs']>): Participant => ({ key, legs: { privateData: [], untrustedContent: [], outwardChannel: [], ...legs } });

  it('lists minimal pairs and triples only, never a set one server of which completes it alone', () => {
    const { paths, count } = crossServerPaths([
      p('mail', { privateData: ['read_mail'] }),
      p('web', { untrustedContent: ['fetch'] }),
      p('chat', { outwardChannel: ['post'] }),
      p('all', { privateData: ['a'], untrustedContent: ['b'], outwardChannel: ['c'] }),
      p('mail-and-send', { privateData: ['inbox'], outwardChannel: ['send'] }),
    ]);
    expect(paths.map((path) => path.servers)).toEqual([
      ['mail-and-send', 'web'],
      ['chat', 'mail', 'web'],
    ]);
    expect(count).toBe(2);
  });

  it('caps the tools named per leg and the number of paths, with the real counts', () => {
    const many = Array.from({ length: 12 }, (_, index) => `t${String(index).padStart(2, '0')}`);
    const participants = [p('a', { privateData: many }), ...Array.from({ length: 30 }, (_, index) => p(`b${index}`, { untrustedContent: ['x'], outwardChannel: ['y'] }))];
    const { paths, count } = crossServerPaths(participants);
    expect(count).toBe(30);
    expect(paths).toHaveLength(25);
    expect(paths[0]?.legs[0].servers[0]).toEqual({ key: 'a', tools: many.slice(0, 5), toolCount: 12 });
  });
});
