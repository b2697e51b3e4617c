// The scan's findings as SARIF 2.1.0, the format GitHub code scanning and other security tools read:
// one run, the driver `mcp-risk-catalog` with a rule per finding kind (and risk) used, one result per
// finding, placed at the server's entry in the config file. Fingerprints name what was found (rule,
// config keys, tool), never where, so a result keeps its identity when the file is edited around it.
import type { RiskClass } from '../schema';
import { sha256Hex } from '../lib/hash';
import { riskRank, scanFindings, type ScanResultFinding } from './findings';
import type { ScanReport } from './types';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** Where a config entry stands in its file: 1-based lines, columns in UTF-16 code units. */
export type EntryRegion = { startLine: number; startColumn: number; endLine: number; endColumn: number };

/** One scanned config file: its report, its URI as SARIF gives it, and where each entry is. */
export type SarifArtifact = {
  report: ScanReport;
  /** Relative to `%SRCROOT%` when `uriBaseId` is set, else an absolute `file:` URI. */
  uri: string;
  uriBaseId?: '%SRCROOT%';
  /** Where `report.entries[index]` stands in the file. */
  regionOf: (index: number) => EntryRegion | undefined;
};

export type SarifOptions = {
  minRisk: RiskClass;
  toolVersion: string;
  /** The catalog site's origin, for rule and result links. */
  site: string;
  /** `file:` URI of the folder `%SRCROOT%` stands for (the working folder). */
  srcRoot: string;
};

type RuleMeta = { name: string; short: string; full: string; help: string };

/** What each kind of rule says; `risk` is the rule's own level. */
function ruleMeta(finding: ScanResultFinding): RuleMeta {
  switch (finding.kind) {
    case 'tool-risk':
      return {
        name: `Tool${finding.risk}Risk`,
        short: `A configured MCP server exposes a ${finding.risk}-risk tool.`,
        full: `The catalog rates the tool ${finding.risk} risk from its name, description and parameters: what the worst call it can make does (docs: taxonomy). The combined policy for the setup says whether an agent may call it unasked.`,
        help: '/method/',
      };
    case 'poisoning':
      return {
        name: 'ToolPoisoning',
        short: `A tool's text carries what the catalog reads as tool poisoning (${finding.ruleId.slice('poisoning/'.length)}).`,
        full: 'Tool descriptions, titles and schemas go into the model\'s context: hidden instructions, secret file paths or invisible characters there can steer the agent without the user seeing them.',
        help: '/method/',
      };
    case 'exfiltration-triangle':
      return {
        name: 'ExfiltrationTriangle',
        short: 'One server reads private data, takes in untrusted content and has an outward channel.',
        full: 'An instruction hidden in content the server fetches can make the agent send the private data it reads out through the same server.',
        help: '/servers/exfiltration-triangle/',
      };
    case 'cross-server-path':
      return {
        name: 'CrossServerExfiltrationPath',
        short: 'Private data, untrusted content and an outward channel spread over several configured servers.',
        full: 'No one of these servers completes the exfiltration triangle, but an agent connected to all of them does: what one server fetches can instruct it to send what another reads through a third.',
        help: '/servers/exfiltration-triangle/',
      };
  }
}

function level(risk: RiskClass): 'error' | 'warning' | 'note' {
  return riskRank(risk) >= riskRank('High') ? 'error' : risk === 'Medium' ? 'warning' : 'note';
}

/** GitHub code scanning ranks security results by this number (0.1–10) in the rule's properties. */
const SECURITY_SEVERITY: Record<RiskClass, string> = { Low: '2.0', Medium: '5.0', High: '8.0', Critical: '9.5' };

function fingerprint(finding: ScanResultFinding): string {
  return sha256Hex([finding.ruleId, finding.servers.join('\u0001'), finding.tool ?? ''].join('\u0000')).slice(0, 32);
}

/** The SARIF log of the findings at or above `options.minRisk` in every artifact. */
export function sarifLog(artifacts: readonly SarifArtifact[], options: SarifOptions) {
  const perArtifact = artifacts.map((artifact) => ({ artifact, findings: scanFindings(artifact.report, options.minRisk) }));
  const ruleIds = [...new Set(perArtifact.flatMap(({ findings }) => findings.map((finding) => finding.ruleId)))].sort();
  const firstOf = new Map<string, ScanResultFinding>();
  for (const { findings } of perArtifact) for (const finding of findings) if (!firstOf.has(finding.ruleId)) firstOf.set(finding.ruleId, finding);

  const rules = ruleIds.map((id) => {
    const finding = firstOf.get(id)!;
    const meta = ruleMeta(finding);
    return {
      id,
      name: meta.name,
      shortDescription: { text: meta.short },
      fullDescription: { text: meta.full },
      helpUri: `${options.site}${meta.help}`,
      defaultConfiguration: { level: level(finding.risk) },
      properties: { tags: ['security', 'mcp'], 'security-severity': SECURITY_SEVERITY[finding.risk], risk: finding.risk },
    };
  });

  const location = (artifact: SarifArtifact, index: number, entry: number, name: string, text?: string) => {
    const region = artifact.regionOf(entry);
    const scope = artifact.report.entries[entry]?.entry.scope;
    return {
      physicalLocation: {
        artifactLocation: { uri: artifact.uri, ...(artifact.uriBaseId ? { uriBaseId: artifact.uriBaseId } : {}), index },
        ...(region ? { region } : {}),
      },
      logicalLocations: [{ name, ...(scope ? { fullyQualifiedName: `${scope}/${name}` } : {}), kind: 'object' }],
      ...(text ? { message: { text } } : {}),
    };
  };

  const results = perArtifact.flatMap(({ artifact, findings }, index) =>
    findings.map((finding) => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIds.indexOf(finding.ruleId),
      level: level(finding.risk),
      message: { text: finding.message },
      locations: [location(artifact, index, finding.entries[0]!, finding.servers[0]!)],
      ...(finding.servers.length > 1
        ? { relatedLocations: finding.servers.map((name, position) => ({ id: position, ...location(artifact, index, finding.entries[position]!, name, `server ${JSON.stringify(name)}`) })) }
        : {}),
      partialFingerprints: { 'mcpRiskCatalogFinding/v1': fingerprint(finding) },
      properties: { risk: finding.risk, servers: finding.servers, ...(finding.tool !== undefined ? { tool: finding.tool } : {}), ...(finding.url ? { url: `${options.site}${finding.url}` } : {}) },
    })),
  );

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0' as const,
    runs: [
      {
        tool: { driver: { name: 'mcp-risk-catalog', version: options.toolVersion, informationUri: `${options.site}/`, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: options.srcRoot } },
        artifacts: artifacts.map((artifact) => ({ location: { uri: artifact.uri, ...(artifact.uriBaseId ? { uriBaseId: artifact.uriBaseId } : {}) }, roles: ['analysisTarget'] })),
        columnKind: 'utf16CodeUnits' as const,
        results,
      },
    ],
  };
}
