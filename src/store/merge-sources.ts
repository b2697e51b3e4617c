// One record per real server, however many sources know it. The crawler's records (data/collected/)
// and every open dataset's records (data/sources/) are grouped by identity keys (src/store/identity.ts),
// and each group becomes one server: tools from the best evidence, every other field from the best
// source that has it, every source listed with what it contributed, and disagreements kept.
// Pure: the same inputs give the same servers, whatever order they come in.
import type { Conflict, Provenance, RegistryEntry, Server, SourceRecord, StoredTool } from '../schema';
import { compareCodePoints } from '../lib/canonical-json';
import { toolHash } from '../lib/hash';
import { serverIdFromKey } from '../lib/ids';
import { datasetById, sourceRank } from '../import/datasets';
import { normalizeServer } from './dataset';
import { diffTools } from './merge';
import { compareKeys, compareMergeKeys, launchPackageKey, packageKey, remoteKey, repositoryKey, repositoryRoot } from './identity';

type Capture = NonNullable<Provenance['capture']>;

/** Best evidence first: a live crawl, a saved tools/list, source analysis, names alone. */
const CAPTURE_RANK: Record<Capture, number> = { live: 5, 'tools-list': 4, 'static-analysis': 3, 'cli-metadata': 3, 'names-only': 1 };

/** What the notes of a tool say about how it was obtained, when not from a live server. */
const CAPTURE_NOTES: Partial<Record<Capture, string>> = {
  'static-analysis': 'Derived from the server\'s source code by the dataset\'s authors; the input schema may be approximate.',
  'cli-metadata': 'Derived from a command-line tool\'s description of its commands; the input schema may be approximate.',
  'names-only': 'Only the name and description of this tool are published; its parameters are not known.',
};

/** One input record, whichever kind it is. */
type Member = {
  source: string;
  /** Unique within the source. */
  key: string;
  keys: string[];
  name: string;
  description?: string | undefined;
  repository?: string | undefined;
  homepage?: string | undefined;
  license?: string | undefined;
  registry: RegistryEntry;
  tools: StoredTool[];
  capture?: Capture | undefined;
  at?: string | undefined;
  provenance: Omit<Provenance, 'fields'>;
  collected?: Server;
  record?: SourceRecord;
};

export type KeptApart = {
  /** The key two groups share but were not merged on. */
  key: string;
  /** Why: the source that lists both as different servers. */
  reason: string;
  members: string[];
};

export type MergeReport = {
  /** Record keys left out of merging: their source uses them for several servers, or they name a monorepo's root. */
  ambiguousKeys: number;
  /** Repository links dropped because most records of the same package name another repository. */
  disputedRepositories: number;
  keptApart: KeptApart[];
};

export type MergeInput = {
  collected: readonly Server[];
  records: readonly SourceRecord[];
  /** The record written last time under an id, for the history of imported tools. */
  previous?: (id: string) => Server | undefined;
};

function sourceOfCollected(server: Server): string {
  return server.source.kind === 'import' ? (server.source.dataset ?? 'import') : 'crawl';
}

/**
 * A dump's origin (`owner/name@commit path`, ServerSource.origin) as repository, commit and the file
 * in that repository; a path with a wildcard names many files, so none. Undefined when it does not parse.
 */
export function parseOrigin(origin: string | undefined): { repository: string; commit: string; path?: string } | undefined {
  const match = origin ? /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)@([0-9a-f]{7,40})(?: (\S+))?$/.exec(origin) : null;
  if (!match) return undefined;
  return { repository: match[1]!, commit: match[2]!, ...(match[3] && !/[*?[\]]/.test(match[3]) ? { path: match[3] } : {}) };
}

function memberOfCollected(server: Server): Member {
  const keys: string[] = [];
  const add = (key: string | undefined) => {
    if (key) keys.push(key);
  };
  const source = server.source;
  if (source.kind === 'npm') add(packageKey('npm', source.package));
  if (source.kind === 'remote') add(remoteKey(source.url));
  if (source.kind === 'registry') add(`registry:${source.registryName}`);
  if (source.kind === 'pypi') add(packageKey('pypi', source.package));
  add(repositoryKey(server.repository));
  if (server.launch) add(launchPackageKey(server.launch.command, server.launch.args));
  for (const item of server.registry?.packages ?? []) add(packageKey(item.registryType, item.identifier));
  for (const remote of server.registry?.remotes ?? []) add(remoteKey(remote.url));
  // A dump says how its tools were captured; anything else was listed by a live server we started
  // (a failed crawl keeps the tools an earlier one listed).
  const capture: Capture | undefined = server.tools.length === 0 ? undefined : source.kind === 'import' ? (source.capture ?? 'tools-list') : 'live';
  const name = sourceOfCollected(server);
  const origin = source.kind === 'import' ? parseOrigin(source.origin) : undefined;
  return {
    source: name,
    key: server.id,
    keys,
    name: server.displayName,
    description: server.description,
    repository: server.repository,
    homepage: server.homepage,
    license: server.license,
    registry: server.registry ?? { packages: [], remotes: [] },
    tools: server.tools,
    capture,
    at: server.crawl.at,
    provenance: {
      source: name,
      name: server.name,
      // A dump names the repository, commit and file it was taken from in its origin, when it can.
      ...(origin ? { repository: origin.repository, commit: origin.commit, ...(origin.path ? { path: origin.path } : {}) } : source.kind === 'import' ? { path: source.file } : {}),
      ...(source.kind === 'import' && source.license ? { license: source.license } : {}),
      ...(server.crawl.at ? { at: server.crawl.at } : {}),
      ...(server.tools.length > 0 ? { tools: server.tools.length } : {}),
      ...(capture ? { capture } : {}),
      status: server.crawl.status,
      ...(server.crawl.reason ? { reason: server.crawl.reason } : {}),
    },
    collected: server,
  };
}

function memberOfRecord(record: SourceRecord): Member {
  const keys: string[] = [];
  const add = (key: string | undefined) => {
    if (key) keys.push(key);
  };
  add(repositoryKey(record.repository, record.subdirectory));
  for (const item of record.packages) add(packageKey(item.registryType, item.identifier));
  for (const remote of record.remotes) add(remoteKey(remote.url));
  const dataset = datasetById(record.source);
  const capture = record.tools && record.tools.length > 0 ? (record.capture ?? 'tools-list') : undefined;
  const note = capture ? CAPTURE_NOTES[capture] : undefined;
  const tools: StoredTool[] = (record.tools ?? []).map((definition) => ({ definition, hash: toolHash(definition), ...(note ? { notes: [note] } : {}) }));
  return {
    source: record.source,
    key: record.key,
    keys,
    name: record.name,
    description: record.description,
    repository: record.repository,
    homepage: record.homepage,
    license: record.license,
    registry: {
      packages: record.packages.map((item) => ({ ...item })),
      remotes: record.remotes.map((remote) => ({ type: remote.type, url: remote.url })),
    },
    tools,
    capture,
    at: record.at,
    provenance: {
      source: record.source,
      name: record.key,
      ...(dataset ? { repository: dataset.repository, license: dataset.license } : {}),
      commit: record.commit,
      path: record.path,
      at: record.at,
      ...(tools.length > 0 ? { tools: tools.length } : {}),
      ...(capture ? { capture } : {}),
    },
    record,
  };
}

/**
 * Leaves out, from each record's keys, those it cannot be merged on: a key its own source uses for
 * several servers (that source cannot say which it means; other sources still merge on it), and the
 * bare root of a repository two or more records name different folders of (a monorepo). Returns how
 * many keys were left out.
 */
function dropAmbiguousKeys(members: Member[]): number {
  const perSource = new Map<string, number>();
  const folders = new Map<string, Set<string>>();
  for (const member of members) {
    for (const key of new Set(member.keys)) {
      const counted = `${member.source}\u0000${key}`;
      perSource.set(counted, (perSource.get(counted) ?? 0) + 1);
      if (key.startsWith('repo:') && key.split('/').length > 3) {
        const root = repositoryRoot(key);
        folders.set(root, (folders.get(root) ?? new Set()).add(key));
      }
    }
  }
  let dropped = 0;
  for (const member of members) {
    const usable = [...new Set(member.keys)].filter((key) => (perSource.get(`${member.source}\u0000${key}`) ?? 0) < 2 && (folders.get(key)?.size ?? 0) < 2);
    dropped += new Set(member.keys).size - usable.length;
    member.keys = usable;
  }
  return dropped;
}

const ownerOf = (repoKey: string) => repoKey.split('/').slice(0, 2).join('/');

/**
 * A record whose repository disagrees with what most records of its package say is wrong about the
 * repository (LiveMCPBench gives the Airbnb server a deep-research repository; the registry, mcpm and
 * ToolSDK agree on openbnb-org): its repository keys are dropped, so it joins its package's server
 * and cannot pull another repository's server in. Without a strict majority (a fork that kept the
 * original's install command, one record each) nothing is dropped. Returns the dropped keys.
 */
function dropDisputedRepositories(members: Member[]): number {
  const byPackage = new Map<string, Member[]>();
  for (const member of members) {
    for (const key of new Set(member.keys)) {
      if (!(key.startsWith('npm:') || key.startsWith('pypi:'))) continue;
      byPackage.set(key, [...(byPackage.get(key) ?? []), member]);
    }
  }
  const disputed = new Set<Member>();
  for (const list of byPackage.values()) {
    const votes = new Map<string, number>();
    for (const member of list) {
      for (const owner of new Set(member.keys.filter((key) => key.startsWith('repo:')).map(ownerOf))) votes.set(owner, (votes.get(owner) ?? 0) + 1);
    }
    const ranked = [...votes.entries()].sort(([, x], [, y]) => y - x);
    if (ranked.length < 2 || ranked[0]![1] === ranked[1]![1]) continue;
    const majority = ranked[0]![0];
    for (const member of list) {
      const own = member.keys.filter((key) => key.startsWith('repo:')).map(ownerOf);
      if (own.length > 0 && !own.includes(majority)) disputed.add(member);
    }
  }
  let dropped = 0;
  for (const member of disputed) {
    const before = member.keys.length;
    member.keys = member.keys.filter((key) => !key.startsWith('repo:'));
    dropped += before - member.keys.length;
  }
  return dropped;
}

/** Groups members that share a usable key, never joining two records of one source. */
function groupMembers(members: Member[], report: MergeReport): Member[][] {
  const parent = members.map((_, index) => index);
  const sources = members.map((member) => new Set([member.source]));
  const repositories = members.map((member) => new Set(member.keys.filter((key) => key.startsWith('repo:'))));
  const find = (index: number): number => {
    while (parent[index] !== index) {
      parent[index] = parent[parent[index]!]!;
      index = parent[index]!;
    }
    return index;
  };
  const byKey = new Map<string, number[]>();
  members.forEach((member, index) => {
    for (const key of new Set(member.keys)) {
      const list = byKey.get(key);
      if (list) list.push(index);
      else byKey.set(key, [index]);
    }
  });
  const owners = (repos: Set<string>) => new Set([...repos].map(ownerOf));
  // Strongest keys first: a package before a repository, a repository before an endpoint.
  for (const key of [...byKey.keys()].sort(compareMergeKeys)) {
    // The records that agree with most others on the repository's owner join first, then those that
    // name none; one that names another owner is then the odd one out, not the one followed.
    const votes = new Map<string, number>();
    for (const index of byKey.get(key)!) for (const owner of owners(repositories[find(index)]!)) votes.set(owner, (votes.get(owner) ?? 0) + 1);
    const majority = [...votes.entries()].sort(([a, x], [b, y]) => y - x || compareCodePoints(a, b))[0]?.[0];
    const standing = (index: number) => {
      const own = owners(repositories[find(index)]!);
      return majority !== undefined && own.has(majority) ? 0 : own.size === 0 ? 1 : 2;
    };
    const indexes = [...byKey.get(key)!].sort((x, y) => standing(x) - standing(y) || x - y);
    for (const index of indexes.slice(1)) {
      const a = find(indexes[0]!);
      const b = find(index);
      if (a === b) continue;
      const shared = [...sources[a]!].filter((source) => sources[b]!.has(source));
      const repoA = repositories[a]!;
      const repoB = repositories[b]!;
      // A package or an endpoint never joins repositories of two owners: a fork that kept the original's
      // install command is another server, and two records are a smaller harm than one server with
      // another's tools. One owner's two repositories are a rename or a move (apify/actors-mcp-server
      // became apify/apify-mcp-server), and the package says they are one server.
      const ownersB = owners(repoB);
      const otherRepositories = repoA.size > 0 && repoB.size > 0 && ![...repoA].some((repo) => repoB.has(repo)) && ![...owners(repoA)].some((owner) => ownersB.has(owner));
      if (shared.length > 0 || otherRepositories) {
        report.keptApart.push({
          key,
          reason:
            shared.length > 0
              ? `${shared.join(', ')} lists them as different servers`
              : `different repositories: ${[[...repoA].sort()[0]!, [...repoB].sort()[0]!].sort().map((repo) => repo.slice(5)).join(' and ')}`,
          members: [members[indexes[0]!]!, members[index]!].map((member) => `${member.source}:${member.key}`),
        });
        continue;
      }
      const [root, child] = a < b ? [a, b] : [b, a];
      parent[child] = root;
      for (const source of sources[child]!) sources[root]!.add(source);
      for (const repo of repositories[child]!) repositories[root]!.add(repo);
    }
  }
  const groups = new Map<number, Member[]>();
  members.forEach((member, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(member);
    else groups.set(root, [member]);
  });
  return [...groups.values()];
}

function compareMembers(a: Member, b: Member): number {
  return sourceRank(a.source) - sourceRank(b.source) || compareCodePoints(a.source, b.source) || compareCodePoints(a.key, b.key);
}

/** The member whose tools the server shows: best capture, then most tools, then the better source. */
function toolProvider(group: readonly Member[]): Member | undefined {
  const withTools = group.filter((member) => member.tools.length > 0 && member.capture);
  withTools.sort(
    (a, b) => CAPTURE_RANK[b.capture!] - CAPTURE_RANK[a.capture!] || b.tools.length - a.tools.length || compareMembers(a, b),
  );
  return withTools[0];
}

const normalizeLicense = (value: string) => value.toLowerCase().replace(/[^a-z0-9.+]/g, '');

function conflictsOf(order: readonly Member[], provider: Member | undefined): Conflict[] {
  const conflicts: Conflict[] = [];
  const check = (field: string, value: (member: Member) => string | undefined, same: (value: string) => string) => {
    const values = order.flatMap((member) => {
      const text = value(member);
      return text === undefined ? [] : [{ source: `${member.source}:${member.key}`, value: text }];
    });
    if (new Set(values.map((entry) => same(entry.value))).size > 1) conflicts.push({ field, values, chosen: values[0]!.value });
  };
  check('repository', (member) => member.repository, (value) => repositoryKey(value) ?? value);
  check('license', (member) => member.license, normalizeLicense);
  const names = (member: Member) => member.tools.map((tool) => tool.definition.name).sort(compareCodePoints).join('\n');
  const withTools = order.filter((member) => member.tools.length > 0);
  if (new Set(withTools.map(names)).size > 1) {
    const first = provider ?? withTools[0]!;
    const listed = [first, ...withTools.filter((member) => member !== first)];
    conflicts.push({
      field: 'tools',
      values: listed.map((member) => ({ source: `${member.source}:${member.key}`, value: `${member.tools.length} tools (${member.capture})` })),
      chosen: `${first.tools.length} tools (${first.capture})`,
    });
  }
  return conflicts;
}

function unionRegistry(order: readonly Member[]): RegistryEntry | undefined {
  const packages = new Map<string, RegistryEntry['packages'][number]>();
  const remotes = new Map<string, RegistryEntry['remotes'][number]>();
  let status: string | undefined;
  for (const member of order) {
    for (const item of member.registry.packages) {
      const key = `${item.registryType}\u0000${item.identifier}\u0000${item.version ?? ''}`;
      if (!packages.has(key)) packages.set(key, item);
    }
    for (const remote of member.registry.remotes) if (!remotes.has(remote.url)) remotes.set(remote.url, remote);
    status ??= member.registry.status;
  }
  if (packages.size === 0 && remotes.size === 0) return undefined;
  const sortedPackages = [...packages.entries()].sort(([a], [b]) => compareCodePoints(a, b)).map(([, item]) => item);
  const sortedRemotes = [...remotes.entries()].sort(([a], [b]) => compareCodePoints(a, b)).map(([, item]) => item);
  return { packages: sortedPackages, remotes: sortedRemotes, ...(status ? { status } : {}) };
}

function buildServer(group: Member[], takenIds: Set<string>, takenIdentities: Set<string>, previous: MergeInput['previous']): Server {
  const provider = toolProvider(group);
  const ranked = [...group].sort(compareMembers);
  const order = provider ? [provider, ...ranked.filter((member) => member !== provider)] : ranked;
  const keys = [...new Set(group.flatMap((member) => member.keys))].sort(compareKeys);
  const primary = order[0]!;
  // The crawler's records keep their ids (and URLs); the best of them is the base of the record.
  const base = [...group].filter((member) => member.collected).sort((a, b) => (a === provider ? -1 : b === provider ? 1 : compareMembers(a, b)))[0]?.collected;
  let id = base?.id;
  // Two groups share a key only when the merge kept them apart (one source lists both); the group
  // made first keeps the key, the other is known by its own source's key.
  const identity = keys.find((key) => !takenIdentities.has(key)) ?? `source:${primary.source}/${primary.key}`;
  takenIdentities.add(identity);
  if (!id) {
    id = serverIdFromKey(identity);
    if (takenIds.has(id)) id = serverIdFromKey(`source:${primary.source}/${primary.key}`);
  }
  takenIds.add(id);

  const fields = new Map<Member, string[]>();
  const take = <T>(field: string, value: (member: Member) => T | undefined): T | undefined => {
    for (const member of order) {
      const found = value(member);
      if (found !== undefined && found !== '') {
        fields.set(member, [...(fields.get(member) ?? []), field]);
        return found;
      }
    }
    return undefined;
  };
  if (provider) fields.set(provider, ['tools']);
  const description = take('description', (member) => member.description);
  const repository = take('repository', (member) => member.repository);
  const homepage = take('homepage', (member) => member.homepage);
  const license = take('license', (member) => member.license);
  const registry = unionRegistry(order);
  for (const member of order) if (member.registry.packages.length + member.registry.remotes.length > 0) fields.set(member, [...(fields.get(member) ?? []), 'packages']);
  const displayName = base ? base.displayName : primary.name;

  const tools = provider?.tools ?? base?.tools ?? [];
  const at = provider?.at ?? primary.at;
  let crawl: Server['crawl'];
  let history: Server['history'];
  if (provider?.collected) {
    crawl = provider.collected.crawl;
    history = provider.collected.history;
  } else {
    crawl = provider ? { status: 'imported', ...(at ? { at } : {}) } : base ? base.crawl : { status: 'listed', ...(at ? { at } : {}) };
    const before = previous?.(id);
    const earlier = before?.history ?? base?.history ?? [];
    const changes = before && at ? diffTools(before.tools, tools, at) : [];
    history = [...earlier, ...changes];
  }

  const dataset = datasetById(primary.source);
  const source: Server['source'] =
    base && (!provider || provider.collected)
      ? base.source
      : {
          kind: 'import',
          file: primary.record?.path ?? primary.key,
          dataset: primary.source,
          ...(dataset && primary.record ? { origin: `${dataset.repository}@${primary.record.commit} ${primary.record.path}`, license: dataset.license } : {}),
          ...(provider?.capture && provider.capture !== 'live' ? { capture: provider.capture } : {}),
        };
  const attributions = [...new Set(order.flatMap((member) => {
    const known = datasetById(member.source);
    return known ? [`${known.title} (${known.repository}), ${known.license}, ${known.copyright}.`] : member.collected?.attribution ? [member.collected.attribution] : [];
  }))];
  const conflicts = conflictsOf(order, provider);
  return {
    ...(base ?? {}),
    id,
    name: base?.name ?? identity.slice(identity.indexOf(':') + 1),
    displayName,
    ...(description !== undefined ? { description } : {}),
    ...(repository !== undefined ? { repository } : {}),
    ...(homepage !== undefined ? { homepage } : {}),
    ...(license !== undefined ? { license } : {}),
    ...(attributions.length > 0 ? { attribution: attributions.join(' ') } : {}),
    ...(registry ? { registry } : {}),
    source,
    crawl,
    identity,
    sources: order.map((member) => ({ ...member.provenance, fields: (fields.get(member) ?? []).sort(compareCodePoints) })),
    ...(conflicts.length > 0 ? { conflicts } : {}),
    tools,
    history,
  };
}

/** Every server of the catalog from what was collected and what the open datasets say. */
export function mergeSources(input: MergeInput): { servers: Server[]; report: MergeReport } {
  const members = [...input.collected.map(memberOfCollected), ...input.records.map(memberOfRecord)].sort(
    (a, b) => compareCodePoints(a.source, b.source) || compareCodePoints(a.key, b.key),
  );
  const report: MergeReport = { ambiguousKeys: 0, disputedRepositories: 0, keptApart: [] };
  report.ambiguousKeys = dropAmbiguousKeys(members);
  report.disputedRepositories = dropDisputedRepositories(members);
  const groups = groupMembers(members, report);
  // Groups that hold a collected record go first, so an open dataset can never take a crawled server's id.
  groups.sort((a, b) => {
    const collectedA = a.some((member) => member.collected) ? 0 : 1;
    const collectedB = b.some((member) => member.collected) ? 0 : 1;
    return collectedA - collectedB || compareMembers([...a].sort(compareMembers)[0]!, [...b].sort(compareMembers)[0]!);
  });
  const takenIds = new Set<string>(input.collected.map((server) => server.id));
  const takenIdentities = new Set<string>();
  const servers = groups.map((group) => normalizeServer(buildServer(group, takenIds, takenIdentities, input.previous)));
  servers.sort((a, b) => compareCodePoints(a.id, b.id));
  return { servers, report };
}
