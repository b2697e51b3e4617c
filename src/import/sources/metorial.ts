// Reads the Metorial MCP index (catalog/<owner>/<repo>/<server>/): one record per server folder. No script in
// the repository makes tools.yaml (they came with the first bulk commit); they are saved tools/list results,
// by every sign Smithery's: where Toucan listed the same server live, 349 of 405 match it exactly, and the
// schemas carry the SDKs' own marks (`$schema`, `additionalProperties: false`, pydantic `title`s).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { compareCodePoints } from '../../lib/canonical-json';
import { readUtf8File } from '../../lib/utf8';
import { markUnreadable } from './snapshot-files';
import type { SourcePackage } from '../../schema';
import { excerpt, type ImportedItem, type ImportedRecord, type Snapshot, type SourceImporter } from '../source-importer';

const DATASET = 'metorial';

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function subfolders(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort(compareCodePoints);
}

/** A YAML file's value, or why it cannot be read (the parser's first line: position, no file text). */
function readYaml(file: string): { value: unknown } | { problem: string } {
  try {
    return { value: parse(readUtf8File(file)) };
  } catch (error) {
    markUnreadable(file);
    return { problem: `not valid YAML: ${excerpt(String((error as Error).message).split('\n')[0], 120)}` };
  }
}

/** A non-empty string, trimmed; anything else is absent. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

/** `/src/github` -> `src/github`; the repository root (`/`) is no subdirectory. */
function folderOf(value: string | undefined): string | undefined {
  const folder = value?.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
  return folder ? folder : undefined;
}

/** A tool as saved, without top-level `null`s (they mean "absent", and would fail the schema's strings). */
function toolOf(raw: unknown): unknown {
  if (!isMapping(raw)) return raw;
  return Object.fromEntries(Object.entries(raw).filter(([key, value]) => value !== null || key === 'annotations'));
}

/** Registries a variant's `source.type` names, as SourcePackage spells them. */
const VARIANT_REGISTRIES: Record<string, string> = { docker: 'oci', npm: 'npm', pypi: 'pypi' };

/**
 * The package `variants/mcp-containers.yaml` runs the server from: almost always the container image
 * Metorial builds of it (one image per server), once an npm package.
 */
function variantPackage(serverDir: string, folder: string, problems: string[]): SourcePackage | undefined {
  const file = path.join(serverDir, 'variants', 'mcp-containers.yaml');
  if (!existsSync(file)) return undefined;
  const where = `${DATASET} ${folder}/variants/mcp-containers.yaml`;
  const read = readYaml(file);
  if ('problem' in read) {
    problems.push(`${where}: ${read.problem}; the package is left out`);
    return undefined;
  }
  const source = isMapping(read.value) ? read.value['source'] : undefined;
  const registryType = isMapping(source) && typeof source['type'] === 'string' ? VARIANT_REGISTRIES[source['type']] : undefined;
  const identifier = isMapping(source) ? text(registryType === 'oci' ? source['image'] : source['package']) : undefined;
  if (!registryType || !identifier) {
    problems.push(`${where}, field source: not a docker image, npm or pypi package (value ${excerpt(source)}); the package is left out`);
    return undefined;
  }
  const version = text((source as Mapping)['version']);
  return { registryType, identifier, ...(version ? { version } : {}) };
}

/** One server folder: its record, and the problems met on the way (the record survives all but a bad server.yaml). */
function readServer(root: string, folder: string): ImportedItem[] {
  const dir = path.join(root, folder);
  const serverFile = `${folder}/server.yaml`;
  if (!existsSync(path.join(dir, 'server.yaml'))) return [{ error: `${DATASET} ${folder}: a server folder without server.yaml; skipped` }];
  const read = readYaml(path.join(dir, 'server.yaml'));
  if ('problem' in read) return [{ error: `${DATASET} ${serverFile}: ${read.problem}; server skipped` }];
  if (!isMapping(read.value) || !isMapping(read.value['server'])) {
    return [{ error: `${DATASET} ${serverFile}, field server: expected a mapping (value ${excerpt(read.value)}); server skipped` }];
  }
  const manifest = read.value;
  const server = manifest['server'] as Mapping;
  // The folder is the key: it is unique on disk, and it equals `identifier` in every file of the snapshot.
  const key = folder.split('/').slice(1).join('/');
  const problems: string[] = [];
  if (manifest['identifier'] !== undefined && manifest['identifier'] !== key) {
    problems.push(`${DATASET} ${serverFile}, server "${key}", field identifier: differs from the folder (value ${excerpt(manifest['identifier'])}); the folder is the key`);
  }

  const repo = isMapping(manifest['repo']) ? manifest['repo'] : {};
  const owner = text(repo['owner']);
  const name = text(repo['name']);
  if (repo['url'] !== undefined && typeof repo['url'] !== 'string') {
    problems.push(`${DATASET} ${serverFile}, server "${key}", field repo.url: expected a string (value ${excerpt(repo['url'])}); field dropped`);
  }
  // Every snapshot file gives `repo.url`; owner and name rebuild it where a hand-written file leaves it out.
  // A bad URL is passed on as it is: the runner drops it and says so.
  const repository = typeof repo['url'] === 'string' ? repo['url'].trim() : repo['url'] === undefined && repo['provider'] === 'github.com' && owner && name ? `https://github.com/${owner}/${name}` : undefined;

  let listing: Mapping = {};
  if (existsSync(path.join(dir, 'listing.yaml'))) {
    const readListing = readYaml(path.join(dir, 'listing.yaml'));
    if ('problem' in readListing) problems.push(`${DATASET} ${folder}/listing.yaml: ${readListing.problem}; its description is not used`);
    else if (isMapping(readListing.value)) listing = readListing.value;
  }

  const subdirectory = server['subdirectory'];
  if (subdirectory !== undefined && typeof subdirectory !== 'string') {
    problems.push(`${DATASET} ${serverFile}, server "${key}", field server.subdirectory: expected a string (value ${excerpt(subdirectory)}); field dropped`);
  }
  const variant = variantPackage(dir, folder, problems);
  // The vendor's own words first; listing.yaml's is an LLM summary of the README, used where those are missing.
  const description = text(server['description']) ?? text(listing['description']);
  const record: ImportedRecord = {
    key,
    path: serverFile,
    name: text(server['name']) ?? key.split('/').pop()!,
    ...(description ? { description } : {}),
    ...(repository ? { repository } : {}),
    ...(typeof subdirectory === 'string' && folderOf(subdirectory) ? { subdirectory: folderOf(subdirectory) } : {}),
    packages: variant ? [variant] : [],
  };

  if (existsSync(path.join(dir, 'tools.yaml'))) {
    const toolsFile = `${folder}/tools.yaml`;
    const readTools = readYaml(path.join(dir, 'tools.yaml'));
    if ('problem' in readTools) problems.push(`${DATASET} ${toolsFile}, server "${key}": ${readTools.problem}; tools skipped`);
    else if (!isMapping(readTools.value) || !Array.isArray(readTools.value['tools'])) {
      problems.push(`${DATASET} ${toolsFile}, server "${key}", field tools: expected a list of tools (value ${excerpt(readTools.value)}); tools skipped`);
    } else {
      record.tools = (readTools.value['tools'] as unknown[]).map(toolOf) as ImportedRecord['tools'];
      record.capture = 'tools-list';
    }
  }
  return [...problems.map((error) => ({ error })), { record }];
}

export const metorialImporter: SourceImporter = {
  dataset: DATASET,
  *read(snapshot: Snapshot): Iterable<ImportedItem> {
    const catalog = path.join(snapshot.dir, 'catalog');
    if (!existsSync(catalog)) {
      yield { error: `${DATASET}: no catalog/ folder in ${snapshot.dir}` };
      return;
    }
    for (const owner of subfolders(catalog))
      for (const repo of subfolders(path.join(catalog, owner)))
        for (const server of subfolders(path.join(catalog, owner, repo))) yield* readServer(snapshot.dir, `catalog/${owner}/${repo}/${server}`);
  },
};
