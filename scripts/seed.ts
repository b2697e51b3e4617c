// npm run seed [-- --shared ../shared/datasets]
// Rebuilds the imported part of the embedded dataset from the licensed dumps in ../shared/datasets
// (GitHub, Azure, LiveMCPBench, awslabs). Each goes through the same importer as `npm run import`,
// with its provenance and license kept in every server record and in NOTICE.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importDump, type ImportReport, type ServerMeta } from '../src/import/import-dump';
import { defaultDataDir } from '../src/store/dataset';
import { rebuildServers } from '../src/store/rebuild';
import { printRebuild } from './rebuild';
import { HttpUrl } from '../src/schema';

const { values } = parseArgs({ options: { shared: { type: 'string', default: '../shared/datasets' }, data: { type: 'string' } } });
const shared = path.resolve(values.shared);
const dataDir = values.data ?? defaultDataDir();
/** Recorded as `source.file`: relative to the shared folder, so the data does not depend on where it ran. */
const label = (file: string) => `shared/datasets/${file}`;
const read = (file: string) => readFileSync(path.join(shared, file), 'utf8');
const url = (value: unknown) => (HttpUrl.safeParse(value).success ? (value as string) : undefined);

type UnifiedRow = {
  source: string;
  server: string;
  tool_name: string;
  description?: string;
  input_schema: Record<string, unknown>;
  annotations?: Record<string, unknown>;
};
const unified = read('unified/tools.jsonl')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as UnifiedRow);
const rowsOf = (source: string, rename: (server: string) => string) =>
  unified
    .filter((row) => row.source === source)
    .map((row) =>
      JSON.stringify({
        server: rename(row.server),
        name: row.tool_name,
        description: row.description,
        inputSchema: row.input_schema,
        ...(row.annotations && Object.keys(row.annotations).length > 0 ? { annotations: row.annotations } : {}),
      }),
    )
    .join('\n');

const reports: Array<[string, ImportReport]> = [];

// GitHub's own tools/list snapshots: exact definitions with annotations.
reports.push([
  'github-mcp-server',
  importDump(read('github-mcp-server/tools.json'), label('github-mcp-server/tools.json'), {
    dataDir,
    dataset: 'github-mcp-server',
    origin: 'github/github-mcp-server@64a49f34d076b6f5917dae1424521d43c7bcae84 pkg/github/__toolsnaps__/*.snap',
    capture: 'tools-list',
    license: 'MIT',
    at: '2026-08-03T00:00:00Z',
    dropKeys: ['_snapshot_file'],
    meta: () => ({
      displayName: 'GitHub MCP Server',
      description: "GitHub's official MCP server: repositories, issues, pull requests, Actions, code security and more.",
      license: 'MIT',
      repository: 'https://github.com/github/github-mcp-server',
      attribution: 'Tool definitions Copyright (c) 2025 GitHub, MIT License.',
    }),
  }),
]);

// LiveMCPBench: tools/list output of 70 servers captured by the benchmark's authors.
type LiveEntry = {
  name: string;
  description?: string;
  web?: string;
  config: { mcpServers: Record<string, { command: string; args?: string[]; env?: Record<string, string> }> };
  tools: Record<string, { server_name: string; version?: string; tools: unknown[] }>;
};
const live = JSON.parse(read('livemcpbench/tools.json')) as LiveEntry[];
const liveMeta = new Map<string, ServerMeta>();
const liveRows: string[] = [];
for (const entry of live) {
  for (const [key, listed] of Object.entries(entry.tools)) {
    const launch = entry.config.mcpServers[key];
    const repository = url(entry.web);
    liveMeta.set(entry.name, {
      ...(entry.description ? { description: entry.description } : {}),
      ...(repository ? { repository } : {}),
      ...(launch ? { launch: { command: launch.command, args: launch.args ?? [], env: Object.keys(launch.env ?? {}) } } : {}),
      serverInfo: { name: listed.server_name, ...(listed.version ? { version: listed.version } : {}) },
      attribution: 'Tool definitions from LiveMCPBench (icip-cas/LiveMCPBench), Apache-2.0.',
    });
    for (const tool of listed.tools) liveRows.push(JSON.stringify({ server: entry.name, tool }));
  }
}
reports.push([
  'livemcpbench',
  importDump(liveRows.join('\n'), label('livemcpbench/tools.json'), {
    dataDir,
    dataset: 'livemcpbench',
    origin: 'icip-cas/LiveMCPBench@a928e57d1ee7a25579b9a7036030faffff72d15b tools/LiveMCPTool/tools.json',
    capture: 'tools-list',
    license: 'Apache-2.0',
    at: '2025-08-18T00:00:00Z',
    meta: (name) => liveMeta.get(name),
  }),
]);

// Azure MCP Server: `azmcp tools list` metadata; the input schema is derived from the CLI options.
reports.push([
  'azure-mcp',
  importDump(rowsOf('azure-mcp', () => 'microsoft/mcp Azure.Mcp.Server'), label('unified/tools.jsonl'), {
    dataDir,
    dataset: 'azure-mcp',
    origin: 'microsoft/mcp Azure.Mcp.Server 3.0.0-beta.37 `azmcp tools list`, via diberry/microsoft-mcp-doc-generation@9c4d1cf',
    capture: 'cli-metadata',
    license: 'MIT',
    at: '2026-08-21T00:00:00Z',
    toolNotes: ['inputSchema derived from the CLI options of `azmcp tools list`, not sent by a live server'],
    meta: () => ({
      displayName: 'Azure MCP Server',
      description: "Microsoft's Azure MCP Server: tools for Azure services, one namespace per service.",
      license: 'MIT',
      // The server's own folder of the microsoft/mcp monorepo, and the npm package it ships as, so the
      // merge recognises it when the crawler or another dataset knows it too.
      repository: 'https://github.com/microsoft/mcp/tree/main/servers/Azure.Mcp.Server',
      registry: { packages: [{ registryType: 'npm', identifier: '@azure/mcp' }], remotes: [] },
      serverInfo: { name: 'Azure.Mcp.Server', version: '3.0.0-beta.37' },
      attribution: 'Tool metadata Copyright 2025 (c) Microsoft Corporation, MIT License.',
    }),
  }),
]);

// awslabs/mcp: 58 servers whose tools were extracted from Python source (not a live tools/list).
reports.push([
  'awslabs-mcp',
  importDump(rowsOf('awslabs-mcp', (server) => server), label('unified/tools.jsonl'), {
    dataDir,
    dataset: 'awslabs-mcp',
    origin: 'awslabs/mcp@100b55b6d92f731bc8d23486ce9efd5bbf90c606 src/*-mcp-server',
    capture: 'static-analysis',
    license: 'Apache-2.0',
    at: '2026-08-21T00:00:00Z',
    toolNotes: ['extracted from Python source by static analysis, not a live tools/list; inputSchema derived from the function signature'],
    meta: (name) => {
      const folder = name.replace(/^awslabs\/mcp /, '');
      return {
        displayName: folder,
        license: 'Apache-2.0',
        repository: `https://github.com/awslabs/mcp/tree/main/src/${folder}`,
        attribution: 'Tool definitions from awslabs/mcp, Apache-2.0.',
      };
    },
  }),
]);

let errors = 0;
for (const [dataset, report] of reports) {
  const tools = report.servers.reduce((sum, server) => sum + server.tools, 0);
  console.log(`${dataset}: ${report.servers.length} servers, ${tools} tools, ${report.errors.length} rejected`);
  for (const error of report.errors) console.error(`  error: ${error}`);
  errors += report.errors.length;
}
printRebuild(rebuildServers(dataDir));
process.exitCode = errors > 0 ? 1 : 0;
