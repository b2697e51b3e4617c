// Every rule id the classifier can emit, with what the site shows of it (/rules/<id>/): the Rule
// entries of ./rules, the poisoning patterns, and the ids classify-tool.ts and classify-server.ts build
// themselves (annotation evidence and findings, the exfiltration parameter, a tool leaning on its
// siblings). tests/classify/rule-catalog.test.ts proves the whole catalog emits no other id.
import type { Severity } from '../schema';
import { FAMILY_AGREEING, NEAR_EMPTY_WORDS, SERVER_AGREEING } from './classify-server';
import { exfiltrationParameterAsk, exfiltrationParameterName, poisonRules, rules } from './rules';
import type { Matcher, PoisonRule, Rule, RuleHints } from './types';

/** How the rules index groups rules: by what they read. */
export type RuleKind = Matcher['kind'] | 'poisoning' | 'annotation' | 'annotation-finding' | 'server';

/** The kinds in the order the index lists them, each with a title and one sentence. */
export const RULE_KINDS: ReadonlyArray<{ kind: RuleKind; title: string; about: string }> = [
  { kind: 'name-verb', title: "The name's verb", about: "A verb of the tool's name (its first word, its last, or one joined by and/or) votes for a category; weight 3." },
  { kind: 'lead-verb', title: "The description's opening verb", about: 'The first verb of the first sentence of the description votes for a category; weight 2.' },
  { kind: 'name-token', title: 'Words of the name', about: 'A word of the name, after splitting camelCase, snake_case, kebab-case and dots.' },
  { kind: 'name-pattern', title: 'Shapes of the name', about: 'The whole name against a pattern: the shape of an operation id generated from an API.' },
  { kind: 'phrase', title: 'Phrases of the description', about: 'A phrase of the description or title; a pattern runs only when one of its anchor words occurs.' },
  { kind: 'parameter', title: 'Parameters', about: 'A parameter whose name (and sometimes description) has a given shape.' },
  { kind: 'parameter-enum', title: 'Operation parameters', about: 'A parameter named like an action or operation whose enum lists a given operation.' },
  { kind: 'poisoning', title: 'Tool poisoning', about: 'Text in a definition that speaks to the model rather than describing the tool: each match is a finding.' },
  { kind: 'annotation', title: "The author's annotations", about: 'What the server author declares (readOnlyHint, destructiveHint), taken where nothing in the definition contradicts it.' },
  { kind: 'annotation-finding', title: 'Contradicted annotations', about: "A declared hint that the tool's own text, or another hint, contradicts: each is a finding." },
  { kind: 'server', title: "The tool's server", about: 'A tool that says nothing of itself, read from what the other tools of its server do.' },
];

export interface EmittableRule {
  id: string;
  kind: RuleKind;
  /** What a match concludes (`category:Write`, `label:destructive`, `qualifier:overwrite`), or for a finding its severity. */
  concludes: readonly string[];
  /** 3 for a name verb, 2 for a lead verb or a strong phrase, 1 for a hint; absent for findings. */
  weight?: number;
  /** The sentence the evidence or the finding shows. */
  explanation: string;
  /** What a match says of the MCP spec's behaviour hints. */
  hints?: RuleHints;
  severity?: Severity;
  /** The Rule entry itself, for the rules of ./rules (its matcher is shown as written). */
  rule?: Rule;
  /** The poisoning rule itself. */
  poison?: PoisonRule;
  /** For ids the classifier builds in code: what is read, in words, and the patterns it is read with. */
  reads?: { text: string; patterns?: ReadonlyArray<{ what: string; pattern: RegExp }> };
}

const fromRule = (rule: Rule): EmittableRule => ({
  id: rule.id,
  kind: rule.match.kind,
  concludes: [rule.concludes, ...(rule.also ?? [])],
  weight: rule.weight,
  explanation: rule.explanation,
  ...(rule.hints ? { hints: rule.hints } : {}),
  rule,
});

const fromPoisonRule = (rule: PoisonRule): EmittableRule => ({
  id: rule.id,
  kind: 'poisoning',
  concludes: [`finding:${rule.severity}`],
  explanation: rule.message,
  severity: rule.severity,
  poison: rule,
});

/** The ids classify-tool.ts, poisoning.ts and classify-server.ts build in code, with what they read. */
const builtInCode: readonly EmittableRule[] = [
  {
    id: 'poison.exfiltration-parameter',
    kind: 'poisoning',
    concludes: ['finding:high'],
    severity: 'high',
    explanation: 'A parameter is shaped to carry data out: its name is a catch-all (notes, debug, context, metadata) and its description asks for the conversation, secrets or file contents.',
    reads: {
      text: "Each parameter's name (lower snake_case) and description.",
      patterns: [
        { what: 'the parameter name', pattern: exfiltrationParameterName },
        { what: 'its description asks for', pattern: exfiltrationParameterAsk },
      ],
    },
  },
  {
    id: 'annotation.readOnlyHint',
    kind: 'annotation',
    concludes: ['category:Read (readOnlyHint: true)', 'category:Write (readOnlyHint: false)'],
    weight: 1,
    explanation:
      'readOnlyHint: true settles a tool the text left as Other, or confirms a Read verdict (nothing in the definition says otherwise, and destructiveHint is not true); readOnlyHint: false makes a tool the text left as Read or Other Write.',
    reads: { text: "The tool's declared annotations.readOnlyHint, unless the catalog is told to ignore annotations (the accuracy measurement)." },
  },
  {
    id: 'annotation.destructiveHint',
    kind: 'annotation',
    concludes: ['label:destructive (true)', 'category:Write (true, on a Read or Other tool)', 'risk:+1 (true, where the text gave no destructive label)', 'label:-destructive (false, on a Write tool)'],
    weight: 1,
    explanation:
      'destructiveHint: true is taken as it is: the tool gets the destructive label, a Read or Other tool becomes Write, and the risk rises a class where the text alone did not find it destructive. destructiveHint: false takes the destructive label off a Write tool whose updates it says are only additive.',
    reads: { text: "The tool's declared annotations.destructiveHint (and readOnlyHint beside it)." },
  },
  {
    id: 'annotation.read-only-and-destructive',
    kind: 'annotation-finding',
    concludes: ['finding:medium'],
    severity: 'medium',
    explanation: 'The tool claims to be read-only and destructive at once; at least one hint is wrong.',
    reads: { text: 'readOnlyHint: true and destructiveHint: true declared together.' },
  },
  {
    id: 'annotation.read-only-contradicted',
    kind: 'annotation-finding',
    concludes: ['finding:medium (the text says Write)', 'finding:high (the text says Execute, Destructive or Financial)'],
    severity: 'high',
    explanation: "readOnlyHint is true, but the tool's own name, description or parameters say it writes, runs, deletes or moves money; the finding quotes the evidence that decided.",
    reads: { text: 'readOnlyHint: true, against the category the text alone gives.' },
  },
  {
    id: 'annotation.not-destructive-contradicted',
    kind: 'annotation-finding',
    concludes: ['finding:medium'],
    severity: 'medium',
    explanation: "destructiveHint is false, but the tool's own text says it is Destructive (it deletes, destroys or revokes).",
    reads: { text: 'destructiveHint: false (without readOnlyHint: true), against the category the text alone gives.' },
  },
  {
    id: 'server.sibling.family',
    kind: 'server',
    concludes: ['category:Read'],
    weight: 1,
    explanation: `A tool whose own name and description say nothing of what a call does (a description of at most ${NEAR_EMPTY_WORDS} words) is Read when every other classified tool of its server whose name begins with the same word is Read, and at least ${FAMILY_AGREEING} of them are.`,
    reads: { text: "The verdicts of the other tools of the server whose names share the tool's first word." },
  },
  {
    id: 'server.sibling.server',
    kind: 'server',
    concludes: ['category:Read'],
    weight: 1,
    explanation: `A tool whose own name and description say nothing of what a call does (a description of at most ${NEAR_EMPTY_WORDS} words), and whose name's family is too small, is Read when every other classified tool of its server is Read, and at least ${SERVER_AGREEING} of them are.`,
    reads: { text: 'The verdicts of every other tool of the server.' },
  },
];

let catalog: readonly EmittableRule[] | undefined;

/** Every rule id the classifier can emit, in the order the index lists them within a kind; ids are unique. */
export function emittableRules(): readonly EmittableRule[] {
  catalog ??= [...rules.map(fromRule), ...poisonRules.map(fromPoisonRule), ...builtInCode];
  return catalog;
}

let byId: ReadonlyMap<string, EmittableRule> | undefined;

export function emittableRule(id: string): EmittableRule | undefined {
  byId ??= new Map(emittableRules().map((rule) => [rule.id, rule]));
  return byId.get(id);
}
