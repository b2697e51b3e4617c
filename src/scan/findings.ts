// What a scan reports as a finding, read from the core's ScanReport: a tool at or above a risk, a
// tool-poisoning finding, a cross-server exfiltration path, a server that completes the triangle on its
// own. The CLI's table, `--fail-on` and the SARIF output all count the same list.
import { riskRank } from '../policy/table';
import { RiskClass, type Severity } from '../schema';
import { labels } from './report';
import type { ScanReport } from './types';

export type FindingKind = 'tool-risk' | 'poisoning' | 'cross-server-path' | 'exfiltration-triangle';

export type ScanResultFinding = {
  kind: FindingKind;
  /** The rule the finding is an instance of: `tool-risk/high`, `poisoning/<classifier rule>`, `cross-server-path`, `exfiltration-triangle`. */
  ruleId: string;
  risk: RiskClass;
  /** The report's names of the servers involved (the config key; with its project when a key is used twice), the first one the finding is placed at. */
  servers: string[];
  /** Their positions in `report.entries`, parallel to `servers`. */
  entries: number[];
  /** The tool, for a tool-risk or poisoning finding. */
  tool?: string;
  /** One sentence naming server and tool (untrusted names are quoted, never interpreted). */
  message: string;
  /** Link to the tool or server page on the site, relative (`/servers/<id>/tools/<slug>/`). */
  url?: string;
};

/** Cross-server paths and single-server triangles rank as High: together they let an agent leak what it reads. */
export const PATH_RISK: RiskClass = 'High';

const SEVERITY_RISK: Record<Severity, RiskClass> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

/** A risk's place from Low (0) to Critical (3): the policy table's order, shared by --fail-on and SARIF levels. */
export { riskRank };

/** A risk name as a person types it (`high`, `HIGH`, `High`), or undefined. */
export function parseRisk(value: string): RiskClass | undefined {
  return RiskClass.options.find((risk) => risk.toLowerCase() === value.trim().toLowerCase());
}

const quoted = (text: string) => JSON.stringify(text);

/** Every finding of the report at or above `minRisk`, in report order: tools entry by entry, then poisoning, triangles, paths. */
export function scanFindings(report: ScanReport, minRisk: RiskClass): ScanResultFinding[] {
  const floor = riskRank(minRisk);
  const findings: ScanResultFinding[] = [];
  // The report names servers in paths, triangles and poisoning findings as the combined policy does.
  const names = labels({ shape: report.shape, entries: report.entries.map((scanned) => scanned.entry), errors: report.errors, inputs: report.inputs });
  const at = (name: string) => names.indexOf(name);
  report.entries.forEach((scanned, index) => {
    const server = scanned.server;
    if (!server) return;
    for (const tool of scanned.tools) {
      if (riskRank(tool.risk) < floor) continue;
      findings.push({
        kind: 'tool-risk',
        ruleId: `tool-risk/${tool.risk.toLowerCase()}`,
        risk: tool.risk,
        servers: [names[index]!],
        entries: [index],
        tool: tool.name,
        message: `Server ${quoted(names[index]!)} (${server.displayName}) exposes tool ${quoted(tool.name)}: ${tool.category}, ${tool.risk} risk; ${POLICY_WORDS[tool.policy]}.`,
        url: tool.url,
      });
    }
  });
  for (const poisoned of report.poisoning) {
    const risk = SEVERITY_RISK[poisoned.finding.severity];
    if (riskRank(risk) < floor) continue;
    const tool = report.entries[at(poisoned.key)]?.tools.find((candidate) => candidate.name === poisoned.tool);
    findings.push({
      kind: 'poisoning',
      ruleId: `poisoning/${poisoned.finding.rule}`,
      risk,
      servers: [poisoned.key],
      entries: [at(poisoned.key)],
      tool: poisoned.tool,
      message: `Tool ${quoted(poisoned.tool)} of server ${quoted(poisoned.key)}: ${poisoned.finding.message} (in its ${poisoned.finding.field}: ${quoted(clip(poisoned.finding.match))}).`,
      ...(tool ? { url: tool.url } : {}),
    });
  }
  if (riskRank(PATH_RISK) >= floor) {
    for (const key of report.singleServerTriangles) {
      const server = report.entries[at(key)]?.server;
      findings.push({
        kind: 'exfiltration-triangle',
        ruleId: 'exfiltration-triangle',
        risk: PATH_RISK,
        servers: [key],
        entries: [at(key)],
        message: `Server ${quoted(key)} alone reads private data, takes in untrusted content and has an outward channel: an instruction in what it fetches can make the agent send out what it reads.`,
        ...(server ? { url: server.url } : {}),
      });
    }
    for (const path of report.paths) {
      const legs = path.legs.map((leg) => `${LEG_WORDS[leg.leg]} from ${leg.servers.map((server) => `${quoted(server.key)} (${server.tools.map(quoted).join(', ')}${server.toolCount > server.tools.length ? `, ${server.toolCount - server.tools.length} more` : ''})`).join(' or ')}`);
      findings.push({
        kind: 'cross-server-path',
        ruleId: 'cross-server-path',
        risk: PATH_RISK,
        servers: [...path.servers],
        entries: path.servers.map(at),
        message: `Servers ${path.servers.map(quoted).join(', ')} together make an exfiltration path no one of them makes alone: ${legs.join('; ')}.`,
      });
    }
  }
  return findings;
}

const LEG_WORDS = { privateData: 'private data', untrustedContent: 'untrusted content', outwardChannel: 'an outward channel' } as const;

/** What the combined policy does with the tool (src/policy/table.ts: deny blocks every call, hide also removes it from the list). */
const POLICY_WORDS = {
  allow: 'the combined policy allows it',
  limit: 'the combined policy allows it within limits',
  deny: 'the combined policy blocks its calls',
  hide: 'the combined policy hides and blocks it',
} as const;

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
