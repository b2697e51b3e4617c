// What a launch config (`command` + `args`, as MCP client configs spell them) says a server ships as:
// `npx -y <pkg>` an npm package, `uvx <pkg>` / `uv tool run <pkg>` a PyPI one, `docker run ... <image>`
// an image. Runners (mcp-remote, supergateway, deno, uvx itself), local paths, git URLs and images
// that live on no registry give nothing: they say nothing about which published package the server is.
import type { SourcePackage } from '../../schema';
import { packageKey } from '../../store/identity';

/** npm packages that start other programs; the merge's own list (identity.ts) holds the MCP-specific ones. */
const RUNNERS = new Set(['npm:deno', 'npm:bun', 'npm:pnpm', 'npm:yarn', 'npm:npm']);

/** `docker run` options that take a value as the next argument (the rest are flags). */
const DOCKER_VALUE_OPTIONS = new Set([
  '-e', '--env', '--env-file', '-v', '--volume', '--mount', '-p', '--publish', '--name', '--network', '--net',
  '-w', '--workdir', '--entrypoint', '-u', '--user', '--platform', '--add-host', '-l', '--label', '-m', '--memory',
  '--cpus', '--restart', '--pull', '-h', '--hostname', '--cap-add', '--cap-drop', '--device', '--security-opt',
  '--shm-size', '--ulimit', '--tmpfs', '--dns', '--ipc', '--pid', '--log-driver', '--log-opt', '--gpus', '--runtime',
]);

/** `uvx` options that take a value (`--from` is read on its own). */
const UVX_VALUE_OPTIONS = new Set(['--with', '--with-editable', '--with-requirements', '-p', '--python', '--index', '--index-url', '--extra-index-url', '--default-index', '--env-file', '--directory', '--project', '-c', '--constraints', '--cache-dir']);

/** The package a published-package spec names, if it is one a registry would know and not a runner. */
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
  const key = packageKey(registryType, identifier);
  if (!key || RUNNERS.has(key)) return undefined;
  // `latest` (and `stable`, `main` ...) are tags that move, not versions.
  const keep = pinned && /^v?\d/.test(pinned) && !pinned.includes('$') ? pinned : undefined;
  return { registryType, identifier, ...(keep ? { version: keep } : {}) };
}

function positional(args: readonly string[], valueOptions: ReadonlySet<string>): { index: number; value: string } | undefined {
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg.startsWith('-')) {
      if (valueOptions.has(arg)) index += 1;
      continue;
    }
    return { index, value: arg };
  }
  return undefined;
}

/** A spec that points at code outside any registry: a URL, a git remote, a path, a JSR module. */
function notOnRegistry(spec: string): boolean {
  return /^(https?:|git[+:]|github:|gitlab:|file:|jsr:|npm:|\.|\/|~|[A-Za-z]:\\)/i.test(spec);
}

function npxPackage(args: readonly string[]): SourcePackage | undefined {
  // `npx -p <pkg> <bin>` runs a binary of <pkg>: the package is the one named.
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    const given = arg === '-p' || arg === '--package' ? args[index + 1] : arg.startsWith('--package=') ? arg.slice('--package='.length) : undefined;
    if (given !== undefined) return notOnRegistry(given) ? undefined : registryPackage('npm', given);
  }
  const first = positional(args, new Set(['--node-options', '--call', '-c']));
  if (!first || notOnRegistry(first.value)) return undefined;
  // `npx @21st-dev/cli install <client>` runs an installer that writes a client config: not the server.
  if (args[first.index + 1] === 'install') return undefined;
  return registryPackage('npm', first.value);
}

function uvxPackage(args: readonly string[]): SourcePackage | undefined {
  // Code run from a local folder is no published package.
  if (args.some((arg) => arg === '--directory' || arg.startsWith('--directory=') || arg === '--project')) return undefined;
  const from = args.findIndex((arg) => arg === '--from' || arg.startsWith('--from='));
  if (from !== -1) {
    const spec = args[from] === '--from' ? args[from + 1] : args[from]!.slice('--from='.length);
    return spec && !notOnRegistry(spec) ? registryPackage('pypi', spec) : undefined;
  }
  const first = positional(args, UVX_VALUE_OPTIONS);
  // `uvx run <pkg>` is a slip for `uv run`; `run` is not the package meant.
  if (!first || notOnRegistry(first.value) || first.value === 'run' || /\.py$/i.test(first.value)) return undefined;
  return registryPackage('pypi', first.value);
}

function dockerImage(args: readonly string[]): SourcePackage | undefined {
  if (args[0] !== 'run') return undefined;
  const image = positional(args.slice(1), DOCKER_VALUE_OPTIONS);
  return image ? registryPackage('oci', image.value) : undefined;
}

/** The published package a launch command starts, if it starts one. */
export function packageOfLaunch(command: unknown, args: unknown): SourcePackage | undefined {
  if (typeof command !== 'string' || !Array.isArray(args) || !args.every((arg) => typeof arg === 'string')) return undefined;
  const base = command.trim().split(/[\\/]/).pop()!.toLowerCase().replace(/\.(cmd|exe)$/, '');
  const list = args as string[];
  if (base === 'npx' || base === 'bunx' || base === 'pnpx') return npxPackage(list);
  if (base === 'uvx') return uvxPackage(list);
  if (base === 'uv' && list[0] === 'tool' && (list[1] === 'run' || list[1] === 'uvx')) return uvxPackage(list.slice(2));
  if (base === 'docker' || base === 'podman') return dockerImage(list);
  return undefined;
}

/** Names of the environment variables a `docker run` passes in (`-e NAME`, `-e NAME=value`, `--env=NAME`); values are dropped. */
export function dockerEnvNames(command: unknown, args: unknown): string[] {
  if (typeof command !== 'string' || !/(^|[\\/])(docker|podman)(\.exe)?$/i.test(command.trim()) || !Array.isArray(args)) return [];
  const names: string[] = [];
  args.forEach((arg, index) => {
    if (typeof arg !== 'string') return;
    let value: unknown;
    if (arg === '-e' || arg === '--env') value = args[index + 1];
    else if (arg.startsWith('--env=')) value = arg.slice('--env='.length);
    else if (/^-e[A-Za-z_]/.test(arg)) value = arg.slice(2);
    if (typeof value !== 'string') return;
    const name = value.split('=')[0]!;
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) names.push(name);
  });
  return names;
}
