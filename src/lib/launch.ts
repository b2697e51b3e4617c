// What a launch or install command (`command` + `args`, as MCP client configs spell them) says a server
// is: the published package it runs or installs (`npx -y <pkg>`, `npm i -g <pkg>`, `uvx <pkg>`,
// `pip install <pkg>`, `docker run … <image>`) and the endpoint a runner or client is pointed at
// (`npx mcp-remote https://…`, `claude mcp add … https://…`). Runners, local paths, git URLs and images
// that live on no registry give no package. The one reader for the importers and the merge.
import type { SourcePackage } from '../schema';
import { isRunnerPackage, registryPackage } from './packages';

export type LaunchEndpoint = { type: 'streamable-http' | 'sse'; url: string };
export type Launch = { package?: SourcePackage; endpoint?: LaunchEndpoint };

/** `docker run` options that take a value as the next argument (the rest are flags). */
const DOCKER_VALUE_OPTIONS = new Set([
  '-e', '--env', '--env-file', '-v', '--volume', '--mount', '-p', '--publish', '--name', '--network', '--net',
  '-w', '--workdir', '--entrypoint', '-u', '--user', '--platform', '--add-host', '-l', '--label', '-m', '--memory',
  '--cpus', '--restart', '--pull', '-h', '--hostname', '--cap-add', '--cap-drop', '--device', '--security-opt',
  '--shm-size', '--ulimit', '--tmpfs', '--dns', '--ipc', '--pid', '--log-driver', '--log-opt', '--gpus', '--runtime',
]);

/** `npx` / `npm exec` / `npm install` options that take a value (`--package` is read on its own). */
const NPM_VALUE_OPTIONS = new Set(['--node-options', '--call', '-c', '--prefix', '--registry']);

/** `uvx` / `pipx run` options that take a value (`--from` / `--spec` is read on its own). */
const UVX_VALUE_OPTIONS = new Set(['--with', '--with-editable', '--with-requirements', '-p', '--python', '--index', '--index-url', '--extra-index-url', '--default-index', '--env-file', '--directory', '--project', '-c', '--constraints', '--cache-dir', '--pip-args']);

/** `pip install` / `uv pip install` options that take a value; `-e <path>` and `-r <file>` name no package. */
const PIP_VALUE_OPTIONS = new Set(['-r', '--requirement', '-e', '--editable', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-t', '--target', '--prefix', '--python', '-p']);

/** The program a command starts, as a bare lower-case name (`C:\bin\npx.cmd` -> `npx`). */
function programName(command: string): string {
  return command.trim().split(/[\\/]/).pop()!.toLowerCase().replace(/\.(cmd|exe)$/, '');
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

/** The value of `--name value` / `--name=value` among `args`, for any of `names`. */
function optionValue(args: readonly string[], names: readonly string[]): string | undefined {
  for (const [index, arg] of args.entries()) {
    for (const name of names) {
      if (arg === name) return args[index + 1];
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
    }
  }
  return undefined;
}

/** A spec that points at code outside any registry: a URL, a git remote, a path, a JSR module. */
function notOnRegistry(spec: string): boolean {
  return /^(https?:|git[+:]|github:|gitlab:|file:|jsr:|npm:|\.|\/|~|[A-Za-z]:\\)/i.test(spec);
}

function endpointOf(url: string, transport?: string): LaunchEndpoint {
  if (transport === 'http' || transport === 'streamable-http') return { type: 'streamable-http', url };
  if (transport === 'sse') return { type: 'sse', url };
  return { type: /\/sse\/?$/.test(url.split('?')[0]!) ? 'sse' : 'streamable-http', url };
}

const firstUrl = (args: readonly string[]) => args.find((arg) => /^https?:\/\/\S+$/.test(arg));

/** The package `spec` names, or, when it is a runner (mcp-remote, supergateway …), the endpoint it is given. */
function launched(registryType: 'npm' | 'pypi', spec: string | undefined, args: readonly string[]): Launch {
  if (!spec || notOnRegistry(spec)) return {};
  if (isRunnerPackage(registryType, spec)) {
    const url = firstUrl(args);
    return url ? { endpoint: endpointOf(url) } : {};
  }
  const item = registryPackage(registryType, spec);
  return item ? { package: item } : {};
}

/** `npx`, `npm exec`, `pnpm dlx`: the package named by `-p` / `--package`, else the first operand. */
function npmRun(args: readonly string[]): Launch {
  const given = optionValue(args, ['-p', '--package']);
  if (given !== undefined) return launched('npm', given, args);
  const first = positional(args, NPM_VALUE_OPTIONS);
  // `npx @21st-dev/cli install <client>` runs an installer that writes a client config: not the server.
  if (!first || args[first.index + 1] === 'install') return {};
  return launched('npm', first.value, args);
}

/** `uvx`, `uv tool run`, `pipx run`: the package named by `--from` (`--spec` for pipx), else the first operand. */
function pypiRun(args: readonly string[], fromOption: string): Launch {
  // Code run from a local folder is no published package.
  if (args.some((arg) => arg === '--directory' || arg.startsWith('--directory=') || arg === '--project')) return {};
  const from = optionValue(args, [fromOption]);
  if (from !== undefined) return launched('pypi', from, args);
  const first = positional(args, UVX_VALUE_OPTIONS);
  // `uvx run <pkg>` is a slip for `uv run`; `run` is not the package meant.
  if (!first || first.value === 'run' || /\.py$/i.test(first.value)) return {};
  return launched('pypi', first.value, args);
}

/** `npm install <pkg>`, `pip install <pkg>`: the first package installed. */
function installed(registryType: 'npm' | 'pypi', args: readonly string[]): Launch {
  const first = positional(args, registryType === 'npm' ? NPM_VALUE_OPTIONS : PIP_VALUE_OPTIONS);
  return launched(registryType, first?.value, []);
}

function dockerRun(args: readonly string[]): Launch {
  if (args[0] !== 'run') return {};
  const image = positional(args.slice(1), DOCKER_VALUE_OPTIONS);
  const item = image ? registryPackage('oci', image.value) : undefined;
  return item ? { package: item } : {};
}

/** What a launch command starts: the published package, or the endpoint a runner or client is pointed at. */
export function launchOf(command: unknown, args: unknown): Launch {
  if (typeof command !== 'string' || !Array.isArray(args) || !args.every((arg) => typeof arg === 'string')) return {};
  const list = args as string[];
  const [verb, ...rest] = list;
  switch (programName(command)) {
    case 'npx':
    case 'bunx':
    case 'pnpx':
      return npmRun(list);
    case 'npm':
    case 'pnpm':
    case 'yarn':
      if (verb === 'exec' || verb === 'dlx') return npmRun(rest);
      if (verb === 'i' || verb === 'install' || verb === 'add') return installed('npm', rest);
      if (verb === 'global' && rest[0] === 'add') return installed('npm', rest.slice(1));
      return {};
    case 'uvx':
      return pypiRun(list, '--from');
    case 'uv':
      if (verb === 'tool' && (rest[0] === 'run' || rest[0] === 'uvx')) return pypiRun(rest.slice(1), '--from');
      if ((verb === 'tool' || verb === 'pip') && rest[0] === 'install') return installed('pypi', rest.slice(1));
      return {};
    case 'pipx':
      if (verb === 'run') return pypiRun(rest, '--spec');
      return verb === 'install' ? installed('pypi', rest) : {};
    case 'pip':
    case 'pip3':
      return verb === 'install' ? installed('pypi', rest) : {};
    case 'docker':
    case 'podman':
      return dockerRun(list);
    case 'claude': {
      if (verb !== 'mcp' || rest[0] !== 'add') return {};
      const url = firstUrl(rest);
      return url ? { endpoint: endpointOf(url, optionValue(rest, ['--transport', '-t'])) } : {};
    }
    default:
      return {};
  }
}

/** Names of the environment variables a `docker run` passes in (`-e NAME`, `-e NAME=value`, `--env=NAME`); values are dropped. */
export function dockerEnvNames(command: unknown, args: unknown): string[] {
  if (typeof command !== 'string' || !['docker', 'podman'].includes(programName(command)) || !Array.isArray(args)) return [];
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
