// The official MCP registry's server.json, the shape two datasets publish: the registry's own seed
// (mcp-registry, the first revision of 2025-05: `registry_name`/`name`, `environment_variables`,
// `version_detail`) and mirrors of the registry's API (teamspark, 2025-07 onwards: `registryType`/
// `identifier`, `environmentVariables`, `repository.subfolder`, `{server, _meta}`). One reader for both
// revisions turns a document into a source record: the registry lists servers, not tools.
import { HttpUrl, SourceRecord, type SourcePackage } from '../../schema';
import { packageKey } from '../../store/identity';
import type { ImportedRecord } from '../source-importer';
import { excerpt } from '../source-importer';
import { FieldReader, isObject, uniqueSorted } from './snapshot-files';

/** The registry's own facts about an entry, from `_meta["io.modelcontextprotocol.registry/official"]`. */
export type OfficialMeta = { status?: string; publishedAt?: string; updatedAt?: string; isLatest?: boolean };

export const OFFICIAL_META = 'io.modelcontextprotocol.registry/official';

/** Reads the official block of a listed entry's `_meta`; anything unexpected is left out. */
export function officialMeta(meta: unknown): OfficialMeta {
  const official = isObject(meta) ? meta[OFFICIAL_META] : undefined;
  if (!isObject(official)) return {};
  const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);
  const result: OfficialMeta = {};
  const status = text(official['status']);
  const publishedAt = text(official['publishedAt']);
  const updatedAt = text(official['updatedAt']);
  if (status) result.status = status;
  if (publishedAt) result.publishedAt = publishedAt;
  if (updatedAt) result.updatedAt = updatedAt;
  if (typeof official['isLatest'] === 'boolean') result.isLatest = official['isLatest'];
  return result;
}

/** Package registries the identity keys know; a name that is not valid there, or a runner, is no identity. */
const KEYED_REGISTRIES = new Set(['npm', 'pypi', 'oci']);
/** Seed entries name packages whose registry the seed's authors could not tell: no identity. */
const NO_REGISTRY = new Set(['', 'unknown']);
/** A container image reference with a namespace (`owner/image[:tag]`, optionally on a registry host). */
const NAMESPACED_IMAGE = /^(?:[a-z0-9.-]+(?::\d+)?\/)?[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._/-]*(?::[\w.-]+)?(?:@sha256:[0-9a-f]{64})?$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', '[::1]', 'host.docker.internal']);

/**
 * The seed's docker packages often name the npm package or the repository instead of the image; the
 * image is the `docker run` positional argument. Only a namespaced reference is taken: a bare name is
 * a local `docker build -t` tag and would join unrelated servers.
 */
function seedDockerImage(item: Record<string, unknown>, name: string | undefined): string | undefined {
  const positional = (Array.isArray(item['package_arguments']) ? item['package_arguments'] : [])
    .filter((argument): argument is Record<string, unknown> => isObject(argument) && argument['type'] === 'positional')
    .map((argument) => argument['value'] ?? argument['default'])
    .filter((value): value is string => typeof value === 'string');
  return [...positional, ...(name ? [name] : [])].find((value) => NAMESPACED_IMAGE.test(value));
}

function packagesOf(raw: unknown[], fields: FieldReader): { packages: SourcePackage[]; env: string[] } {
  const packages: SourcePackage[] = [];
  const env: string[] = [];
  raw.forEach((item, index) => {
    const field = `packages.${index}`;
    if (!isObject(item)) {
      fields.problem(field, `expected an object (value ${excerpt(item)}); package dropped`);
      return;
    }
    for (const variable of fields.list(item['environmentVariables'] ?? item['environment_variables'], `${field}.environmentVariables`)) {
      const name = isObject(variable) ? fields.text(variable['name'], `${field}.environmentVariables.name`) : undefined;
      if (name) env.push(name);
    }
    const seed = item['registryType'] === undefined && item['registry_name'] !== undefined;
    let type = (fields.text(item['registryType'] ?? item['registry_name'], `${field}.registryType`) ?? '').toLowerCase();
    let identifier = fields.text(item['identifier'] ?? item['name'], `${field}.identifier`);
    const version = fields.text(item['version'], `${field}.version`);
    if (NO_REGISTRY.has(type)) return;
    if (type === 'docker') type = 'oci';
    if (seed && type === 'oci') {
      const image = seedDockerImage(item, identifier);
      if (!image) {
        fields.problem(field, `docker package ${excerpt(identifier)} names no image reference (owner/image) in its name or arguments; package dropped`);
        return;
      }
      identifier = image;
    }
    if (!identifier) {
      fields.problem(field, 'a package without an identifier; package dropped');
      return;
    }
    // packageKey() reads past a version suffix; server.json gives the version apart, so the whole identifier must be the name.
    if (KEYED_REGISTRIES.has(type) && (/\s/.test(identifier) || !packageKey(type, identifier))) {
      fields.problem(field, `${excerpt(identifier)} is not a valid ${type} package name, or is a runner such as mcp-remote; package dropped`);
      return;
    }
    packages.push({ registryType: type, identifier, ...(version ? { version } : {}) });
  });
  return { packages, env };
}

function remotesOf(raw: unknown[], fields: FieldReader): ImportedRecord['remotes'] {
  const remotes: NonNullable<ImportedRecord['remotes']> = [];
  raw.forEach((item, index) => {
    const field = `remotes.${index}`;
    if (!isObject(item)) {
      fields.problem(field, `expected an object (value ${excerpt(item)}); remote dropped`);
      return;
    }
    const url = fields.text(item['url'], `${field}.url`);
    if (!url) return;
    // A URL template (`https://{tenant}.example.com/mcp`) is a form to fill in, not an endpoint.
    if (/[{}]/.test(url)) return;
    let host: string | undefined;
    try {
      host = new URL(url).hostname.toLowerCase();
    } catch {
      host = undefined;
    }
    if (host && LOCAL_HOSTS.has(host)) {
      fields.problem(`${field}.url`, `${excerpt(url)} is the server's own local address, not a remote endpoint; remote dropped`);
      return;
    }
    const given = fields.text(item['type'] ?? item['transport_type'], `${field}.type`);
    const type = given ?? (/\/sse\/?$/.test(url.split('?')[0]!) ? 'sse' : 'streamable-http');
    remotes.push({ type, url });
  });
  return remotes;
}

/** `at` only when it is a date the schema accepts; a bad one is a problem, and the commit's date is used. */
function dateOf(value: string | undefined, field: string, fields: FieldReader): string | undefined {
  if (!value) return undefined;
  if (SourceRecord.shape.at.safeParse(value).success) return value;
  fields.problem(field, `not an ISO 8601 date (value ${excerpt(value)}); the snapshot's date is used`);
  return undefined;
}

export type ServerJsonResult = { record?: ImportedRecord; problems: string[] };

/**
 * The source record of one server.json document. `where` names the dataset and file (and the entry's
 * position in it); `official` is the registry's `_meta` for listed entries. Without a name there is no
 * record: the name is the registry's key.
 */
export function serverJsonRecord(document: unknown, where: string, filePath: string, official: OfficialMeta = {}): ServerJsonResult {
  const fields = new FieldReader(where);
  if (!isObject(document)) {
    fields.problem('(record)', `expected a server.json object (value ${excerpt(document)}); skipped`);
    return { problems: fields.problems };
  }
  const key = fields.text(document['name'], 'name');
  if (!key) {
    fields.problem('name', 'no server name, which is the registry\'s key; skipped');
    return { problems: fields.problems };
  }
  fields.where = `${where}, server ${excerpt(key, 200)}`;
  const title = fields.text(document['title'], 'title');
  const description = fields.text(document['description'], 'description');
  const repository = fields.object(document['repository'], 'repository');
  const repositoryUrl = fields.text(repository['url'], 'repository.url');
  const subdirectory = fields.text(repository['subfolder'], 'repository.subfolder');
  const homepage = fields.text(document['websiteUrl'], 'websiteUrl');
  const { packages, env } = packagesOf(fields.list(document['packages'], 'packages'), fields);
  const remotes = remotesOf(fields.list(document['remotes'], 'remotes'), fields);
  const versionDetail = fields.object(document['version_detail'], 'version_detail');
  const at =
    dateOf(official.updatedAt ?? official.publishedAt, '_meta.updatedAt', fields) ??
    dateOf(fields.text(versionDetail['release_date'], 'version_detail.release_date'), 'version_detail.release_date', fields);
  const record: ImportedRecord = {
    key,
    path: filePath,
    name: title ?? key,
    ...(description ? { description } : {}),
    ...(repositoryUrl ? { repository: repositoryUrl } : {}),
    ...(repositoryUrl && subdirectory && HttpUrl.safeParse(repositoryUrl).success ? { subdirectory } : {}),
    ...(homepage ? { homepage } : {}),
    packages,
    remotes,
    env: uniqueSorted(env),
    ...(at ? { at } : {}),
  };
  return { record, problems: fields.problems };
}

/**
 * One entry per server name from a listing of every published version: the one the registry marks
 * latest, else the most recently published, else the last listed.
 */
export function latestEntries<T extends { name: string; official: OfficialMeta }>(entries: readonly T[]): T[] {
  const byName = new Map<string, T>();
  const rank = (entry: T) => [entry.official.isLatest === true ? 1 : 0, entry.official.publishedAt ?? ''] as const;
  for (const entry of entries) {
    const previous = byName.get(entry.name);
    if (!previous) {
      byName.set(entry.name, entry);
      continue;
    }
    const [latest, published] = rank(entry);
    const [previousLatest, previousPublished] = rank(previous);
    if (latest > previousLatest || (latest === previousLatest && published >= previousPublished)) byName.set(entry.name, entry);
  }
  return [...byName.values()];
}
