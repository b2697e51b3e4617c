// The page models of /rules/ and /rules/<id>/: each rule the classifier can emit, read from its own
// metadata (src/classify/rule-catalog.ts): what it matches, what it concludes, its explanation and hints,
// its examples (src/classify/rules/examples.ts, which the classifier's tests run) and where it fires.
import { emittableRule, emittableRules, RULE_KINDS, type EmittableRule, type RuleKind } from '../classify/rule-catalog';
import { ruleExamples } from '../classify/rules/examples';
import { FOREIGN_VERBS } from '../classify/lexicon';
import { clearedValueNouns, detachNouns } from '../classify/rules/verbs';
import type { CapabilityLabel, Category, McpTool } from '../schema';
import { firesOf, type RuleFires } from './rule-fires';
import { categoryUrl, LABEL_TITLE, labelUrl } from './taxonomy';

/** One line of "what it matches": a label and either words (each shown as code) or a pattern or a sentence. */
export type MatcherLine =
  | { label: string; words: readonly string[] }
  | { label: string; pattern: string }
  | { label: string; text: string };

/** What each qualifier does to a verdict (src/classify/types.ts `Conclusion`). */
export const QUALIFIER_MEANING: Record<string, string> = {
  'qualifier:read-only': 'the description limits the tool to reading: a query tool is Read',
  'qualifier:overwrite': 'it replaces or removes existing state: the destructive label and destructiveHint',
  'qualifier:irreversible': 'its effect cannot be undone: a Write tool is Destructive',
  'qualifier:advice': 'it returns guidance or documentation about an action instead of performing it: Read',
  'qualifier:http-method': 'the text is an HTTP method and a path, so the method decides the category',
  'qualifier:not-money': 'a money word names a database transaction: no Financial verdict from it',
  'qualifier:computes': 'it only simulates, quotes or estimates an action: Read',
};

export interface Conclusion {
  text: string;
  href?: string;
  meaning?: string;
}

const RISK_URL = '/method/#risk';

/** A conclusion as the page shows it, with a link to the category, label or risk it names. */
export function describeConclusion(conclusion: string): Conclusion {
  const head = conclusion.split(' (')[0] ?? conclusion;
  if (head.startsWith('category:')) return { text: conclusion, href: categoryUrl(head.slice('category:'.length) as Category) };
  if (head.startsWith('label:-')) return { text: conclusion, href: labelUrl(head.slice('label:-'.length) as CapabilityLabel), meaning: `takes the ${LABEL_TITLE[head.slice('label:-'.length) as CapabilityLabel]} label away` };
  if (head.startsWith('label:')) return { text: conclusion, href: labelUrl(head.slice('label:'.length) as CapabilityLabel), meaning: LABEL_TITLE[head.slice('label:'.length) as CapabilityLabel] };
  if (head === 'risk:+1') return { text: conclusion, href: RISK_URL, meaning: 'raises the risk class one step' };
  if (head.startsWith('finding:')) return { text: conclusion, meaning: `a finding of ${head.slice('finding:'.length)} severity` };
  const meaning = QUALIFIER_MEANING[head];
  return meaning ? { text: conclusion, meaning } : { text: conclusion };
}

const patternText = (pattern: RegExp): string => `/${pattern.source}/${pattern.flags}`;

/** The Chinese, Japanese and Korean verbs the description reader maps onto these English verbs (src/classify/lexicon.ts). */
function foreignVerbsOf(verbs: readonly string[]): string[] {
  const own = new Set(verbs);
  return FOREIGN_VERBS.filter(([, verb]) => own.has(verb)).map(([term, verb]) => `${term} (${verb})`);
}

/** What a rule matches, line by line, from its matcher (or, for an id built in code, from what it reads). */
export function matcherLines(rule: EmittableRule): MatcherLine[] {
  const lines: MatcherLine[] = [];
  const match = rule.rule?.match;
  if (match) {
    switch (match.kind) {
      case 'name-verb':
      case 'lead-verb':
        if (match.verbs.length > 0) lines.push({ label: match.kind === 'name-verb' ? "The name's verb is one of" : "The description's opening verb is, in any of its forms, one of", words: match.verbs });
        if (rule.id.endsWith('.detach')) lines.push({ label: 'Also remove, unset, detach or unassign whose object is one of', words: [...detachNouns] });
        if (rule.id.endsWith('.reset-value')) lines.push({ label: 'A clear, flush, purge or reset whose object is one of', words: [...clearedValueNouns] });
        if (match.kind === 'lead-verb' && foreignVerbsOf(match.verbs).length > 0) lines.push({ label: 'Or, in a description in Chinese, Japanese or Korean', words: foreignVerbsOf(match.verbs) });
        break;
      case 'name-token':
        lines.push({ label: match.last ? "The name's last word is one of" : 'A word of the name is one of', words: match.tokens });
        if (match.notAfterModifier) lines.push({ label: 'Not counted', text: 'right after a verb used as a modifier (the deploy order of get_vm_deploy_order), unless that verb creates, sends or moves money.' });
        break;
      case 'name-pattern':
        lines.push({ label: 'The whole name matches', pattern: patternText(match.pattern) });
        break;
      case 'phrase':
        lines.push({ label: 'Runs when the description or title has one of the words', words: match.anchors });
        if (match.starts) lines.push({ label: 'Every match begins with one of', words: match.starts });
        lines.push({ label: 'The phrase matches (case-insensitive)', pattern: patternText(match.pattern) });
        break;
      case 'parameter':
        lines.push({ label: 'A parameter name (lower snake_case) matches', pattern: patternText(match.name) });
        if (match.description) lines.push({ label: 'and its description matches', pattern: patternText(match.description) });
        break;
      case 'parameter-enum':
        lines.push({ label: 'A parameter named like an action, method or operation lists a value matching', pattern: patternText(match.value) });
        break;
    }
  }
  const poison = rule.poison;
  if (poison) {
    lines.push({ label: 'Searched in', text: poison.scope === 'text' ? 'the description, the title and every parameter description.' : 'the description, the title, every parameter description, the name and every parameter name.' });
    if (poison.anchors) lines.push({ label: 'Runs when the text has one of', words: poison.anchors });
    for (const list of poison.anchorsAlso ?? []) lines.push({ label: 'and one of', words: list });
    if (poison.starts) lines.push({ label: 'Every match begins with one of', words: poison.starts });
    lines.push({ label: 'The text matches', pattern: patternText(poison.pattern) });
    if (poison.keep) lines.push({ label: 'Then', text: 'each match is checked in code (src/classify/rules/poisoning.ts) for what a pattern cannot see, such as the rest of its sentence.' });
  }
  if (rule.reads) {
    lines.push({ label: 'Reads', text: rule.reads.text });
    for (const { what, pattern } of rule.reads.patterns ?? []) lines.push({ label: `Where ${what} matches`, pattern: patternText(pattern) });
  }
  return lines;
}

/** A rule's example as the page shows it: what the classifier reads of the definition. */
export interface ExampleView {
  name: string;
  description: string | undefined;
  title: string | undefined;
  parameters: Array<{ name: string; description?: string; values?: string[] }>;
  annotations: string | undefined;
}

export function exampleView(definition: McpTool): ExampleView {
  const properties = (definition.inputSchema['properties'] ?? {}) as Record<string, { description?: unknown; enum?: unknown }>;
  return {
    name: definition.name,
    description: definition.description,
    title: definition.title,
    parameters: Object.entries(properties).map(([name, schema]) => ({
      name,
      ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
      ...(Array.isArray(schema.enum) ? { values: schema.enum.map(String) } : {}),
    })),
    annotations: definition.annotations ? Object.entries(definition.annotations).map(([key, value]) => `${key}: ${String(value)}`).join(', ') : undefined,
  };
}

const KIND_TITLE = new Map(RULE_KINDS.map((entry) => [entry.kind, entry.title]));

const HINT_WORDS = { destructive: 'destructiveHint', idempotent: 'idempotentHint', openWorld: 'openWorldHint' } as const;

export function rulePageModel(id: string) {
  const rule = emittableRule(id);
  if (!rule) throw new Error(`no rule "${id}"`);
  const examples = ruleExamples[id];
  const fires: RuleFires = firesOf(id);
  return {
    rule,
    kindTitle: KIND_TITLE.get(rule.kind) ?? rule.kind,
    matcher: matcherLines(rule),
    conclusions: rule.concludes.map(describeConclusion),
    hints: Object.entries(rule.hints ?? {}).map(([hint, value]) => `${HINT_WORDS[hint as keyof typeof HINT_WORDS]}: ${String(value)}`),
    examples: examples ? { fires: examples.fires.map(exampleView), quiet: examples.quiet.map(exampleView) } : undefined,
    fires,
  };
}

export type RulePageModel = ReturnType<typeof rulePageModel>;

/** The index: every kind in order, each with its rules and how many tools each fires on. */
export function ruleIndexModel(): Array<{ kind: RuleKind; title: string; about: string; rules: Array<{ id: string; explanation: string; tools: number }> }> {
  return RULE_KINDS.map(({ kind, title, about }) => ({
    kind,
    title,
    about,
    rules: emittableRules()
      .filter((rule) => rule.kind === kind)
      .map((rule) => ({ id: rule.id, explanation: rule.explanation, tools: firesOf(rule.id).tools })),
  })).filter((group) => group.rules.length > 0);
}
