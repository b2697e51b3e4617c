// The CLI's default output: the scan report as plain text for a terminal. Server keys, names and tool
// names are strangers' text: control characters, escape sequences and bidirectional overrides in them
// are shown as \u{…} escapes, so a crafted name cannot rewrite the terminal or hide a line.
import { RiskClass } from '../schema';
import { scanFindings, type ScanResultFinding } from './findings';
import type { ScanEntry, ScanReport } from './types';

/** C0 and C1 controls, DEL, and the bidirectional embedding/override/isolate characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Text safe to print on a terminal: every control or direction character escaped. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
}

/** Columns padded to their widest cell (in code points), two spaces apart. */
function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column]! - [...cell].length))).join('  ').trimEnd());
}

/** The schema's risks, worst first. */
const RISK_ORDER: readonly RiskClass[] = [...RiskClass.options].reverse();

function matchCell(scanned: ScanEntry): string {
  const match = scanned.match;
  if (match.status === 'unmatched') return 'not in the catalog';
  const how = match.key ? match.key : match.by ?? '';
  return match.status === 'no-tools' ? `${how} (tools not collected)` : how;
}

function entryRow(scanned: ScanEntry): string[] {
  const counts = Object.fromEntries(RISK_ORDER.map((risk) => [risk, scanned.tools.filter((tool) => tool.risk === risk).length]));
  const findings = scanned.tools.reduce((sum, tool) => sum + tool.findings.length, 0);
  return [
    terminalSafe(scanned.entry.scope ? `${scanned.entry.key} (${scanned.entry.scope})` : scanned.entry.key),
    terminalSafe(matchCell(scanned)),
    scanned.server ? String(scanned.tools.length) : '-',
    scanned.server ? scanned.server.risk : '-',
    ...RISK_ORDER.map((risk) => (scanned.server ? String(counts[risk]) : '-')),
    scanned.server ? String(findings) : '-',
  ];
}

function findingLine(finding: ScanResultFinding): string {
  return `  ${finding.risk.padEnd(8)}  ${terminalSafe(finding.ruleId).padEnd(22)}  ${terminalSafe(finding.message)}`;
}

/** One config file's report as text; `minRisk` decides which tools are listed as findings. */
export function reportText(report: ScanReport, minRisk: RiskClass, where: string): string {
  const lines: string[] = [];
  const totals = report.totals;
  lines.push(`${terminalSafe(where)} (${report.shape}): ${totals.entries} server${totals.entries === 1 ? '' : 's'}, ${totals.matched} matched, ${totals.noTools} without collected tools, ${totals.unmatched} not in the catalog; ${totals.tools} tools`);
  for (const error of report.errors) lines.push(`  problem at line ${error.line}, column ${error.column}: ${terminalSafe(error.message)}`);
  if (report.entries.length > 0) {
    lines.push('');
    lines.push(...columns([['SERVER', 'MATCH', 'TOOLS', 'RISK', 'CRIT', 'HIGH', 'MED', 'LOW', 'FINDINGS'], ...report.entries.map(entryRow)]).map((line) => `  ${line}`));
  }
  const notes = report.entries.filter((scanned) => scanned.match.status !== 'matched' || scanned.match.versionNote || scanned.match.note.startsWith('Not in the catalog'));
  if (notes.length > 0) {
    lines.push('');
    for (const scanned of notes) {
      const version = scanned.match.versionNote ? ` ${scanned.match.versionNote}` : '';
      lines.push(`  ${terminalSafe(scanned.entry.key)}: ${terminalSafe(scanned.match.note)}${terminalSafe(version)}`);
      if (scanned.match.status === 'matched') continue;
      if (scanned.match.crawl) lines.push(`      ${terminalSafe(scanned.match.crawl)}`);
      const registry = scanned.entry.package?.registryType;
      if (registry === 'npm' || registry === 'pypi') lines.push('      or classify it live now: mcp-risk-catalog scan --crawl (Linux, as root)');
    }
  }
  const findings = scanFindings(report, minRisk);
  lines.push('');
  if (findings.length === 0) {
    lines.push(`No finding at or above ${minRisk}.`);
  } else {
    lines.push(`Findings at or above ${minRisk} (${findings.length}):`);
    // The worst first; the report's own order within a risk.
    const ranked = RISK_ORDER.flatMap((risk) => findings.filter((finding) => finding.risk === risk));
    lines.push(...ranked.map(findingLine));
  }
  if (report.pathCount > report.paths.length) lines.push(`  (${report.pathCount - report.paths.length} more cross-server paths: --json lists the first ${report.paths.length})`);
  if (report.policy) {
    lines.push('');
    lines.push('The combined policy for this setup (hosted JSON, Intercept YAML, Claude Code permissions) is in the --json report under "policy".');
  }
  return `${lines.join('\n')}\n`;
}
