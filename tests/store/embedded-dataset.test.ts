// The merge over the real embedded data: one record per real server, each tool on the servers that
// list it and no other (PolicyLayer's catalogue lists CloneContainerToECR under seven AWS servers; it
// exists only in aws-healthomics-mcp-server), and data/servers/ exactly what the inputs give.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Server } from '../../src/schema';
import { canonicalJson } from '../../src/lib/canonical-json';
import { iterateServers, listServerIds, readServer, serverFile } from '../../src/store/dataset';
import { mergeSources } from '../../src/store/merge-sources';
import { datasetById } from '../../src/import/datasets';
import { readSourceRecords } from '../../src/store/source-store';

const collected = [...iterateServers('data', 'collected')];
const { records, errors } = readSourceRecords('data');
const servers: Server[] = [...iterateServers('data')];
const withTool = (name: string) => servers.filter((server) => server.tools.some((tool) => tool.definition.name === name));

describe('the embedded dataset after the merge', () => {
  it('is the size the coverage issue asks for (≥ 12,000 servers, ≥ 2,500 with tools, ≥ 25,000 tools)', () => {
    expect(errors).toEqual([]);
    expect(servers.length).toBeGreaterThanOrEqual(12_000);
    expect(servers.filter((server) => server.tools.length > 0).length).toBeGreaterThanOrEqual(2_500);
    expect(servers.reduce((sum, server) => sum + server.tools.length, 0)).toBeGreaterThanOrEqual(25_000);
  });

  it('is exactly what data/collected and data/sources give: a stale or hand-edited file fails here', () => {
    const { servers: merged } = mergeSources({ collected, records, previous: (id) => readServer('data', id) });
    expect(merged.map((server) => server.id)).toEqual(listServerIds('data'));
    for (const server of merged) expect(readFileSync(serverFile('data', server.id), 'utf8'), server.id).toBe(canonicalJson(server));
  });

  it('attributes CloneContainerToECR to aws-healthomics-mcp-server alone, and keeps the AWS servers PolicyLayer confuses apart', () => {
    expect(withTool('CloneContainerToECR').map((server) => server.identity)).toEqual(['repo:github.com/awslabs/mcp/src/aws-healthomics-mcp-server']);
    for (const folder of ['valkey-mcp-server', 'redshift-mcp-server', 'aws-dataprocessing-mcp-server', 'amazon-sns-sqs-mcp-server', 'amazon-mq-mcp-server', 'aws-location-mcp-server', 'aws-appsync-mcp-server']) {
      const matches = servers.filter((server) => server.identity === `repo:github.com/awslabs/mcp/src/${folder}`);
      expect(matches, folder).toHaveLength(1);
    }
  });

  it('never merges records that name only a monorepo\'s root into one of its servers (real records: TensorBlock and ToolSDK list awslabs/mcp as one entry)', () => {
    const roots = servers.filter((server) => server.sources?.some((source) => (source.source === 'tensorblock' && source.name === 'github-awslabs-mcp-56cb969b') || (source.source === 'toolsdk' && source.name === 'aws-labs')));
    expect(roots.length).toBeGreaterThan(0);
    for (const root of roots) {
      expect(root.tools).toEqual([]);
      expect(root.sources!.every((source) => source.source === 'tensorblock' || source.source === 'toolsdk')).toBe(true);
    }
  });

  it('merged the servers that were recorded twice (crawled and imported) into one each', () => {
    for (const [crawled, imported] of [
      ['@upstash/context7-mcp', 'livemcpbench'],
      ['@wonderwhy-er/desktop-commander', 'livemcpbench'],
      ['@azure/mcp', 'azure-mcp'],
      ['@antv/mcp-server-chart', 'livemcpbench'],
      ['@executeautomation/playwright-mcp-server', 'livemcpbench'],
    ] as const) {
      const owners = servers.filter((server) => server.sources?.some((source) => source.source === 'crawl' && source.name === crawled));
      expect(owners, crawled).toHaveLength(1);
      expect(owners[0]!.sources!.map((source) => source.source), crawled).toContain(imported);
    }
  });

  it('never puts two records of one source in one server, nor gives two servers one identity', () => {
    const identities = new Map<string, string>();
    for (const server of servers) {
      const sources = (server.sources ?? []).map((source) => source.source);
      expect(new Set(sources).size, server.id).toBe(sources.length);
      expect(server.identity, server.id).toBeDefined();
      expect(identities.get(server.identity!), `${server.id} and ${identities.get(server.identity!)}`).toBeUndefined();
      identities.set(server.identity!, server.id);
    }
  });

  it('traces every server to its sources: each names where its data came from, and the tools to one of them', () => {
    for (const server of servers) {
      expect(server.sources!.length, server.id).toBeGreaterThan(0);
      for (const source of server.sources!) {
        if (source.source === 'crawl') continue;
        const where = `${server.id} ${source.source}`;
        // An open dataset's record names its repository, commit and file; a dump imported by hand names
        // its repository and commit when its origin gives them, else the file it was imported from.
        if (datasetById(source.source)) {
          expect(source.repository, where).toBe(datasetById(source.source)!.repository);
          expect(source.commit, where).toMatch(/^[0-9a-f]{40}$/);
          expect(source.path, where).toBeTruthy();
        } else if (source.repository !== undefined) {
          expect(source.commit, where).toMatch(/^[0-9a-f]{7,40}$/);
        } else {
          expect(source.path, where).toBeTruthy();
        }
      }
      if (server.tools.length > 0) expect(server.sources!.filter((source) => source.fields.includes('tools')), server.id).toHaveLength(1);
    }
  });
});

describe('the README and docs/data.md', () => {
  it('quote the figures npm run data-report gives for the embedded dataset (npm run data-report -- --update-docs writes them)', async () => {
    const { dataReport, formatSummary, readmeFigures, replaceMarked } = await import('../../src/store/data-report');
    const report = dataReport(servers);
    for (const [file, text] of [
      ['README.md', readmeFigures(report)],
      ['docs/data.md', formatSummary(report).join('\n')],
    ] as const) {
      const document = readFileSync(file, 'utf8');
      expect(document, file).toBe(replaceMarked(document, text));
    }
  });
});
