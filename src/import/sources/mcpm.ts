// The MCPM registry (pathintegral-institute/mcpm.sh, mcp-registry/servers/<name>.json): one manifest
// per server, keyed by its file name as mcpm's own site build keys them. Packages come from the
// manifests' launch configs (`installations`), remotes from their `http` installations.
//
// Where the tools came from: mcpm's manifests are written by its generator script or by contributors.
// The generator first started each server and saved its tools/list (spring 2025), later asked an LLM
// to write the manifest from the repository; contributors write theirs by hand (some list a tool's
// parameters as a bare property map with `required` beside it, some only names). Nothing in a manifest
// says which, so no record claims a live tools/list: tools with parameters are 'static-analysis'
// (taken from the server's code and docs, possibly approximate), and a manifest whose tools all lack
// parameters is 'names-only'.
import type { McpTool, SourcePackage } from '../../schema';
import { compareCodePoints } from '../../lib/canonical-json';
import type { ImportedItem, ImportedRecord, SourceImporter, Snapshot } from '../source-importer';
import { excerpt } from '../source-importer';
import { dockerEnvNames, launchOf } from '../../lib/launch';
import { registryPackage } from '../../lib/packages';
import { parseForgeUrl } from '../../lib/forge-url';
import { firstString, isObject, isPlainKey, itemsOfFolder, kindOf, readJsonFile } from './snapshot-files';

const DATASET = 'mcpm';
const FOLDER = 'mcp-registry/servers';

/** What mcpm's generator writes in `license` or `homepage` when it found none ("[NOT GIVEN]", "<UNKNOWN>"): no value. */
const NO_VALUE = /^\s*(\[?\s*not (given|found)\s*\]?|<?unknown>?|none|n\/a)?\s*$/i;

/** A manifest's string that says something, else undefined; other types are passed on for the runner to report. */
function given(value: unknown, alsoEmpty?: RegExp): unknown {
  if (typeof value !== 'string') return value;
  return NO_VALUE.test(value) || alsoEmpty?.test(value) ? undefined : value;
}

/** The MCP tool fields a manifest's tool may carry; the rest (`prompt`, `category`, `tags`, `returns`) is mcpm's own. */
const TOOL_FIELDS = ['name', 'title', 'description', 'outputSchema', 'annotations', 'icons', '_meta'] as const;

/** The parameters a manifest gives a tool, as an MCP inputSchema; undefined when it gives none. */
function inputSchemaOf(tool: Record<string, unknown>): unknown {
  const schema = tool['inputSchema'] ?? tool['input_schema'];
  if (schema === undefined || schema === null) return undefined;
  if (!isObject(schema)) return schema; // left for the runner to report by tool and field
  const required = Array.isArray(tool['required']) && tool['required'].length > 0 && tool['required'].every((item) => typeof item === 'string') ? tool['required'] : undefined;
  // Hand-written manifests give `{ "query": {"type": "string"} }` with `required` beside it: the property
  // map of an object schema. A map may name a parameter `properties` (`{"properties": {"type": "object"}}`),
  // which a real schema's `properties`, a map of schemas itself, is not.
  const isPropertyMap = (value: unknown) => isObject(value) && Object.values(value).every(isObject);
  const bareProperties = schema['type'] === undefined && isPropertyMap(schema) && !isPropertyMap(schema['properties']);
  if (bareProperties) return { type: 'object', properties: schema, ...(required ? { required } : {}) };
  if (required && schema['required'] === undefined && schema['type'] === 'object') return { ...schema, required };
  return schema;
}

function toolOf(raw: unknown): { tool: unknown; hasSchema: boolean } {
  if (!isObject(raw)) return { tool: raw, hasSchema: false };
  const tool: Record<string, unknown> = {};
  for (const field of TOOL_FIELDS) if (raw[field] !== undefined) tool[field] = raw[field];
  const schema = inputSchemaOf(raw);
  tool['inputSchema'] = schema ?? { type: 'object' };
  return { tool: tool as McpTool, hasSchema: schema !== undefined };
}

/** Packages, remotes and env names from the manifest's installations and its `docker_url`. */
function installationFacts(manifest: Record<string, unknown>) {
  const packages: SourcePackage[] = [];
  const remotes: Array<{ type: string; url: unknown }> = [];
  const env: unknown[] = [];
  const installations = isObject(manifest['installations']) ? Object.values(manifest['installations']) : [];
  for (const install of installations) {
    if (!isObject(install)) continue;
    const launched = launchOf(install['command'], install['args']).package;
    if (launched) packages.push(launched);
    // A `package` field names the package where the command does not (`python -m x`, `pip install x`).
    const type = install['type'];
    if (typeof install['package'] === 'string' && (type === 'npm' || type === 'python' || type === 'uvx' || type === 'pip')) {
      const named = registryPackage(type === 'npm' ? 'npm' : 'pypi', install['package']);
      if (named) packages.push(named);
    }
    if (type === 'http' && install['url'] !== undefined) {
      // A URL template (`https://gitmcp.io/{owner}/{repo}`) is no endpoint.
      if (typeof install['url'] !== 'string' || !/[{}$]/.test(install['url'])) remotes.push({ type: 'streamable-http', url: install['url'] });
    }
    if (isObject(install['env'])) env.push(...Object.keys(install['env']));
    env.push(...dockerEnvNames(install['command'], install['args']));
  }
  const dockerUrl = manifest['docker_url'];
  if (typeof dockerUrl === 'string') {
    const match = /^https:\/\/hub\.docker\.com\/r\/([a-z0-9._-]+\/[a-z0-9._-]+)\/?$/i.exec(dockerUrl.trim());
    const image = match ? registryPackage('oci', match[1]!) : undefined;
    if (image) packages.push(image);
  }
  return { packages, remotes: [...new Map(remotes.map((remote) => [String(remote.url), remote])).values()], env: [...new Set(env)].sort() };
}

/** One entry per package; a pinned version from one installation completes an unpinned mention of the same package. */
function uniquePackages(items: SourcePackage[]): SourcePackage[] {
  const seen = new Map<string, SourcePackage>();
  for (const item of items) {
    const key = `${item.registryType}:${item.identifier}`;
    const known = seen.get(key);
    if (!known || (known.version === undefined && item.version !== undefined)) seen.set(key, item);
  }
  return [...seen.values()].sort((a, b) => compareCodePoints(`${a.registryType}:${a.identifier}`, `${b.registryType}:${b.identifier}`));
}

/**
 * The repository and, for a monorepo server whose manifest names only the repository's root, the
 * folder its homepage points at in that same repository. A homepage in another repository (the MCP
 * reference servers moved to `servers-archived`) does not tell where in this one the server lives.
 */
function repositoryFacts(manifest: Record<string, unknown>): { repository?: unknown; subdirectory?: string; npm?: SourcePackage } {
  const given = manifest['repository'];
  const url = isObject(given) ? given['url'] : given;
  if (url === undefined || url === '') return {};
  // `{type: "npm", url: "https://www.npmjs.com/package/x"}` names a package, not a repository.
  const npmPage = typeof url === 'string' ? /^https?:\/\/(www\.)?npmjs\.com\/package\/((@[^/]+\/)?[^/?#]+)/i.exec(url.trim()) : null;
  if (npmPage) {
    const named = registryPackage('npm', npmPage[2]!.replace(/%40/gi, '@').replace(/%2f/gi, '/'));
    return named ? { npm: named } : {};
  }
  const repository = parseForgeUrl(url);
  const homepage = parseForgeUrl(manifest['homepage']);
  if (repository && !repository.folder && homepage?.folder && homepage.repository === repository.repository) return { repository: url, subdirectory: homepage.folder };
  return { repository: url };
}

function* itemsOf(file: string, manifest: Record<string, unknown>): Iterable<ImportedItem> {
  const key = file.replace(/\.json$/, '');
  const path = `${FOLDER}/${file}`;
  if (!isPlainKey(key)) {
    yield { error: `${DATASET} ${path}: the file name ${excerpt(key)} is not a plain server name; skipped` };
    return;
  }
  const facts = installationFacts(manifest);
  const { repository, subdirectory, npm } = repositoryFacts(manifest);
  // One manifest's license is the word "LICENSE": the name of the file, not what it says.
  const license = given(manifest['license'], /^license$/i);
  const homepage = given(manifest['homepage']);
  // Values are passed on as the manifest has them: the runner validates each field and names the bad ones.
  const record: Record<string, unknown> = {
    key,
    path,
    name: firstString(manifest['display_name'], manifest['name'], key),
    ...(manifest['description'] !== undefined ? { description: manifest['description'] } : {}),
    ...(repository !== undefined ? { repository } : {}),
    ...(subdirectory !== undefined ? { subdirectory } : {}),
    ...(homepage !== undefined ? { homepage } : {}),
    ...(license !== undefined ? { license } : {}),
    packages: uniquePackages(npm ? [...facts.packages, npm] : facts.packages),
    remotes: facts.remotes,
    env: facts.env,
  };
  const tools = manifest['tools'];
  if (tools !== undefined && !Array.isArray(tools)) yield { error: `${DATASET} ${path}, server "${key}", field tools: expected an array, not ${kindOf(tools)}; tools dropped` };
  if (Array.isArray(tools) && tools.length > 0) {
    const read = tools.map(toolOf);
    record['tools'] = read.map((item) => item.tool);
    record['capture'] = read.some((item) => item.hasSchema) ? 'static-analysis' : 'names-only';
  }
  yield { record: record as ImportedRecord };
}

function* itemsOfFile(snapshot: Snapshot, file: string): Iterable<ImportedItem> {
  const parsed = readJsonFile(snapshot.dir, `${FOLDER}/${file}`, DATASET);
  if ('error' in parsed) {
    yield parsed;
    return;
  }
  if (!isObject(parsed.value)) {
    yield { error: `${DATASET} ${FOLDER}/${file}: a manifest must be a JSON object, not ${kindOf(parsed.value)}; skipped` };
    return;
  }
  yield* itemsOf(file, parsed.value);
}

export const mcpmImporter: SourceImporter = {
  dataset: DATASET,
  read: (snapshot: Snapshot) => itemsOfFolder(snapshot.dir, DATASET, FOLDER, 'files', (file) => (file.endsWith('.json') ? itemsOfFile(snapshot, file) : [])),
};
