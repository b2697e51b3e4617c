// Importer for the ToolSDK MCP registry (toolsdk-ai/toolsdk-mcp-registry): one JSON config per server
// under packages/<category>/, and indexes/packages-list.json, where ToolSDK's own test run saved the
// name and description of every tool a server listed. The parameters were not kept: 'names-only'.
import { compareCodePoints } from '../../lib/canonical-json';
import type { SourcePackage } from '../../schema';
import { normalizePypiName, packageKey, repositoryKey, repositoryRoot } from '../../store/identity';
import type { ImportedItem, ImportedRecord, Snapshot, SourceImporter } from '../source-importer';
import { excerpt } from '../source-importer';
import { FieldReader, isObject, listFiles, readJson, uniqueSorted } from './snapshot-files';

const DATASET = 'toolsdk';
const INDEX = 'indexes/packages-list.json';

/** What indexes/packages-list.json says of one config file (by its path under packages/). */
type IndexEntry = { key: string; validated: boolean; tools: unknown };

/** One config file that names a server. */
type Config = { file: string; raw: Record<string, unknown>; key: string };

/** Licenses as ToolSDK writes them when there is none to state (GitHub's "no license found" and "other"). */
const NO_LICENSE = new Set(['unknown', 'other', 'none', 'noassertion']);

/** The registry a runtime's `packageName` belongs to; go and java configs name no registry package. */
const RUNTIME_REGISTRY: Record<string, string> = { node: 'npm', python: 'pypi', docker: 'oci' };

/** Placeholder package names ToolSDK gives servers it reaches only through `remotes`. */
const REMOTE_PLACEHOLDER = /^@toolsdk-remote\//;

function readIndex(dir: string): { byPath: Map<string, IndexEntry>; errors: string[] } {
  const byPath = new Map<string, IndexEntry>();
  const parsed = readJson(dir, INDEX);
  if ('error' in parsed) return { byPath, errors: [`${DATASET} ${parsed.error}; no tools are imported`] };
  if (!isObject(parsed.value)) return { byPath, errors: [`${DATASET} ${INDEX}: expected an object of packages (value ${excerpt(parsed.value)}); no tools are imported`] };
  const errors: string[] = [];
  for (const key of Object.keys(parsed.value).sort(compareCodePoints)) {
    const entry = parsed.value[key];
    if (!isObject(entry) || typeof entry['path'] !== 'string') {
      errors.push(`${DATASET} ${INDEX}, server ${excerpt(key)}, field path: expected the config's path (value ${excerpt(entry)}); entry skipped`);
      continue;
    }
    byPath.set(`packages/${entry['path']}`, { key, validated: entry['validated'] === true, tools: entry['tools'] });
  }
  return { byPath, errors };
}

/** Names written alike by npm and PyPI (`Foo_Bar.baz` = `foo-bar-baz`). */
const sameName = (a: string, b: string) => normalizePypiName(a) === normalizePypiName(b);

/**
 * The package the config names, when the data shows it is one. About two thirds of the configs were
 * bulk-added with a `packageName` made from the server's title (`dify`, `replicate`, `openai`), which on
 * npm or PyPI is often somebody else's package; taking those would merge unrelated servers. A name is
 * taken when ToolSDK installed it from the registry and listed its tools (`validated` in the index), when
 * it is a scoped npm name (never made from a title), or when it is the repository's or the monorepo
 * folder's name, which is how packages are usually named.
 */
function packageOf(config: Config, fields: FieldReader, validated: boolean, repository: string | undefined): SourcePackage[] {
  const runtime = fields.text(config.raw['runtime'], 'runtime');
  const registryType = runtime ? RUNTIME_REGISTRY[runtime] : undefined;
  const identifier = fields.text(config.raw['packageName'], 'packageName');
  if (!registryType || !identifier || REMOTE_PLACEHOLDER.test(identifier) || !packageKey(registryType, identifier)) return [];
  const version = fields.text(config.raw['packageVersion'], 'packageVersion');
  const item: SourcePackage = { registryType, identifier, ...(version && version !== 'latest' ? { version } : {}) };
  if (registryType === 'oci' || validated || (registryType === 'npm' && identifier.startsWith('@'))) return [item];
  const parts = repositoryKey(repository)?.split('/') ?? [];
  const names = [parts[2], parts.length > 3 ? parts[parts.length - 1] : undefined].filter((name): name is string => !!name);
  return names.some((name) => sameName(name, identifier)) ? [item] : [];
}

/** A forge URL is the repository; any other web address is the homepage; a non-web value is left for the schema to reject as the repository. */
function linksOf(url: string | undefined): Pick<ImportedRecord, 'repository' | 'homepage'> {
  if (!url) return {};
  if (repositoryKey(url)) return { repository: url };
  try {
    const protocol = new URL(url).protocol;
    if (protocol === 'https:' || protocol === 'http:') return { homepage: url };
  } catch {
    // not a URL at all
  }
  return { repository: url };
}

/** The tools ToolSDK listed for a config, as MCP tools with unknown parameters. */
function toolsOf(raw: unknown, fields: FieldReader): unknown[] {
  if (raw === undefined || raw === null) return [];
  if (!isObject(raw)) {
    fields.problem(`${INDEX} tools`, `expected an object of tools (value ${excerpt(raw)}); no tools`);
    return [];
  }
  return Object.keys(raw)
    .sort(compareCodePoints)
    .flatMap((toolKey) => {
      const tool = raw[toolKey];
      if (!isObject(tool)) {
        fields.problem(`tools (${INDEX}) ${excerpt(toolKey)}`, `expected {name, description} (value ${excerpt(tool)}); tool skipped`);
        return [];
      }
      // ToolSDK writes "" for a tool without a description. Other values go on as they are, so the
      // runner names the tool and the field when one is not text.
      const description = typeof tool['description'] === 'string' && tool['description'].trim() === '' ? undefined : tool['description'];
      return [{ name: tool['name'] ?? toolKey, ...(description !== undefined ? { description } : {}), inputSchema: { type: 'object' } }];
    });
}

function recordOf(config: Config, key: string, index: IndexEntry | undefined): { record: ImportedRecord; problems: string[] } {
  const fields = new FieldReader(`${DATASET} ${config.file}, server ${excerpt(key, 200)}`);
  const { raw } = config;
  const url = fields.text(raw['url'], 'url');
  const links = linksOf(url);
  const license = fields.text(raw['license'], 'license');
  const env = Object.keys(fields.object(raw['env'], 'env'));
  const remotes = fields.list(raw['remotes'], 'remotes').flatMap((remote, position) => {
    if (!isObject(remote)) {
      fields.problem(`remotes.${position}`, `expected an object (value ${excerpt(remote)}); remote dropped`);
      return [];
    }
    const remoteUrl = fields.text(remote['url'], `remotes.${position}.url`);
    return remoteUrl ? [{ type: fields.text(remote['type'], `remotes.${position}.type`) ?? 'streamable-http', url: remoteUrl }] : [];
  });
  const tools = toolsOf(index?.tools, fields);
  const packageName = fields.text(raw['packageName'], 'packageName')!;
  const description = fields.text(raw['description'], 'description');
  const record: ImportedRecord = {
    key,
    path: config.file,
    name: fields.text(raw['name'], 'name') ?? packageName,
    ...(description ? { description } : {}),
    ...links,
    ...(license && !NO_LICENSE.has(license.toLowerCase()) ? { license } : {}),
    packages: packageOf(config, fields, index?.validated ?? false, links.repository),
    remotes,
    env: uniqueSorted(env),
    ...(tools.length > 0 ? { tools: tools as ImportedRecord['tools'], capture: 'names-only' as const } : {}),
  };
  return { record, problems: fields.problems };
}

function readConfig(dir: string, file: string): { config?: Config; error?: string } {
  const parsed = readJson(dir, file);
  if ('error' in parsed) return { error: `${DATASET} ${parsed.error}; skipped` };
  const raw = parsed.value;
  if (!isObject(raw)) return { error: `${DATASET} ${file}: expected a config object (value ${excerpt(raw)}); skipped` };
  // `toolapp` configs are ToolSDK's own apps, not MCP servers.
  if (raw['type'] === 'toolapp') return {};
  if (raw['type'] !== undefined && raw['type'] !== 'mcp-server') return { error: `${DATASET} ${file}, field type: not "mcp-server" (value ${excerpt(raw['type'])}); skipped` };
  const packageName = typeof raw['packageName'] === 'string' ? raw['packageName'].trim() : '';
  if (!packageName) return { error: `${DATASET} ${file}, field packageName: every config needs one, it is the registry's key (value ${excerpt(raw['packageName'])}); skipped` };
  const key = typeof raw['key'] === 'string' && raw['key'].trim() ? raw['key'].trim() : packageName;
  return { config: { file, raw, key } };
}

/** What tells two configs of one key apart as servers: the repository (without a folder), else the URL as given. */
function serverOf(config: Config): string {
  const url = typeof config.raw['url'] === 'string' ? config.raw['url'].trim() : '';
  const key = repositoryKey(url);
  return key ? repositoryRoot(key) : url.toLowerCase();
}

export const toolsdkImporter: SourceImporter = {
  dataset: DATASET,
  *read(snapshot: Snapshot): Iterable<ImportedItem> {
    const { byPath, errors } = readIndex(snapshot.dir);
    for (const error of errors) yield { error };
    // The registry's key is `key`, else `packageName`. The same server is often filed under two
    // categories, as identical or edited copies (same repository): one record, from the config the index
    // points to. A key used by two servers with different repositories keeps the plain key for that
    // config and names the others by their file.
    const groups = new Map<string, Config[]>();
    for (const file of listFiles(snapshot.dir, 'packages', '.json', { recursive: true })) {
      const { config, error } = readConfig(snapshot.dir, file);
      if (error) yield { error };
      if (!config) continue;
      const group = groups.get(config.key);
      if (group) group.push(config);
      else groups.set(config.key, [config]);
    }
    for (const [key, group] of groups) {
      const primary = group.find((config) => byPath.has(config.file)) ?? group[0]!;
      const emitted = [primary];
      const seen = new Set([serverOf(primary)]);
      for (const config of group) {
        if (seen.has(serverOf(config))) continue;
        seen.add(serverOf(config));
        emitted.push(config);
      }
      for (const config of emitted) {
        const recordKey = config === primary ? key : `${key} (${config.file.replace(/^packages\//, '')})`;
        if (config !== primary) {
          yield { error: `${DATASET} ${config.file}, server ${excerpt(key, 200)}: the key is also used by ${primary.file} for a server with another repository; recorded as ${excerpt(recordKey, 300)}` };
        }
        const { record, problems } = recordOf(config, recordKey, byPath.get(config.file));
        for (const problem of problems) yield { error: problem };
        yield { record };
      }
    }
  },
};
