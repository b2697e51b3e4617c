// Source 3: the official MCP registry. Enumerates `GET /v0.1/servers?limit=&cursor=` page by page,
// turns each entry (a server.json document) into a catalog record with no tools ("listed"), and says
// which npm packages and remotes the other two crawlers should visit.
import { z } from 'zod';
import type { RegistryEntry, Server } from '../schema';
import { RegistryRemote } from '../schema';
import { serverId } from '../lib/ids';
import { httpLink } from './record';
import type { CrawlTarget } from './targets';
import type { RemoteTarget } from './crawl-remote';

export const DEFAULT_REGISTRY_URL = 'https://registry.modelcontextprotocol.io';

const Named = z.looseObject({ name: z.string().optional() });
const Argument = z.looseObject({ type: z.string().optional(), name: z.string().optional(), value: z.string().optional(), default: z.string().optional() });
const Package = z.looseObject({
  registryType: z.string(),
  identifier: z.string(),
  version: z.string().optional(),
  transport: z.looseObject({ type: z.string().optional() }).optional(),
  environmentVariables: z.array(Named.extend({ default: z.string().optional(), value: z.string().optional() })).optional(),
  packageArguments: z.array(Argument).optional(),
});
const Remote = z.looseObject({ type: z.string(), url: z.string(), headers: z.array(Named).optional() });

/** A server.json document as the registry serves it; everything the crawler does not use is ignored. */
export const RegistryServer = z.looseObject({
  name: z.string().min(1),
  title: z.string().optional(),
  description: z.string().optional(),
  version: z.string().optional(),
  websiteUrl: z.string().optional(),
  repository: z.looseObject({ url: z.string().optional() }).optional(),
  packages: z.array(Package).optional(),
  remotes: z.array(Remote).optional(),
});
export type RegistryServer = z.infer<typeof RegistryServer>;

const Official = z.looseObject({
  status: z.string().optional(),
  publishedAt: z.string().optional(),
  updatedAt: z.string().optional(),
  isLatest: z.boolean().optional(),
});
/** v0.1 wraps each document as `{server, _meta}`; the registry's own facts live under `_meta`. */
const ListedEntry = z.looseObject({ server: RegistryServer, _meta: z.record(z.string(), z.unknown()).optional() });
const ServerList = z.looseObject({
  servers: z.array(z.unknown()),
  metadata: z.looseObject({ nextCursor: z.string().nullish(), count: z.number().optional() }).optional(),
});

export type RegistryListing = { server: RegistryServer; official?: z.infer<typeof Official> };

export type ListOptions = {
  limit?: number;
  /** Stops after this many pages (a registry has ~17k entries; a test or a sample needs fewer). */
  maxPages?: number;
  fetch?: typeof fetch;
  /** Entries the registry sent that could not be read, one line each. */
  onInvalid?: (line: string) => void;
};

/** Every entry of the registry, page by page, following `metadata.nextCursor`. */
export async function* listRegistryServers(registryUrl: string, options: ListOptions = {}): AsyncGenerator<RegistryListing> {
  const doFetch = options.fetch ?? fetch;
  const limit = options.limit ?? 100;
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; options.maxPages === undefined || page < options.maxPages; page += 1) {
    // Joined, not resolved: a registry may live under a path prefix.
    const url = new URL(`${registryUrl.replace(/\/+$/, '')}/v0.1/servers`);
    url.searchParams.set('limit', String(limit));
    if (cursor !== undefined) url.searchParams.set('cursor', cursor);
    const response = await doFetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url.href}: HTTP ${response.status}`);
    const body = ServerList.safeParse(await response.json());
    if (!body.success) throw new Error(`${url.href}: not a server list (${body.error.issues[0]?.message ?? 'invalid'})`);
    for (const [index, raw] of body.data.servers.entries()) {
      const entry = ListedEntry.safeParse(raw);
      if (!entry.success) {
        options.onInvalid?.(`${url.href} servers[${index}]: ${entry.error.issues[0]?.path.join('.')}: ${entry.error.issues[0]?.message}`);
        continue;
      }
      const official = Official.safeParse(entry.data._meta?.['io.modelcontextprotocol.registry/official']);
      yield { server: entry.data.server, ...(official.success ? { official: official.data } : {}) };
    }
    const next = body.data.metadata?.nextCursor;
    if (!next || seen.has(next)) return;
    seen.add(next);
    cursor = next;
  }
}

/** The catalog record of a registry entry: its metadata and where it can be had, no tools yet. */
export function registryRecord(listing: RegistryListing, registryUrl: string, at: string): Server {
  const { server, official } = listing;
  const registry: RegistryEntry = {
    packages: (server.packages ?? []).map((item) => ({
      registryType: item.registryType,
      identifier: item.identifier,
      ...(item.version ? { version: item.version } : {}),
      ...(item.transport?.type ? { transport: item.transport.type } : {}),
      ...(item.environmentVariables?.length ? { environmentVariables: item.environmentVariables.map((env) => env.name).filter((name): name is string => !!name) } : {}),
    })),
    remotes: (server.remotes ?? [])
      .map((remote) => ({ type: remote.type, url: remote.url, ...(remote.headers?.length ? { headers: remote.headers.map((h) => h.name).filter((name): name is string => !!name) } : {}) }))
      .filter((remote) => RegistryRemote.safeParse(remote).success),
    ...(official?.status ? { status: official.status } : {}),
    ...(official?.publishedAt ? { publishedAt: official.publishedAt } : {}),
    ...(official?.updatedAt ? { updatedAt: official.updatedAt } : {}),
  };
  const repository = httpLink(server.repository?.url);
  const homepage = httpLink(server.websiteUrl);
  return {
    id: serverId({ kind: 'registry', name: server.name }),
    name: server.name,
    displayName: server.title?.trim() || server.name,
    ...(server.description ? { description: server.description } : {}),
    source: { kind: 'registry', registryName: server.name, ...(server.version ? { version: server.version } : {}), registryUrl },
    ...(repository ? { repository } : {}),
    ...(homepage ? { homepage } : {}),
    registry,
    crawl: { status: 'listed', at },
    tools: [],
    history: [],
  };
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The npm packages of an entry that speak stdio, as stdio crawl targets with dummy values. */
export function npmTargetsOf(server: RegistryServer): CrawlTarget[] {
  return (server.packages ?? [])
    .filter((item) => item.registryType === 'npm' && (item.transport?.type ?? 'stdio') === 'stdio')
    .map((item) => {
      const args: string[] = [];
      for (const argument of item.packageArguments ?? []) {
        const value = argument.value ?? argument.default;
        if (argument.type === 'positional' && value !== undefined) args.push(value);
        else if (argument.type === 'named' && argument.name) args.push(value !== undefined ? `${argument.name}=${value}` : argument.name);
      }
      const env: Record<string, string> = {};
      for (const variable of item.environmentVariables ?? []) {
        if (variable.name && ENV_NAME.test(variable.name)) env[variable.name] = variable.value ?? variable.default ?? 'DUMMY';
      }
      return { package: item.identifier, ...(item.version ? { version: item.version } : {}), args, env, files: [], allowInstallScripts: false };
    });
}

/** The remotes of an entry the remote crawler can visit (URL templates like `{tenant}` cannot be). */
export function remoteTargetsOf(server: RegistryServer): RemoteTarget[] {
  return (server.remotes ?? [])
    .filter((remote) => (remote.type === 'streamable-http' || remote.type === 'sse') && !/[{}]/.test(remote.url) && /^https?:\/\//.test(remote.url))
    .map((remote) => ({ url: remote.url }));
}

/**
 * One listing per server name: the registry lists every published version of a server, and the
 * catalog keeps one record per name, from the version marked latest (else the last one listed).
 */
export function latestListings(listings: readonly RegistryListing[]): RegistryListing[] {
  const byName = new Map<string, RegistryListing>();
  for (const listing of listings) {
    const previous = byName.get(listing.server.name);
    if (!previous || previous.official?.isLatest !== true || listing.official?.isLatest === true) byName.set(listing.server.name, listing);
  }
  return [...byName.values()];
}
