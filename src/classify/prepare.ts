// Reads a tool definition once into what the rules match against: name tokens and verbs, the
// description's lead verbs, parameters. Everything here is computed from untrusted text and never trusted.
import type { McpTool } from '../schema';
import { baseOfForm, classOfVerb, isNounLike, splitJoinedVerbs } from './lexicon';
import { actionStart, normaliseParameterName, tokenizeName, type Token } from './tokenize';

export interface VerbHit {
  /** Base verb, e.g. `delete`. */
  verb: string;
  /** The text as written (untrusted), e.g. `Deletes`. */
  text: string;
  start: number;
}

export interface Parameter {
  name: string;
  /** Lower snake_case, for matching. */
  key: string;
  description: string;
  /** String enum values, when the schema lists them. */
  values: string[];
}

export interface PreparedTool {
  name: string;
  tokens: Token[];
  tokenSet: ReadonlySet<string>;
  nameVerbs: VerbHit[];
  /** True when the only name verb is a noun-like last word, which the description's lead verb overrules. */
  weakNameVerb: boolean;
  title: string;
  description: string;
  /** Field the lead verbs were read from (`description`, or `title` when the description is empty). */
  leadField: 'description' | 'title';
  leadVerbs: VerbHit[];
  parameters: Parameter[];
}

/** How far into a description the lead verb is looked for. */
const LEAD_WINDOW = 600;
const PREAMBLE_VERBS = new Set(['allow', 'let', 'help', 'enable', 'can', 'tell']);
const PREAMBLE_FOLLOWERS = new Set(['you', 'users', 'user', 'to', 'agents', 'agent', 'ai', 'llms', 'llm', 'clients', 'developers', 'one', 'assistants', 'models', 'the', 'me', 'us', 'be']);
/** Verbs too generic to say what a description's tool does ("Runs diagnostics", "Executes a retrieval"); phrases decide. */
const GENERIC_LEAD_VERBS = new Set(['run', 'execute', 'exec', 'perform', 'call', 'invoke', 'use', 'make', 'help', 'handle', 'process']);
const DESCRIPTION_WORD = /[A-Za-z][A-Za-z'-]*/g;

function nameVerbsOf(name: string, tokens: Token[], weak: { value: boolean }): VerbHit[] {
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
  const push = (token: Token): void => {
    if (!hits.some((hit) => hit.start === token.start)) hits.push({ verb: token.word, text: token.text, start: token.start });
  };
  const first = action[0];
  const last = action[action.length - 1];
  const hasLead = first !== undefined && classOfVerb.has(first.word);
  const lastIsVerb = last !== undefined && last !== first && classOfVerb.has(last.word);
  // Namespaced names end in their verb (acr_registry_list, compute_vm_create, deploy_plan_get): with three
  // or more words, a last word that can only be a verb wins over a first word that is the namespace.
  if (hasLead && lastIsVerb && action.length >= 3 && !isNounLike(last.word) && action[action.length - 2]?.word !== 'or' && action[action.length - 2]?.word !== 'and') {
    push(last);
    return hits;
  }
  if (hasLead) {
    push(first);
    // Verbs joined to the lead one: create_or_update_file, get_and_delete.
    for (let i = 2; i < action.length; i++) {
      const joiner = action[i - 1]?.word;
      const token = action[i];
      if (token && (joiner === 'or' || joiner === 'and') && classOfVerb.has(token.word)) push(token);
    }
    return hits;
  }
  if (lastIsVerb || (last !== undefined && action.length === 1 && classOfVerb.has(last.word))) {
    push(last);
    // A noun-like last word (tft-champion-item-build, kusto_query) is only a guess: the description may overrule it.
    if (isNounLike(last.word)) weak.value = true;
    return hits;
  }
  for (const token of action) if (classOfVerb.has(token.word) && !isNounLike(token.word)) push(token);
  return hits;
}

function leadVerbsOf(text: string): VerbHit[] {
  const window = text.length > LEAD_WINDOW ? text.slice(0, LEAD_WINDOW) : text;
  DESCRIPTION_WORD.lastIndex = 0;
  let sentenceStart = true;
  let previousEnd = 0;
  let previousWord = '';
  let pendingJoin = false;
  const hits: VerbHit[] = [];
  for (let m = DESCRIPTION_WORD.exec(window); m !== null; m = DESCRIPTION_WORD.exec(window)) {
    const gap = window.slice(previousEnd, m.index);
    const word = m[0].toLowerCase();
    const base = baseOfForm.get(word);
    if (hits.length > 0) {
      // A list of verbs: "Create, update or delete", "Create/issue/generate", "Add or remove".
      if ((word === 'or' || word === 'and') && /^\s*,?\s*$/.test(gap)) {
        pendingJoin = true;
        previousEnd = m.index + m[0].length;
        continue;
      }
      const joined = pendingJoin ? /^\s+$/.test(gap) : /^\s*[,/]\s*$/.test(gap);
      if (!joined || base === undefined) break;
      hits.push({ verb: base, text: m[0], start: m.index });
      pendingJoin = false;
      previousEnd = m.index + m[0].length;
      continue;
    }
    if (previousEnd > 0 && /[.!?:;\n\u2022]|(?:^|\s)[-*]\s/.test(gap)) sentenceStart = true;
    if (base !== undefined) {
      const next = /^\s*([A-Za-z]+)/.exec(window.slice(m.index + m[0].length))?.[1]?.toLowerCase() ?? '';
      const preamble = PREAMBLE_VERBS.has(base) && PREAMBLE_FOLLOWERS.has(next);
      const allowed = !isNounLike(base) || sentenceStart || previousWord === 'to';
      if (!preamble && allowed && !GENERIC_LEAD_VERBS.has(base)) hits.push({ verb: base, text: m[0], start: m.index });
    }
    sentenceStart = false;
    previousWord = word;
    previousEnd = m.index + m[0].length;
  }
  return hits;
}

function parametersOf(tool: McpTool): Parameter[] {
  const properties = tool.inputSchema['properties'];
  if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) return [];
  const parameters: Parameter[] = [];
  for (const [name, raw] of Object.entries(properties as Record<string, unknown>)) {
    const schema = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const description = typeof schema['description'] === 'string' ? schema['description'] : '';
    const values: string[] = [];
    const collect = (list: unknown): void => {
      if (Array.isArray(list)) for (const value of list) if (typeof value === 'string') values.push(value);
    };
    collect(schema['enum']);
    const items = schema['items'];
    if (items !== null && typeof items === 'object') collect((items as Record<string, unknown>)['enum']);
    parameters.push({ name, key: normaliseParameterName(name), description, values });
  }
  return parameters;
}

export function prepareTool(tool: McpTool): PreparedTool {
  const name = tool.name;
  const tokens = tokenizeName(name);
  const description = tool.description ?? '';
  const title = tool.title ?? tool.annotations?.title ?? '';
  const weak = { value: false };
  const nameVerbs = nameVerbsOf(name, tokens, weak);
  const leadField = description.trim() === '' && title !== '' ? 'title' : 'description';
  return {
    name,
    tokens,
    tokenSet: new Set(tokens.map((token) => token.word)),
    nameVerbs,
    weakNameVerb: weak.value,
    title,
    description,
    leadField,
    leadVerbs: leadVerbsOf(leadField === 'title' ? title : description),
    parameters: parametersOf(tool),
  };
}
