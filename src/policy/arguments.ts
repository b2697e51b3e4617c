// Arguments that choose what a call fetches, runs, writes, pulls, pays or sends to: which ones a tool
// has, what the agent can make happen through each, said from the tool's own facts, and the
// constraint each policy format can express, as a template the reader fills in. Nothing here goes
// into the recommended policy itself: the right allowlist is the reader's, not ours.
import { tokenizeName } from '../classify';
import type { CapabilityLabel, Category } from '../schema/classification';
import type { InterceptRule } from '../schema/policy';
import type { McpTool } from '../schema/tool';
import { findMethodParameter } from './methods';
import { ADDRESSABLE_PARAMETER, findAmountParameter } from './parameters';
import { toYaml, type YamlValue } from './yaml';

export type ArgumentKind = 'command' | 'image' | 'url' | 'path' | 'amount' | 'recipient' | 'repository';

/** Most consequential first; a page shows the first MAX_ADVICE. */
const KIND_ORDER: readonly ArgumentKind[] = ['command', 'image', 'url', 'path', 'amount', 'recipient', 'repository'];
export const MAX_ADVICE = 3;

export interface ArgumentAdvice {
  parameter: string;
  kind: ArgumentKind;
  /** What the agent can make happen through this argument, in plain words. */
  sentence: string;
  /** An Intercept rule to add to the tool's `rules`, with a placeholder value to replace. */
  intercept: { rule: InterceptRule; text: string };
  /** What the hosted JSON format can do for this argument, and a `deny_if` entry where it can. */
  hosted: { text: string; fragment?: string };
  claude: string;
  /** What even the constraint does not stop. */
  caveat: string;
}

export interface ToolFacts {
  category: Category;
  labels: readonly CapabilityLabel[];
  serverDisplayName: string;
}

const LAST_WORD: Record<Exclude<ArgumentKind, 'amount'>, ReadonlySet<string>> = {
  command: new Set(['command', 'cmd', 'script', 'shell', 'sql', 'expression', 'statement', 'code', 'query']),
  image: new Set(['image']),
  url: new Set(['url', 'uri', 'endpoint', 'webhook', 'href', 'link']),
  path: new Set(['path', 'file', 'filename', 'filepath', 'dir', 'directory', 'folder']),
  recipient: new Set(['to', 'recipient', 'recipients', 'email', 'channel', 'phone']),
  repository: new Set(['repo', 'repository', 'owner', 'org', 'organization']),
};
/** `country_code`, `status_code`: a code that is a value, not a program. */
const SEND_TO = new Set(['send', 'forward', 'deliver', 'mail', 'notify']);
const STRONG_COMMAND = new Set(['command', 'cmd', 'script', 'shell', 'sql']);
const NOT_PROGRAM_CODE = new Set(['country', 'zip', 'postal', 'status', 'language', 'lang', 'currency', 'error', 'verification', 'auth', 'otp', 'promo', 'discount', 'color', 'region', 'area', 'product', 'invite', 'access', 'confirmation', 'reset', 'two', 'mfa']);
const CONTAINER = /\b(?:container|docker|registry|ecr|oci|pull)\b/i;
const QUERY_LANGUAGE = /\b(?:sql|select|cypher|graphql|sparql|promql|kql|spl|hogql)\b/i;

function words(name: string): string[] {
  return tokenizeName(name).map((token) => token.word);
}

/** A parameter's schema, or undefined when it is not an object (then nothing about the argument can be trusted). */
function schemaOf(definition: Pick<McpTool, 'inputSchema'>, name: string): Record<string, unknown> | undefined {
  const properties = (definition.inputSchema as { properties?: unknown }).properties as Record<string, unknown>;
  const schema = properties[name];
  return typeof schema === 'object' && schema !== null && !Array.isArray(schema) ? (schema as Record<string, unknown>) : undefined;
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A string argument the agent fills freely: no enum, typed string or untyped (many Python servers send no type). */
function isFreeString(schema: Record<string, unknown>): boolean {
  if (Array.isArray(schema.enum) || schema.const !== undefined) return false;
  const type = schema.type;
  return type === undefined || type === 'string' || (Array.isArray(type) && type.includes('string') && type.every((entry) => entry === 'string' || entry === 'null'));
}

function kindOf(definition: Pick<McpTool, 'name' | 'description' | 'inputSchema'>, name: string, facts: ToolFacts): ArgumentKind | undefined {
  const schema = schemaOf(definition, name);
  if (!schema || !isFreeString(schema)) return undefined;
  const parts = words(name);
  const last = parts.at(-1) ?? '';
  const format = textOf(schema.format);
  if (LAST_WORD.command.has(last)) {
    if (STRONG_COMMAND.has(last)) return 'command';
    // `code`, `expression`, `query`, `statement` are values on most tools (a country code, a cron
    // expression, a search string): they run only where the tool executes its input or speaks a query language.
    const runs = facts.category === 'Execute' || facts.labels.includes('code-execution');
    const queryLanguage = (last === 'query' || last === 'statement') && QUERY_LANGUAGE.test(`${textOf(schema.description)} ${definition.name}`);
    const plainCode = last !== 'code' || parts.length === 1 || !NOT_PROGRAM_CODE.has(parts.at(-2) ?? '');
    return (runs && plainCode) || queryLanguage ? 'command' : undefined;
  }
  if (LAST_WORD.image.has(last)) return CONTAINER.test(`${textOf(schema.description)} ${definition.description ?? ''} ${definition.name}`) ? 'image' : undefined;
  if (LAST_WORD.url.has(last) || format === 'uri' || format === 'url') return 'url';
  if (LAST_WORD.path.has(last)) return 'path';
  if (LAST_WORD.recipient.has(last)) {
    // `to` and `recipient` name who receives what the tool sends; `email`, `phone`, `channel` do only on a
    // tool that sends (on most they are a record's fields: create_customer's email).
    if (parts.includes('from') || parts.includes('reply')) return undefined;
    const addressee = last.startsWith('recipient') || parts[0] === 'to' || (parts.length === 2 && last === 'to' && SEND_TO.has(parts[0] ?? ''));
    const sends = facts.labels.includes('outward-channel');
    return (addressee && (sends || facts.category === 'Write')) || (sends && last !== 'to') ? 'recipient' : undefined;
  }
  if (LAST_WORD.repository.has(last)) return 'repository';
  return undefined;
}

/** "CloneContainerToECR" → "ECR": what the tool's own name says the result goes to. */
function destination(toolName: string): string | undefined {
  const tokens = tokenizeName(toolName);
  const at = tokens.findIndex((token, index) => index > 0 && (token.word === 'to' || token.word === 'into'));
  if (at < 0 || at === tokens.length - 1) return undefined;
  return tokens
    .slice(at + 1)
    .map((token) => token.text)
    .join(' ');
}

function sentenceFor(kind: ArgumentKind, parameter: string, definition: Pick<McpTool, 'name'>, facts: ToolFacts): string {
  const tool = definition.name;
  const server = facts.serverDisplayName;
  const reads = facts.category === 'Read';
  const chooses = `The agent chooses ${parameter}`;
  switch (kind) {
    case 'command':
      return `${chooses}: whatever it writes there, ${tool} runs with the access ${server} has, so the tool's name does not bound what a call does.`;
    case 'image': {
      const into = destination(tool);
      return `${chooses}: any image it names, any public image included, can land in ${into ? `your ${into}` : 'your account'} with the access ${server} has.`;
    }
    case 'url':
      return reads
        ? `${chooses}: ${tool} fetches whatever address it names (internal ones too, where ${server} runs inside your network), and what comes back reaches the agent.`
        : `${chooses}: ${tool} sends its request to any address it names, so data can leave for a server someone else runs.`;
    case 'path':
      if (facts.category === 'Execute') return `${chooses}: ${tool} runs in or on whatever file or folder it names that ${server} can reach, not only the ones you meant.`;
      return reads
        ? `${chooses}: ${tool} reads whatever file or folder it names that ${server} can reach, not only the ones you meant.`
        : `${chooses}: ${tool} changes whatever file or folder it names that ${server} can reach, not only the ones you meant.`;
    case 'amount':
      return `${chooses}: ${tool} moves whatever amount it names, up to what the account allows.`;
    case 'recipient':
      return `${chooses}: ${tool} sends to anyone it names, so an agent steered by injected text can send your data out.`;
    case 'repository':
      return reads
        ? `${chooses}: ${tool} reads any repository or account ${server}'s credentials can reach, not only the one you work on.`
        : `${chooses}: ${tool} changes any repository or account ${server}'s credentials can reach, not only the one you work on.`;
  }
}

/** A constraint template, as data: the Intercept condition's op and placeholder, a hosted entry where the format can say it, the caveat. */
interface Template {
  op: 'regex' | 'in' | 'lte';
  value: string | string[] | number;
  hosted?: { op: 'neq' | 'gt'; value: string | number };
  caveat: string;
}

const TEMPLATES: Record<Exclude<ArgumentKind, 'recipient'> | 'email' | 'channel', Template> = {
  command: {
    op: 'regex',
    value: '^(?:git status|git diff|npm test)$',
    caveat: 'Only a list of exact commands is safe: any looser pattern lets the agent chain another command after a matching one (;, &&, $(...)).',
  },
  image: {
    op: 'regex',
    value: '^registry\\.example\\.com/your-team/',
    caveat: 'The pattern checks the name only: a tag can be moved to another image later; pin digests (@sha256:...) if that matters.',
  },
  url: {
    op: 'regex',
    value: '^https://api\\.example\\.com/',
    caveat: 'End the host with a slash as here, or https://api.example.com.attacker.net matches too; a redirect from an allowed host is not checked.',
  },
  path: {
    op: 'regex',
    value: '^/srv/project/(?:[\\w-][\\w.-]*/?)*$',
    caveat: 'No part may start with a dot, so .. cannot climb out (nor can .env be named); a symbolic link inside the folder can still point outside it.',
  },
  amount: {
    op: 'lte',
    value: 100,
    hosted: { op: 'gt', value: 100 },
    caveat: "The cap is in the argument's own unit, which may be cents; a call without the argument is denied by Intercept.",
  },
  email: {
    op: 'regex',
    value: '@example\\.com$',
    caveat: 'A list of several recipients in one string is checked as one text: make the pattern match the whole value.',
  },
  channel: {
    op: 'in',
    value: ['C0123456789'],
    hosted: { op: 'neq', value: 'C0123456789' },
    caveat: "Use the channel's id, not its name, if the tool takes both: names can be changed.",
  },
  repository: {
    op: 'in',
    value: ['your-org'],
    hosted: { op: 'neq', value: 'your-org' },
    caveat: 'A list of exact names, compared as written: GitHub names are case-insensitive, so add each spelling the agent may use.',
  },
};

function templateFor(kind: ArgumentKind, parameter: string): Template {
  if (kind !== 'recipient') return TEMPLATES[kind];
  const parts = words(parameter);
  return TEMPLATES[parts.includes('email') || parts.includes('to') ? 'email' : 'channel'];
}

/** The rule as a `- name: ...` item to paste under the tool's `rules:` in the Intercept policy. */
function ruleText(rule: InterceptRule): string {
  return toYaml({ rules: [rule as unknown as YamlValue] })
    .split('\n')
    .slice(1)
    .map((line) => line.slice(2))
    .join('\n');
}

/**
 * The arguments of a tool that choose what a call reaches, most consequential first (at most
 * MAX_ADVICE), each with a sentence and per-format templates. Names that a policy path cannot carry
 * (`a.b`) and the method argument (decided per method) are left out.
 */
export function adviseArguments(definition: Pick<McpTool, 'name' | 'description' | 'inputSchema'>, facts: ToolFacts): ArgumentAdvice[] {
  const properties = (definition.inputSchema as { properties?: unknown }).properties;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return [];
  const method = findMethodParameter(definition)?.parameter;
  const amount = facts.category === 'Financial' ? findAmountParameter(definition) : undefined;
  const found: { parameter: string; kind: ArgumentKind }[] = [];
  for (const parameter of Object.keys(properties)) {
    if (!ADDRESSABLE_PARAMETER.test(parameter) || parameter === method) continue;
    const kind = parameter === amount ? 'amount' : kindOf(definition, parameter, facts);
    if (kind) found.push({ parameter, kind });
  }
  found.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  return found.slice(0, MAX_ADVICE).map(({ parameter, kind }) => {
    const template = templateFor(kind, parameter);
    const rule: InterceptRule = {
      name: `${parameter} allowlist (template)`,
      conditions: [{ path: `args.${parameter}`, op: template.op, value: template.value }],
      on_deny: `Blocked by policy: ${parameter} is outside what this policy allows.`,
    };
    const hostedFragment = template.hosted
      ? JSON.stringify({ path: `args.${parameter}`, op: template.hosted.op, value: template.hosted.value })
      : undefined;
    const hosted = template.hosted
      ? {
          text:
            template.hosted.op === 'gt'
              ? 'Hosted JSON: add this deny_if entry to the tool (replace the number):'
              : 'Hosted JSON compares one exact value (eq/neq), no pattern or list: for a single allowed value, add this deny_if entry to the tool (replace the value):',
          fragment: hostedFragment,
        }
      : {
          text: 'Hosted JSON cannot express this: its deny_if compares numbers or one exact value, never a pattern or a prefix. Leave the tool out of the hosted policy (default: deny blocks it) and run it behind Intercept with the rule above.',
        };
    return {
      parameter,
      kind,
      sentence: sentenceFor(kind, parameter, definition, facts),
      intercept: { rule, text: ruleText(rule) },
      hosted,
      claude: `Claude Code cannot check arguments: keep the tool in permissions.ask, so a person reads ${parameter} in each call before it runs.`,
      caveat: template.caveat,
    };
  });
}
