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
