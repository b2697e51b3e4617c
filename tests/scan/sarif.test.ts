// `scan --sarif` against the official SARIF 2.1.0 JSON Schema (tests/fixtures/sarif, from OASIS), and
// what code scanning relies on beyond the schema: a rule for every result, results placed at the
// server's entry in the config, fingerprints that survive edits elsewhere in the file.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { writeShippedDataset } from '../../src/scan/shipped-dataset';
import { serverFile, serversDir } from '../../src/store/dataset';
import { FIXTURE_CONFIGS, fixturePath, runScan, tempDir } from './cli-helpers';

/**
 * The schema is draft-04 (`id`); Ajv 8 reads draft-06 and later, which name it `$id`. Nothing else in
 * the schema changed meaning between the drafts (it has no exclusiveMinimum/Maximum), see the README.
 */
function sarifValidator() {
  const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(path.resolve('tests/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile({ $id: id, ...schema });
}
const validate = sarifValidator();

type SarifLog = {
  runs: {
    tool: { driver: { name: string; rules: { id: string; defaultConfiguration: { level: string } }[] } };
    artifacts: { location: { uri: string; uriBaseId?: string } }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; index: number }; region?: { startLine: number; startColumn: number; endLine: number } } }[];
      relatedLocations?: unknown[];
      partialFingerprints: Record<string, string>;
      properties: { risk: string; servers: string[]; tool?: string };
    }[];
  }[];
};

async function sarif(argv: string[], cwd?: string): Promise<SarifLog> {
  const run = await runScan(['scan', ...argv, '--sarif'], cwd ? { cwd } : {});
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as SarifLog;
}

describe('scan --sarif', () => {
  it('the schema rejects what is not SARIF (the validator is live)', () => {
    expect(validate({ version: '2.1.0', runs: [] })).toBe(true);
    expect(validate({ version: '2.1.0' })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'severe' }] }] })).toBe(false);
  });

  it.each(FIXTURE_CONFIGS)('%s: valid SARIF 2.1.0, one run by mcp-risk-catalog', async (name) => {
    const log = await sarif([name, '--min-risk', 'low']);
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.tool.driver.name).toBe('mcp-risk-catalog');
  });

  it('every configured config is one artifact and every result points at its rule', async () => {
    const log = await sarif(['claude-desktop-five.json', 'vscode-mcp.json', '--min-risk', 'medium']);
    const run = log.runs[0]!;
    expect(validate(log)).toBe(true);
    expect(run.artifacts.map((artifact) => artifact.location)).toEqual([
      { uri: 'claude-desktop-five.json', uriBaseId: '%SRCROOT%' },
      { uri: 'vscode-mcp.json', uriBaseId: '%SRCROOT%' },
    ]);
    const ruleIds = run.tool.driver.rules.map((rule) => rule.id);
    expect(ruleIds).toEqual([...new Set(ruleIds)].sort());
    for (const result of run.results) expect(ruleIds[result.ruleIndex]).toBe(result.ruleId);
    // Only the kinds and risks used: Low tools are below --min-risk medium.
    expect(ruleIds).not.toContain('tool-risk/low');
    expect(new Set(run.results.map((result) => result.ruleId))).toEqual(new Set(ruleIds));
    expect(run.results.some((result) => result.locations[0]!.physicalLocation.artifactLocation.index === 1)).toBe(true);
  });

  it('one result per finding: risky tools, cross-server paths, with levels by risk', async () => {
    const table = await runScan(['scan', 'claude-desktop-five.json', '--min-risk', 'high']);
    const count = Number(/Findings at or above High \((\d+)\)/.exec(table.stdout)?.[1]);
    const run = (await sarif(['claude-desktop-five.json'])).runs[0]!;
    expect(run.results).toHaveLength(count);
    const deletes = run.results.filter((result) => result.ruleId === 'tool-risk/critical');
    expect(deletes.map((result) => result.properties.tool).sort()).toEqual(['delete_entities', 'delete_observations', 'delete_relations']);
    for (const result of deletes) {
      expect(result.level).toBe('error');
      expect(result.message.text).toContain('"memory"');
      expect(result.message.text).toContain(`"${result.properties.tool}"`);
    }
    const paths = run.results.filter((result) => result.ruleId === 'cross-server-path');
    expect(paths.length).toBeGreaterThan(0);
    for (const result of paths) {
      expect(result.properties.servers.length).toBeGreaterThan(1);
      expect(result.relatedLocations).toHaveLength(result.properties.servers.length);
    }
    const medium = (await sarif(['claude-desktop-five.json', '--min-risk', 'medium'])).runs[0]!.results.filter((result) => result.properties.risk === 'Medium');
    expect(medium.length).toBeGreaterThan(0);
    for (const result of medium) expect(result.level).toBe('warning');
  });

  it('places each result at its server entry: the region starts on the line of its key', async () => {
    for (const name of ['claude-desktop-five.json', 'vscode-mcp.json', 'claude-code-user.json']) {
      const lines = readFileSync(fixturePath(name), 'utf8').split(/\r?\n/);
      const run = (await sarif([name, '--min-risk', 'low'])).runs[0]!;
      expect(run.results.length).toBeGreaterThan(0);
      for (const result of run.results) {
        const region = result.locations[0]!.physicalLocation.region!;
        const key = result.properties.servers[0]!.replace(/ \(project:.*\)$/, '');
        expect(lines[region.startLine - 1]!.slice(region.startColumn - 1)).toMatch(new RegExp(`^"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`));
        expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
      }
    }
  });

  it('a server used twice in ~/.claude.json is placed in its own project', async () => {
    const lines = readFileSync(fixturePath('claude-code-user.json'), 'utf8').split(/\r?\n/);
    const run = (await sarif(['claude-code-user.json'])).runs[0]!;
    const lineOf = (server: string) => run.results.find((result) => result.properties.servers[0] === server)!.locations[0]!.physicalLocation.region!.startLine;
    const top = lineOf('stripe');
    const project = lineOf('stripe (project:/home/me/shop)');
    expect(top).not.toBe(project);
    const projectsLine = lines.findIndex((line) => line.includes('"projects"')) + 1;
    expect(top).toBeLessThan(projectsLine);
    expect(project).toBeGreaterThan(projectsLine);
  });

  it('fingerprints are stable across runs and when the file is edited around the entry', async () => {
    const dir = tempDir('scan-sarif-edit-');
    const text = readFileSync(fixturePath('claude-desktop-five.json'), 'utf8');
    writeFileSync(path.join(dir, 'claude_desktop_config.json'), text);
    const first = (await sarif(['claude_desktop_config.json'], dir)).runs[0]!.results;
    const again = (await sarif(['claude_desktop_config.json'], dir)).runs[0]!.results;
    writeFileSync(path.join(dir, 'claude_desktop_config.json'), `// my servers\n\n\n${text}`);
    const moved = (await sarif(['claude_desktop_config.json'], dir)).runs[0]!.results;
    const prints = (results: typeof first) => results.map((result) => result.partialFingerprints['mcpRiskCatalogFinding/v1']);
    expect(prints(again)).toEqual(prints(first));
    expect(prints(moved)).toEqual(prints(first));
    expect(new Set(prints(first)).size).toBe(first.length);
    expect(moved[0]!.locations[0]!.physicalLocation.region!.startLine).toBe(first[0]!.locations[0]!.physicalLocation.region!.startLine + 3);
  });

  it('a config outside the working folder is named by its file: URI', async () => {
    const dir = tempDir('scan-sarif-outside-');
    writeFileSync(path.join(dir, 'mcp.json'), readFileSync(fixturePath('bare-servers.json')));
    const run = (await sarif([path.join(dir, 'mcp.json')])).runs[0]!;
    expect(run.artifacts[0]!.location).toEqual({ uri: `file://${path.join(dir, 'mcp.json')}` });
    expect(validate({ version: '2.1.0', runs: [run] })).toBe(true);
  });

  it('a poisoning finding is a result of its own rule, at the server that carries it', async () => {
    // A catalog server one of whose tools asks for what it reads to be sent on (poison.exfiltration-request).
    const id = 'takescake-1password-mcp-f60d82dd';
    const data = tempDir('scan-sarif-poison-data-');
    mkdirSync(serversDir(data), { recursive: true });
    copyFileSync(serverFile(path.resolve('data'), id), serverFile(data, id));
    const dataset = path.join(tempDir('scan-sarif-poison-'), 'data');
    writeShippedDataset(data, dataset, { packageVersion: '0.0.0-test', site: 'https://catalog.example.org' });
    const dir = tempDir('scan-sarif-poison-config-');
    writeFileSync(path.join(dir, 'mcp.json'), JSON.stringify({ mcpServers: { vault: { command: 'npx', args: ['-y', '@takescake/1password-mcp'] } } }, null, 2));
    const run = await runScan(['scan', 'mcp.json', '--sarif'], { cwd: dir, datasetDir: dataset });
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(validate(log)).toBe(true);
    const poisoned = log.runs[0]!.results.filter((result) => result.ruleId.startsWith('poisoning/'));
    expect(poisoned.map((result) => [result.ruleId, result.properties.tool, result.level])).toContainEqual(['poisoning/poison.exfiltration-request', 'password_read', 'error']);
    expect(poisoned[0]!.message.text).toMatch(/^Tool "password_read" of server "vault": /);
    expect(poisoned[0]!.locations[0]!.physicalLocation.region!.startLine).toBe(3);
    expect(log.runs[0]!.tool.driver.rules.map((rule) => rule.id)).toContain('poisoning/poison.exfiltration-request');
    expect((await runScan(['scan', 'mcp.json', '--fail-on', 'high'], { cwd: dir, datasetDir: dataset })).status).toBe(1);
  });
});
