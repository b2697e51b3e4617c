// Reads Toucan's server files (mcp_servers/*.json): one record per Smithery server Toucan tried to use.
// The tools are `metadata.remote_server_response`, the live tools/list Toucan got from Smithery's hosted
// endpoint; `server_info_crawled.tools` is scraped from Smithery's web page and is not used. A server
// that did not answer (`cf_` files) is still a record: its name, description, repository and endpoint.
// The tools of `tf_` files, which Toucan left out of its tasks (`labels.is_remote_tool_valid`), were listed
// live all the same and are kept.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { compareCodePoints } from '../../lib/canonical-json';
import { readUtf8File } from '../../lib/utf8';
import { markUnreadable } from './snapshot-files';
import { excerpt, type ImportedItem, type ImportedRecord, type Snapshot, type SourceImporter } from '../source-importer';

const DATASET = 'toucan';
const FOLDER = 'mcp_servers';
const SMITHERY_PAGE = 'https://smithery.ai/server/';

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A non-empty string, trimmed; anything else is absent. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

/** What Smithery's listing writes where it knows nothing: the same as absent. */
const PLACEHOLDER_LICENSES = new Set(['smithery', 'not specified']);
const PLACEHOLDER_REPOSITORIES = new Set(['https://github.com/smithery-ai']);

/** SPDX ids the files use, and the one other spelling of one of them. Anything else is not a license. */
const LICENSES: Record<string, string> = {
  mit: 'MIT',
  'apache-2.0': 'Apache-2.0',
  'apache license 2.0': 'Apache-2.0',
  isc: 'ISC',
  'bsd-2-clause': 'BSD-2-Clause',
  'bsd-3-clause': 'BSD-3-Clause',
  'gpl-2.0': 'GPL-2.0',
  'gpl-3.0': 'GPL-3.0',
  'agpl-3.0': 'AGPL-3.0',
  'lgpl-2.1': 'LGPL-2.1',
  'lgpl-3.0': 'LGPL-3.0',
  'mpl-2.0': 'MPL-2.0',
  unlicense: 'Unlicense',
  'cc0-1.0': 'CC0-1.0',
};

/**
 * The server's Smithery name (`exa`, `@upstash/context7-mcp`): the dataset's key. Taken from the Smithery
 * page, else from the endpoint's path (`/<name>/mcp`); the file name says it only lossily (`/` became `_`).
 */
function smitheryName(info: Mapping, endpoint: string | undefined): string | undefined {
  const page = text(info['homepage']);
  if (page?.startsWith(SMITHERY_PAGE)) {
    const name = page.slice(SMITHERY_PAGE.length).replace(/\/+$/, '');
    if (name) return name;
  }
  const match = endpoint ? /^https:\/\/server\.smithery\.ai\/(.+)\/mcp(?:[?#]|$)/.exec(endpoint) : null;
  return match?.[1];
}

/**
 * The endpoint without its query and any credentials: Toucan's URL carries the server's config (base64)
 * and `{smithery_api_key}` placeholders, which are neither identity nor ours to keep.
 */
function endpointOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return undefined;
  }
}

/** A repository URL that points at a file (`/blob/main/README.md`) names the folder the file is in. */
function repositoryOf(url: string): string {
  const match = /^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/blob\/([^/]+)\/(.+)$/.exec(url);
  if (!match) return url;
  const folder = match[3]!.split('/').slice(0, -1).join('/');
  return folder ? `${match[1]}/tree/${match[2]}/${folder}` : match[1]!;
}

/** A URL of a forge account (`https://github.com/someone`) rather than of a repository. */
function isAccountUrl(url: string): boolean {
  return /^https?:\/\/(www\.)?(github\.com|gitlab\.com)\/[^/]+\/?$/i.test(url);
}

/** Hints the Python MCP client fills with `None` when the server did not send them (Toucan saved its model dump). */
const SDK_DEFAULT_HINTS = new Set(['title', 'readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint']);

/**
 * One tool of the live response, in MCP's spelling (`input_schema` -> `inputSchema`). `null`s the Python
 * client wrote for fields the server left out are dropped, so the tool reads as the server sent it.
 */
function toolOf(raw: unknown): unknown {
  if (!isMapping(raw)) return raw;
  const tool: Mapping = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === null) continue;
    if (key === 'input_schema') tool['inputSchema'] = raw['inputSchema'] ?? value;
    else if (key === 'annotations' && isMapping(value)) {
      const hints = Object.fromEntries(Object.entries(value).filter(([hint, given]) => !(given === null && SDK_DEFAULT_HINTS.has(hint))));
      if (Object.keys(hints).length > 0) tool['annotations'] = hints;
    } else tool[key] = value;
  }
  return tool;
}

/** When Toucan queried the server (`metadata.timestamp`, Unix seconds), if it is a plausible time. */
function crawledAt(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const date = new Date(value * 1000);
  return date.getUTCFullYear() >= 2024 && date.getUTCFullYear() < 2100 ? date.toISOString() : undefined;
}

function readFile(dir: string, file: string): ImportedItem[] {
  const where = `${DATASET} ${FOLDER}/${file}`;
  let raw: unknown;
  try {
    raw = JSON.parse(readUtf8File(path.join(dir, file)));
  } catch (error) {
    markUnreadable(path.join(dir, file));
    return [{ error: `${where}: not valid JSON: ${excerpt((error as Error).message, 120)}; skipped` }];
  }
  const metadata = isMapping(raw) ? raw['metadata'] : undefined;
  if (!isMapping(metadata)) return [{ error: `${where}, field metadata: expected an object (value ${excerpt(metadata)}); skipped` }];
  const info = isMapping(metadata['server_info_crawled']) ? metadata['server_info_crawled'] : {};
  const response = isMapping(metadata['remote_server_response']) ? metadata['remote_server_response'] : {};
  const endpoint = text(response['url']) ?? text(info['python_sdk_url']);
  const key = smitheryName(info, endpoint);
  if (!key) return [{ error: `${where}, field metadata.server_info_crawled.homepage: no Smithery server name (value ${excerpt(info['homepage'])}); skipped` }];

  const problems: string[] = [];
  const field = (name: string, value: unknown, why: string) => problems.push(`${where}, server "${key}", field ${name}: ${why} (value ${excerpt(value)}); field dropped`);
  const name = text(metadata['server_name']) ?? text(info['name']) ?? key;
  const description = text(info['overview']);
  let repository = text(info['repository_url']);
  if (repository && PLACEHOLDER_REPOSITORIES.has(repository.toLowerCase().replace(/\/+$/, ''))) repository = undefined;
  else if (repository && isAccountUrl(repository)) {
    field('metadata.server_info_crawled.repository_url', repository, 'an account, not a repository');
    repository = undefined;
  }
  const licenseText = text(info['license']);
  const license = licenseText ? LICENSES[licenseText.toLowerCase()] : undefined;
  if (licenseText && !license && !PLACEHOLDER_LICENSES.has(licenseText.toLowerCase())) {
    // Some of these are URLs with an API key in them: the value is not quoted.
    problems.push(`${where}, server "${key}", field metadata.server_info_crawled.license: not a license identifier; field dropped`);
  }
  const remote = endpointOf(endpoint);
  const record: ImportedRecord = {
    key,
    path: `${FOLDER}/${file}`,
    name,
    ...(crawledAt(metadata['timestamp']) ? { at: crawledAt(metadata['timestamp']) } : {}),
    ...(description ? { description } : {}),
    ...(repository ? { repository: repositoryOf(repository) } : {}),
    // The server's page on Smithery, the only homepage the files give.
    ...(text(info['homepage']) ? { homepage: text(info['homepage']) } : {}),
    ...(license ? { license } : {}),
    // Smithery's hosted endpoint of the server, which speaks Streamable HTTP at `/mcp`.
    remotes: remote ? [{ type: 'streamable-http', url: remote }] : [],
  };
  const tools = response['tools'];
  if (Array.isArray(tools) && tools.length > 0) {
    record.tools = tools.map(toolOf) as ImportedRecord['tools'];
    record.capture = 'tools-list';
  } else if (tools != null && !Array.isArray(tools)) {
    field('metadata.remote_server_response.tools', tools, 'expected a list of tools');
  }
  return [...problems.map((error) => ({ error })), { record }];
}

export const toucanImporter: SourceImporter = {
  dataset: DATASET,
  *read(snapshot: Snapshot): Iterable<ImportedItem> {
    const dir = path.join(snapshot.dir, FOLDER);
    let files: string[];
    try {
      files = readdirSync(dir).filter((file) => file.endsWith('.json')).sort(compareCodePoints);
    } catch {
      yield { error: `${DATASET}: no ${FOLDER}/ folder in ${snapshot.dir}` };
      return;
    }
    for (const file of files) yield* readFile(dir, file);
  },
};
