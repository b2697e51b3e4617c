// For a server whose tools have not been collected: why not, and the exact commands that would
// collect them, from what the record knows (its packages, endpoints and registry entry). When none of
// the crawler's sources can start it, the page says so rather than suggesting a command that cannot work.
import type { FailureReason, Server } from '../schema';
import { launchPackageKey, packageKey } from '../store/identity';
import { formatDate, plural, shorten } from './format';
import { NPM_NAME, PYPI_NAME, httpLink, shellWord } from './links';
import { sourceTitle } from './provenance';

/** What each crawl failure means, in the words of docs/crawler.md. */
export const FAILURE_MEANING: Record<FailureReason, string> = {
  install: 'the package could not be installed',
  spawn: 'the package has no binary that could be started',
  timeout: 'the server did not answer initialize or tools/list in time',
  protocol: 'the server did not speak MCP correctly (noise on stdout, an error answer or an unsupported protocol version)',
  crash: 'the server exited before it listed its tools',
  'output-limit': 'the server wrote more output than the crawler accepts',
  sandbox: "the crawler's sandbox could not be set up",
  http: 'the endpoint answered neither MCP transport',
  'invalid-tools': 'no tool it listed could be stored',
  'no-tools': 'the server listed no tools',
  'ignored-sigterm': 'the server had to be killed after it ignored SIGTERM',
  'left-processes': 'processes the server started were still running after it exited',
};

export type CollectStep = {
  /** What the command collects: "npm package @scope/x". */
  what: string;
  /** Anything to do first, in one sentence. */
  before: string | undefined;
  /** The commands, one a line, to run in a checkout of the catalog. */
  commands: string[];
};

export type NotCollected = {
  /** Why there are no tools, in one or two sentences. */
  reason: string;
  /** The crawler's own message, shortened (untrusted text: it may quote the server). */
  message: string | undefined;
  steps: CollectStep[];
  /** Said when no step can be offered, or about packages the crawler cannot start. */
  limits: string[];
};

type Known = { npm: Map<string, string>; pypi: Map<string, string>; other: Map<string, string> };

/** Packages the record names, by registry, keyed so `@X/y` and `@x/y` count once. */
function knownPackages(server: Server): Known {
  const known: Known = { npm: new Map(), pypi: new Map(), other: new Map() };
  const add = (key: string | undefined, shown?: string) => {
    if (!key) return;
    const type = key.slice(0, key.indexOf(':'));
    const name = key.slice(type.length + 1);
    const map = type === 'npm' ? known.npm : type === 'pypi' ? known.pypi : known.other;
    if (!map.has(key)) map.set(key, type === 'npm' || type === 'pypi' ? (shown ?? name) : `${type} ${shown ?? name}`);
  };
  if (server.source.kind === 'npm' || server.source.kind === 'pypi') add(packageKey(server.source.kind, server.source.package), server.source.package);
  for (const item of server.registry?.packages ?? []) {
    const key = packageKey(item.registryType, item.identifier);
    if (key) add(key, item.registryType === 'npm' || item.registryType === 'pypi' ? key.slice(key.indexOf(':') + 1) : item.identifier);
    else known.other.set(`${item.registryType}:${item.identifier}`, `${item.registryType} ${item.identifier}`);
  }
  if (server.launch) add(launchPackageKey(server.launch.command, server.launch.args));
  if (server.identity && /^(npm|pypi|oci):/.test(server.identity)) add(server.identity);
  return known;
}

function remotesOf(server: Server): Array<{ url: string; headers: string[] }> {
  const remotes = new Map<string, string[]>();
  if (server.source.kind === 'remote') remotes.set(server.source.url, []);
  for (const remote of server.registry?.remotes ?? []) if (!remotes.has(remote.url)) remotes.set(remote.url, remote.headers ?? []);
  return [...remotes].flatMap(([url, headers]) => {
    const href = httpLink(url);
    return href ? [{ url: href, headers: headers.filter((name) => /^[A-Za-z0-9-]{1,100}$/.test(name)) }] : [];
  });
}

function reasonOf(server: Server): { reason: string; message: string | undefined } {
  const { crawl } = server;
  const listing = (server.sources ?? []).filter((entry) => entry.source !== 'crawl');
  const listedBy =
    listing.length > 0
      ? listing.length === 1
        ? `${sourceTitle(listing[0]!.source)} lists this server but does not publish its tools`
        : `${plural(listing.length, 'source')} list this server, but none of them publishes its tools`
      : undefined;
  const message = crawl.message ? shorten(crawl.message, 400) : undefined;
  switch (crawl.status) {
    case 'failed': {
      const when = crawl.at ? ` on ${formatDate(crawl.at)}` : '';
      const why = crawl.reason ? `: ${FAILURE_MEANING[crawl.reason]} (${crawl.reason})` : '';
      return { reason: `This project's crawler tried to start the server${when} and failed${why}.${listedBy ? ` ${listedBy}.` : ''}`, message };
    }
    case 'listed':
      return { reason: `${listedBy ?? 'The server is known from a registry listing, which does not publish its tools'}, and this project's crawler has not run it yet.`, message: undefined };
    case 'ok':
      return { reason: 'The server answered, but its tools could not be stored.', message };
    case 'imported':
      return { reason: 'The dump it was imported from holds no tools for it.', message };
  }
}

/** Why the server has no tools and how to collect them; undefined when it has tools. */
export function notCollected(server: Server): NotCollected | undefined {
  if (server.tools.length > 0) return undefined;
  const steps: CollectStep[] = [];
  const limits: string[] = [];
  const known = knownPackages(server);
  const again = server.crawl.status === 'failed' ? 'once what made the last crawl fail is addressed, run it again' : 'run';

  // The crawl rebuilds data/servers/ itself, so one command is the whole job.
  const packageStep = (kind: 'npm' | 'pypi', title: string, targets: string, name: string): CollectStep => {
    const target = server.source.kind === kind && server.source.package === name;
    return {
      what: `${title} package ${name}`,
      before: target
        ? `it is a crawl target in ${targets}; ${again}:`
        : `not a crawl target yet, so it is started with no arguments or environment variables (if it needs some, add it to ${targets} with dummy values first, see docs/crawler.md):`,
      commands: [`npm run crawl -- --source ${kind} --only ${shellWord(name)}`],
    };
  };
  for (const name of known.npm.values()) if (NPM_NAME.test(name)) steps.push(packageStep('npm', 'npm', 'data/crawl-targets.json', name));
  for (const name of known.pypi.values()) if (PYPI_NAME.test(name)) steps.push(packageStep('pypi', 'PyPI', 'data/crawl-targets-pypi.json', name));
  for (const remote of remotesOf(server)) {
    const headers = remote.headers.map((name) => ` --header ${shellWord(`${name}: <value>`)}`).join('');
    steps.push({
      what: `remote endpoint ${remote.url}`,
      before: remote.headers.length > 0 ? `it needs ${remote.headers.join(', ')}; put your own value in place of <value> and run:` : 'run:',
      commands: [`npm run crawl -- --source remote --url ${shellWord(remote.url)}${headers}`],
    });
  }
  if (server.source.kind === 'registry' && steps.length === 0) {
    steps.push({
      what: `MCP registry entry ${server.source.registryName}`,
      before: 'the registry source starts the npm packages and visits the remotes its entry names:',
      commands: [`npm run crawl -- --source registry --only ${shellWord(server.source.registryName)}`],
    });
  }
  if (known.other.size > 0) {
    limits.push(`The crawler cannot start ${[...known.other.values()].join(', ')}: it runs npm and PyPI packages and visits remote endpoints.`);
  }
  if (steps.length === 0) {
    limits.push(
      known.other.size > 0
        ? 'So there is no command that collects its tools yet.'
        : 'No source names an npm or PyPI package or a remote endpoint for it, so the crawler has nothing to start: its tools can only be collected by hand, by running the server and importing its tools/list (npm run import).',
    );
  }
  return { ...reasonOf(server), steps, limits };
}
