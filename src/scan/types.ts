// The shapes of a setup scan, shared by the /scan/ page and the `mcp-risk-catalog scan` CLI. The
// schema is src/schema/scan.ts (one schema, as everywhere): these are its types, under the names the
// scan code has always used.
export type {
  ConfigEntry,
  ConfigProblem,
  ConfigShape,
  CrossServerPath,
  EntryMatch,
  LaunchedPackage,
  Leg,
  MatchedBy,
  ParsedConfig,
  PathLeg,
  ScanEntry,
  ScanFinding,
  ScanLookup,
  ScanPolicy,
  ScanReport,
  ScanTool,
  ScanTotals,
  Transport,
} from '../schema/scan';
