// Tool-poisoning findings: each pattern of rules/poisoning.ts searched in every free-text field of a
// tool (and, for invisible characters, in names too), reported with the span and its start offset.
import type { Finding } from '../schema';
import { anchored, compileAnchors, compileStarts, execAtStarts, stickyPattern } from './anchors';
import type { PreparedTool, TextEntry } from './prepare';
import type { PoisonRule } from './types';
import { exfiltrationParameterAsk, exfiltrationParameterName, poisonRules } from './rules';

const MAX_PER_RULE_AND_FIELD = 5;
const NON_ASCII = /[^ -~\t\n\r]/;
// Text rules run on lower-cased text without the `i` flag (faster); spans are cut from the original.
const compiled = poisonRules.map((rule) => ({
  rule,
  lowerPattern: new RegExp(rule.pattern.source, rule.pattern.flags.replace('i', '')),
  first: compileAnchors(rule.anchors, 'all'),
  also: (rule.anchorsAlso ?? []).map((list) => compileAnchors(list, 'all')),
  startGroup: compileStarts(rule.starts, 'all'),
  stickyLower: rule.starts ? stickyPattern(rule.pattern, false) : rule.pattern,
  sticky: rule.starts ? stickyPattern(rule.pattern, true) : rule.pattern,
}));

function addMatches(findings: Finding[], rule: PoisonRule, pattern: RegExp, field: string, searched: string, original: string): void {
  pattern.lastIndex = 0;
  let count = 0;
  for (let m = pattern.exec(searched); m !== null && count < MAX_PER_RULE_AND_FIELD; m = pattern.exec(searched)) {
    if (m[0] === '') pattern.lastIndex++;
    if (rule.keep && !rule.keep(searched, m.index, m.index + m[0].length, field)) continue;
    findings.push({ rule: rule.id, severity: rule.severity, field, match: original.slice(m.index, m.index + m[0].length), start: m.index, message: rule.message });
    count++;
  }
}

/** addMatches for a rule with start words: the same matches, each tried only where a start word occurs. */
function addMatchesAtStarts(findings: Finding[], rule: PoisonRule, sticky: RegExp, entry: TextEntry, group: number, searched: string): void {
  let from = 0;
  let count = 0;
  while (count < MAX_PER_RULE_AND_FIELD) {
    const m = execAtStarts(sticky, searched, entry.starts, group, from);
    if (m === null) return;
    from = m.index + Math.max(1, m[0].length);
    if (rule.keep && !rule.keep(searched, m.index, m.index + m[0].length, entry.field)) continue;
    findings.push({ rule: rule.id, severity: rule.severity, field: entry.field, match: entry.text.slice(m.index, m.index + m[0].length), start: m.index, message: rule.message });
    count++;
  }
}

export function findPoisoning(tool: PreparedTool): Finding[] {
  const unicodeTexts: Array<[field: string, text: string]> = [];
  for (const entry of tool.texts) if (entry.nonAscii) unicodeTexts.push([entry.field, entry.text]);
  if (NON_ASCII.test(tool.name)) unicodeTexts.push(['name', tool.name]);
  for (const parameter of tool.parameters) if (NON_ASCII.test(parameter.name)) unicodeTexts.push([`parameter:${parameter.name}`, parameter.name]);

  const findings: Finding[] = [];
  for (const { rule, lowerPattern, first, also, startGroup, stickyLower, sticky } of compiled) {
    if (rule.scope === 'text-and-names') {
      // Invisible and bidirectional characters are never ASCII: only texts and names with non-ASCII characters are searched.
      for (const [field, text] of unicodeTexts) addMatches(findings, rule, rule.pattern, field, text, text);
      continue;
    }
    for (const entry of tool.texts) {
      if (!anchored(entry.anchors, first) || !also.every((group) => anchored(entry.anchors, group))) continue;
      // toLowerCase keeps offsets for almost all text; when it does not, search the original.
      if (startGroup >= 0) {
        // An ASCII text is read as written; other texts lower-cased when that keeps offsets, as below.
        const lowered = !entry.ascii && entry.lower.length === entry.text.length;
        addMatchesAtStarts(findings, rule, lowered ? stickyLower : sticky, entry, startGroup, lowered ? entry.lower : entry.text);
      } else if (entry.lower.length === entry.text.length) addMatches(findings, rule, lowerPattern, entry.field, entry.lower, entry.text);
      else addMatches(findings, rule, rule.pattern, entry.field, entry.text, entry.text);
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
