// From a config entry to the catalog's servers, through a small static lookup (/scan/lookup.json):
// package, image, endpoint and registry keys -> server ids, built at build time from the records'
// sources. Keys are the merge's own (npm:, pypi:, oci:, remote:), so a config finds the server its
// package was merged into. The lookup holds ids and keys only; the page fetches a matched server's
// /servers/<id>.json afterwards.
import { compareCodePoints } from '../lib/canonical-json';
import { launchOf } from '../lib/launch';
import { packageKey } from '../lib/packages';
import type { Server } from '../schema';
import { remoteKey } from '../store/identity';
import type { ConfigEntry, EntryMatch, MatchedBy, ScanLookup } from './types';

/** Datasets whose names are the official registry's reverse-DNS names (`io.github.owner/server`). */
const REGISTRY_NAMED = new Set(['mcp-registry', 'teamspark']);
const REGISTRY_NAME = /^[a-z0-9-]+(\.[a-z0-9-]+)+\/[A-Za-z0-9._-]+$/i;

const kindOf = (key: string): MatchedBy =>
  key.startsWith('oci:') ? 'image' : key.startsWith('remote:') ? 'url' : key.startsWith('registry:') ? 'registry' : 'package';

/** Every key a config could reach this server by, with the version the catalog's tools come from where a source says. */
export function serverLookupKeys(server: Server): { key: string; version?: string }[] {
  const keys = new Map<string, string | undefined>();
  const add = (key: string | undefined, version?: string) => {
    if (key === undefined) return;
    if (!keys.has(key) || (keys.get(key) === undefined && version !== undefined)) keys.set(key, version);
  };
  const source = server.source;
  // The crawled source's version is the one the tools were listed from.
  if (source.kind === 'npm' || source.kind === 'pypi') add(packageKey(source.kind, source.package), source.version);
  if (source.kind === 'remote') add(remoteKey(source.url));
  if (source.kind === 'registry') add(`registry:${source.registryName.toLowerCase()}`, source.version);
  for (const item of server.registry?.packages ?? []) {
    const type = item.registryType.toLowerCase();
    if (type === 'npm' || type === 'pypi' || type === 'oci') add(packageKey(type, item.identifier));
  }
  for (const remote of server.registry?.remotes ?? []) add(remoteKey(remote.url));
  for (const provenance of server.sources ?? []) {
    if (REGISTRY_NAMED.has(provenance.source) && REGISTRY_NAME.test(provenance.name)) add(`registry:${provenance.name.toLowerCase()}`);
  }
  if (server.launch) {
    const launched = launchOf(server.launch.command, server.launch.args);
    if (launched.package) add(packageKey(launched.package.registryType, launched.package.identifier));
    if (launched.endpoint) add(remoteKey(launched.endpoint.url));
  }
  return [...keys].map(([key, version]) => (version !== undefined ? { key, version } : { key })).sort((a, b) => compareCodePoints(a.key, b.key));
}

/** Builds the lookup one server at a time (the post-build step streams the dataset through it). */
export class ScanLookupBuilder {
  private readonly servers = new Map<string, { tools: number; keys: { key: string; version?: string }[] }>();

  add(server: Server): void {
    const keys = serverLookupKeys(server);
    if (keys.length > 0) this.servers.set(server.id, { tools: server.tools.length, keys });
  }

  /** Sorted ids, sorted keys, ascending indexes: the same data gives the same bytes. */
  build(): ScanLookup {
    const ids = [...this.servers.keys()].sort(compareCodePoints);
    const keys = new Map<string, number[]>();
    const versions: ScanLookup['versions'] = {};
    ids.forEach((id, index) => {
      for (const { key, version } of this.servers.get(id)?.keys ?? []) {
        const list = keys.get(key);
        if (list) list.push(index);
        else keys.set(key, [index]);
        if (version !== undefined) (versions[String(index)] ??= {})[key] = version;
      }
    });
    return {
      version: 1,
      ids,
      tools: ids.map((id) => this.servers.get(id)?.tools ?? 0),
      keys: Object.fromEntries([...keys.keys()].sort(compareCodePoints).map((key) => [key, keys.get(key) as number[]])),
      versions,
    };
  }
}

/** The ids a key names (none for a key the lookup lacks, `__proto__` included). */
export function lookupIds(lookup: ScanLookup, key: string): { id: string; index: number }[] {
  const indexes = Object.hasOwn(lookup.keys, key) ? lookup.keys[key] : undefined;
  if (!Array.isArray(indexes)) return [];
  return indexes.filter((index) => typeof lookup.ids[index] === 'string').map((index) => ({ id: lookup.ids[index] as string, index }));
}

export function buildLookup(servers: Iterable<Server>): ScanLookup {
  const builder = new ScanLookupBuilder();
  for (const server of servers) builder.add(server);
  return builder.build();
}

/** The keys an entry can match on, strongest first: its package or image, its endpoint, a registry name used as its key. */
export function entryKeys(entry: ConfigEntry): { key: string; by: MatchedBy }[] {
  const keys: { key: string; by: MatchedBy }[] = [];
  const push = (key: string | undefined) => {
    if (key !== undefined && !keys.some((item) => item.key === key)) keys.push({ key, by: kindOf(key) });
  };
  if (entry.package) push(packageKey(entry.package.registryType, entry.package.identifier));
  if (entry.url) push(remoteKey(entry.url));
  // A server added from the official registry is often keyed by its reverse-DNS name (`io.github.owner/name`).
  if (REGISTRY_NAME.test(entry.key)) push(`registry:${entry.key.toLowerCase()}`);
  return keys;
}

/** A word for a POSIX shell (as src/site/links.ts quotes), for commands people copy. */
function shellWord(value: string): string {
  return /^[A-Za-z0-9@%+=:,./_~-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** How to add an entry the catalog does not have (docs/crawler.md), or undefined when no crawler source fits. */
export function crawlCommand(entry: ConfigEntry): string | undefined {
  const item = entry.package;
  if (item?.registryType === 'npm') return `npm run crawl -- --source npm --only ${shellWord(item.identifier)}`;
  if (item?.registryType === 'pypi') return `npm run crawl -- --source pypi --only ${shellWord(item.identifier)}`;
  if (entry.url) {
    const headers = entry.headers.map((name) => ` --header ${shellWord(`${name}: …`)}`).join('');
    return `npm run crawl -- --source remote --url ${shellWord(entry.url)}${headers}`;
  }
  return undefined;
}

const bare = (version: string) => version.replace(/^v/i, '');

/** Which catalog server an entry is, how it was found, and what the page should say about it. */
export function matchEntry(entry: ConfigEntry, lookup: ScanLookup): EntryMatch {
  const keys = entryKeys(entry);
  const candidates: { id: string; index: number; key: string; by: MatchedBy; rank: number; tools: number }[] = [];
  keys.forEach(({ key, by }, rank) => {
    for (const { id, index } of lookupIds(lookup, key)) {
      if (!candidates.some((candidate) => candidate.id === id)) candidates.push({ id, index, key, by, rank, tools: lookup.tools[index] ?? 0 });
    }
  });
  const ids = candidates.map((candidate) => candidate.id).sort(compareCodePoints);
  const best = [...candidates].sort(
    (a, b) => Number(b.tools > 0) - Number(a.tools > 0) || a.rank - b.rank || b.tools - a.tools || compareCodePoints(a.id, b.id),
  )[0];
  const crawl = crawlCommand(entry);
  if (!best) {
    const what = keys[0] ? `${keys[0].key.replace(/^[a-z]+:/, '')}` : undefined;
    const note = what
      ? `Not in the catalog: no server record has ${what}.`
      : entry.command !== undefined
        ? 'Not in the catalog: the command runs no published package or known endpoint (local code, a script or a runner the catalog cannot follow).'
        : 'Not in the catalog: the entry names no package or endpoint.';
    return {
      status: 'unmatched',
      candidates: [],
      ...(crawl ? { crawl } : {}),
      note: crawl ? `${note} Crawl it with the command below.` : `${note} ${entry.package?.registryType === 'oci' ? 'The crawler does not start container images; crawl the npm or PyPI package or the endpoint the image serves.' : 'Save its tools/list answer and import it: npm run crawl -- --source import <dump.json>.'}`,
    };
  }
  const versions = Object.hasOwn(lookup.versions, String(best.index)) ? lookup.versions[String(best.index)] : undefined;
  const crawled = versions && Object.hasOwn(versions, best.key) ? versions[best.key] : undefined;
  const pinned = entry.package?.version;
  const versionNote =
    pinned !== undefined && crawled !== undefined && bare(pinned) !== bare(crawled)
      ? `The config pins version ${pinned}; the catalog's tools were collected from version ${crawled}.`
      : undefined;
  const how = best.by === 'url' ? 'endpoint' : best.by === 'image' ? 'container image' : best.by === 'registry' ? 'registry name' : 'package';
  const others = ids.length > 1 ? ` ${ids.length - 1} other record${ids.length === 2 ? '' : 's'} share${ids.length === 2 ? 's' : ''} it.` : '';
  if (best.tools === 0) {
    return {
      status: 'no-tools',
      by: best.by,
      key: best.key,
      server: best.id,
      candidates: ids,
      ...(versionNote ? { versionNote } : {}),
      ...(crawl ? { crawl } : {}),
      note: `Known to the catalog by its ${how}, but its tools were never collected.${others}${crawl ? ' Crawl it with the command below.' : ''}`,
    };
  }
  return {
    status: 'matched',
    by: best.by,
    key: best.key,
    server: best.id,
    candidates: ids,
    ...(versionNote ? { versionNote } : {}),
    note: `Matched by its ${how}.${others}`,
  };
}
