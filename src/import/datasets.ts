// The open datasets the catalog imports, as data: where each lives, its license, what it holds and how
// far its word counts when sources disagree. NOTICE and docs/data.md list the same sets (a test checks).

export type Dataset = {
  /** Used in data/sources/<id>.jsonl, in provenance and on the command line. */
  id: string;
  /** Shown to people. */
  title: string;
  /** The public GitHub repository the snapshot is taken from (`owner/name`). */
  repository: string;
  /** SPDX identifier of the repository's license: only permissive licenses are imported. */
  license: string;
  /** The copyright line of the license, for NOTICE and each record's attribution. */
  copyright: string;
  /** What of the repository is read. */
  paths: string;
  /** Lower comes first when sources disagree on a field (the crawler's own records come before all). */
  rank: number;
};

export const DATASETS: readonly Dataset[] = [
  { id: 'mcp-registry', title: 'Official MCP Registry seed', repository: 'modelcontextprotocol/registry', license: 'MIT', copyright: 'Copyright (c) 2025 GitHub', paths: 'data/seed*.json', rank: 10 },
  { id: 'teamspark', title: 'TeamSpark MCP registry', repository: 'TeamSparkAI/mcp-registry', license: 'MIT', copyright: 'Copyright (c) 2025 TeamSpark, LLC', paths: 'validation/server-registry.json (public/server-registry.json when present): the registry listing, latest version per server', rank: 11 },
  { id: 'docker', title: 'Docker MCP Catalog', repository: 'docker/mcp-registry', license: 'MIT', copyright: 'Copyright (c) 2025 Docker', paths: 'servers/*/server.yaml, servers/*/tools.json', rank: 20 },
  { id: 'mcpm', title: 'MCPM registry', repository: 'pathintegral-institute/mcpm.sh', license: 'MIT', copyright: 'Copyright (c) 2025 MCP Contributors', paths: 'mcp-registry/servers/*.json', rank: 30 },
  { id: 'toucan', title: 'Toucan', repository: 'TheAgentArk/Toucan', license: 'MIT', copyright: 'Copyright (c) 2025 Agent Ark', paths: 'mcp_servers/*.json (metadata.remote_server_response)', rank: 40 },
  { id: 'metorial', title: 'Metorial MCP index', repository: 'ZeeshanAdilButt/metorial-index', license: 'MIT', copyright: 'Copyright (c) 2025 Metorial', paths: 'catalog/<owner>/<repo>/<server>/{server,tools}.yaml', rank: 50 },
  { id: 'aci', title: 'ACI.dev apps', repository: 'aipotheosis-labs/aci', license: 'Apache-2.0', copyright: 'Copyright (c) Aipotheosis Labs', paths: 'backend/apps/*/{app,functions}.json', rank: 60 },
  { id: 'mcpd', title: 'mozilla-ai mcpd registry', repository: 'mozilla-ai/mcpd', license: 'Apache-2.0', copyright: 'Copyright (c) Mozilla.ai', paths: 'internal/provider/mozilla_ai/data/registry.json', rank: 61 },
  { id: 'toolsdk', title: 'ToolSDK MCP registry', repository: 'toolsdk-ai/toolsdk-mcp-registry', license: 'MIT', copyright: 'Copyright (c) 2025 Kelly Peilin Chan', paths: 'packages/**/*.json, indexes/packages-list.json', rank: 70 },
  { id: 'tensorblock', title: 'TensorBlock awesome-mcp-servers', repository: 'TensorBlock/awesome-mcp-servers', license: 'MIT', copyright: 'Copyright (c) 2025 TensorBlock', paths: 'data/profiles/*.json', rank: 80 },
];

const byId = new Map(DATASETS.map((dataset) => [dataset.id, dataset]));

export function datasetById(id: string): Dataset | undefined {
  return byId.get(id);
}

/** Where a source stands when sources disagree: the crawler first, then the open datasets by rank, then dumps imported by hand. */
export function sourceRank(source: string): number {
  if (source === 'crawl') return 0;
  return byId.get(source)?.rank ?? 90;
}
