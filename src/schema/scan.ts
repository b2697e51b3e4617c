// A setup scan (docs/scan.md): what a client config parses to, the lookup the /scan/ page matches
// against, and the report the page downloads and `mcp-risk-catalog scan --json` prints. Plain zod (no
// astro:*, no Node): the browser, the CLI and the tests read the same schema; src/scan/types.ts
// re-exports the types.
import { z } from 'zod';
import { CapabilityLabel, Category, RiskClass, Severity } from './classification';

/** Which client's file the config looks like: `mcpServers` (Claude Desktop, Claude Code's .mcp.json, Cursor, Windsurf), `vscode` (`servers` + `inputs`), `claude-json` (~/.claude.json), `bare` (an mcpServers object's contents), `unknown`. */
export const ConfigShape = z.enum(['mcpServers', 'vscode', 'claude-json', 'bare', 'unknown']);
export type ConfigShape = z.infer<typeof ConfigShape>;

export const Transport = z.enum(['stdio', 'http', 'sse']);
export type Transport = z.infer<typeof Transport>;

/** A package an entry launches, as the registries name it. */
export const LaunchedPackage = z.strictObject({
  registryType: z.enum(['npm', 'pypi', 'oci']),
  identifier: z.string().min(1),
  /** The version the config pins (`@1.2.3`, `==1.2.3`, `:1.2.3`); absent when it runs the latest. */
  version: z.string().optional(),
});
export type LaunchedPackage = z.infer<typeof LaunchedPackage>;

/**
 * One server entry of a config, sanitised: nothing here holds an environment or header value, and
 * every argument that looks secret is replaced by [REDACTED]. All that is shown, stored, downloaded
 * or put in a shared link.
 */
export const ConfigEntry = z.strictObject({
  /** The key the config gives the server (clients name its tools `mcp__<key>__<tool>`); untrusted text. */
  key: z.string(),
  /** Where in the file: absent for the top level, `project:<path>` for a Claude Code project's servers. */
  scope: z.string().optional(),
  transport: Transport,
  command: z.string().optional(),
  /** The arguments, with secret-looking values redacted. */
  args: z.array(z.string()),
  /** Names of the environment variables the entry sets (sorted; values are dropped while parsing). */
  env: z.array(z.string()),
  /** Names of the HTTP headers the entry sends (sorted; values dropped). */
  headers: z.array(z.string()),
  /** The remote endpoint without userinfo, query string or fragment. */
  url: z.string().optional(),
  /** The package the command launches, when it names one on npm, PyPI or a container registry. */
  package: LaunchedPackage.optional(),
  /** What was redacted, one short phrase each (`args[2]: value of --api-key`), for the page to say. */
  redactions: z.array(z.string()),
  /** The entry is switched off in the config (`"disabled": true`); it is still scanned. */
  disabled: z.literal(true).optional(),
});
export type ConfigEntry = z.infer<typeof ConfigEntry>;

/** A syntax or shape error, with where it is (1-based line and column). */
export const ConfigProblem = z.strictObject({
  message: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
});
export type ConfigProblem = z.infer<typeof ConfigProblem>;

export const ParsedConfig = z.strictObject({
  /** The file name given, if any (shown, never read). */
  file: z.string().optional(),
  shape: ConfigShape,
  /** In file order (a Claude Code project's servers after the top-level ones, projects by path). */
  entries: z.array(ConfigEntry),
  /** Syntax errors and entries that could not be read; a config with errors may still have entries. */
  errors: z.array(ConfigProblem),
  /** VS Code `inputs` ids the config declares (prompted values: never stored, named only). */
  inputs: z.array(z.string()),
});
export type ParsedConfig = z.infer<typeof ParsedConfig>;

/** /scan/lookup.json: match keys to server ids. Ids are listed once and keys point at them by index. */
export const ScanLookup = z.strictObject({
  version: z.literal(1),
  /** Every keyed server id, sorted. */
  ids: z.array(z.string()),
  /** The tool count of each id, in the order of `ids`. */
  tools: z.array(z.number().int().nonnegative()),
  /** `npm:<name>`, `pypi:<normalised>`, `oci:<image>`, `remote:<url>`, `registry:<name>` -> indexes into `ids`, ascending. */
  keys: z.record(z.string(), z.array(z.number().int().nonnegative())),
  /** By index into `ids` (as a string): the version the catalog's tools were collected from, per key, where a source says. */
  versions: z.record(z.string(), z.record(z.string(), z.string())),
});
export type ScanLookup = z.infer<typeof ScanLookup>;

export const MatchedBy = z.enum(['package', 'url', 'image', 'registry']);
export type MatchedBy = z.infer<typeof MatchedBy>;

export const EntryMatch = z.strictObject({
  /** matched: a catalog server with tools; no-tools: known to the catalog, tools never collected; unmatched: not in the catalog. */
  status: z.enum(['matched', 'no-tools', 'unmatched']),
  by: MatchedBy.optional(),
  /** The lookup key that matched. */
  key: z.string().optional(),
  /** The server the report uses (the matching server with tools, by the strongest key, then the most tools). */
  server: z.string().optional(),
  /** Every server the keys name, sorted (more than one when several records share a package). */
  candidates: z.array(z.string()),
  /** Set when the config pins a version other than the one the catalog crawled. */
  versionNote: z.string().optional(),
  /** For an unmatched or tool-less entry: how to add it to the catalog (a command of docs/crawler.md). */
  crawl: z.string().optional(),
  /** One sentence on the outcome, for people. */
  note: z.string(),
});
export type EntryMatch = z.infer<typeof EntryMatch>;

export const ScanFinding = z.strictObject({
  rule: z.string(),
  severity: Severity,
  field: z.string(),
  /** The server author's text the rule matched (untrusted: escape it). */
  match: z.string(),
  message: z.string(),
});
export type ScanFinding = z.infer<typeof ScanFinding>;

export const ScanTool = z.strictObject({
  name: z.string(),
  /** The tool's page on the site. */
  url: z.string(),
  category: Category,
  risk: RiskClass,
  labels: z.array(CapabilityLabel),
  findings: z.array(ScanFinding),
  /** What the combined policy does with it. */
  policy: z.enum(['allow', 'limit', 'deny', 'hide']),
});
export type ScanTool = z.infer<typeof ScanTool>;

export const ScanEntry = z.strictObject({
  entry: ConfigEntry,
  match: EntryMatch,
  server: z
    .strictObject({
      id: z.string(),
      displayName: z.string(),
      url: z.string(),
      risk: RiskClass,
      labels: z.array(CapabilityLabel),
      /** The server completes the exfiltration triangle on its own (its own page shows this). */
      triangle: z.boolean(),
    })
    .optional(),
  tools: z.array(ScanTool),
});
export type ScanEntry = z.infer<typeof ScanEntry>;

export const Leg = z.enum(['privateData', 'untrustedContent', 'outwardChannel']);
export type Leg = z.infer<typeof Leg>;

/** The servers (by config key) that supply one leg of a path, with some of their tools. */
export const PathLeg = z.strictObject({
  leg: Leg,
  servers: z.array(z.strictObject({ key: z.string(), tools: z.array(z.string()), toolCount: z.number().int().positive() })),
});
export type PathLeg = z.infer<typeof PathLeg>;

/**
 * Private data, untrusted content and an outward channel spread over two or three servers of the
 * setup, none of which has all three. Minimal: no server of it can be left out.
 */
export const CrossServerPath = z.strictObject({
  /** The config keys of its servers, sorted. */
  servers: z.array(z.string()).min(2).max(3),
  legs: z.tuple([PathLeg, PathLeg, PathLeg]),
});
export type CrossServerPath = z.infer<typeof CrossServerPath>;

export const ScanTotals = z.strictObject({
  entries: z.number().int().nonnegative(),
  matched: z.number().int().nonnegative(),
  noTools: z.number().int().nonnegative(),
  unmatched: z.number().int().nonnegative(),
  tools: z.number().int().nonnegative(),
  /** Every category, zero included. */
  byCategory: z.record(Category, z.number().int().nonnegative()),
  /** Every risk class, zero included. */
  byRisk: z.record(RiskClass, z.number().int().nonnegative()),
  findings: z.number().int().nonnegative(),
});
export type ScanTotals = z.infer<typeof ScanTotals>;

export const ScanPolicy = z.strictObject({
  /** `{"<key>": <hosted policy>}`: one policy per server's grants, keyed by config key. */
  hostedJson: z.string(),
  /** One Intercept document per server (`---` between them): Intercept wraps one server per proxy. */
  interceptYaml: z.string(),
  /** One `permissions` block naming every server by its config key. */
  claudeSettings: z.string(),
  /** The policy in words: per server, and what the setup as a whole changes. */
  explanation: z.string(),
  /** The setup supplies all three legs (over one server or several): outward channels are limited further. */
  setupTriangle: z.boolean(),
  /**
   * Each server's own files, in config order: what a gateway loads. Intercept reads one document per
   * file, so the combined YAML above would apply only its first server's policy if loaded as it is.
   */
  servers: z.array(z.strictObject({ key: z.string(), server: z.string(), hostedJson: z.string(), interceptYaml: z.string() })),
});
export type ScanPolicy = z.infer<typeof ScanPolicy>;

export const ScanReport = z.strictObject({
  version: z.literal(1),
  file: z.string().optional(),
  shape: ConfigShape,
  errors: z.array(ConfigProblem),
  inputs: z.array(z.string()),
  entries: z.array(ScanEntry),
  totals: ScanTotals,
  /** Cross-server paths, smallest first, at most PATH_LIMIT of them (pathCount says how many there are). */
  paths: z.array(CrossServerPath),
  pathCount: z.number().int().nonnegative(),
  /** Config keys of the servers that complete the triangle on their own. */
  singleServerTriangles: z.array(z.string()),
  /** Tool-poisoning findings (not annotation contradictions), by server and tool. */
  poisoning: z.array(z.strictObject({ key: z.string(), tool: z.string(), finding: ScanFinding })),
  /** Absent when no entry matched a server with tools. */
  policy: ScanPolicy.optional(),
});
export type ScanReport = z.infer<typeof ScanReport>;
