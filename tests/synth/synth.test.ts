// The synthetic dataset stands in for the real ecosystem in benches and scale tests: it must be
// reproducible, valid everywhere the real data is, and shaped like data/servers.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Server } from '../../src/schema';
import { iterateServers, readServerFile, serversDir, writeServer } from '../../src/store/dataset';
import { synthesizeServers } from '../../src/synth/generate';
import { joinName } from '../../src/synth/names';
import { buildProfile, distinctNameRate, nameStyle, nameTokens, toolsPerServerFigures } from '../../src/synth/profile';
import { profileFile, profileJson, readProfile } from '../../src/synth/profile-file';

const profile = readProfile();
const work = mkdtempSync(path.join(tmpdir(), 'synth-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeDataset(name: string, count: number, seed: number): Map<string, string> {
  const dir = path.join(work, name);
  for (const server of synthesizeServers(profile, count, seed)) writeServer(dir, server);
  const files = new Map<string, string>();
  for (const file of readdirSync(serversDir(dir)).sort()) files.set(file, readFileSync(path.join(serversDir(dir), file), 'utf8'));
  return files;
}

describe('the committed profile', () => {
  it('is what data/servers gives today (regenerate with `npm run synth -- --profile`)', () => {
    const servers = [...iterateServers(path.resolve('data'))];
    expect(profileJson(buildProfile(servers))).toBe(readFileSync(profileFile, 'utf8'));
  });
});

describe('synthesizeServers', () => {
  it('writes byte-identical files for the same seed, and different ones for another seed', () => {
    const first = writeDataset('a', 300, 7);
    const again = writeDataset('b', 300, 7);
    const other = writeDataset('c', 300, 8);
    expect(first.size).toBe(300);
    expect([...again]).toEqual([...first]);
    expect([...other.keys()]).not.toEqual([...first.keys()]);
  });

  it('makes records the schema and the store accept, with ids and names that never collide', () => {
    const dir = path.join(work, 'valid');
    const servers = [...synthesizeServers(profile, 1000, 3)];
    for (const server of servers) {
      expect(Server.safeParse(server).success).toBe(true);
      writeServer(dir, server);
    }
    for (const file of readdirSync(serversDir(dir))) readServerFile(path.join(serversDir(dir), file));
    expect(new Set(servers.map((server) => server.id)).size).toBe(servers.length);
    expect(new Set(servers.map((server) => server.name)).size).toBe(servers.length);
  });

  it('covers every server by default, at the real tools per server of servers with tools', () => {
    const servers = [...synthesizeServers(profile, 2000, 1)];
    expect(servers.every((server) => server.tools.length > 0 && server.crawl.status !== 'listed')).toBe(true);
    const mean = servers.reduce((sum, server) => sum + server.tools.length, 0) / servers.length;
    const realMean = profile.toolCounts.reduce((sum, [count, weight]) => sum + count * weight, 0) / profile.real.withTools;
    expect(Math.abs(mean - realMean) / realMean).toBeLessThan(0.15);
    const synthetic = toolsPerServerFigures(servers.map((server) => server.tools.length));
    expect(Math.abs(synthetic.median - profile.real.toolsPerServer.median)).toBeLessThanOrEqual(1);
  });

  describe("at 2,000 servers of today's coverage the shape is the real one", () => {
    const servers = [...synthesizeServers(profile, 2000, 1, 'today')];
    const withTools = servers.filter((server) => server.tools.length > 0);
    const tools = withTools.flatMap((server) => server.tools);

    it('tools per server: median and p90 of the real distribution, with a long tail', () => {
      const synthetic = toolsPerServerFigures(servers.map((server) => server.tools.length));
      expect(Math.abs(synthetic.median - profile.real.toolsPerServer.median)).toBeLessThanOrEqual(1);
      expect(Math.abs(synthetic.p90 - profile.real.toolsPerServer.p90)).toBeLessThanOrEqual(5);
      expect(synthetic.max).toBeGreaterThanOrEqual(100);
    });

    it('the share of index-only servers (listed, no tools, merged sources)', () => {
      const realShare = 1 - profile.real.withTools / profile.real.servers;
      expect(Math.abs(1 - withTools.length / servers.length - realShare)).toBeLessThan(0.03);
      const listed = servers.filter((server) => server.crawl.status === 'listed');
      expect(listed.every((server) => server.tools.length === 0 && (server.sources?.length ?? 0) > 0)).toBe(true);
      expect(listed.filter((server) => (server.sources?.length ?? 0) > 1).length / listed.length).toBeGreaterThan(0.15);
    });

    it('distinct tool names at the rate of a real sample of the same size, and not the real names', () => {
      const real = profile.real.distinctRateBySample.find(([size]) => size === 2000)?.[1] ?? 0;
      expect(Math.abs(distinctNameRate(servers) - real)).toBeLessThan(0.04);
      // A set that repeats real names under-counts same-name pages; these are recombined from tokens.
      const common = new Set(profile.firstTokens.slice(0, 5).map(([token]) => token));
      expect(tools.filter((tool) => common.has(tool.definition.name)).length / tools.length).toBeLessThan(0.05);
    });

    it('names in the real styles, and descriptions, parameters and annotations at the real shares', () => {
      const styles = new Set(tools.map((tool) => nameStyle(tool.definition.name)));
      for (const style of ['snake', 'kebab', 'camel']) expect(styles).toContain(style);
      const described = tools.filter((tool) => tool.definition.description).length / tools.length;
      expect(Math.abs(described - profile.descriptionShare)).toBeLessThan(0.05);
      const known = tools.filter((tool) => !tool.notes?.some((note) => note.includes('parameters are not known')));
      const annotated = known.filter((tool) => tool.definition.annotations).length / known.length;
      expect(Math.abs(annotated - profile.annotationShare)).toBeLessThan(0.05);
      expect(known.some((tool) => Object.keys((tool.definition.inputSchema['properties'] as object | undefined) ?? {}).length > 3)).toBe(true);
    });
  });
});

describe('name tokens and styles', () => {
  it('splits every style into the same words', () => {
    for (const name of ['create_pull_request', 'createPullRequest', 'CreatePullRequest', 'create-pull-request', 'create.pull_request']) {
      expect(nameTokens(name)).toEqual(['create', 'pull', 'request']);
    }
    expect(nameTokens('CloneContainerToECR')).toEqual(['clone', 'container', 'to', 'ecr']);
  });

  it('joins words back in the style it was asked for', () => {
    const words = ['get', 'token', 'balance'];
    expect(joinName(words, 'snake')).toBe('get_token_balance');
    expect(joinName(words, 'camel')).toBe('getTokenBalance');
    expect(joinName(words, 'kebab')).toBe('get-token-balance');
    expect(joinName(words, 'dotted')).toBe('get.token_balance');
    expect(joinName(words, 'other')).toBe('get_tokenBalance');
    for (const style of ['snake', 'camel', 'pascal', 'kebab', 'dotted'] as const) expect(nameStyle(joinName(words, style))).toBe(style);
  });
});
