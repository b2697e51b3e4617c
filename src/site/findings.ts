// The classifier reports two kinds of findings: contradictions in a tool's annotations (rule ids
// `annotation.*`) and signs of tool poisoning (everything else). Pages show them apart.
import type { Classification, Finding } from '../schema';

export function isAnnotationFinding(finding: Finding): boolean {
  return finding.rule.startsWith('annotation.');
}

export function annotationFindings(classification: Pick<Classification, 'findings'>): Finding[] {
  return classification.findings.filter(isAnnotationFinding);
}

export function poisoningFindings(classification: Pick<Classification, 'findings'>): Finding[] {
  return classification.findings.filter((finding) => !isAnnotationFinding(finding));
}

/** A server's findings by rule, most severe first: which tools each rule found something in (the server page lists them). */
export function findingsByRule(toolNames: readonly string[], verdicts: ReadonlyArray<Pick<Classification, 'findings'>>): Array<{ rule: string; severity: Finding['severity']; tools: string[] }> {
  const byRule = new Map<string, { rule: string; severity: Finding['severity']; tools: string[] }>();
  verdicts.forEach((verdict, index) => {
    const name = toolNames[index] as string;
    for (const finding of verdict.findings) {
      const entry = byRule.get(finding.rule) ?? { rule: finding.rule, severity: finding.severity, tools: [] };
      if (SEVERITY_ORDER.indexOf(finding.severity) > SEVERITY_ORDER.indexOf(entry.severity)) entry.severity = finding.severity;
      if (entry.tools.at(-1) !== name) entry.tools.push(name);
      byRule.set(finding.rule, entry);
    }
  });
  return [...byRule.values()].sort((a, b) => SEVERITY_ORDER.indexOf(b.severity) - SEVERITY_ORDER.indexOf(a.severity) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

const SEVERITY_ORDER: ReadonlyArray<Finding['severity']> = ['low', 'medium', 'high', 'critical'];
