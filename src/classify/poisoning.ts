// Tool-poisoning findings: each pattern of rules/poisoning.ts searched in every free-text field of a
// tool (and, for invisible characters, in names too), reported with the span and its start offset.
import type { Finding } from '../schema';
import { anchored, compileAnchors } from './anchors';
import type { PreparedTool } from './prepare';
import { exfiltrationParameterAsk, exfiltrationParameterName, poisonRules } from './rules';

const MAX_PER_RULE_AND_FIELD = 5;
const NON_ASCII = /[^ -~\t\n\r]/;
const compiled = poisonRules.map((rule) => ({ rule, first: compileAnchors(rule.anchors, 'all'), also: compileAnchors(rule.anchorsAlso, 'all') }));

export function findPoisoning(tool: PreparedTool): Finding[] {
  const texts: Array<[field: string, text: string]> = [];
  const unicodeTexts: Array<[field: string, text: string]> = [];
  for (const entry of tool.texts) {
    texts.push([entry.field, entry.text]);
    if (entry.nonAscii) unicodeTexts.push([entry.field, entry.text]);
  }
  if (NON_ASCII.test(tool.name)) unicodeTexts.push(['name', tool.name]);
  for (const parameter of tool.parameters) if (NON_ASCII.test(parameter.name)) unicodeTexts.push([`parameter:${parameter.name}`, parameter.name]);

  const findings: Finding[] = [];
  for (const { rule, first, also } of compiled) {
    if (!anchored(tool.anchors, first) || !anchored(tool.anchors, also)) continue;
    // Invisible and bidirectional characters are never ASCII: only texts and names with non-ASCII characters are searched.
    const targets = rule.scope === 'text-and-names' ? unicodeTexts : texts;
    for (const [field, text] of targets) {
      rule.pattern.lastIndex = 0;
      let count = 0;
      for (let m = rule.pattern.exec(text); m !== null && count < MAX_PER_RULE_AND_FIELD; m = rule.pattern.exec(text)) {
        findings.push({ rule: rule.id, severity: rule.severity, field, match: m[0], start: m.index, message: rule.message });
        count++;
        if (m[0] === '') rule.pattern.lastIndex++;
      }
    }
  }
  for (const parameter of tool.parameters) {
    if (!exfiltrationParameterName.test(parameter.key)) continue;
    const m = exfiltrationParameterAsk.exec(parameter.description);
    if (m) {
      findings.push({
        rule: 'poison.exfiltration-parameter',
        severity: 'high',
        field: `parameter:${parameter.name}`,
        match: m[0],
        start: m.index,
        message: `The parameter "${parameter.name}" is shaped to carry data out: its description asks for ${m[0]}.`,
      });
    }
  }
  return findings;
}
