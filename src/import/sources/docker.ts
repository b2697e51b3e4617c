// The Docker MCP Catalog (docker/mcp-registry, servers/<name>/server.yaml, with tools.json beside it
// for some): one folder per server, keyed by the folder's name (the catalog's `name`). An image server
// ships as its image (`oci`), built from `source.project` at a pinned commit; a remote server is its
// endpoint; a `poci` server is a set of tools that each run a container and defines them in server.yaml.
//
// Where the tools came from: Docker's build lists a server's tools by starting it, but only keeps the
// result in the catalog it publishes elsewhere. A tools.json in this repository is what a contributor
// wrote so the build need not start the server ("if your MCP server needs to be configured before
// listing tools, you can provide a tools.json", CONTRIBUTING.md) — by hand or generated from the
// server's code (okta-mcp-server's was "regenerated from the upstream source tree ... docstrings").
// So these tools are 'static-analysis', and 'names-only' when a file gives no tool any parameters.
// A remote server's tools.json is `[]`: its tools are discovered at run time, so it has none here.
import type { ImportedItem, ImportedRecord, SourceImporter, Snapshot } from '../source-importer';
import { excerpt } from '../source-importer';
import { registryPackage } from '../../lib/packages';
import { fileExists, firstString, isObject, isPlainKey, itemsOfFolder, kindOf, readToolListFile, readYamlFile } from './snapshot-files';

const DATASET = 'docker';
const FOLDER = 'servers';

/**
 * One argument of Docker's own tool format (`{name, type, desc, optional, items}`, what its build
 * writes after listing a server: `optional` is "not in the schema's `required`") as a JSON Schema property.
 */
function propertyOf(argument: Record<string, unknown>): Record<string, unknown> {
  const property: Record<string, unknown> = {};
  if (argument['type'] !== undefined) property['type'] = argument['type'];
  if (argument['desc'] !== undefined && argument['desc'] !== '') property['description'] = argument['desc'];
  if (argument['items'] !== undefined) property['items'] = argument['items'];
  return property;
}

/** Docker's `arguments` list as the inputSchema it was made from. Absent arguments mean none: the build omits an empty list. */
function schemaOfArguments(tool: Record<string, unknown>): unknown {
  const list = tool['arguments'] ?? [];
  if (!Array.isArray(list)) return list; // left for the runner to report
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const argument of list) {
    if (!isObject(argument) || typeof argument['name'] !== 'string') continue;
    properties[argument['name']] = propertyOf(argument);
    if (argument['optional'] !== true) required.push(argument['name']);
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

/** A tools.json: MCP tools (`inputSchema`) or Docker's format (`arguments`), possibly both in one file. */
function toolsOfFile(list: unknown[]): { tools: unknown[]; namesOnly: boolean } {
  const namesOnly = !list.some((tool) => isObject(tool) && (tool['arguments'] !== undefined || tool['inputSchema'] !== undefined));
  const tools = list.map((tool) => {
    if (!isObject(tool)) return tool;
    const out: Record<string, unknown> = {};
    for (const field of ['name', 'title', 'description', 'annotations', 'outputSchema', '_meta'] as const) if (tool[field] !== undefined) out[field] = tool[field];
    out['inputSchema'] = namesOnly ? { type: 'object' } : (tool['inputSchema'] ?? schemaOfArguments(tool));
    return out;
  });
  return { tools, namesOnly };
}

/** The tools a `poci` server defines in server.yaml: each one's `parameters` is the inputSchema the gateway serves. */
function toolsOfYaml(list: unknown[]): unknown[] {
  return list.map((tool) => {
    if (!isObject(tool)) return tool;
    const out: Record<string, unknown> = { name: tool['name'], inputSchema: tool['parameters'] ?? { type: 'object', properties: {} } };
    if (tool['description'] !== undefined) out['description'] = tool['description'];
    return out;
  });
}

/** Names of the variables the server is given: its secrets' `env` and its `config.env` entries. */
function envOf(config: unknown): unknown[] {
  if (!isObject(config)) return [];
  const names: unknown[] = [];
  for (const secret of Array.isArray(config['secrets']) ? config['secrets'] : []) if (isObject(secret) && secret['env'] !== undefined) names.push(secret['env']);
  for (const variable of Array.isArray(config['env']) ? config['env'] : []) if (isObject(variable) && variable['name'] !== undefined) names.push(variable['name']);
  return [...new Set(names)].sort();
}

function* itemsOf(snapshot: Snapshot, folder: string): Iterable<ImportedItem> {
  const path = `${FOLDER}/${folder}/server.yaml`;
  if (!isPlainKey(folder)) {
    yield { error: `${DATASET} ${FOLDER}/${excerpt(folder)}: not a plain server name; skipped` };
    return;
  }
  if (!fileExists(snapshot.dir, path)) {
    yield { error: `${DATASET} ${FOLDER}/${folder}: no server.yaml; skipped` };
    return;
  }
  const parsed = readYamlFile(snapshot.dir, path, DATASET);
  if ('error' in parsed) {
    yield parsed;
    return;
  }
  const server = parsed.value;
  if (!isObject(server)) {
    yield { error: `${DATASET} ${path}: server.yaml must be a mapping, not ${kindOf(server)}; skipped` };
    return;
  }
  const about = isObject(server['about']) ? server['about'] : {};
  const source = isObject(server['source']) ? server['source'] : {};
  const remote = isObject(server['remote']) ? server['remote'] : undefined;
  // A server Docker builds from a fork names the original as `upstream`: that is the server's repository.
  const repository = source['upstream'] ?? source['project'];
  const image = server['type'] !== 'poci' && typeof server['image'] === 'string' ? registryPackage('oci', server['image']) : undefined;
  const record: Record<string, unknown> = {
    key: folder,
    path,
    name: firstString(about['title'], server['name'], folder),
    ...(about['description'] !== undefined ? { description: about['description'] } : {}),
    ...(repository !== undefined ? { repository } : {}),
    ...(source['directory'] !== undefined ? { subdirectory: source['directory'] } : {}),
    packages: image ? [image] : [],
    remotes: remote && remote['url'] !== undefined ? [{ type: firstString(remote['transport_type']) ?? 'streamable-http', url: remote['url'] }] : [],
    env: envOf(server['config']),
  };
  const toolsFile = `${FOLDER}/${folder}/tools.json`;
  if (fileExists(snapshot.dir, toolsFile)) {
    const read = readToolListFile(snapshot.dir, toolsFile, DATASET, folder, { holder: 'server', items: 'tools' });
    if ('error' in read) yield read;
    else if (read.list.length > 0) {
      const { tools, namesOnly } = toolsOfFile(read.list);
      record['tools'] = tools;
      record['capture'] = namesOnly ? 'names-only' : 'static-analysis';
    }
  } else if (Array.isArray(server['tools']) && server['tools'].length > 0) {
    record['tools'] = toolsOfYaml(server['tools']);
    record['capture'] = 'static-analysis';
  }
  // Values are passed on as the catalog has them: the runner validates each field and names the bad ones.
  yield { record: record as ImportedRecord };
}

export const dockerImporter: SourceImporter = {
  dataset: DATASET,
  read: (snapshot: Snapshot) => itemsOfFolder(snapshot.dir, DATASET, FOLDER, 'folders', (folder) => itemsOf(snapshot, folder)),
};
