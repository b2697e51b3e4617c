// `mcp-risk-catalog scan [CONFIG…]`: the /scan/ page's report for the MCP client configs on this
// machine, from the dataset the package ships (no network), as a table, the core's JSON report or
// SARIF. Exit codes: 0 done, 1 a finding at or above --fail-on, 2 bad usage or a config that cannot
// be read. Every side effect (files, output, platform) comes in through CliContext, so the tests run
// the same function the bin runs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { RiskClass } from '../schema';
import { serverDocument, type ServerDocument } from '../site/export';
import { decodeUtf8, Utf8Error } from '../lib/utf8';
import { parseClientConfig } from './config';
import { crawlEntry, defaultCrawlCache, type EntryCrawlOptions } from './crawl-entry';
import { entryRegions } from './entry-regions';
import { parseRisk, scanFindings } from './findings';
import { defaultConfigLocations, type ConfigLocation } from './locations';
import { entryKeys, matchEntry } from './match';
import { buildScanReport, neededServers, reportJson } from './report';
import { sarifLog, type SarifArtifact } from './sarif';
import { DatasetError, ShippedDataset } from './shipped-dataset';
import { reportText, terminalSafe } from './table';
import type { ParsedConfig, ScanLookup, ScanReport } from './types';

export type CliContext = {
  argv: readonly string[];
  cwd: string;
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The dataset folder the package ships beside the bundle (`--dataset` overrides it). */
  datasetDir: string;
  /** Handed to the live crawl as they are (tests: a fixture install, short limits). */
  crawl?: Pick<EntryCrawlOptions, 'npm' | 'pypi'>;
};

export const USAGE = `Usage: mcp-risk-catalog scan [CONFIG…] [options]

Checks the MCP servers in client configs against the MCP tool-risk catalog, offline.
With no CONFIG, scans the usual config files of Claude Desktop, Claude Code, Cursor,
VS Code and Windsurf that exist on this machine and in the current folder.

Options:
  --json              the scan report as JSON (the report the /scan/ page downloads)
  --sarif             SARIF 2.1.0 (GitHub code scanning and other security tools)
  --fail-on RISK      exit 1 when a finding at or above RISK exists (low, medium, high, critical)
  --min-risk RISK     list tools at or above RISK as findings (default: --fail-on, else high)
  --output FILE       write the output to FILE instead of standard output
  --crawl             start entries not in the catalog in the crawler's sandbox and classify
                      them live (Linux, as root; needs the npm or PyPI registry)
  --cache DIR         where --crawl keeps installs (default: the user's cache folder)
  --dataset DIR       read another dataset folder (npm run build-cli writes one)
  --version, --help

Exit status: 0 no finding at or above --fail-on, 1 there is one, 2 bad usage or unreadable config.
`;

class UsageError extends Error {}

type Options = {
  files: string[];
  format: 'table' | 'json' | 'sarif';
  failOn?: RiskClass;
  minRisk: RiskClass;
  output?: string;
  crawl: boolean;
  cache?: string;
  dataset?: string;
};

function riskOption(name: string, value: string | undefined): RiskClass | undefined {
  if (value === undefined) return undefined;
  const risk = parseRisk(value);
  if (!risk) throw new UsageError(`${name} takes low, medium, high or critical, not "${value}"`);
  return risk;
}

function readOptions(argv: readonly string[]): Options | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        sarif: { type: 'boolean' },
        'fail-on': { type: 'string' },
        'min-risk': { type: 'string' },
        output: { type: 'string', short: 'o' },
        crawl: { type: 'boolean' },
        cache: { type: 'string' },
        dataset: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const [command, ...files] = positionals;
  if (command !== 'scan') throw new UsageError(command === undefined ? 'no command given' : `unknown command "${command}" (the command is "scan")`);
  if (values.json && values.sarif) throw new UsageError('--json and --sarif cannot be given together');
  const failOn = riskOption('--fail-on', values['fail-on']);
  return {
    files,
    format: values.json ? 'json' : values.sarif ? 'sarif' : 'table',
    ...(failOn ? { failOn } : {}),
    minRisk: riskOption('--min-risk', values['min-risk']) ?? failOn ?? 'High',
    ...(values.output !== undefined ? { output: values.output } : {}),
    crawl: values.crawl ?? false,
    ...(values.cache !== undefined ? { cache: values.cache } : {}),
    ...(values.dataset !== undefined ? { dataset: values.dataset } : {}),
  };
}

/** A config file to scan: where it is, how to name it to the user, and its text. */
type ConfigFile = { path: string; shown: string; text: string };

class ConfigError extends Error {}

/** `file` relative to `folder` when it lies inside it, else undefined. */
function inside(folder: string, file: string): string | undefined {
  const relative = path.relative(folder, file);
  return relative && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative) ? relative : undefined;
}

/** How a config is named in the output: from the working folder, else from the home, else in full. */
function shownPath(file: string, context: CliContext): string {
  const relative = inside(context.cwd, file);
  if (relative) return relative;
  const fromHome = inside(context.home, file);
  return fromHome ? `~/${fromHome}` : file;
}

function readConfig(file: string, context: CliContext): ConfigFile {
  const absolute = path.resolve(context.cwd, file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new ConfigError(`${file}: cannot read the config: ${why}`);
  }
  try {
    return { path: absolute, shown: shownPath(absolute, context), text: decodeUtf8(bytes) };
  } catch (error) {
    if (error instanceof Utf8Error) throw new ConfigError(`${file}: not UTF-8 text (${error.message})`);
    throw error;
  }
}

/** The configs named on the command line, or every default location that exists. */
function configFiles(options: Options, context: CliContext): { files: ConfigFile[]; searched: ConfigLocation[] } {
  if (options.files.length > 0) return { files: options.files.map((file) => readConfig(file, context)), searched: [] };
  const platform = context.platform === 'win32' || context.platform === 'darwin' ? context.platform : 'linux';
  const searched = defaultConfigLocations({ platform, home: context.home, env: context.env, cwd: context.cwd });
  return { files: searched.filter((location) => existsSync(location.path)).map((location) => readConfig(location.path, context)), searched };
}

/**
 * Why a parsed config cannot be scanned, naming file, line and column: broken JSON (a client cannot
 * read it either), or nothing recognisable as servers. A config whose syntax is sound but with an
 * entry that cannot be read is scanned; the report lists the problem.
 */
function unreadable(config: ParsedConfig, file: ConfigFile): string | undefined {
  const syntax: ParseError[] = [];
  parseJsonc(file.text, syntax, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (syntax.length === 0 && config.shape !== 'unknown') return undefined;
  // A problem can quote the config (a project path): strangers' text, escaped for the terminal.
  return config.errors.map((error) => `${file.shown}:${error.line}:${error.column}: ${terminalSafe(error.message)}`).join('\n') || `${file.shown}: no MCP servers found`;
}

type Scanned = { file: ConfigFile; report: ScanReport };

async function scanFile(file: ConfigFile, dataset: ShippedDataset, options: Options, context: CliContext): Promise<Scanned> {
  const config = parseClientConfig(file.text, file.shown);
  const problem = unreadable(config, file);
  if (problem) throw new ConfigError(problem);
  const lookup: ScanLookup = dataset.lookup;
  const servers: Map<string, ServerDocument> = dataset.servers(neededServers(config, lookup));
  if (!options.crawl) return { file, report: buildScanReport(config, lookup, servers) };
  const crawled = await crawlUnmatched(config, lookup, servers, options, context);
  const report = buildScanReport(config, crawled.lookup, servers);
  // The core says "matched by its package": say where these tools really come from.
  for (const scanned of report.entries) {
    const note = scanned.match.server !== undefined ? crawled.notes.get(scanned.match.server) : undefined;
    if (note && scanned.match.status === 'matched') scanned.match = { ...scanned.match, note };
  }
  return { file, report };
}

/**
 * Crawls the entries the catalog does not know or knows without tools, adding each crawled server to
 * a copy of the lookup (under the entry's own key, so the core matches it) and to `servers`.
 */
async function crawlUnmatched(
  config: ParsedConfig,
  lookup: ScanLookup,
  servers: Map<string, ServerDocument>,
  options: Options,
  context: CliContext,
): Promise<{ lookup: ScanLookup; notes: Map<string, string> }> {
  const notes = new Map<string, string>();
  const extended: ScanLookup = { ...lookup, ids: [...lookup.ids], tools: [...lookup.tools], keys: { ...lookup.keys } };
  const cacheDir = options.cache ? path.resolve(context.cwd, options.cache) : defaultCrawlCache(context.platform, context.home, context.env);
  for (const entry of config.entries) {
    if (matchEntry(entry, extended).status === 'matched') continue;
    // The note can quote the server's stderr: it is escaped like every name.
    context.stderr(`crawling ${terminalSafe(entry.key)}…\n`);
    const crawled = await crawlEntry(entry, { platform: context.platform, cacheDir, ...context.crawl });
    context.stderr(`  ${terminalSafe(entry.key)}: ${terminalSafe(crawled.note)}\n`);
    const key = entryKeys(entry)[0]?.key;
    if (!crawled.server || !key) continue;
    servers.set(crawled.server.id, serverDocument(crawled.server));
    extended.keys[key] = [extended.ids.length];
    extended.ids.push(crawled.server.id);
    extended.tools.push(crawled.server.tools.length);
    notes.set(crawled.server.id, `Not in the catalog: ${crawled.note} (--crawl); its tools have no page on the site.`);
  }
  return { lookup: extended, notes };
}

function render(scans: Scanned[], options: Options, dataset: ShippedDataset, context: CliContext): string {
  if (options.format === 'json') {
    // One config: exactly the core's report JSON (the /scan/ page's download); several: a list of them.
    if (scans.length === 1) return reportJson(scans[0]!.report);
    return `${JSON.stringify(scans.map((scan) => scan.report), null, 2)}\n`;
  }
  if (options.format === 'sarif') {
    const artifacts: SarifArtifact[] = scans.map(({ file, report }) => {
      const relative = inside(context.cwd, file.path);
      const regions = entryRegions(file.text, report.entries.map((scanned) => scanned.entry));
      return {
        report,
        ...(relative ? { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' as const } : { uri: pathToFileURL(file.path).href }),
        regionOf: (index) => regions[index],
      };
    });
    const log = sarifLog(artifacts, { minRisk: options.minRisk, toolVersion: dataset.index.packageVersion, site: dataset.index.site, srcRoot: `${pathToFileURL(context.cwd).href.replace(/\/?$/, '/')}` });
    return `${JSON.stringify(log, null, 2)}\n`;
  }
  return scans.map((scan) => reportText(scan.report, options.minRisk, scan.file.shown)).join('\n');
}

/** Runs the CLI; resolves to the exit status. */
export async function runCli(context: CliContext): Promise<number> {
  let options: Options | 'help' | 'version';
  try {
    options = readOptions(context.argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    context.stderr(`mcp-risk-catalog: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    context.stdout(USAGE);
    return 0;
  }
  let dataset: ShippedDataset;
  try {
    dataset = new ShippedDataset(options === 'version' || !options.dataset ? context.datasetDir : path.resolve(context.cwd, options.dataset));
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    context.stderr(`mcp-risk-catalog: ${error.message}\n`);
    return 2;
  }
  if (options === 'version') {
    context.stdout(`mcp-risk-catalog ${dataset.index.packageVersion} (dataset: ${dataset.index.servers} servers, ${dataset.index.tools} tools)\n`);
    return 0;
  }
  const scans: Scanned[] = [];
  try {
    const { files, searched } = configFiles(options, context);
    if (files.length === 0) {
      context.stderr(`mcp-risk-catalog: no MCP client config found. Looked for:\n${searched.map((location) => `  ${location.path}  (${location.client}, ${location.scope})`).join('\n')}\nName a config file: mcp-risk-catalog scan path/to/mcp.json\n`);
      return 2;
    }
    for (const file of files) scans.push(await scanFile(file, dataset, options, context));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    context.stderr(`mcp-risk-catalog: ${error.message}\n`);
    return 2;
  }
  const output = render(scans, options, dataset, context);
  if (options.output) {
    const target = path.resolve(context.cwd, options.output);
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, output);
    } catch (error) {
      context.stderr(`mcp-risk-catalog: cannot write ${options.output}: ${(error as Error).message}\n`);
      return 2;
    }
  } else {
    context.stdout(output);
  }
  const failOn = options.failOn;
  if (failOn && scans.some((scan) => scanFindings(scan.report, failOn).length > 0)) {
    if (options.output || options.format !== 'table') context.stderr(`mcp-risk-catalog: findings at or above ${failOn} (--fail-on ${failOn.toLowerCase()})\n`);
    return 1;
  }
  return 0;
}
