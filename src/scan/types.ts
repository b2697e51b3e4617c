// The shapes of a setup scan, shared by the /scan/ page and the `mcp-risk-catalog scan` CLI: what a
// client config parses to, how an entry matches the catalog, and the report both print. Plain types
// (no Node, no DOM): the same objects are built in the browser and in Node.
import type { CapabilityLabel, Category, RiskClass, Severity } from '../schema';

/** Which client's file the config looks like (how its servers were found in it). */
export type ConfigShape =
  /** `{"mcpServers": {...}}`: Claude Desktop, Claude Code's `.mcp.json`, Cursor, Windsurf. */
  | 'mcpServers'
  /** `{"servers": {...}, "inputs": [...]}`: VS Code's `mcp.json`. */
  | 'vscode'
  /** Claude Code's `~/.claude.json`: top-level `mcpServers` and `projects[path].mcpServers`. */
  | 'claude-json'
  /** The contents of an `mcpServers` object alone: `{"github": {"command": ...}}`. */
  | 'bare'
  /** Nothing recognisable (the errors say why). */
  | 'unknown';

export type Transport = 'stdio' | 'http' | 'sse';

/** A package an entry launches, as the registries name it. */
export interface LaunchedPackage {
  registryType: 'npm' | 'pypi' | 'oci';
  identifier: string;
  /** The version the config pins (`@1.2.3`, `==1.2.3`, `:1.2.3`); absent when it runs the latest. */
  version?: string;
}

/**
 * One server entry of a config, sanitised: nothing here holds an environment or header value, and
 * every argument that looks secret is already replaced by REDACTED. This object is all that is shown,
 * stored, downloaded or put in a shared link.
 */
export interface ConfigEntry {
  /** The key the config gives the server (clients name its tools `mcp__<key>__<tool>`); untrusted text. */
  key: string;
  /** Where in the file: absent for the top level, `project:<path>` for a Claude Code project's servers. */
  scope?: string;
  transport: Transport;
  command?: string;
  /** The arguments, with secret-looking values redacted. */
  args: string[];
  /** Names of the environment variables the entry sets (sorted; values are dropped while parsing). */
  env: string[];
  /** Names of the HTTP headers the entry sends (sorted; values dropped). */
  headers: string[];
  /** The remote endpoint without userinfo, query string or fragment. */
  url?: string;
  /** The package the command launches, when it names one on npm, PyPI or a container registry. */
  package?: LaunchedPackage;
  /** What was redacted, one short phrase each (`args[2]: value of --api-key`), for the page to say. */
  redactions: string[];
  /** The entry is switched off in the config (`"disabled": true`); it is still scanned. */
  disabled?: boolean;
}

/** A syntax or shape error, with where it is (1-based line and column). */
export interface ConfigProblem {
  message: string;
  line: number;
  column: number;
  offset: number;
}

export interface ParsedConfig {
  /** The file name given, if any (shown, never read). */
  file?: string;
  shape: ConfigShape;
  /** In file order (a Claude Code project's servers after the top-level ones, projects by path). */
  entries: ConfigEntry[];
  /** Syntax errors and entries that could not be read; a config with errors may still have entries. */
  errors: ConfigProblem[];
  /** VS Code `inputs` ids the config declares (prompted values: never stored, named only). */
  inputs: string[];
}

/**
 * The static lookup served as /scan/lookup.json: match keys to server ids, and what a match needs to
 * know. Ids are listed once and keys point at them by index, which halves the file.
 */
export interface ScanLookup {
  version: 1;
  /** Every keyed server id, sorted. */
  ids: string[];
  /** The tool count of each id, in the order of `ids`. */
  tools: number[];
  /** `npm:<name>`, `pypi:<normalised>`, `oci:<image>`, `remote:<url>`, `registry:<name>` -> indexes into `ids`, ascending. */
  keys: Record<string, number[]>;
  /** By index into `ids` (as a string): the version the catalog's tools were collected from, per key, where a source says. */
  versions: Record<string, Record<string, string>>;
}

export type MatchedBy = 'package' | 'url' | 'image' | 'registry';

export interface EntryMatch {
  /** matched: a catalog server with tools; no-tools: known to the catalog, tools never collected; unmatched: not in the catalog. */
  status: 'matched' | 'no-tools' | 'unmatched';
  by?: MatchedBy;
  /** The lookup key that matched. */
  key?: string;
  /** The server the report uses (the matching server with the most tools, then the first id). */
  server?: string;
  /** Every server the key names, sorted (more than one when several records share a package). */
  candidates: string[];
  /** Set when the config pins a version other than the one the catalog crawled. */
  versionNote?: string;
  /** For an unmatched or tool-less entry: how to add it to the catalog (a command of docs/crawler.md). */
  crawl?: string;
  /** One sentence on the outcome, for people. */
  note: string;
}

export interface ScanFinding {
  rule: string;
  severity: Severity;
  field: string;
  /** The server author's text the rule matched (untrusted: escape it). */
  match: string;
  message: string;
}

export interface ScanTool {
  name: string;
  /** The tool's page on the site. */
  url: string;
  category: Category;
  risk: RiskClass;
  labels: CapabilityLabel[];
  findings: ScanFinding[];
  /** What the combined policy does with it: allow, allow with limits, ask, deny, hide. */
  policy: 'allow' | 'limit' | 'deny' | 'hide';
}

export interface ScanEntry {
  entry: ConfigEntry;
  match: EntryMatch;
  server?: {
    id: string;
    displayName: string;
    url: string;
    risk: RiskClass;
    labels: CapabilityLabel[];
    /** The server completes the exfiltration triangle on its own (its own page shows this). */
    triangle: boolean;
  };
  tools: ScanTool[];
}

export type Leg = 'privateData' | 'untrustedContent' | 'outwardChannel';

/** The servers (by config key) that supply one leg of a path, with some of their tools. */
export interface PathLeg {
  leg: Leg;
  servers: { key: string; tools: string[]; toolCount: number }[];
}

/**
 * Private data, untrusted content and an outward channel spread over two or three servers of the setup,
 * none of which has all three: an instruction in content one server fetches can make the agent send
 * what another reads out through a third. Minimal: no server of it can be left out.
 */
export interface CrossServerPath {
  /** The config keys of its servers, sorted. */
  servers: string[];
  legs: [PathLeg, PathLeg, PathLeg];
}

export interface ScanTotals {
  entries: number;
  matched: number;
  noTools: number;
  unmatched: number;
  tools: number;
  byCategory: Record<Category, number>;
  byRisk: Record<RiskClass, number>;
  findings: number;
}

export interface ScanPolicy {
  /** `{"<key>": <hosted policy>}`: one policy per server's grants, keyed by config key. */
  hostedJson: string;
  /** One Intercept document per server (`---` between them): Intercept wraps one server per proxy. */
  interceptYaml: string;
  /** One `permissions` block naming every server by its config key. */
  claudeSettings: string;
  /** The policy in words: per server, and what the setup as a whole changes. */
  explanation: string;
  /** The setup supplies all three legs (over one server or several): outward channels are limited further. */
  setupTriangle: boolean;
  /**
   * Each server's own files, in config order: what a gateway loads. Intercept reads one document per
   * file, so the combined YAML above would apply only its first server's policy if loaded as it is.
   */
  servers: { key: string; server: string; hostedJson: string; interceptYaml: string }[];
}

export interface ScanReport {
  version: 1;
  file?: string;
  shape: ConfigShape;
  errors: ConfigProblem[];
  inputs: string[];
  entries: ScanEntry[];
  totals: ScanTotals;
  /** Cross-server paths, smallest first, at most PATH_LIMIT of them (pathCount says how many there are). */
  paths: CrossServerPath[];
  pathCount: number;
  /** Config keys of the servers that complete the triangle on their own. */
  singleServerTriangles: string[];
  /** Tool-poisoning findings (not annotation contradictions), by server and tool. */
  poisoning: { key: string; tool: string; finding: ScanFinding }[];
  /** Absent when no entry matched a server with tools. */
  policy?: ScanPolicy;
}
