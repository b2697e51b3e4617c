// Stable, collision-free ids for servers and URL-safe slugs for tools.
import { sha256Hex } from './sha256';

/**
 * How a server is identified before it has an id: the kind of source and its canonical name (for
 * `pypi`, the PEP 503 normalised name, so `Foo_Bar` and `foo-bar` are one server, as the merge keys them).
 */
export type ServerIdentity = { kind: 'npm' | 'pypi' | 'remote' | 'registry' | 'import'; name: string };

function readable(text: string, max: number): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return slug.length > 0 ? slug : 'server';
}

/**
 * A readable slug plus 8 hex digits of the hash of the identity. The slug alone is lossy
 * (`@a/b-c` and `@a-b/c` both read `a-b-c`; an imported and a crawled server can share a name), the
 * suffix keeps them apart, and the id never depends on which other servers exist or on crawl order.
 */
export function serverId(identity: ServerIdentity): string {
  const suffix = sha256Hex(`${identity.kind}:${identity.name}`).slice(0, 8);
  return `${readable(identity.name, 100)}-${suffix}`;
}

/**
 * The id of a server merged from open datasets, made from its identity key (src/store/identity.ts) the
 * same way: `npm:pkg` gives the id the crawler gives that npm package, so a later crawl keeps the URL.
 */
export function serverIdFromKey(key: string): string {
  const body = key.slice(key.indexOf(':') + 1);
  const name = key.startsWith('repo:') ? body.split('/').slice(1).join('/') : key.startsWith('remote:') ? body.replace(/^https?:\/\//, '') : body;
  return `${readable(name, 100)}-${sha256Hex(key).slice(0, 8)}`;
}

const SAFE_TOOL_NAME = /^[a-z0-9_][a-z0-9_.-]{0,127}$/;
/** Names Windows reserves for devices in any case and with any extension (`con`, `nul.txt`, `com1`). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/;

/**
 * The URL segment (and folder name) of a tool page. A lower-case MCP name (a-z 0-9 _ - .) is kept as
 * it is, so `/tools/create_pull_request/` reads naturally; anything else becomes a slug with a hash of
 * the exact name, so it can never escape its folder or collide with another name. That includes a name
 * with capitals: macOS and Windows file systems ignore case, so `Help` and `help` kept as they are
 * would write one folder and one page would overwrite the other. Also hashed: Windows device names
 * and a trailing dot (Windows drops it, so `a.` would be `a`).
 */
export function toolSlug(name: string): string {
  if (SAFE_TOOL_NAME.test(name) && !WINDOWS_DEVICE.test(name) && !name.endsWith('.')) return name;
  const slug = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug.length > 0 ? slug : 'tool'}~${sha256Hex(name).slice(0, 8)}`;
}
