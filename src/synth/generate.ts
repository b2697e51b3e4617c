// Synthetic servers in data/servers' format, drawn from the real ecosystem's profile
// (src/synth/profile.json): the same seed gives the same servers, in the same order, on any machine.
import { toolHash } from '../lib/hash';
import { serverIdFromKey } from '../lib/ids';
import type { JsonObject, McpTool, Provenance, RegistryEntry, Server, ServerSource, StoredTool } from '../schema';
import { NameGenerator } from './names';
import { HINTS, type Profile } from './profile';
import { Random, WeightedTable } from './random';

/** The notes the merge puts on tools not listed by a live server (src/store/merge-sources.ts); the site reads them. */
const CAPTURE_NOTES: Record<string, string> = {
  'static-analysis': "Derived from the server's source code by the dataset's authors; the input schema may be approximate.",
  'cli-metadata': "Derived from a command-line tool's description of its commands; the input schema may be approximate.",
  'names-only': 'Only the name and description of this tool are published; its parameters are not known.',
};

type Capture = NonNullable<Provenance['capture']>;

/**
 * `full`: every server's tools are collected, as they will be once the catalog covers the ecosystem
 * (43,000 servers give ~430,000 tools: the real tools per server of servers with tools).
 * `today`: the embedded dataset's mix, about 80% of servers index-only (no tools yet).
 */
export type Coverage = 'full' | 'today';
export const COVERAGES: readonly Coverage[] = ['full', 'today'];
type Status = Server['crawl']['status'];

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export class SyntheticDataset {
  private readonly random: Random;
  private readonly names: NameGenerator;
  private readonly shapes: WeightedTable<string>;
  private readonly toolCounts: WeightedTable<number>;
  private readonly descriptionLengths: WeightedTable<number>;
  private readonly words: WeightedTable<string>;
  private readonly parameterCounts: WeightedTable<number>;
  private readonly parameterNames: WeightedTable<string>;
  private readonly parameterTypes: WeightedTable<string>;
  private readonly identityKinds: WeightedTable<string>;
  private readonly licenses: WeightedTable<string>;
  private readonly packageTypes: WeightedTable<string>;
  private readonly repoTokens: WeightedTable<string>;
  /** `owner/repo` pairs already used: server names never collide. */
  private readonly repos = new Set<string>();
  private index = 0;

  constructor(
    private readonly profile: Profile,
    seed: number,
    coverage: Coverage = 'full',
  ) {
    this.random = new Random(seed);
    this.names = new NameGenerator(profile, this.random);
    // A shape is `status|capture|sources`; an empty capture is a server whose tools nobody has collected.
    this.shapes = new WeightedTable(coverage === 'full' ? profile.shapes.filter(([shape]) => shape.split('|')[1] !== '') : profile.shapes);
    this.toolCounts = new WeightedTable(profile.toolCounts);
    this.descriptionLengths = new WeightedTable(profile.descriptionWords);
    this.words = new WeightedTable(profile.words);
    this.parameterCounts = new WeightedTable(profile.parameterCounts);
    this.parameterNames = new WeightedTable(profile.parameterNames);
    this.parameterTypes = new WeightedTable(profile.parameterTypes);
    this.identityKinds = new WeightedTable(profile.identityKinds);
    this.licenses = new WeightedTable(profile.licenses);
    this.packageTypes = new WeightedTable(profile.packageTypes);
    this.repoTokens = new WeightedTable(profile.repoTokens.filter(([token]) => token !== 'mcp' && token !== 'server'));
  }

  /** Distinct tool names drawn so far. */
  get distinctNames(): number {
    return this.names.distinct;
  }

  /** The next server. */
  next(): Server {
    this.index += 1;
    const [status = 'listed', capture = '', sourceList = 'tensorblock'] = this.shapes.draw(this.random).split('|') as [Status, string, string];
    const sourceNames = sourceList.split(',');
    const { owner, repo } = this.repoName();
    const kind = sourceNames[0] === 'crawl' ? 'npm' : this.identityKinds.draw(this.random);
    const npmPackage = `@${owner}/${repo}`;
    const remote = `https://${repo}.${owner}.example.com/mcp`;
    const identity =
      kind === 'npm'
        ? `npm:${npmPackage}`
        : kind === 'pypi'
          ? `pypi:${repo}`
          : kind === 'remote'
            ? `remote:${remote}`
            : kind === 'oci'
              ? `oci:${owner}/${repo}`
              : kind === 'source'
                ? `source:${sourceNames[0]}:${owner}-${repo}`
                : `repo:github.com/${owner}/${repo}`;
    const name = kind === 'npm' ? npmPackage : kind === 'pypi' ? repo : kind === 'remote' ? remote : kind === 'source' ? `${owner}/${repo}` : `github.com/${owner}/${repo}`;
    const toolCount = capture === '' ? 0 : this.toolCounts.draw(this.random);
    const tools = this.tools(toolCount, capture as Capture);
    const description = this.random.chance(this.profile.serverDescriptionShare) ? this.sentence([repo.replace(/-/g, ' ')], 8) : undefined;
    const repository = kind === 'remote' || kind === 'source' ? undefined : `https://github.com/${owner}/${repo}`;
    const license = this.licenses.draw(this.random);
    const first = this.profile.sources[sourceNames[0] as string] ?? {};
    const at = first.at ?? '2026-01-01T00:00:00Z';
    const sources = sourceNames.map((source, position) => this.provenance(source, position === 0, { owner, repo, npmPackage, status, capture: capture as Capture, toolCount, description, repository }));
    const server: Server = {
      id: serverIdFromKey(identity),
      name,
      displayName: kind === 'npm' ? npmPackage : `${owner}/${repo}`,
      source: this.serverSource(sourceNames[0] as string, sources[0] as Provenance, npmPackage, capture as Capture),
      crawl: { status, at, ...(status === 'failed' ? { reason: 'no-tools' as const, message: 'the server listed no tools' } : {}) },
      identity,
      sources,
      tools,
      history: [],
    };
    if (description) server.description = description;
    if (repository) server.repository = repository;
    if (license) server.license = license;
    if (first.attribution) server.attribution = first.attribution;
    if (status === 'ok') server.launch = { command: repo, args: [], env: [] };
    if (this.random.chance(this.profile.registryShare)) server.registry = this.registry(owner, repo, remote);
    return server;
  }

  private repoName(): { owner: string; repo: string } {
    for (;;) {
      const a = this.repoTokens.draw(this.random);
      const b = this.repoTokens.draw(this.random);
      const owner = this.random.chance(0.5) ? `${a}${b}` : `${a}-${this.random.int(1000)}`;
      const topic = this.random.chance(0.5) ? this.repoTokens.draw(this.random) : `${this.repoTokens.draw(this.random)}-${this.repoTokens.draw(this.random)}`;
      const pattern = this.random.int(4);
      const repo = pattern === 0 ? `mcp-${topic}` : pattern === 1 ? `${topic}-mcp` : pattern === 2 ? `${topic}-mcp-server` : `mcp-server-${topic}`;
      const key = `${owner}/${repo}`;
      if (this.repos.has(key) || key.length > 90) continue;
      this.repos.add(key);
      return { owner, repo };
    }
  }

  private serverSource(source: string, provenance: Provenance, npmPackage: string, capture: Capture): ServerSource {
    if (source === 'crawl') return { kind: 'npm', package: npmPackage, version: '1.0.0' };
    const template = this.profile.sources[source] ?? {};
    const result: ServerSource = { kind: 'import', file: provenance.path ?? `${provenance.name}.json`, dataset: source };
    if (template.repository && template.commit) result.origin = `${template.repository}@${template.commit} ${result.file}`;
    if (template.license) result.license = template.license;
    if (capture && capture !== 'live') result.capture = capture;
    return result;
  }

  private provenance(
    source: string,
    first: boolean,
    server: { owner: string; repo: string; npmPackage: string; status: Status; capture: Capture; toolCount: number; description: string | undefined; repository: string | undefined },
  ): Provenance {
    const template = this.profile.sources[source] ?? {};
    const key = `${server.owner}-${server.repo}`;
    const fields = first ? [...(server.description ? ['description'] : []), ...(server.repository ? ['repository'] : []), ...(server.toolCount > 0 ? ['tools'] : [])] : [];
    const provenance: Provenance = { source, name: source === 'crawl' ? server.npmPackage : `${server.owner}/${server.repo}`, fields };
    if (template.repository) provenance.repository = template.repository;
    if (template.commit) provenance.commit = template.commit;
    if (template.path) provenance.path = template.path.replace('{key}', key);
    if (template.license) provenance.license = template.license;
    if (template.at) provenance.at = template.at;
    if (first && server.toolCount > 0) {
      provenance.tools = server.toolCount;
      provenance.capture = server.capture;
    }
    if (source === 'crawl') {
      provenance.capture = 'live';
      provenance.status = server.status === 'failed' ? 'failed' : 'ok';
      if (server.status === 'failed') provenance.reason = 'no-tools';
    }
    return provenance;
  }

  private registry(owner: string, repo: string, remote: string): RegistryEntry {
    const type = this.packageTypes.draw(this.random);
    if (type === 'remote') return { packages: [], remotes: [{ type: 'streamable-http', url: remote }] };
    const identifier = type === 'npm' ? `@${owner}/${repo}` : type === 'oci' ? `docker.io/${owner}/${repo}` : repo;
    return { packages: [{ registryType: type, identifier, transport: 'stdio' }], remotes: [] };
  }

  /** A sentence from the real description vocabulary, opening with `lead` (the name's words). */
  private sentence(lead: readonly string[], length: number): string {
    const words = [...lead];
    while (words.length < length) words.push(this.words.draw(this.random));
    return `${capitalize(words.join(' '))}.`;
  }

  private tools(count: number, capture: Capture): StoredTool[] {
    const taken = new Set<string>();
    const tools: StoredTool[] = [];
    for (let i = 0; i < count; i += 1) {
      const name = this.names.draw(taken);
      taken.add(name);
      const definition = this.definition(name, capture);
      const note = CAPTURE_NOTES[capture];
      tools.push({ definition, hash: toolHash(definition), ...(note ? { notes: [note] } : {}) });
    }
    return tools;
  }

  private definition(name: string, capture: Capture): McpTool {
    const definition: McpTool = { name, inputSchema: { type: 'object' } };
    if (this.random.chance(this.profile.descriptionShare)) {
      const lead = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
      definition.description = this.sentence(lead, Math.max(lead.length, this.descriptionLengths.draw(this.random)));
    }
    if (capture === 'names-only') return definition;
    definition.inputSchema = this.inputSchema();
    if (this.random.chance(this.profile.annotationShare)) {
      const annotations: NonNullable<McpTool['annotations']> = {};
      if (this.random.chance(this.profile.titleShare)) annotations.title = capitalize(name.replace(/[_.-]+/g, ' '));
      for (const hint of HINTS) {
        const share = this.profile.hints[hint];
        if (share && this.random.chance(share.declared)) annotations[hint] = this.random.chance(share.true);
      }
      definition.annotations = annotations;
    }
    return definition;
  }

  private inputSchema(): JsonObject {
    const count = this.parameterCounts.draw(this.random);
    if (count === 0) return { type: 'object', properties: {} };
    const properties: Record<string, JsonObject> = {};
    const required: string[] = [];
    for (let i = 0; i < count; i += 1) {
      let name = this.parameterNames.draw(this.random);
      for (let attempt = 0; name in properties && attempt < 5; attempt += 1) name = this.parameterNames.draw(this.random);
      if (name in properties) name = `${name}_${i}`;
      const type = this.parameterTypes.draw(this.random);
      const schema: JsonObject = type === 'none' ? {} : { type };
      if (type === 'array') schema['items'] = { type: 'string' };
      if (this.random.chance(this.profile.parameterDescriptionShare)) schema['description'] = this.sentence([name.replace(/[_-]+/g, ' ')], 2 + this.random.int(10));
      properties[name] = schema;
      if (this.random.chance(this.profile.requiredShare)) required.push(name);
    }
    return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
  }
}

/** `count` synthetic servers for `seed`, every one with tools unless `coverage` is `today`. */
export function* synthesizeServers(profile: Profile, count: number, seed: number, coverage: Coverage = 'full'): Generator<Server> {
  const dataset = new SyntheticDataset(profile, seed, coverage);
  for (let i = 0; i < count; i += 1) yield dataset.next();
}
