// The setup report: each entry's match and tools, totals, cross-server exfiltration paths, poisoning
// findings and one combined policy, from a parsed config, the lookup and the matched servers'
// /servers/<id>.json documents. Pure and deterministic: the same inputs give the byte-identical JSON
// (reportJson), in the browser and in the CLI alike.
import { compareCodePoints } from '../lib/canonical-json';
import type { ToolDecision } from '../policy';
import { RiskClass, type CapabilityLabel, type Category } from '../schema';
import type { ServerDocument } from '../site/export';
import { isAnnotationFinding } from '../site/findings';
import { matchEntry } from './match';
import { crossServerPaths, LEG_LABEL, LEGS, type Participant } from './paths';
import { combinedPolicy, type PolicyMember } from './policy';
import type { ParsedConfig, ScanEntry, ScanFinding, ScanLookup, ScanReport, ScanTool, ScanTotals } from './types';

const CATEGORIES: readonly Category[] = ['Read', 'Write', 'Execute', 'Destructive', 'Financial', 'Other'];

/** What the combined policy does with a tool, in one word for a table. */
function policyWord(decision: ToolDecision | undefined): ScanTool['policy'] {
  if (!decision) return 'deny';
  if (decision.access !== 'allow') return decision.access;
  return decision.limits.length > 0 || decision.approval || decision.amountCap ? 'limit' : 'allow';
}

/** Labels for the policy's server names: the config key, with its project when the key is used twice. */
export function labels(config: ParsedConfig): string[] {
  const seen = new Set<string>();
  return config.entries.map((entry) => {
    let label = entry.scope !== undefined && config.entries.some((other) => other !== entry && other.key === entry.key) ? `${entry.key} (${entry.scope})` : entry.key;
    for (let n = 2; seen.has(label); n += 1) label = `${entry.key} #${n}`;
    seen.add(label);
    return label;
  });
}

export function buildScanReport(config: ParsedConfig, lookup: ScanLookup, servers: ReadonlyMap<string, ServerDocument>): ScanReport {
  const names = labels(config);
  const members: (PolicyMember & { index: number })[] = [];
  const matched = config.entries.map((entry, index) => {
    let match = matchEntry(entry, lookup);
    const document = match.server !== undefined ? servers.get(match.server) : undefined;
    if (match.status === 'matched' && (!document || document.tools.length === 0)) {
      const why = document ? 'Its record lists no tools (the lookup is older than the record)' : 'Its record could not be loaded';
      match = { ...match, status: 'no-tools', note: `${match.note} ${why}, so its tools are not in this report.` };
    }
    if (match.status === 'matched' && document) members.push({ label: names[index] as string, key: entry.key, document, index });
    return { entry, match, document: match.status === 'matched' ? document : undefined };
  });

  const setupLabels = new Set<CapabilityLabel>(members.flatMap((member) => member.document.tools.flatMap((tool) => tool.classification.labels)));
  const setupTriangle = LEGS.every((leg) => setupLabels.has(LEG_LABEL[leg]));
  const participants: Participant[] = members.map((member) => ({
    key: member.label,
    legs: Object.fromEntries(
      LEGS.map((leg) => [
        leg,
        member.document.tools
          .filter((tool) => tool.classification.labels.includes(LEG_LABEL[leg]))
          .map((tool) => tool.definition.name)
          .sort(compareCodePoints),
      ]),
    ) as Participant['legs'],
  }));
  const { paths, count } = crossServerPaths(participants);
  const combined = members.length > 0 ? combinedPolicy(members, setupTriangle, count > 0) : undefined;

  const totals: ScanTotals = {
    entries: config.entries.length,
    matched: 0,
    noTools: 0,
    unmatched: 0,
    tools: 0,
    byCategory: Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as ScanTotals['byCategory'],
    byRisk: Object.fromEntries(RiskClass.options.map((risk) => [risk, 0])) as ScanTotals['byRisk'],
    findings: 0,
  };
  const poisoning: ScanReport['poisoning'] = [];
  const entries: ScanEntry[] = matched.map(({ entry, match, document }, index) => {
    totals[match.status === 'matched' ? 'matched' : match.status === 'no-tools' ? 'noTools' : 'unmatched'] += 1;
    if (!document) return { entry, match, tools: [] };
    const label = names[index] as string;
    const decisions = new Map((combined?.decisions.get(label) ?? []).map((decision) => [decision.tool, decision]));
    const tools = [...document.tools]
      .sort((a, b) => compareCodePoints(a.definition.name, b.definition.name))
      .map((tool): ScanTool => {
        const verdict = tool.classification;
        const findings = verdict.findings.map((finding): ScanFinding => ({ rule: finding.rule, severity: finding.severity, field: finding.field, match: finding.match, message: finding.message }));
        totals.tools += 1;
        totals.byCategory[verdict.category] += 1;
        totals.byRisk[verdict.risk] += 1;
        totals.findings += findings.length;
        verdict.findings.forEach((finding, at) => {
          if (!isAnnotationFinding(finding)) poisoning.push({ key: label, tool: tool.definition.name, finding: findings[at] as ScanFinding });
        });
        return { name: tool.definition.name, url: tool.url, category: verdict.category, risk: verdict.risk, labels: [...verdict.labels], findings, policy: policyWord(decisions.get(tool.definition.name)) };
      });
    const server = document.classification;
    return {
      entry,
      match,
      server: {
        id: document.id,
        displayName: document.displayName,
        url: document.url,
        risk: server?.risk ?? 'Low',
        labels: [...(server?.labels ?? [])],
        triangle: server?.exfiltrationTriangle === true,
      },
      tools,
    };
  });

  return {
    version: 1,
    ...(config.file !== undefined ? { file: config.file } : {}),
    shape: config.shape,
    errors: config.errors,
    inputs: config.inputs,
    entries,
    totals,
    paths,
    pathCount: count,
    singleServerTriangles: entries.filter((item) => item.server?.triangle).map((item) => names[entries.indexOf(item)] as string),
    poisoning,
    ...(combined ? { policy: combined.policy } : {}),
  };
}

/** The report as the JSON download and the CLI's `--json` print it. */
export function reportJson(report: ScanReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The server ids a report needs documents for: the page fetches only these. */
export function neededServers(config: ParsedConfig, lookup: ScanLookup): string[] {
  const ids = new Set<string>();
  for (const entry of config.entries) {
    const match = matchEntry(entry, lookup);
    if (match.status === 'matched' && match.server !== undefined) ids.add(match.server);
  }
  return [...ids].sort(compareCodePoints);
}
