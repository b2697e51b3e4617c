// Reads a tool definition once into what the rules match against: name tokens and verbs, the
// description's lead verbs, parameters. Everything here is computed from untrusted text and never trusted.
import type { McpTool } from '../schema';
import { anchorFlags, scanAnchors, TextKind } from './anchors';
import { baseOfForm, classOfVerb, isNounLike, splitJoinedVerbs } from './lexicon';
import { actionStart, normaliseParameterName, tokenizeName, type Token } from './tokenize';

export interface VerbHit {
  /** Base verb, e.g. `delete`. */
  verb: string;
  /** The text as written (untrusted), e.g. `Deletes`. */
  text: string;
  start: number;
  /** For description lead verbs: how many words of the description come before it. */
  wordIndex?: number;
}

export interface Parameter {
  name: string;
  /** Lower snake_case, for matching. */
  key: string;
  description: string;
  /** String enum values, when the schema lists them. */
  values: string[];
}

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

function pushVerb(hits: VerbHit[], token: Token): void {
  for (const hit of hits) if (hit.start === token.start) return;
  hits.push({ verb: token.word, text: token.text, start: token.start });
}

function nameVerbsOf(name: string, tokens: Token[]): VerbHit[] {
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
  const first = action[0];
  const last = action[action.length - 1];
  const hasLead = first !== undefined && classOfVerb.has(first.word);
  const lastIsVerb = last !== undefined && last !== first && classOfVerb.has(last.word);
  // Namespaced names end in their verb (acr_registry_list, compute_vm_create, deploy_plan_get): with three
  // or more words, a last word that can only be a verb wins over a first word that is the namespace.
  if (hasLead && lastIsVerb && action.length >= 3 && !isNounLike(last.word) && action[action.length - 2]?.word !== 'or' && action[action.length - 2]?.word !== 'and') {
    pushVerb(hits, last);
    return hits;
  }
  if (hasLead) {
    pushVerb(hits, first);
    // Verbs joined to the lead one: create_or_update_file, get_and_delete.
    for (let i = 2; i < action.length; i++) {
      const joiner = action[i - 1]?.word;
      const token = action[i];
      if (token && (joiner === 'or' || joiner === 'and') && classOfVerb.has(token.word)) pushVerb(hits, token);
    }
    return hits;
  }
  // A vendor or product prefix before the verb: slack_list_channels, notion_update_page; it wins over a
  // last word that is as often a noun (hubspot-generate-feedback-link: the link is what is generated).
  const second = action[1];
  const prefixed = action.length >= 3 && second !== undefined && classOfVerb.has(second.word);
  if (lastIsVerb && prefixed && isNounLike(last.word) && !isNounLike(second.word)) {
    pushVerb(hits, second);
    return hits;
  }
  if (lastIsVerb || (last !== undefined && action.length === 1 && classOfVerb.has(last.word))) {
    pushVerb(hits, last);
    return hits;
  }
  if (prefixed) {
    pushVerb(hits, second);
    return hits;
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
  return hits;
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
  ) {}

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

/** Whether the gap text[from..to) between two words ends a sentence or starts a list item. */
function breaksSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 10 || c === 0x2022) return true;
    if ((c === 45 || c === 42) && (i === from || text.charCodeAt(i - 1) === 32) && i + 1 < to && text.charCodeAt(i + 1) === 32) return true;
  }
  return false;
}

function leadVerbsOf(text: string): VerbHit[] {
  const words = new WordCursor(text, LEAD_WINDOW);
  let sentenceStart = true;
  let previousEnd = 0;
  let previousWord = '';
  let pendingJoin = false;
  let wordIndex = -1;
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
    if (previousEnd > 0 && breaksSentence(text, previousEnd, current.start)) sentenceStart = true;
    if (base !== undefined) {
      const next = words.peek()?.word ?? '';
      const preamble = PREAMBLE_VERBS.has(base) && PREAMBLE_FOLLOWERS.has(next);
      const allowed = !isNounLike(base) || (sentenceStart && !NOUN_FOLLOWERS.has(next)) || previousWord === 'to' || (SUBJECTS.has(previousWord) && word !== base);
      // "does not delete", "never modifies", "don't overwrite": a negated verb says what the tool does not do.
      const negated = NEGATIONS.has(previousWord);
      if (!preamble && allowed && !negated && !GENERIC_LEAD_VERBS.has(base)) hits.push({ verb: base, text: text.slice(current.start, current.end), start: current.start, wordIndex });
    }
    sentenceStart = false;
    previousWord = word;
    previousEnd = current.end;
  }
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
    if (items !== null && typeof items === 'object') collectStrings((items as Record<string, unknown>)['enum'], values);
    parameters.push({ name, key: normaliseParameterName(name), description, values });
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
  const nameVerbs = nameVerbsOf(name, tokens);
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
  return {
    name,
    tokens,
    nameVerbs,
    // A name whose only verbs can be nouns (sync_status, tag_list, tft-champion-item-build) is a guess the description's lead verb may overrule.
    weakNameVerb: nameVerbs.length > 0 && nameVerbs.every((hit) => isNounLike(hit.verb)),
    title,
    description,
    leadField,
    leadVerbs: leadVerbsOf(leadText),
    parameters,
    openingEnd: openingEndOf(description),
    headAnchors: descriptionText?.anchors ?? none,
    titleAnchors: titleText?.anchors ?? none,
    descriptionText,
    titleText,
    lowerTitle: title.toLowerCase(),
    texts,
  };
}
