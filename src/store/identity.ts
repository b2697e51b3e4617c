// The keys that say two records describe the same real server: a normalised repository URL (with the
// server's folder in a monorepo), a package on a registry, a remote endpoint. Every key is a plain
// string with a kind prefix, so they can be compared, sorted and hashed into ids. Package keys and the
// runner list live in lib/packages.ts, below the importers too; they are re-exported here.
import { parseForgeUrl } from '../lib/forge-url';
import { launchOf } from '../lib/launch';
import { packageKey } from '../lib/packages';

export { normalizePypiName, packageKey } from '../lib/packages';

function cleanFolder(folder: string | undefined): string {
  if (!folder) return '';
  return folder
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part.length > 0 && part !== '.' && part !== '..')
    .join('/')
    .toLowerCase();
}

/**
 * `repo:github.com/owner/name[/folder]`, lower case, without `.git`, `www.`, a ref or a trailing slash.
 * `/tree/<ref>/<folder>` and `/blob/<ref>/<folder>` keep the folder: a monorepo's servers stay apart.
 * A folder given apart from the URL (`subdirectory`) wins over one in it. Not a forge URL: undefined.
 */
export function repositoryKey(url: string | undefined, subdirectory?: string): string | undefined {
  const forge = parseForgeUrl(url);
  if (!forge) return undefined;
  // A `/blob/` link to a file names the folder that holds it (`blob/main/src/x/README.md` is `src/x`).
  let folder = cleanFolder(subdirectory) || cleanFolder(forge.folder);
  // A link to the code folder of a one-server repository (`/tree/main/src`) names no server of its own.
  if (folder === 'src') folder = '';
  return `repo:${forge.repository}${folder ? `/${folder}` : ''}`;
}

/** The repository a folder key belongs to (`repo:github.com/a/b/src/x` -> `repo:github.com/a/b`). */
export function repositoryRoot(key: string): string {
  return key.split('/').slice(0, 3).join('/');
}

/** `remote:https://host/path`, lower-case host, no query, fragment or trailing slash. */
export function remoteKey(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    const pathname = parsed.pathname.replace(/\/+$/, '');
    return `remote:${parsed.protocol}//${parsed.host.toLowerCase()}${pathname}`;
  } catch {
    return undefined;
  }
}

/** What a launch command starts, as a package key: `npx -y @scope/pkg@1` -> `npm:@scope/pkg`, `uvx pkg` -> `pypi:pkg`. */
export function launchPackageKey(command: string, args: readonly string[]): string | undefined {
  const item = launchOf(command, args).package;
  return item ? packageKey(item.registryType, item.identifier) : undefined;
}

/** Key kinds in the order they decide a merged server's identity (what its id and `identity` show). */
const KIND_ORDER = ['repo', 'npm', 'pypi', 'oci', 'remote', 'registry', 'source'];

/**
 * Key kinds in the order the merge joins on them. A package name is unique on its registry and is
 * read from the package itself; a repository link is often typed by hand into an index (LiveMCPBench
 * gives the Airbnb server a deep-research repository). Joining on packages first lets the one-record-
 * per-source rule refuse a wrong repository link instead of following it.
 */
const MERGE_ORDER = ['npm', 'pypi', 'repo', 'oci', 'remote', 'registry', 'source'];

function rankIn(order: readonly string[], key: string): number {
  const index = order.indexOf(key.slice(0, key.indexOf(':')));
  return index === -1 ? order.length : index;
}

export function keyKindRank(key: string): number {
  return rankIn(KIND_ORDER, key);
}

/** Sorts keys in the order the merge joins on them. */
export function compareMergeKeys(a: string, b: string): number {
  return rankIn(MERGE_ORDER, a) - rankIn(MERGE_ORDER, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Sorts keys by kind, then by text: the first is a group's identity. */
export function compareKeys(a: string, b: string): number {
  return keyKindRank(a) - keyKindRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
