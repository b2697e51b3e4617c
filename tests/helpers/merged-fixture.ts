// A small catalog as the merge writes it: open-dataset records and one failed crawl merged into
// data/servers/, covering every shape a server page has to show (index-only, merged with conflicts,
// names-only tools, failed crawl) and carrying hostile text in every field a source controls.
import type { Server, SourceRecordInput } from '../../src/schema';
import { SourceRecord } from '../../src/schema';
import { mergeSources } from '../../src/store/merge-sources';
import { writeServer } from '../../src/store/dataset';

const COMMIT = 'a'.repeat(40);
const AT = '2026-10-01T00:00:00Z';
export const HOSTILE_DESCRIPTION = 'Lists things. <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

const record = (input: Omit<SourceRecordInput, 'commit' | 'at'> & Partial<Pick<SourceRecordInput, 'commit' | 'at'>>): SourceRecord =>
  SourceRecord.parse({ commit: COMMIT, at: AT, ...input });

const tool = (name: string, description: string, properties: Record<string, unknown> = {}) => ({
  name,
  description,
  inputSchema: { type: 'object', properties },
});

export const FIXTURE_RECORDS: SourceRecord[] = [
  // Index-only, known to two datasets (merged on the npm package), with hostile text.
  record({
    source: 'mcpm',
    key: 'widget-server',
    path: 'mcp-registry/servers/widget <server>.json',
    name: 'Widget <b>server</b>',
    description: HOSTILE_DESCRIPTION,
    repository: 'https://github.com/example/widget-server',
    homepage: 'https://widget.example.com/',
    license: 'MIT',
    packages: [{ registryType: 'npm', identifier: '@example/widget-server', version: '1.0.0' }],
  }),
  record({
    source: 'toolsdk',
    key: '@example/widget-server',
    path: 'packages/widgets/widget-server.json',
    name: '@example/widget-server',
    packages: [{ registryType: 'npm', identifier: '@example/widget-server' }],
    remotes: [{ type: 'streamable-http', url: "https://mcp.widget.example.com/it's/mcp" }],
  }),
  // Merged with conflicts: Toucan captured 3 tools, Metorial analysed 2; they disagree on the license.
  record({
    source: 'toucan',
    key: 'example/tracker',
    path: 'mcp_servers/tracker.json',
    name: 'Tracker',
    description: 'Issue tracker server.',
    repository: 'https://github.com/example/tracker',
    license: 'MIT',
    tools: [
      tool('list_issues', 'List the issues of a project.', { project: { type: 'string' } }),
      tool('create_issue', 'Create an issue.', { title: { type: 'string' } }),
      tool('delete_issue', 'Delete an issue permanently.', { id: { type: 'string' } }),
    ],
    capture: 'tools-list',
  }),
  record({
    source: 'metorial',
    key: 'example/tracker/server',
    path: 'catalog/example/tracker/server/tools.yaml',
    name: 'tracker',
    repository: 'https://github.com/example/tracker',
    license: 'Apache-2.0',
    tools: [tool('list_issues', 'List issues.'), tool('get_issue', 'Get an issue.')],
    capture: 'static-analysis',
  }),
  // Names-only tools.
  record({
    source: 'tensorblock',
    key: 'example-notes',
    path: 'data/profiles/example-notes.json',
    name: 'Example Notes',
    repository: 'https://github.com/example/notes',
    tools: [
      { name: 'search_notes', description: 'Search the notes.', inputSchema: { type: 'object' } },
      { name: 'delete_note', description: 'Delete a note.', inputSchema: { type: 'object' } },
    ],
    capture: 'names-only',
  }),
  // Index-only, only a container image: the crawler cannot start it.
  record({ source: 'docker', key: 'boxed', path: 'servers/boxed/server.yaml', name: 'Boxed', packages: [{ registryType: 'oci', identifier: 'example/boxed:1.2' }] }),
  // Index-only with nothing to start at all.
  record({ source: 'tensorblock', key: 'nothing-known', path: 'data/profiles/nothing-known.json', name: 'Nothing Known', description: 'A server nobody packaged.' }),
];

/** A crawl of an npm package that timed out, with no other source. */
export const FAILED_CRAWL: Server = {
  id: 'example-stuck-server-0badc0de',
  name: '@example/stuck-server',
  displayName: '@example/stuck-server',
  source: { kind: 'npm', package: '@example/stuck-server', version: '0.1.0' },
  crawl: { status: 'failed', at: AT, reason: 'timeout', message: 'no answer to initialize within 60 s; stderr: <script>alert(1)</script>' },
  tools: [],
  history: [],
};

/** Merges the fixture records and writes data/servers/ under `dataDir`; returns the servers by a readable handle. */
export function writeMergedFixture(dataDir: string): Record<'indexOnly' | 'conflicted' | 'namesOnly' | 'oci' | 'nothing' | 'failed', Server> {
  const { servers } = mergeSources({ collected: [FAILED_CRAWL], records: FIXTURE_RECORDS });
  for (const server of servers) writeServer(dataDir, server);
  const find = (test: (server: Server) => boolean, what: string) => {
    const found = servers.find(test);
    if (!found) throw new Error(`fixture: no ${what} server`);
    return found;
  };
  return {
    indexOnly: find((server) => server.sources?.some((entry) => entry.source === 'mcpm') === true, 'index-only'),
    conflicted: find((server) => server.conflicts !== undefined, 'conflicted'),
    namesOnly: find((server) => server.displayName === 'Example Notes', 'names-only'),
    oci: find((server) => server.displayName === 'Boxed', 'oci'),
    nothing: find((server) => server.displayName === 'Nothing Known', 'nothing-known'),
    failed: find((server) => server.id === FAILED_CRAWL.id, 'failed'),
  };
}
