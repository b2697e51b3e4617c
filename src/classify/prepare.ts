// Reads a tool definition once into what the rules match against: name tokens and verbs, the
// description's lead verbs, parameters. Everything here is computed from untrusted text and never trusted.
import type { McpTool } from '../schema';
import { anchorFlags, scanAnchors, TextKind } from './anchors';
import { baseOfForm, classOfVerb, foreignLeadVerb, isNounLike, isOperationValue, splitJoinedVerbs } from './lexicon';
import { checkingVerbs, clearedValueNouns, detachContainers, detachNouns, gestureContext, markNouns, readActivityNouns } from './rules/verbs';
import { actionStart, normaliseParameterName, tokenizeName, type Token } from './tokenize';

export interface VerbHit {
  /** Base verb, e.g. `delete`. */
  verb: string;
  /** The text as written (untrusted), e.g. `Deletes`. */
  text: string;
  start: number;
  /** For description lead verbs: how many words of the description come before it. */
  wordIndex?: number;
  /**
   * The verb class this use of the verb belongs to, when its object decides it instead of the lexicon
   * (see `readingOf`): `remove_label` is `detach`, `clear_cache` is `reset-value`, `run_audit` is `read`.
   */
  reading?: string;
}

export interface Parameter {
  name: string;
  /** Lower snake_case, for matching. */
  key: string;
  description: string;
  /** String enum values, when the schema lists them. */
  values: string[];
  /** The values are those of an array's items: a set of kinds (operations to watch, permissions), not one operation chosen. */
  multiple: boolean;
}

/** Parameter names of the kind whose enum lists the operations one tool performs. */
export const OPERATION_PARAMETER = /^(?:action|method|operation|op|mode|command|type|verb|state)s?$/;

/** Lower-cases a text keeping its offsets: when full Unicode lower-casing changes the length ("İ" becomes two code units), ASCII letters only. */
function lowerKeepingOffsets(text: string): string {
  const lowerCased = text.toLowerCase();
  return lowerCased.length === text.length ? lowerCased : text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** One free text of a tool: where it is, as written, what the anchor scan found in it, and (when a rule needs it) lower-cased. */
export class TextEntry {
  /** Whether the text has a non-ASCII character once lower-cased. */
  readonly nonAscii: boolean;
  /** Whether the text is all ASCII, so a case-insensitive pattern can read it as written instead of lower-cased. */
  readonly ascii: boolean;
  /** Anchor groups found in this text (poisoning rules run only on texts that have their anchors). */
  readonly anchors: Uint8Array;
  /** Where the words of start groups occur: (group, offset) pairs in text order (see anchors.ts). */
  readonly starts: number[] = [];
  private lowered: string | undefined;
  private head: string | undefined;

  constructor(
    readonly field: string,
    readonly text: string,
    headEnd: number,
  ) {
    this.anchors = anchorFlags();
    const kind = scanAnchors(this.anchors, this.starts, text, headEnd, this);
    this.nonAscii = kind === TextKind.NonAscii;
    this.ascii = kind === TextKind.Ascii;
  }

  /** The text lower-cased, offsets kept (so a match's span can be cut from `text`); computed once, when first read. */
  get lower(): string {
    this.lowered ??= lowerKeepingOffsets(this.text);
    return this.lowered;
  }

  /** The first HEAD_LENGTH characters of `lower`, without lower-casing the rest of a long ASCII text. */
  get lowerHead(): string {
    if (this.text.length <= HEAD_LENGTH) return this.lower;
    this.head ??= this.lowered === undefined && !this.nonAscii ? this.text.slice(0, HEAD_LENGTH).toLowerCase() : this.lower.slice(0, HEAD_LENGTH);
    return this.head;
  }
}

export interface PreparedTool {
  name: string;
  tokens: Token[];
  nameVerbs: VerbHit[];
  /** True when every name verb can also be a noun, so a disagreeing description lead verb overrules it. */
  weakNameVerb: boolean;
  title: string;
  description: string;
  /** Field the lead verbs were read from (`description`, or `title` when the description is empty). */
  leadField: 'description' | 'title';
  leadVerbs: VerbHit[];
  parameters: Parameter[];
  /** Which anchor groups (see anchors.ts) occur in the description's head and in the title. */
  headAnchors: Uint8Array;
  titleAnchors: Uint8Array;
  /** Where the description's opening sentence ends: phrases after it describe context, not the tool's own action. */
  openingEnd: number;
  /** The description's entry in `texts`, when it is not empty: category phrases read its first HEAD_LENGTH characters, lower-cased. */
  descriptionText: TextEntry | undefined;
  /** The title's entry in `texts`, when it is not empty. */
  titleText: TextEntry | undefined;
  /** The title, lower-cased. */
  lowerTitle: string;
  /** Free texts for the poisoning rules: field, text and what the anchor scan found in it. */
  texts: TextEntry[];
  /** The name's verb checks what an operation would do (validate, verify, check...): its confirm or overwrite parameters describe that operation. */
  checking: boolean;
}

/** Category phrases read the opening of a description; long ones go on with usage examples. */
export const HEAD_LENGTH = 1500;

/** How far into a description the lead verb is looked for. */
const LEAD_WINDOW = 600;
/** "Allows you to", "Lets users", "Helps the agent": a preamble before the verb that matters. */
const PREAMBLE_VERBS = new Set(['allow', 'let', 'help', 'enable', 'can', 'tell']);
const PREAMBLE_FOLLOWERS = new Set(['you', 'users', 'user', 'to', 'agents', 'agent', 'ai', 'llms', 'llm', 'clients', 'developers', 'one', 'assistants', 'models', 'the', 'me', 'us', 'be']);
/** Subjects after which a noun-like verb is a verb: "This tool lists", "it returns", "which updates". */
const SUBJECTS = new Set(['tool', 'it', 'that', 'which', 'this', 'function', 'command', 'endpoint', 'api', 'server', 'operation', 'method', 'action']);
/** Words after which a noun-like verb at a sentence start is a noun: "Order details", "Charge history", "Run logs". */
const NOUN_FOLLOWERS = new Set(['details', 'detail', 'history', 'status', 'data', 'info', 'information', 'logs', 'log', 'results', 'result', 'records', 'summary', 'id', 'ids', 'number', 'count', 'type', 'types', 'list', 'book', 'explorer', 'metadata', 'statistics', 'stats', 'management', 'tracking', 'lookup', 'settings', 'timeline', 'events', 'tool', 'tools', 'api', 'is', 'was', 'are', 'will']);
/** Words before a verb that negate it ("does not delete", "don't overwrite": the apostrophe leaves "t"). */
const NEGATIONS = new Set(['not', 'never', 'cannot', 't', 'no', 'without']);
/** Verbs too generic to say what a description's tool does ("Runs diagnostics", "Executes a retrieval"); phrases decide. */
const GENERIC_LEAD_VERBS = new Set(['run', 'execute', 'exec', 'perform', 'call', 'invoke', 'use', 'make', 'help', 'handle', 'process']);

/**
 * Verbs whose next word changes what they do: withdrawing from a tournament or a list cancels taking
 * part (withdraw_from_arena); withdrawing funds moves money.
 */
const PARTICLE_VERBS: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([['withdraw', new Map([['from', 'cancel']])]]);

function withParticle(verb: string, next: string | undefined): string {
  return (next !== undefined ? PARTICLE_VERBS.get(verb)?.get(next) : undefined) ?? verb;
}

/** Verbs that take a link or member off something when their object is one (`remove_label`, "unset the reaction"). */
const DETACHING_VERBS = new Set(['remove', 'unset', 'detach', 'unassign', 'unlink', 'disassociate']);
/** Verbs that empty something: with a cache or a value as object they lose nothing (`clear_cache`, "Clear the input"). */
const CLEARING_VERBS = new Set(['clear', 'flush', 'purge', 'evict', 'reset', 'wipe', 'empty', 'unset']);
/** A cache that is a piece of infrastructure (`delete_cache_cluster`), not cached data. */
const CACHE_RESOURCES = new Set(['cluster', 'clusters', 'instance', 'instances', 'server', 'servers', 'node', 'nodes']);
/** Verbs that run something: running an audit, a report or a search reads (`runAccessibilityAudit`). */
const RUNNING_VERBS = new Set(['run', 'execute', 'perform', 'start', 'launch', 'rerun']);
/** What is sent when sending asks a question and gets an answer back ("Send a prompt to ChatGPT and get back insights"). */
const ASKED_NOUNS = new Set(['prompt', 'prompts', 'query', 'queries', 'question', 'questions']);

/** A verb's object: its words (the head noun last) and the words after "from" (what it is taken out of). */
interface VerbObject {
  words: readonly string[];
  from: readonly string[];
  /** Other words of the name, or of the clause, around the verb. */
  context: readonly string[];
}

/**
 * The class one use of a verb belongs to when its object, not the verb, says what a call does:
 * removing a label, a member or a reaction (or anything from a group or a list) is `detach`, and so
 * is deleting a mark such as a reaction or a subscription; clearing a cache, a value or a selection is
 * `reset-value`; a drop or a clear in a browser is a gesture (`interact`); running an audit, a report or
 * a search, and sending a prompt, read (`read`). Undefined when the lexicon's class stands.
 */
/** The verbs readingOf can give another class: for any other verb the object is not read at all (it costs a scan). */
const READING_VERBS: ReadonlySet<string> = new Set([...DETACHING_VERBS, 'delete', 'del', ...CLEARING_VERBS, 'drop', 'clear', ...RUNNING_VERBS, 'send']);
/** Whether `verb` may take another class from its object (see readingOf). */
export const mayTakeReading = (verb: string): boolean => READING_VERBS.has(verb);

export function readingOf(verb: string, object: VerbObject): string | undefined {
  const head = object.words[object.words.length - 1] ?? '';
  if (DETACHING_VERBS.has(verb) && (detachNouns.has(head) || object.from.some((word) => detachContainers.has(word)))) return 'detach';
  if ((verb === 'delete' || verb === 'del') && markNouns.has(head)) return 'detach';
  if (CLEARING_VERBS.has(verb) && object.words.some((word) => clearedValueNouns.has(word)) && !object.words.some((word) => CACHE_RESOURCES.has(word))) return 'reset-value';
  if ((verb === 'drop' || verb === 'clear') && object.context.some((word) => gestureContext.has(word))) return 'interact';
  if (RUNNING_VERBS.has(verb) && readActivityNouns.has(head)) return 'read';
  if (verb === 'send' && ASKED_NOUNS.has(head)) return 'read';
  return undefined;
}

/** Words that end a verb's object ("a label from an issue", "tags on threads"). */
const OBJECT_ENDS = new Set(['from', 'to', 'in', 'on', 'onto', 'into', 'by', 'for', 'with', 'of', 'and', 'or', 'that', 'which', 'so', 'as', 'at', 'when', 'if', 'using', 'via', 'without', 'then']);
/** Words of an object that are not its head ("one or more", "all", "the"). */
const OBJECT_FILLERS = new Set(['a', 'an', 'the', 'one', 'more', 'all', 'any', 'your', 'my', 'their', 'its', 'this', 'that', 'specific', 'specified', 'given', 'existing', 'current', 's']);
const WORDS = /[a-z0-9]+/g;

/** The object of a description's verb that ends at `end`: the words up to a preposition or a comma, and those after "from" in the same sentence. */
export function objectInText(text: string, end: number): VerbObject {
  const sentence = text.slice(end, end + 160).split(/[.;:\n!?]/, 1)[0] ?? '';
  const lower = sentence.toLowerCase();
  const words: string[] = [];
  const from: string[] = [];
  const context: string[] = [];
  let inObject = true;
  let afterFrom = -1;
  let index = 0;
  for (const m of lower.matchAll(WORDS)) {
    const word = m[0];
    context.push(word);
    if (inObject && (OBJECT_ENDS.has(word) || lower.slice(0, m.index).includes(','))) {
      // "one or more droplets": the "or" of a quantity does not end the object.
      if (!(word === 'or' && words.length === 1 && words[0] === 'one')) inObject = false;
    }
    if (inObject && !OBJECT_FILLERS.has(word)) words.push(word);
    if (word === 'from' && afterFrom < 0) afterFrom = index;
    else if (afterFrom >= 0 && index - afterFrom <= 4) from.push(word);
    index++;
  }
  return { words, from, context };
}

/**
 * Whether a delete-like operation value takes a link off instead of deleting: its own object
 * (`remove_label`), or else the tool's nouns (`delete` on `manage_notification_subscription`), read as
 * policy/methods.ts reads a method.
 */
export function valueDetaches(value: string, toolTokens: readonly Token[]): boolean {
  const words = tokenizeName(value).map((token) => token.word);
  const verb = baseOfForm.get(words[0] ?? '') ?? '';
  const object = words.length > 1 ? words.slice(1) : toolTokens.map((token) => token.word).filter((word) => !classOfVerb.has(word) || isNounLike(word));
  return readingOf(verb, { words: object, from: [], context: [] }) === 'detach';
}

/** The object of a name's verb at `at` in `action`: the words after it up to "from" (or before it, when the verb ends the name), and those after "from". */
function objectInName(action: readonly Token[], at: number, all: readonly Token[]): VerbObject {
  const words: string[] = [];
  const from: string[] = [];
  const fromAt = action.findIndex((token, i) => i > at && token.word === 'from');
  const endAt = action.findIndex((token, i) => i > at && OBJECT_ENDS.has(token.word));
  const stop = endAt < 0 ? action.length : endAt;
  for (let i = at + 1; i < stop; i++) words.push((action[i] as Token).word);
  if (words.length === 0) for (let i = 0; i < at; i++) words.push((action[i] as Token).word);
  if (fromAt >= 0) for (let i = fromAt + 1; i < action.length; i++) from.push((action[i] as Token).word);
  return { words, from, context: all.map((token) => token.word) };
}

function pushVerb(hits: VerbHit[], token: Token): void {
  for (const hit of hits) if (hit.start === token.start) return;
  hits.push({ verb: token.word, text: token.text, start: token.start });
}

/** A name that asks a question: an auxiliary the read class lists, then its subject. */
const QUESTION_AUXILIARIES = new Set(['can', 'is', 'has']);
const QUESTION_SUBJECTS = new Set(['i', 'we', 'you', 'it', 'they']);

/** Read verbs that lead a name and are never a namespace: in `get_site_deploy` and `get_last_tweet` the last word is the object. */
const NEVER_NAMESPACE = new Set(['get', 'list', 'fetch', 'read', 'show', 'describe']);

function nameVerbsOf(name: string, tokens: Token[]): VerbHit[] {
  const { hits, action } = pickNameVerbs(name, tokens);
  for (const hit of hits) {
    const at = action.findIndex((token) => token.start === hit.start);
    const reading = at < 0 || !READING_VERBS.has(hit.verb) ? undefined : readingOf(hit.verb, objectInName(action, at, tokens));
    if (reading !== undefined) hit.reading = reading;
  }
  return hits;
}

function pickNameVerbs(name: string, tokens: Token[]): { hits: VerbHit[]; action: Token[] } {
  const from = actionStart(name);
  const expanded: Token[] = [];
  for (const token of tokens) {
    const split = classOfVerb.has(token.word) ? undefined : splitJoinedVerbs(token.word);
    if (!split) {
      expanded.push(token);
      continue;
    }
    let offset = token.start;
    for (const part of split) {
      expanded.push({ word: part, text: name.slice(offset, offset + part.length), start: offset });
      offset += part.length;
    }
  }
  const action = expanded.filter((token) => token.start >= from);
  const hits: VerbHit[] = [];
  // A question (`contract-testing_can_i_deploy`, `is_it_up`) asks whether an action may happen: its auxiliary is the verb.
  const asks = action.findIndex((token, i) => QUESTION_AUXILIARIES.has(token.word) && QUESTION_SUBJECTS.has(action[i + 1]?.word ?? ''));
  if (asks >= 0) {
    pushVerb(hits, action[asks] as Token);
    return { hits, action };
  }
  const first = action[0];
  const last = action[action.length - 1];
  const hasLead = first !== undefined && classOfVerb.has(first.word);
  const lastIsVerb = last !== undefined && last !== first && classOfVerb.has(last.word);
  // Namespaced names end in their verb (acr_registry_list, compute_vm_create, deploy_plan_get): with three
  // or more words, a last word that can only be a verb wins over a first word that is the namespace.
  if (hasLead && lastIsVerb && action.length >= 3 && !isNounLike(last.word) && !NEVER_NAMESPACE.has(first.word) && action[action.length - 2]?.word !== 'or' && action[action.length - 2]?.word !== 'and') {
    pushVerb(hits, last);
    return { hits, action };
  }
  if (hasLead) {
    pushVerb(hits, first);
    // Verbs joined to the lead one: create_or_update_file, get_and_delete.
    for (let i = 2; i < action.length; i++) {
      const joiner = action[i - 1]?.word;
      const token = action[i];
      if (token && (joiner === 'or' || joiner === 'and') && classOfVerb.has(token.word)) pushVerb(hits, token);
    }
    return { hits, action };
  }
  // A vendor or product prefix before the verb: slack_list_channels, notion_update_page; it wins over a
  // last word that is as often a noun (hubspot-generate-feedback-link: the link is what is generated).
  const second = action[1];
  const prefixed = action.length >= 3 && second !== undefined && classOfVerb.has(second.word);
  if (lastIsVerb && prefixed && isNounLike(last.word) && !isNounLike(second.word)) {
    pushVerb(hits, second);
    return { hits, action };
  }
  if (lastIsVerb || (last !== undefined && action.length === 1 && classOfVerb.has(last.word))) {
    pushVerb(hits, last);
    return { hits, action };
  }
  if (prefixed) {
    pushVerb(hits, second);
    return { hits, action };
  }
  // Verbs inside a longer name: the last one is the action, those before it name a namespace or a
  // product (genai-model-eval-create-dataset creates a dataset; it evaluates nothing).
  for (let i = action.length - 1; i >= 0; i--) {
    const token = action[i] as Token;
    if (classOfVerb.has(token.word) && !isNounLike(token.word)) {
      pushVerb(hits, token);
      break;
    }
  }
  return { hits, action };
}

interface Word {
  word: string;
  start: number;
  end: number;
}

const ASCII_WORD = /[A-Za-z0-9_]+/g;

/**
 * Reads a text's ASCII words one at a time (lower-cased, with offsets), so finding a description's
 * lead verb stops after a few words instead of splitting the whole text.
 */
class WordCursor {
  private position = 0;
  private buffered: Word | undefined | null = null;

  constructor(
    private readonly text: string,
    private readonly limit: number,
    start = 0,
  ) {
    this.position = start;
  }

  private read(): Word | undefined {
    if (this.position >= this.text.length) return undefined;
    ASCII_WORD.lastIndex = this.position;
    const m = ASCII_WORD.exec(this.text);
    if (m === null || m.index > this.limit) {
      this.position = this.text.length;
      return undefined;
    }
    this.position = m.index + m[0].length;
    return { word: m[0].toLowerCase(), start: m.index, end: this.position };
  }

  next(): Word | undefined {
    if (this.buffered !== null) {
      const word = this.buffered;
      this.buffered = null;
      return word;
    }
    return this.read();
  }

  peek(): Word | undefined {
    if (this.buffered === null) this.buffered = this.read();
    return this.buffered;
  }
}

/** Whether the gap text[from..to) between two words ends a sentence, starts a list item or follows a label (`Notion | Search by title`). */
function breaksSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 10 || c === 124 || c === 0x2022) return true;
    if ((c === 45 || c === 42) && (i === from || text.charCodeAt(i - 1) === 32) && i + 1 < to && text.charCodeAt(i + 1) === 32) return true;
  }
  return false;
}

/**
 * Where the description's own words begin: after a leading section label in brackets ("[VM Deploy Order
 * Management] Get VM deploy order details"), which names a group of tools, not what this one does.
 */
function labelEnd(text: string): number {
  const m = LEADING_LABEL.exec(text);
  return m ? m[0].length : 0;
}
const LEADING_LABEL = /^\s*\[[^\]\n]{1,80}\]\s*(?=[A-Za-z\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])/;
/** Words that open a clause about when the tool is used ("call when writing code", "before creating"): its verbs are the caller's, not the tool's. */
const CLAUSE_OPENERS = new Set(['when', 'whenever', 'before', 'after', 'while', 'once', 'until']);

function leadVerbsOf(text: string): VerbHit[] {
  const hits = leadVerbsIn(text);
  for (const hit of hits) {
    const reading = READING_VERBS.has(hit.verb) ? readingOf(hit.verb, objectInText(text, hit.start + hit.text.length)) : undefined;
    if (reading !== undefined) hit.reading = reading;
  }
  return hits;
}

function leadVerbsIn(text: string): VerbHit[] {
  const from = labelEnd(text);
  const words = new WordCursor(text, LEAD_WINDOW, from);
  let sentenceStart = true;
  let previousEnd = from;
  let previousWord = '';
  let pendingJoin = false;
  let wordIndex = -1;
  let inClause = false;
  const hits: VerbHit[] = [];
  for (let current = words.next(); current !== undefined; current = words.next()) {
    wordIndex++;
    const word = current.word;
    const base = baseOfForm.get(word);
    if (hits.length > 0) {
      // A list of verbs: "Create, update or delete", "Create/issue/generate", "Add or remove".
      const trimmed = text.slice(previousEnd, current.start).trim();
      if ((word === 'or' || word === 'and') && (trimmed === '' || trimmed === ',')) {
        pendingJoin = true;
        previousEnd = current.end;
        continue;
      }
      const joined = pendingJoin ? trimmed === '' : trimmed === ',' || trimmed === '/';
      if (!joined || base === undefined) break;
      hits.push({ verb: base, text: text.slice(current.start, current.end), start: current.start });
      pendingJoin = false;
      previousEnd = current.end;
      continue;
    }
    if (previousEnd > from && breaksSentence(text, previousEnd, current.start)) {
      sentenceStart = true;
      inClause = false;
    }
    if (CLAUSE_OPENERS.has(word)) inClause = true;
    else if (inClause && text.slice(previousEnd, current.start).includes(',')) inClause = false;
    // "💡 TIP:", "Order:", "Update:": a noun-like word right before a colon is a heading, not a verb. A
    // docstring's "Returns:" still says the tool gives something back, so headings of reading verbs count.
    const heading = base !== undefined && isNounLike(base) && text.charCodeAt(current.end) === 58 && classOfVerb.get(base)?.id !== 'read';
    if (base !== undefined && !heading && !inClause) {
      const next = words.peek()?.word ?? '';
      const preamble = PREAMBLE_VERBS.has(base) && PREAMBLE_FOLLOWERS.has(next);
      const allowed = !isNounLike(base) || (sentenceStart && !NOUN_FOLLOWERS.has(next)) || previousWord === 'to' || (SUBJECTS.has(previousWord) && word !== base);
      // "does not delete", "never modifies", "don't overwrite": a negated verb says what the tool does not do.
      const negated = NEGATIONS.has(previousWord);
      if (!preamble && allowed && !negated && !GENERIC_LEAD_VERBS.has(base)) hits.push({ verb: withParticle(base, next), text: text.slice(current.start, current.end), start: current.start, wordIndex });
    }
    sentenceStart = false;
    previousWord = word;
    previousEnd = current.end;
  }
  // A Chinese, Japanese or Korean opening: its verb from the small lexicon, when it comes before any English one.
  const foreign = foreignLeadVerb(text, from);
  if (foreign && (hits.length === 0 || foreign.start < (hits[0] as VerbHit).start)) return [{ ...foreign, wordIndex: 0 }];
  return hits;
}

const SENTENCE_END = /[.!?。](?:\s|$)|\n\s*\n/;

function openingEndOf(description: string): number {
  const head = description.length > 400 ? description.slice(0, 400) : description;
  const m = SENTENCE_END.exec(head);
  return m ? m.index + 1 : head.length;
}

let empty: Uint8Array | undefined;
/** Flags for a text that is absent (all rules registered by then, so the size is final). */
function noAnchors(): Uint8Array {
  empty ??= anchorFlags();
  return empty;
}

function collectStrings(list: unknown, into: string[]): void {
  if (Array.isArray(list)) for (const value of list) if (typeof value === 'string') into.push(value);
}

function parametersOf(tool: McpTool): Parameter[] {
  const properties = tool.inputSchema['properties'];
  if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) return [];
  const parameters: Parameter[] = [];
  const byName = properties as Record<string, unknown>;
  for (const name of Object.keys(byName)) {
    const raw = byName[name];
    const schema = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const description = typeof schema['description'] === 'string' ? schema['description'] : '';
    const values: string[] = [];
    collectStrings(schema['enum'], values);
    const items = schema['items'];
    const multiple = values.length === 0 && items !== null && typeof items === 'object';
    if (multiple) collectStrings((items as Record<string, unknown>)['enum'], values);
    parameters.push({ name, key: normaliseParameterName(name), description, values, multiple });
  }
  return parameters;
}

/** Schema keywords whose string values a model reads as text (descriptions, titles, choices, defaults, examples). */
const TEXT_KEYWORDS = ['description', 'title', 'enum', 'const', 'default', 'examples'];
/** Bounds on one tool's schema walk, so a 200-deep or 5,000-parameter schema costs no more than a large real one. */
const MAX_SCHEMA_DEPTH = 64;
const MAX_SCHEMA_TEXTS = 400;

/**
 * The strings a model reads inside a schema, each under the field a finding names: under a top-level
 * property, `parameter:<name>` (its enum values, defaults, examples and everything nested in it; its
 * own description is read as the parameter's), elsewhere `schema` (the root, `$defs`) or the field
 * given (`outputSchema`). Strings only: numbers and booleans cannot carry an instruction.
 */
function schemaTexts(schema: unknown, rootField: string, topLevel: boolean, texts: TextEntry[]): void {
  let budget = MAX_SCHEMA_TEXTS;
  const add = (field: string, value: unknown): void => {
    if (budget <= 0) return;
    if (typeof value === 'string') {
      // A parameter's items enum is read with its values above: the same text under the same field is read once.
      if (value.trim() === '' || texts.some((entry) => entry.field === field && entry.text === value)) return;
      texts.push(new TextEntry(field, value, 0));
      budget -= 1;
    } else if (Array.isArray(value)) for (const item of value) add(field, item);
  };
  const walk = (node: unknown, field: string, depth: number, skipOwnDescription: boolean): void => {
    if (budget <= 0 || depth > MAX_SCHEMA_DEPTH || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, field, depth + 1, false);
      return;
    }
    const record = node as Record<string, unknown>;
    for (const keyword of TEXT_KEYWORDS) {
      if (skipOwnDescription && (keyword === 'description' || keyword === 'enum')) continue;
      if (Object.hasOwn(record, keyword)) add(field, record[keyword]);
    }
    for (const key of Object.keys(record)) {
      if (TEXT_KEYWORDS.includes(key)) continue;
      const child = record[key];
      if (topLevel && depth === 0 && key === 'properties' && child !== null && typeof child === 'object' && !Array.isArray(child)) {
        for (const name of Object.keys(child)) walk((child as Record<string, unknown>)[name], `parameter:${name}`, depth + 2, true);
      } else walk(child, field, depth + 1, false);
    }
  };
  walk(schema, rootField, 0, false);
}

export function prepareTool(tool: McpTool): PreparedTool {
  const name = tool.name;
  const tokens = tokenizeName(name);
  const description = tool.description ?? '';
  const title = tool.title ?? tool.annotations?.title ?? '';
  const nameVerbs = nameVerbsOf(name, tokens).map((hit) => {
    const at = tokens.findIndex((token) => token.start === hit.start);
    return at < 0 ? hit : { ...hit, verb: withParticle(hit.verb, tokens[at + 1]?.word) };
  });
  const leadField = description.trim() === '' && title !== '' ? 'title' : 'description';
  const parameters = parametersOf(tool);
  const texts: PreparedTool['texts'] = [];
  const descriptionText = description === '' ? undefined : new TextEntry('description', description, HEAD_LENGTH);
  if (descriptionText) texts.push(descriptionText);
  const titleText = title === '' ? undefined : new TextEntry('title', title, title.length);
  if (titleText) texts.push(titleText);
  for (const parameter of parameters) {
    if (parameter.description !== '') texts.push(new TextEntry(`parameter:${parameter.name}`, parameter.description, 0));
    for (const value of parameter.values) if (value.trim() !== '') texts.push(new TextEntry(`parameter:${parameter.name}`, value, 0));
  }
  // Everything else a model reads: nested schemas, `$defs`, defaults and examples, the output schema,
  // and the annotations' title when the tool's own title hides it from the lines above.
  schemaTexts(tool.inputSchema, 'schema', true, texts);
  if (tool.outputSchema) schemaTexts(tool.outputSchema, 'outputSchema', false, texts);
  const annotationTitle = tool.annotations?.title;
  if (typeof annotationTitle === 'string' && annotationTitle !== '' && annotationTitle !== title) texts.push(new TextEntry('annotation:title', annotationTitle, 0));
  const none = noAnchors();
  const leadText = leadField === 'title' ? title : description;
  const leadVerbs = leadVerbsOf(leadText);
  shareReadings(nameVerbs, leadVerbs, parameters);
  return {
    name,
    tokens,
    nameVerbs,
    // A name whose only verbs can be nouns (sync_status, tag_list, tft-champion-item-build) is a guess the description's lead verb may overrule.
    weakNameVerb: nameVerbs.length > 0 && nameVerbs.every((hit) => isNounLike(hit.verb)),
    title,
    description,
    leadField,
    leadVerbs,
    parameters,
    openingEnd: openingEndOf(description),
    headAnchors: descriptionText?.anchors ?? none,
    titleAnchors: titleText?.anchors ?? none,
    descriptionText,
    titleText,
    lowerTitle: title.toLowerCase(),
    texts,
    checking: nameVerbs.some((hit) => checkingVerbs.has(hit.verb)),
  };
}

/** Whether an operation parameter lists only reading operations (`list`, `get`, `get_members`), so a tool that "manages" by it only reads. */
function readsOnly(parameters: readonly Parameter[]): boolean {
  return parameters.some((parameter) => {
    if (!OPERATION_PARAMETER.test(parameter.key) || parameter.multiple || parameter.values.length === 0) return false;
    let reads = 0;
    for (const value of parameter.values) {
      const first = tokenizeName(value)[0]?.word ?? '';
      const verbClass = classOfVerb.get(first)?.id;
      if (verbClass === 'read') reads++;
      else if (verbClass !== undefined && isOperationValue(value, parameter.values)) return false;
    }
    return reads > 0;
  });
}

/**
 * A name and a description that use the same verb mean the same act: a reading one of them shows
 * (`remove_reaction`, "Removes a reaction from a message") holds for the other. An un- verb in the name
 * (`untag_resource`, `untrash_message`) says what the description's "Remove" undoes. A tool that
 * manages something through an operation parameter that only reads (list, get, members) reads.
 */
function shareReadings(nameVerbs: VerbHit[], leadVerbs: VerbHit[], parameters: readonly Parameter[]): void {
  for (const hit of nameVerbs) {
    if (hit.reading !== undefined) continue;
    const reading = leadVerbs.find((lead) => lead.verb === hit.verb && lead.reading !== undefined)?.reading;
    if (reading !== undefined) hit.reading = reading;
  }
  for (const lead of leadVerbs) {
    if (lead.reading !== undefined) continue;
    const reading = nameVerbs.find((hit) => hit.verb === lead.verb && hit.reading !== undefined)?.reading;
    if (reading !== undefined) lead.reading = reading;
  }
  const undoing = nameVerbs.some((hit) => hit.verb.startsWith('un') && classOfVerb.get(hit.verb)?.concludes === 'category:Write');
  if (undoing) for (const lead of leadVerbs) if (lead.reading === undefined && DETACHING_VERBS.has(lead.verb)) lead.reading = 'detach';
  const managing = (hit: VerbHit): boolean => hit.reading === undefined && classOfVerb.get(hit.verb)?.id === 'manage';
  if ((nameVerbs.some(managing) || leadVerbs.some(managing)) && readsOnly(parameters)) {
    for (const hits of [nameVerbs, leadVerbs]) for (const hit of hits) if (managing(hit)) hit.reading = 'read';
  }
}
