// classifyTool: runs every rule over one tool definition and turns the evidence into a category, a
// risk class, capability labels and findings. Pure and deterministic; rules are compiled once at load.
import type { CapabilityLabel, Category, Classification, Evidence, Finding, McpTool, RiskClass } from '../schema';
import { anchored, compileAnchors, compileStarts, execAtStarts, stickyPattern } from './anchors';
import { baseOfForm, classOfVerb, isForeignOpening, isOperationValue } from './lexicon';
import { HEAD_LENGTH, mayTakeReading, objectInText, OPERATION_PARAMETER, prepareTool, readingOf, valueDetaches, type Parameter, type PreparedTool, type TextEntry } from './prepare';
import type { Token } from './tokenize';
import { inferAnnotations } from './hints';
import { findPoisoning } from './poisoning';
import { rules } from './rules';
import type { Conclusion, Rule } from './types';

export interface ClassifyOptions {
  /** Decide from name, description and parameters only; annotation findings are still reported. */
  ignoreAnnotations?: boolean;
}

/** Most severe last: when two categories apply, the more severe wins (TAXONOMY.md). */
const SEVERITY: Record<Category, number> = { Other: 0, Read: 1, Write: 2, Execute: 3, Destructive: 4, Financial: 5 };
const RISKS: readonly RiskClass[] = ['Low', 'Medium', 'High', 'Critical'];
/** The risk class of each category before any reason raises it (the site's method page shows this table). */
export const DEFAULT_RISK: Record<Category, RiskClass> = {
  Read: 'Low',
  Write: 'Medium',
  Execute: 'High',
  Destructive: 'Critical',
  Financial: 'Critical',
  Other: 'Medium',
};

/**
 * The confidence of a verdict: how directly the tool's own words decided its category. The site's
 * method page lists these, so each value is named here once.
 */
export const CONFIDENCE = {
  /** The name's verb and the description's lead verb give the same category. */
  agree: 0.9,
  /** Only the name's verb decides, or name and description disagree and the more severe wins. */
  nameOnly: 0.75,
  /** A strong phrase or parameter shape of the opening sentence raised the category (at least this). */
  phrase: 0.7,
  /** Only the description's lead verb decides. */
  descriptionOnly: 0.65,
  /** A qualifier (limited to reading, returns guidance) turned the verdict into Read (at least this). */
  qualifier: 0.6,
  /** The author's readOnlyHint settled a tool its text left as Other, or readOnlyHint: false made it Write. */
  annotation: 0.5,
  /** Nothing but a weak hint of reading. */
  weakRead: 0.45,
  /** Nothing says what a call does: Other, insufficient information. */
  nothing: 0.2,
  /** The tool says nothing of itself, and every other tool of its server (or of its name's family) has one category. */
  sibling: 0.4,
  /** Added when readOnlyHint: true confirms a Read verdict. */
  annotationConfirms: 0.05,
} as const;

/** A rule with what the verdict asks of it worked out once, at load. */
interface CompiledRule extends Rule {
  /** The category it votes for, if any. */
  category: Category | undefined;
  /** A verb-class rule (`name.verb.*`, `description.verb.*`), and which of the two. */
  nameVerb: boolean;
  leadVerb: boolean;
  /** Its verb class creates or executes (a money noun on such a verb may make the tool Financial). */
  createLike: boolean;
  /** Every conclusion, as evidence reports it (`category:Write + qualifier:overwrite`). */
  conclusions: string;
  /** The explanation without its final full stop, as the summary quotes it. */
  clause: string;
  /** The capability label it gives, if any. */
  label: CapabilityLabel | undefined;
}

interface Hit {
  rule: CompiledRule;
  field: string;
  match: string;
  start: number;
}

/** Phrases run on lower-cased text without the `i` flag (faster); the match is cut from the original text. */
function lowerCasePattern(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.replace('i', '').replace('g', ''));
}

function compile(rule: Rule): CompiledRule {
  const category = rule.concludes.startsWith('category:') ? (rule.concludes.slice('category:'.length) as Category) : undefined;
  const nameVerb = rule.id.startsWith('name.verb.');
  const leadVerb = rule.id.startsWith('description.verb.');
  return {
    ...rule,
    category,
    nameVerb,
    leadVerb,
    createLike: (nameVerb || leadVerb) && (rule.id.endsWith('.create') || rule.id.endsWith('.execute')),
    conclusions: [rule.concludes, ...(rule.also ?? [])].join(' + '),
    clause: rule.explanation.replace(/\.$/, ''),
    label: rule.concludes.startsWith('label:') ? (rule.concludes.slice('label:'.length) as CapabilityLabel) : undefined,
  };
}

/** Label and risk rules: they only matter for some categories, so classifyTool runs them after deciding one. */
const isLabelRule = (rule: Rule): boolean => rule.concludes.startsWith('label:') || rule.concludes === 'risk:+1';

/** Whether a label or risk rule can change the verdict of a tool of this category (see classifyTool). */
function labelApplies(rule: Rule, category: Category): boolean {
  switch (rule.concludes) {
    case 'label:private-data':
    case 'label:untrusted-content':
      return category === 'Read' || category === 'Execute';
    case 'label:outward-channel':
      return category !== 'Read' && category !== 'Other';
    case 'risk:+1':
      return category === 'Write' || category === 'Other';
    default:
      return true;
  }
}

/**
 * `all`: every rule (the fixtures); `category`: rules that decide a category; a Category: the label rules
 * that apply to it; `open-world`: the rules that say whether the tool reaches an open world (hints.ts).
 */
type Phase = 'all' | 'category' | 'open-world' | Category;

function runs(rule: Rule, phase: Phase): boolean {
  if (phase === 'all') return true;
  if (phase === 'open-world') return rule.hints?.openWorld !== undefined;
  if (phase === 'category') return !isLabelRule(rule);
  return isLabelRule(rule) && labelApplies(rule, phase);
}

/** The rules of one phase, by matcher kind, so a tool only pays for the lookups it needs. */
interface RuleSet {
  /** Per verb: the verb class's name rule and lead rule, and other rules on the name's verb. */
  verbs: Map<string, { name?: CompiledRule; lead?: CompiledRule; extra: CompiledRule[] }>;
  /** Per verb class id: its name rule and lead rule, for a verb whose object decides its class (VerbHit.reading). */
  readings: Map<string, { name?: CompiledRule; lead?: CompiledRule }>;
  tokens: Array<{ rule: CompiledRule; tokens: ReadonlySet<string>; last: boolean; notAfterModifier: boolean }>;
  namePatterns: Array<{ rule: CompiledRule; pattern: RegExp }>;
  phrases: Array<{ rule: CompiledRule; pattern: RegExp; group: number; sticky: RegExp; stickyLower: RegExp; startGroup: number }>;
  parameters: CompiledRule[];
}

const compiled = rules.map(compile);
// Each phrase rule's anchors are registered once; every phase shares the group.
const phraseGroups = new Map<Rule, { group: number; startGroup: number }>();
for (const rule of compiled) {
  if (rule.match.kind === 'phrase') phraseGroups.set(rule, { group: compileAnchors(rule.match.anchors, 'head'), startGroup: compileStarts(rule.match.starts, 'head') });
}

function ruleSet(phase: Phase): RuleSet {
  const set: RuleSet = { verbs: new Map(), readings: new Map(), tokens: [], namePatterns: [], phrases: [], parameters: [] };
  for (const rule of compiled) {
    if (!runs(rule, phase)) continue;
    const match = rule.match;
    if (match.kind === 'name-verb' || match.kind === 'lead-verb') {
      if (rule.nameVerb || rule.leadVerb) {
        const reading = set.readings.get(rule.id.slice(rule.id.indexOf('.verb.') + '.verb.'.length)) ?? {};
        if (rule.nameVerb) reading.name = rule;
        else reading.lead = rule;
        set.readings.set(rule.id.slice(rule.id.indexOf('.verb.') + '.verb.'.length), reading);
      }
      for (const verb of match.verbs) {
        const entry = set.verbs.get(verb) ?? { extra: [] };
        if (rule.nameVerb || rule.leadVerb) {
          // The verb classes: the first class listing a verb owns it (see lexicon.ts).
          if (classOfVerb.get(verb) && rule.id.endsWith(`.${classOfVerb.get(verb)?.id}`)) {
            if (match.kind === 'name-verb') entry.name = rule;
            else entry.lead = rule;
          }
        } else if (match.kind === 'name-verb') entry.extra.push(rule);
        set.verbs.set(verb, entry);
      }
    } else if (match.kind === 'name-token') set.tokens.push({ rule, tokens: new Set(match.tokens), last: match.last === true, notAfterModifier: match.notAfterModifier === true });
    else if (match.kind === 'name-pattern') set.namePatterns.push({ rule, pattern: match.pattern });
    else if (match.kind === 'phrase') {
      const { group, startGroup } = phraseGroups.get(rule) ?? { group: -1, startGroup: -1 };
      const sticky = startGroup < 0 ? match.pattern : stickyPattern(match.pattern, true);
      const stickyLower = startGroup < 0 ? match.pattern : stickyPattern(match.pattern, false);
      set.phrases.push({ rule, pattern: lowerCasePattern(match.pattern), group, sticky, stickyLower, startGroup });
    }
    else set.parameters.push(rule);
  }
  return set;
}

const ruleSets = new Map<Phase, RuleSet>();
for (const phase of ['all', 'category', 'open-world', 'Read', 'Write', 'Execute', 'Destructive', 'Financial', 'Other'] as const) ruleSets.set(phase, ruleSet(phase));

/**
 * A phrase's first match in the lower-cased head of the tool's description or title (`entry`): tried only at its start words when it has them and the lower-cased text has the
 * entry's offsets (a description cut at HEAD_LENGTH may end inside a word the scan read whole, and a
 * lower-cased title may change length), else a search. An ASCII text is read as written.
 */
function firstMatch(phrase: RuleSet['phrases'][number], tool: PreparedTool, entry: TextEntry, field: 'description' | 'title'): RegExpExecArray | null {
  if (phrase.startGroup >= 0 && entry.ascii && entry.text.length <= HEAD_LENGTH) return execAtStarts(phrase.sticky, entry.text, entry.starts, phrase.startGroup, 0);
  const searched = field === 'description' ? entry.lowerHead : tool.lowerTitle;
  if (phrase.startGroup < 0 || entry.text.length > HEAD_LENGTH || searched.length !== entry.text.length) return phrase.pattern.exec(searched);
  return execAtStarts(phrase.stickyLower, searched, entry.starts, phrase.startGroup, 0);
}

function collectHits(tool: PreparedTool, phase: Phase): Hit[] {
  const set = ruleSets.get(phase) as RuleSet;
  const hits: Hit[] = [];
  for (const verb of tool.nameVerbs) {
    const entry = set.verbs.get(verb.verb);
    const rule = verb.reading === undefined ? entry?.name : set.readings.get(verb.reading)?.name;
    if (rule) hits.push({ rule, field: 'name', match: verb.text, start: verb.start });
    for (const extra of entry?.extra ?? []) hits.push({ rule: extra, field: 'name', match: verb.text, start: verb.start });
  }
  for (const verb of tool.leadVerbs) {
    const rule = verb.reading === undefined ? set.verbs.get(verb.verb)?.lead : set.readings.get(verb.reading)?.lead;
    if (rule) hits.push({ rule, field: tool.leadField, match: verb.text, start: verb.start });
  }
  const lastToken = tool.tokens.length - 1;
  for (const { rule, tokens, last, notAfterModifier } of set.tokens) {
    for (let i = last ? Math.max(0, lastToken) : 0; i <= lastToken; i++) {
      const token = tool.tokens[i] as Token;
      if (!tokens.has(token.word)) continue;
      if (notAfterModifier && i > 0 && modifiesNext(tool, tool.tokens[i - 1] as Token)) continue;
      hits.push({ rule, field: 'name', match: token.text, start: token.start });
      break;
    }
  }
  for (const { rule, pattern } of set.namePatterns) {
    const m = pattern.exec(tool.name);
    if (m) hits.push({ rule, field: 'name', match: m[0], start: m.index });
  }
  for (const phrase of set.phrases) {
    const { rule, group } = phrase;
    const m = tool.descriptionText !== undefined && anchored(tool.headAnchors, group) ? firstMatch(phrase, tool, tool.descriptionText, 'description') : null;
    if (m) {
      if (!(rule.objectDecides && deleteDetaches(tool.description, m))) hits.push({ rule, field: 'description', match: tool.description.slice(m.index, m.index + m[0].length), start: m.index });
      continue;
    }
    const t = tool.titleText === undefined || !anchored(tool.titleAnchors, group) ? null : firstMatch(phrase, tool, tool.titleText, 'title');
    if (t) hits.push({ rule, field: 'title', match: tool.title.slice(t.index, t.index + t[0].length), start: t.index });
  }
  if (set.parameters.length > 0 && tool.parameters.length > 0) {
    let operations: boolean[] | undefined;
    for (const rule of set.parameters) {
      const match = rule.match;
      for (let i = 0; i < tool.parameters.length; i++) {
        const parameter = tool.parameters[i] as Parameter;
        if (match.kind === 'parameter' && match.name.test(parameter.key)) {
          if (match.description && !match.description.test(parameter.description)) continue;
          hits.push({ rule, field: `parameter:${parameter.name}`, match: parameter.name, start: 0 });
          break;
        }
        // An array's enum is a set of kinds (operations to watch, permissions to grant), not the one operation a call performs.
        if (match.kind === 'parameter-enum' && parameter.values.length > 0 && !parameter.multiple) {
          operations ??= tool.parameters.map((candidate) => OPERATION_PARAMETER.test(candidate.key));
          if (!operations[i]) continue;
          const value = parameter.values.find((candidate) => match.value.test(candidate) && isOperationValue(candidate, parameter.values) && !(rule.objectDecides && valueDetaches(candidate, tool.tokens)));
          if (value !== undefined) {
            hits.push({ rule, field: `parameter:${parameter.name}`, match: value, start: 0 });
            break;
          }
        }
      }
    }
  }
  return hits;
}

/**
 * Whether a name token is a verb used as a modifier of the noun after it: a verb that is not the name's
 * own verb, nor a money verb or one that creates or sends (`get_vm_deploy_order`, `create_change_order`:
 * a deploy or change order; `create_sell_order` is still a sell order, `request_send_money` still sends money).
 */
function modifiesNext(tool: PreparedTool, previous: Token): boolean {
  const verbClass = classOfVerb.get(previous.word);
  if (verbClass === undefined || verbClass.id === 'financial' || verbClass.id === 'create') return false;
  return !tool.nameVerbs.some((verb) => verb.start === previous.start);
}

/** Whether the delete a phrase matched ("ignore, watch, or delete a notification thread subscription") takes a link off (see readingOf). */
function deleteDetaches(description: string, m: RegExpExecArray): boolean {
  const verb = /(?:delet|remov|destroy)[a-z]*/i.exec(m[0]);
  if (!verb) return false;
  const base = baseOfForm.get(verb[0].toLowerCase()) ?? '';
  return mayTakeReading(base) && readingOf(base, objectInText(description, m.index + verb.index + verb[0].length)) === 'detach';
}

/** Which rules match a tool, before any verdict: what the rule fixtures test. */
export function matchRules(definition: McpTool): Array<{ rule: string; field: string; match: string; start: number }> {
  return collectHits(prepareTool(definition), 'all').map((hit) => ({ rule: hit.rule.id, field: hit.field, match: hit.match, start: hit.start }));
}

const moreSevere = (a: Category | undefined, b: Category | undefined): Category | undefined =>
  a === undefined ? b : b === undefined ? a : SEVERITY[b] > SEVERITY[a] ? b : a;

function strongest(hits: readonly Hit[]): Category | undefined {
  let best: Category | undefined;
  for (const hit of hits) best = moreSevere(best, hit.rule.category);
  return best;
}

interface Verdict {
  category: Category;
  /** The hits that decided the category, best first. */
  deciding: Hit[];
  /** Hits whose conclusions were used (category, qualifiers, labels, risk). */
  used: Hit[];
  confidence: number;
  insufficientInformation: boolean;
  reason?: string;
}

function verbHits(hits: readonly Hit[], of: 'nameVerb' | 'leadVerb'): Hit[] {
  const out: Hit[] = [];
  for (const hit of hits) if (hit.rule[of]) out.push(hit);
  return out;
}

const concludes = (hit: Hit, conclusion: Conclusion): boolean => hit.rule.concludes === conclusion || hit.rule.also?.includes(conclusion) === true;

function concluding(hits: readonly Hit[], conclusion: Conclusion): Hit[] {
  const out: Hit[] = [];
  for (const hit of hits) if (concludes(hit, conclusion)) out.push(hit);
  return out;
}

const isVerbRule = (hit: Hit): boolean => hit.rule.nameVerb || hit.rule.leadVerb;

/** A description's lead verb further in than this many words does not overrule a verb in the name. */
const LATE_LEAD_WORD = 6;

/** Whether a phrase or parameter hint may raise `from` to `to`. */
function mayEscalate(hit: Hit, from: Category | undefined, to: Category, readOnlyLimited: boolean, createLike: boolean, tool: PreparedTool, notMoney: boolean): boolean {
  const openingEnd = tool.openingEnd;
  // A transaction on a database (firestore-transaction, run_sql_transaction) moves no money.
  if (to === 'Financial' && notMoney) return false;
  // A validator's confirm or overwrite parameter (DNS_validateDNSRecords' `overwrite`) describes the operation it checks.
  if (tool.checking && hit.rule.match.kind === 'parameter') return false;
  if (hit.rule.weight >= 2) {
    // A description may mention other operations ("To delete it, use delete_item", "creating a policy invokes a
    // pipeline"): only its opening sentence may say that the tool itself deletes, runs code or moves money.
    if (hit.field === 'description' && hit.start >= openingEnd) return false;
    // A description that limits the tool to reading ("rejects INSERT/UPDATE/DELETE") is not a list of its operations.
    if ((to === 'Execute' || to === 'Destructive') && readOnlyLimited && !hit.field.startsWith('parameter:')) return false;
    return !(to === 'Financial' && (from === undefined || from === 'Read'));
  }
  // Weak hints only fill gaps: a code parameter when nothing else says what the tool does, a money noun on a create/execute verb.
  return (to === 'Execute' && from === undefined && !readOnlyLimited) || (to === 'Financial' && createLike);
}

/** The HTTP method hit that decides a generated API wrapper: the description's (in its opening), else the name's. */
function httpMethodHit(hits: readonly Hit[], openingEnd: number): Hit | undefined {
  let fromName: Hit | undefined;
  for (const hit of hits) {
    if (!concludes(hit, 'qualifier:http-method')) continue;
    if (hit.field === 'name') fromName ??= hit;
    else if (hit.field !== 'description' || hit.start < openingEnd) return hit;
  }
  return fromName;
}

/** Decides the category from the text alone (name, title, description, parameters). */
function decide(tool: PreparedTool, hits: readonly Hit[]): Verdict {
  // A verb deep in the description ("Use this tool to decide whether to deploy") does not overrule the name's verb.
  const allLeadHits = verbHits(hits, 'leadVerb');
  const lateLead = (tool.leadVerbs[0]?.wordIndex ?? 0) > LATE_LEAD_WORD && tool.nameVerbs.length > 0;
  // "Manage" says nothing a read verb in the name does not say better (get_zia_users: "Manage ZIA users (read-only)").
  const genericLead = allLeadHits.length > 0 && allLeadHits.every((hit) => hit.rule.id === 'description.verb.manage') && verbHits(hits, 'nameVerb').some((hit) => hit.rule.category === 'Read');
  const leadHits = lateLead || genericLead ? [] : allLeadHits;
  // A noun-like last word of a name (tft-champion-item-build) is overruled by a description that says what the tool does.
  const allNameHits = verbHits(hits, 'nameVerb');
  const nameHits = tool.weakNameVerb && leadHits.length > 0 && strongest(leadHits) !== strongest(allNameHits) ? [] : allNameHits;
  const nameCategory = strongest(nameHits);
  const leadCategory = strongest(leadHits);
  let category = moreSevere(nameCategory, leadCategory);
  const deciding: Hit[] = [];
  for (const hit of nameHits) if (hit.rule.category === category) deciding.push(hit);
  for (const hit of leadHits) if (hit.rule.category === category) deciding.push(hit);
  let confidence = nameCategory && leadCategory ? (nameCategory === leadCategory ? CONFIDENCE.agree : CONFIDENCE.nameOnly) : nameCategory ? CONFIDENCE.nameOnly : leadCategory ? CONFIDENCE.descriptionOnly : 0;

  const readOnlyLimit = concluding(hits, 'qualifier:read-only');
  const notMoney = concluding(hits, 'qualifier:not-money').length > 0;
  let createLike = false;
  for (const hit of nameHits) if (hit.rule.createLike) createLike = true;
  for (const hit of leadHits) if (hit.rule.createLike) createLike = true;
  // A generated API wrapper (`POST /warranties`, `invoicesInvoiceIdPatch`): the HTTP method decides, not
  // the nouns of the path or verbs inside it; a POST whose description's lead verb reads (a search that
  // takes a body) stays Read. The description's method is preferred to the name's.
  const method = httpMethodHit(hits, tool.openingEnd);
  const methodDecides = method !== undefined && !(method.rule.category === 'Write' && !method.rule.also?.includes('qualifier:overwrite') && leadCategory === 'Read');
  if (method !== undefined && methodDecides) {
    category = method.rule.category;
    deciding.length = 0;
    deciding.push(method);
    confidence = Math.max(nameCategory === category || leadCategory === category ? CONFIDENCE.agree : 0, CONFIDENCE.phrase);
  }
  // Strong phrases and parameter shapes first (a multi-operation tool that can delete, code, money), then weak hints.
  let weakRead: Hit | undefined;
  for (const pass of methodDecides ? [] : [2, 1]) {
    for (const hit of hits) {
      if (isVerbRule(hit) || (pass === 2 ? hit.rule.weight < 2 : hit.rule.weight >= 2)) continue;
      // An HTTP method decides only where httpMethodHit chose it (a POST that a lead verb shows reads stays Read).
      if (concludes(hit, 'qualifier:http-method')) continue;
      const to = hit.rule.category;
      if (to === undefined) continue;
      if (to === 'Read') {
        weakRead ??= hit;
        continue;
      }
      if (category !== undefined && SEVERITY[to] <= SEVERITY[category]) continue;
      if (!mayEscalate(hit, category, to, readOnlyLimit.length > 0, createLike, tool, notMoney)) continue;
      category = to;
      deciding.unshift(hit);
      confidence = Math.max(confidence, CONFIDENCE.phrase);
    }
  }
  if (category === undefined && weakRead) {
    category = 'Read';
    deciding.push(weakRead);
    confidence = CONFIDENCE.weakRead;
  }
  // Qualifiers: a query tool limited to reading is Read; an effect that cannot be undone is Destructive.
  if (readOnlyLimit.length > 0 && (category === 'Execute' || category === undefined)) {
    category = 'Read';
    deciding.unshift(...readOnlyLimit);
    confidence = Math.max(confidence, CONFIDENCE.qualifier);
  }
  // A tool whose opening says it returns guidance or documentation (create_mobile_lwc_nfc "provides ... API
  // documentation ... and guidance") advises on the action its name names; it does not perform it.
  const advice = concluding(hits, 'qualifier:advice').filter((hit) => hit.field !== 'description' || hit.start < tool.openingEnd);
  if (advice.length > 0 && category !== undefined && category !== 'Read') {
    category = 'Read';
    deciding.unshift(...advice);
    confidence = Math.max(confidence, CONFIDENCE.qualifier);
  }
  // A tool that only simulates, quotes or estimates an action (sp-purchase-analyzer's what-if analyses,
  // quote_buy "Get a quote for buying") works out what the action would do; it performs nothing.
  const computes = concluding(hits, 'qualifier:computes').filter((hit) => hit.field !== 'description' || hit.start < tool.openingEnd);
  if (computes.length > 0 && category !== 'Read') {
    category = 'Read';
    deciding.unshift(...computes);
    confidence = Math.max(confidence, CONFIDENCE.qualifier);
  }
  const irreversible = concluding(hits, 'qualifier:irreversible');
  if (category === 'Write' && irreversible.length > 0) {
    category = 'Destructive';
    deciding.unshift(...irreversible);
  }
  if (category === undefined) {
    const empty = tool.description.trim() === '';
    return {
      category: 'Other',
      deciding: [],
      used: [],
      confidence: CONFIDENCE.nothing,
      insufficientInformation: true,
      reason: empty
        ? `the description is empty and the name "${tool.name}" has no verb the rules know`
        : isForeignOpening(tool.description)
          ? `the name "${tool.name}" has no verb the rules know, and the description is not in English and opens with none of the Chinese, Japanese or Korean verbs the rules read`
          : `neither the name "${tool.name}" nor the description says what a call does`,
    };
  }
  const used = hits.filter((hit) => {
    if (hit.rule.category !== undefined) return deciding.includes(hit) || hit.rule.category === category;
    return true;
  });
  return { category, deciding, used, confidence, insufficientInformation: false };
}

function evidenceOf(hit: Hit): Evidence {
  return {
    rule: hit.rule.id,
    field: hit.field,
    match: hit.match,
    concludes: hit.rule.conclusions,
    weight: hit.rule.weight,
    explanation: hit.rule.explanation,
  };
}

function annotationEvidence(hint: string, value: boolean, concludes: string, weight: number, explanation: string): Evidence {
  return { rule: `annotation.${hint}`, field: `annotation:${hint}`, match: String(value), concludes, weight, explanation };
}

const quote = (text: string): string => `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
const fieldLabel = (field: string): string =>
  field.startsWith('parameter:') ? `parameter ${field.slice('parameter:'.length)}` : field.startsWith('annotation:') ? `annotation ${field.slice('annotation:'.length)}` : field;

export function classifyTool(definition: McpTool, options: ClassifyOptions = {}): Classification {
  const tool = prepareTool(definition);
  const verdict = decide(tool, collectHits(tool, 'category'));
  let category = verdict.category;
  let confidence = verdict.confidence;
  const evidence: Evidence[] = [];
  const findings: Finding[] = findPoisoning(tool);
  const annotations = definition.annotations ?? undefined;
  const readOnlyHint = annotations?.readOnlyHint ?? undefined;
  const destructiveHint = annotations?.destructiveHint ?? undefined;
  const textCategory = category;
  const decisive = verdict.deciding[0];

  // Annotation contradictions are reported whether or not annotations are used.
  if (readOnlyHint === true && destructiveHint === true) {
    findings.push({
      rule: 'annotation.read-only-and-destructive',
      severity: 'medium',
      field: 'annotation:destructiveHint',
      match: 'true',
      message: 'The tool claims to be read-only and destructive at once; at least one hint is wrong.',
    });
  }
  if (readOnlyHint === true && SEVERITY[textCategory] >= SEVERITY.Write && decisive) {
    findings.push({
      rule: 'annotation.read-only-contradicted',
      severity: textCategory === 'Write' ? 'medium' : 'high',
      field: decisive.field,
      match: decisive.match,
      start: decisive.start,
      message: `readOnlyHint is true, but the ${fieldLabel(decisive.field)} says the tool is ${textCategory}.`,
    });
  }
  if (destructiveHint === false && readOnlyHint !== true && textCategory === 'Destructive' && decisive) {
    findings.push({
      rule: 'annotation.not-destructive-contradicted',
      severity: 'medium',
      field: decisive.field,
      match: decisive.match,
      start: decisive.start,
      message: `destructiveHint is false, but the ${fieldLabel(decisive.field)} says the tool is Destructive.`,
    });
  }

  for (const hit of verdict.used) evidence.push(evidenceOf(hit));

  // The label says the tool's own operation can delete or overwrite what exists: every Destructive tool,
  // and a Write, Execute or Financial tool with evidence of deleting or overwriting. The spec's broader
  // "non-additive" (update in place, stop, run, pay) is the inferred destructiveHint's, not the label's.
  let destructive =
    category === 'Destructive' || ((category === 'Write' || category === 'Execute' || category === 'Financial') && verdict.used.some((hit) => concludes(hit, 'qualifier:overwrite')));
  // The spec's hints as the text alone gives them (annotations are what they are compared with).
  const inferredAnnotations = inferAnnotations(verdict, collectHits(tool, 'open-world'));
  // Why the risk is above the category's default: the words of the summary and the evidence they rest on.
  const riskReasons: string[] = [];
  const riskBy: string[] = [];
  // The annotation that decided the category, when one did (the text's own category is then overruled).
  let annotationDecided: string | undefined;
  let annotationAgrees: string | undefined;

  if (!options.ignoreAnnotations && annotations) {
    // Author claims: a claim that raises risk is taken; a read-only claim lowers only when nothing contradicts it.
    if (readOnlyHint === true && (category === 'Other' || category === 'Read') && destructiveHint !== true) {
      if (category === 'Other') {
        category = 'Read';
        confidence = CONFIDENCE.annotation;
        annotationDecided = 'annotation.readOnlyHint';
      } else {
        confidence = Math.min(1, confidence + CONFIDENCE.annotationConfirms);
        annotationAgrees = 'annotation.readOnlyHint';
      }
      evidence.push(annotationEvidence('readOnlyHint', true, 'category:Read', 1, 'The author declares the tool read-only, and nothing in its definition says otherwise.'));
    } else if (readOnlyHint === false && (category === 'Other' || category === 'Read')) {
      category = 'Write';
      confidence = CONFIDENCE.annotation;
      annotationDecided = 'annotation.readOnlyHint';
      evidence.push(annotationEvidence('readOnlyHint', false, 'category:Write', 1, 'The author declares that the tool changes state.'));
    }
    // Read-only and destructive at once is a contradiction (reported above): the claim that raises wins.
    if (destructiveHint === true) {
      // The evidence concludes what the claim did here, not all it could do.
      const conclusions = ['label:destructive'];
      if (category === 'Other' || category === 'Read') {
        category = 'Write';
        annotationDecided = 'annotation.destructiveHint';
        conclusions.unshift('category:Write');
      }
      if (!destructive) {
        destructive = true;
        riskReasons.push('its author declares it destructive');
        riskBy.push('annotation.destructiveHint');
        conclusions.push('risk:+1');
      }
      evidence.push(annotationEvidence('destructiveHint', true, conclusions.join(' + '), 1, 'The author declares that the tool may destroy or overwrite data.'));
    } else if (destructiveHint === false && readOnlyHint !== true && category === 'Write' && destructive) {
      destructive = false;
      evidence.push(annotationEvidence('destructiveHint', false, 'label:-destructive', 1, 'The author declares that the tool only adds, so its updates are not counted as destructive.'));
    }
  }

  // Label and risk rules run once the category is final, and only those that can matter for it.
  const labelHits = collectHits(tool, category);
  const labels = new Set<CapabilityLabel>();
  if (destructive) labels.add('destructive');
  if (category === 'Execute' && (verdict.used.some((hit) => concludes(hit, 'label:code-execution')) || tool.nameVerbs.some((verb) => classOfVerb.get(verb.verb)?.id === 'execute'))) labels.add('code-execution');
  for (const hit of labelHits) {
    const label = hit.rule.label;
    if (label !== undefined && label !== 'destructive' && label !== 'code-execution') labels.add(label);
  }
  // Label evidence whose label was not given is left out, so the evidence only lists what the verdict used
  // (the annotations' label evidence above always names a label that was given, or a label taken away).
  for (const hit of labelHits) if (hit.rule.label === undefined || labels.has(hit.rule.label)) evidence.push(evidenceOf(hit));
  const kept = evidence;

  // Every reason that raises the risk is named, though together they raise it one step.
  const permissions = kept.find((item) => item.rule === 'risk.permissions');
  if (category === 'Read' && labels.has('credentials')) {
    riskReasons.push('it can return secrets or credentials');
    for (const item of kept) if (item.concludes.split(' + ').includes('label:credentials')) riskBy.push(item.rule);
  } else if ((category === 'Write' || category === 'Other') && permissions) {
    riskReasons.push(`it acts on permissions or access control (${quote(permissions.match)})`);
    riskBy.push(permissions.rule);
  }
  const riskStep = riskReasons.length > 0 ? 1 : 0;
  const base = DEFAULT_RISK[category];
  const risk = RISKS[Math.min(RISKS.length - 1, RISKS.indexOf(base) + riskStep)] ?? base;
  if (riskStep === 0) for (let i = kept.length - 1; i >= 0; i--) if (kept[i]?.concludes === 'risk:+1') kept.splice(i, 1);

  const decidedBy = { category: decidingRules(category, verdict, kept, annotationDecided, annotationAgrees), risk: [...new Set(riskBy)] };
  const sortedLabels = [...labels].sort();
  const summary = summarise(category, risk, base, riskReasons, verdict, kept, decidedBy.category[0], sortedLabels, findings);
  return {
    category,
    risk,
    confidence: Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100,
    insufficientInformation: verdict.insufficientInformation && category === 'Other',
    summary,
    evidence: kept,
    decidedBy,
    labels: sortedLabels,
    findings: findings.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : (a.start ?? 0) - (b.start ?? 0))),
    inferredAnnotations,
  };
}

/**
 * The rules the category rests on, most decisive first: the annotation that set it, when one did;
 * otherwise the text's deciding hits for this category and the qualifiers that moved it (a lower
 * category's verb that a stronger hit outranked is not among them), then an annotation that agrees.
 */
function decidingRules(category: Category, verdict: Verdict, evidence: readonly Evidence[], annotationDecided: string | undefined, annotationAgrees: string | undefined): string[] {
  if (category === 'Other') return [];
  if (annotationDecided) return [annotationDecided];
  const rules: string[] = [];
  for (const hit of verdict.deciding) if (hit.rule.category === category || hit.rule.category === undefined) rules.push(hit.rule.id);
  if (rules.length === 0) for (const item of evidence) if (item.concludes.split(' + ').includes(`category:${category}`)) rules.push(item.rule);
  if (annotationAgrees) rules.push(annotationAgrees);
  return [...new Set(rules)];
}

function summarise(
  category: Category,
  risk: RiskClass,
  base: RiskClass,
  riskReasons: readonly string[],
  verdict: Verdict,
  evidence: readonly Evidence[],
  leadRule: string | undefined,
  labels: readonly CapabilityLabel[],
  findings: readonly Finding[],
): string {
  const raised = risk !== base && riskReasons.length > 0 ? ` Risk raised from ${base} because ${riskReasons.join(' and ')}.` : '';
  const found = findings.length > 0 ? ` Findings: ${[...new Set(findings.map((finding) => finding.rule))].sort().join(', ')}.` : '';
  if (category === 'Other') return `Other, ${risk} risk: insufficient information, ${verdict.reason ?? 'nothing in the definition says what a call does'}.${raised}${found}`;
  // The text's own deciding hit is quoted when it decided (its match and field are the hit's); else the evidence item.
  const hit = verdict.deciding.find((candidate) => candidate.rule.id === leadRule);
  const item = hit ? undefined : evidence.find((candidate) => candidate.rule === leadRule);
  const lead = hit ? { clause: hit.rule.clause, match: hit.match, field: hit.field } : item ? { clause: item.explanation.replace(/\.$/, ''), match: item.match, field: item.field } : undefined;
  let text = lead ? `${category}, ${risk} risk: ${lead.clause} (${quote(lead.match)} in the ${fieldLabel(lead.field)}).` : `${category}, ${risk} risk.`;
  text += raised;
  if (labels.length > 0) text += ` Capabilities: ${labels.join(', ')}.`;
  return text + found;
}
