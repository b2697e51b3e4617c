// Packages on npm, PyPI and OCI registries: the key that names one (what the merge joins on), the one
// list of runners that are never a server's package, and reading a `name@version` spec. Below both the
// store (identity keys) and the importers, so both read packages the same way.
import type { SourcePackage } from '../schema';

/**
 * Packages that start, proxy or install other servers: two records that name one of these are not the
 * same server, and a launch command that runs one starts somebody else's server (or an endpoint).
 */
const RUNNER_PACKAGES = new Set([
  'npm:mcp-remote',
  'npm:supergateway',
  'npm:@smithery/cli',
  'npm:smithery',
  'npm:@modelcontextprotocol/inspector',
  'npm:mcp-proxy',
  'npm:@michaellatman/mcp-get',
  'npm:@wong2/mcp-cli',
  'npm:tsx',
  'npm:ts-node',
  'npm:node',
  'npm:npx',
  'npm:npm',
  'npm:pnpm',
  'npm:yarn',
  'npm:bun',
  'npm:deno',
  'pypi:mcp-proxy',
  'pypi:mcp',
  'pypi:fastmcp',
  'pypi:uv',
  'pypi:uvx',
  'pypi:pip',
  'pypi:mcpo',
  'oci:docker',
]);

/** PEP 503 normalisation: `Foo_Bar.baz` and `foo-bar-baz` are one PyPI project. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The key a valid name gives on its registry, runners included. */
function registryKey(registryType: string, identifier: string): string | undefined {
  const type = registryType.toLowerCase();
  const id = identifier.trim();
  if (type === 'npm') {
    const name = id.replace(/^(@?[^@]+)@.*$/, '$1').toLowerCase();
    if (/^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/.test(name)) return `npm:${name}`;
  } else if (type === 'pypi') {
    const name = id.replace(/[=<>!~[@ ].*$/, '');
    if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) return `pypi:${normalizePypiName(name)}`;
  } else if (type === 'oci' || type === 'docker') {
    const image = id.toLowerCase().replace(/@sha256:[0-9a-f]+$/, '').replace(/:[^/:]+$/, '').replace(/^docker\.io\//, '').replace(/^library\//, '');
    if (/^[a-z0-9][a-z0-9._/-]*$/.test(image)) return `oci:${image}`;
  }
  return undefined;
}

/** `npm:name`, `pypi:name`, `oci:image` (without tag or digest); undefined for other registries and for runners. */
export function packageKey(registryType: string, identifier: string): string | undefined {
  const key = registryKey(registryType, identifier);
  return key && !RUNNER_PACKAGES.has(key) ? key : undefined;
}

/** Whether the name (a version suffix allowed) is one of the runners. */
export function isRunnerPackage(registryType: string, identifier: string): boolean {
  const key = registryKey(registryType, identifier);
  return key !== undefined && RUNNER_PACKAGES.has(key);
}

/**
 * The package a published-package spec names (`name@1.2`, `name[extra]==1.2`, `owner/image:tag`), if it
 * is one a registry would know and not a runner. A `version` given apart wins over one in the spec.
 */
export function registryPackage(registryType: 'npm' | 'pypi' | 'oci', spec: string, version?: string): SourcePackage | undefined {
  const text = spec.trim();
  if (text === '' || text.includes('${') || text.includes('{{')) return undefined;
  let identifier = text;
  let pinned = version;
  if (registryType === 'npm') {
    const at = text.lastIndexOf('@');
    if (at > 0) [identifier, pinned] = [text.slice(0, at), pinned ?? text.slice(at + 1)];
  } else if (registryType === 'pypi') {
    const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?(?:(?:@|==)\s*([^\s;]+))?$/.exec(text);
    if (!match) return undefined;
    [identifier, pinned] = [match[1]!, pinned ?? match[2]];
  } else {
    const digest = text.indexOf('@');
    const slash = text.lastIndexOf('/');
    const colon = text.lastIndexOf(':');
    if (digest > 0) [identifier, pinned] = [text.slice(0, digest), pinned ?? text.slice(digest + 1)];
    else if (colon > slash) [identifier, pinned] = [text.slice(0, colon), pinned ?? text.slice(colon + 1)];
    // An image without a namespace is an official library image or one built locally from the
    // repository (`docker build -t my-server .`): neither names a published MCP server.
    if (!identifier.includes('/') || identifier.startsWith('localhost')) return undefined;
  }
  if (!packageKey(registryType, identifier)) return undefined;
  // `latest` (and `stable`, `main` ...) are tags that move, not versions.
  const keep = pinned && /^v?\d/.test(pinned) && !pinned.includes('$') ? pinned : undefined;
  return { registryType, identifier, ...(keep ? { version: keep } : {}) };
}
