// What an install or launch command line says about a server's identity: the package it installs or
// runs (`npx -y @scope/pkg`, `uvx pkg`, `pip install pkg`, `docker run … image`) and the endpoint a
// runner or client is pointed at (`npx mcp-remote https://…`, `claude mcp add … https://…`).
// Runners themselves are never the server's package.
import type { SourcePackage } from '../../schema';
import { packageKey } from '../../store/identity';

export type LaunchFacts = { packages: SourcePackage[]; remotes: { type: string; url: string }[] };

/** Launchers that start someone else's server: their name is not the server's package (identity.ts knows more). */
const LAUNCHERS = new Set(['smithery', '@smithery/cli', 'mcp-remote', 'supergateway', 'mcp-proxy', '@modelcontextprotocol/inspector']);

/** `docker run` options that take a value, so the value is not taken for the image. */
const DOCKER_VALUE_OPTIONS = new Set(['-e', '--env', '-v', '--volume', '-p', '--publish', '--name', '--network', '--mount', '--env-file', '-w', '--workdir', '-u', '--user', '--entrypoint', '--platform', '-l', '--label', '--add-host']);

/** Words of a command line, quotes removed (no shell expansion: the text is data, never run). */
function words(line: string): string[] {
  return (line.match(/"[^"]*"|'[^']*'|`[^`]*`|\S+/g) ?? []).map((word) => word.replace(/^(["'`])(.*)\1$/, '$2'));
}

/** Commands chained with `&&`, `||`, `;` or `|`, each as its words. */
function commands(line: string): string[][] {
  const result: string[][] = [[]];
  for (const word of words(line)) {
    if (['&&', '||', ';', '|'].includes(word)) result.push([]);
    else if (word.endsWith(';')) {
      if (word.length > 1) result[result.length - 1]!.push(word.slice(0, -1));
      result.push([]);
    } else result[result.length - 1]!.push(word);
  }
  return result.filter((command) => command.length > 0);
}

/** `name@1.2.3` -> name and version (npm), `name==1.2` / `name[extra]` -> name and version (PyPI). */
function splitVersion(registryType: 'npm' | 'pypi', spec: string): SourcePackage | undefined {
  let identifier = spec;
  let version: string | undefined;
  if (registryType === 'npm') {
    const at = spec.indexOf('@', 1);
    if (at > 0) {
      identifier = spec.slice(0, at);
      version = spec.slice(at + 1);
    }
  } else {
    const match = /^([^=<>!~[\s]+)(?:\[[^\]]*\])?(?:==([^,;\s]+))?/.exec(spec);
    if (!match) return undefined;
    identifier = match[1]!;
    version = match[2];
  }
  if (!packageKey(registryType, identifier) || LAUNCHERS.has(identifier.toLowerCase())) return undefined;
  return { registryType, identifier, ...(version && version !== 'latest' ? { version } : {}) };
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

const firstOperand = (args: readonly string[]) => args.find((arg) => !arg.startsWith('-'));
const firstUrl = (args: readonly string[]) => args.find((arg) => /^https?:\/\/\S+$/.test(arg));

function remoteType(transport: string | undefined, url: string): string {
  if (transport === 'http' || transport === 'streamable-http') return 'streamable-http';
  if (transport === 'sse') return 'sse';
  return /\/sse\/?$/.test(url.split('?')[0]!) ? 'sse' : 'streamable-http';
}

/** The package a runner command starts or installs, or the remote a proxy or client is given. */
function factsOf(command: string[], facts: LaunchFacts): void {
  const [program, ...args] = command;
  const base = program!.split(/[\\/]/).pop()!.toLowerCase().replace(/\.(cmd|exe)$/, '');
  const addPackage = (item: SourcePackage | undefined) => {
    if (item) facts.packages.push(item);
  };
  const proxied = (spec: string | undefined, rest: readonly string[]) => {
    const name = spec?.replace(/(.)@.*$/, '$1').toLowerCase();
    if (name && LAUNCHERS.has(name)) {
      const url = firstUrl(rest);
      if (url) facts.remotes.push({ type: remoteType(undefined, url), url });
      return true;
    }
    return false;
  };
  if (base === 'npx' || base === 'bunx' || base === 'pnpx') {
    const spec = optionValue(args, ['-p', '--package']) ?? firstOperand(args.filter((_arg, index) => !['-p', '--package'].includes(args[index - 1] ?? '')));
    if (!proxied(spec, args) && spec) addPackage(splitVersion('npm', spec));
  } else if ((base === 'npm' || base === 'pnpm' || base === 'yarn') && args.length > 0) {
    const [verb, ...rest] = args;
    if (verb === 'exec' || verb === 'dlx') {
      const spec = optionValue(rest, ['--package', '-p']) ?? firstOperand(rest);
      if (!proxied(spec, rest) && spec) addPackage(splitVersion('npm', spec));
    } else if (['i', 'install', 'add'].includes(verb!) || (verb === 'global' && rest[0] === 'add')) {
      const spec = firstOperand(verb === 'global' ? rest.slice(1) : rest);
      if (spec) addPackage(splitVersion('npm', spec));
    }
  } else if (base === 'uvx') {
    const spec = optionValue(args, ['--from']) ?? firstOperand(args);
    if (spec) addPackage(splitVersion('pypi', spec));
  } else if ((base === 'pip' || base === 'pip3' || base === 'pipx' || base === 'uv') && args.length > 0) {
    const rest = base === 'uv' && (args[0] === 'pip' || args[0] === 'tool') ? args.slice(1) : args;
    if (['install', 'run'].includes(rest[0] ?? '')) {
      const spec = firstOperand(rest.slice(1));
      if (spec) addPackage(splitVersion('pypi', spec));
    }
  } else if (base === 'docker' && args[0] === 'run') {
    const rest = args.slice(1);
    const image = rest.find((arg, index) => !arg.startsWith('-') && !DOCKER_VALUE_OPTIONS.has(rest[index - 1] ?? ''));
    if (image && packageKey('oci', image)) facts.packages.push({ registryType: 'oci', identifier: image });
  } else if (base === 'claude' && args[0] === 'mcp' && args[1] === 'add') {
    const url = firstUrl(args);
    if (url) facts.remotes.push({ type: remoteType(optionValue(args, ['--transport', '-t']), url), url });
  }
}

/** Everything the command lines say, without duplicates, in the order first said. */
export function launchFacts(lines: readonly string[]): LaunchFacts {
  const facts: LaunchFacts = { packages: [], remotes: [] };
  for (const line of lines) for (const command of commands(line)) factsOf(command, facts);
  const seenPackages = new Set<string>();
  const seenRemotes = new Set<string>();
  return {
    packages: facts.packages.filter((item) => {
      const key = packageKey(item.registryType, item.identifier)!;
      if (seenPackages.has(key)) return false;
      seenPackages.add(key);
      return true;
    }),
    remotes: facts.remotes.filter((remote) => {
      if (seenRemotes.has(remote.url)) return false;
      seenRemotes.add(remote.url);
      return true;
    }),
  };
}
