// mozilla-ai's mcpd registry (internal/provider/mozilla_ai/data/registry.json): one JSON object of
// servers by id, the curated set `mcpd` installs. Each names its packages (`runtime` npx / uvx /
// docker with `package` and `version`), the environment variables among its `arguments`, and its
// homepage, which is the server's repository (a monorepo folder included) for all of them.
//
// Where the tools came from: the registry lists each tool's name and description, never its
// parameters (its Tool type has no inputSchema), so the capture is 'names-only'.
import { compareCodePoints } from '../../lib/canonical-json';
import type { SourcePackage } from '../../schema';
import type { ImportedItem, ImportedRecord, SourceImporter, Snapshot } from '../source-importer';
import { excerpt } from '../source-importer';
import { registryPackage } from '../../lib/packages';
import { parseForgeUrl } from '../../lib/forge-url';
import { firstString, isObject, isPlainKey, kindOf, readJsonFile } from './snapshot-files';

const DATASET = 'mcpd';
const FILE = 'internal/provider/mozilla_ai/data/registry.json';

const RUNTIMES: Record<string, 'npm' | 'pypi' | 'oci'> = { npx: 'npm', uvx: 'pypi', docker: 'oci' };

function packagesOf(installations: unknown): SourcePackage[] {
  if (!isObject(installations)) return [];
  const packages = new Map<string, SourcePackage>();
  for (const install of Object.values(installations)) {
    if (!isObject(install) || typeof install['runtime'] !== 'string' || typeof install['package'] !== 'string') continue;
    const type = RUNTIMES[install['runtime']];
    const found = type ? registryPackage(type, install['package'], typeof install['version'] === 'string' ? install['version'] : undefined) : undefined;
    if (found && !packages.has(`${found.registryType}:${found.identifier}`)) packages.set(`${found.registryType}:${found.identifier}`, found);
  }
  return [...packages.values()];
}

/**
 * The repository as the root URL plus the folder: an installation's own `repository` first, else the
 * homepage when it is a forge URL. A link to a file in it (`.../blob/main/Dockerfile`) names the
 * folder that holds the file, not a folder called "Dockerfile".
 */
function repositoryOf(server: Record<string, unknown>): { repository?: string; subdirectory?: string } {
  const installs = isObject(server['installations']) ? Object.values(server['installations']) : [];
  const candidates = [...installs.map((install) => (isObject(install) && isObject(install['repository']) ? install['repository']['url'] : undefined)), server['homepage']];
  for (const candidate of candidates) {
    const forge = parseForgeUrl(candidate);
    if (forge) return { repository: forge.root, ...(forge.folder ? { subdirectory: forge.folder } : {}) };
  }
  return {};
}

function envOf(args: unknown): unknown[] {
  if (!isObject(args)) return [];
  const names = Object.entries(args)
    .filter(([, arg]) => isObject(arg) && arg['type'] === 'environment')
    .map(([key, arg]) => (isObject(arg) && arg['name'] !== undefined ? arg['name'] : key));
  return [...new Set(names)].sort();
}

function toolOf(tool: unknown): unknown {
  if (!isObject(tool)) return tool;
  const out: Record<string, unknown> = { name: tool['name'], inputSchema: { type: 'object' } };
  for (const field of ['title', 'description', 'annotations', '_meta'] as const) if (tool[field] !== undefined) out[field] = tool[field];
  return out;
}

function* itemsOf(key: string, server: unknown): Iterable<ImportedItem> {
  if (!isPlainKey(key)) {
    yield { error: `${DATASET} ${FILE}: the server id ${excerpt(key)} is not a plain name; skipped` };
    return;
  }
  if (!isObject(server)) {
    yield { error: `${DATASET} ${FILE}, server "${key}": expected an object, not ${kindOf(server)}; skipped` };
    return;
  }
  const record: Record<string, unknown> = {
    key,
    path: FILE,
    name: firstString(server['displayName'], server['name'], key),
    ...(server['description'] !== undefined ? { description: server['description'] } : {}),
    ...repositoryOf(server),
    ...(server['homepage'] !== undefined ? { homepage: server['homepage'] } : {}),
    ...(server['license'] !== undefined ? { license: server['license'] } : {}),
    packages: packagesOf(server['installations']),
    env: envOf(server['arguments']),
  };
  const tools = server['tools'];
  if (tools !== undefined && !Array.isArray(tools)) yield { error: `${DATASET} ${FILE}, server "${key}", field tools: expected an array, not ${kindOf(tools)}; tools dropped` };
  if (Array.isArray(tools) && tools.length > 0) {
    record['tools'] = tools.map(toolOf);
    record['capture'] = 'names-only';
  }
  // Values are passed on as the registry has them: the runner validates each field and names the bad ones.
  yield { record: record as ImportedRecord };
}

export const mcpdImporter: SourceImporter = {
  dataset: DATASET,
  *read(snapshot: Snapshot): Iterable<ImportedItem> {
    const parsed = readJsonFile(snapshot.dir, FILE, DATASET);
    if ('error' in parsed) {
      yield parsed;
      return;
    }
    if (!isObject(parsed.value)) {
      yield { error: `${DATASET} ${FILE}: the registry must be a JSON object of servers by id, not ${kindOf(parsed.value)}` };
      return;
    }
    for (const key of Object.keys(parsed.value).sort(compareCodePoints)) yield* itemsOf(key, parsed.value[key]);
  },
};
