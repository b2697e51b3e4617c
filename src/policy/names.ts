// Tool names are chosen by strangers. What each format can and cannot say about a given name, decided
// in one place so the renderers and the explanation agree.
import { isBlankForGo } from '../schema/policy';

/** Characters Claude Code keeps in MCP tool and server names; everything else becomes `_`. */
const CLAUDE_UNSAFE = /[^A-Za-z0-9_-]/g;

/** One segment of an MCP rule, built the way Claude Code names MCP tools (per UTF-16 unit, like its JavaScript). */
export function claudeSegment(name: string): string {
  return name.replace(CLAUDE_UNSAFE, '_');
}

/** The rule that names one tool of a server in Claude Code's permissions. */
export function claudeRule(serverName: string, toolName: string): string {
  return `mcp__${serverName}__${claudeSegment(toolName)}`;
}

/**
 * A server name to suggest in Claude Code rules: people name the server when they add it
 * (`claude mcp add <name> ...`), so this is only a default they are told to replace. Lowercase
 * letters, digits and single hyphens: valid as is and never containing the `__` delimiter.
 */
export function suggestClaudeServerName(displayName: string): string {
  const slug = displayName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\b(mcp|server)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return slug.length > 0 ? slug : 'server';
}

/** Checks a server name given by the caller, normalised as Claude Code would; throws when the rule would be ambiguous. */
export function claudeServerName(name: string): string {
  const normalized = claudeSegment(name);
  if (!/^[A-Za-z0-9-]+(?:_[A-Za-z0-9-]+)*$/.test(normalized)) {
    throw new Error(
      `Claude Code server name "${name}" becomes "${normalized}", which is empty, starts or ends with "_" or contains "__" (the rule delimiter)`,
    );
  }
  return normalized;
}

/** Text that cannot be written to a UTF-8 file unchanged (a lone UTF-16 surrogate). */
export function isWellFormed(name: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name);
}

/** What Intercept can do with a tool of this name (see docs/policies.md, "Names a format cannot carry"). */
export interface InterceptNameLimits {
  /** Can appear as a key under `tools`. */
  listable: boolean;
  /** Can appear in `hide`. */
  hideable: boolean;
  /** Can carry a counter (`rate_limit`, `state`). */
  counters: boolean;
  /** Why not, one sentence per limit, for the explanation. */
  notes: string[];
}

export function interceptNameLimits(name: string): InterceptNameLimits {
  if (!isWellFormed(name)) {
    return {
      listable: false,
      hideable: false,
      counters: false,
      notes: ['Its name is not well-formed Unicode and cannot be written to a YAML file exactly, so it is left out; default: deny blocks it.'],
    };
  }
  if (name === '*') {
    return {
      listable: false,
      hideable: false,
      counters: false,
      notes: ['Its name is "*", which Intercept reads as "every tool" both under tools and in hide, so it is left out; default: deny blocks it.'],
    };
  }
  const limits: InterceptNameLimits = { listable: true, hideable: true, counters: true, notes: [] };
  if (name === '_global') {
    limits.listable = false;
    limits.counters = false;
    limits.notes.push(
      'Its name is "_global", the scope Intercept gives server-wide counters; listed under tools it would break the server-wide limit, so it is not listed and default: deny blocks it.',
    );
  }
  if (name.includes('.')) {
    limits.counters = false;
    limits.notes.push(
      'Its name contains ".", and Intercept finds a counter by splitting state.<tool>.<counter> on dots, so no per-tool limit can be written for it.',
    );
  }
  if (isBlankForGo(name)) {
    limits.hideable = false;
    limits.notes.push('Its name is blank, which Intercept rejects in hide, so it is denied by a rule instead of hidden.');
  }
  return limits;
}

/** What the hosted JSON format can do with a tool of this name. */
export function hostedNameLimits(name: string): { listable: boolean; hideable: boolean; notes: string[] } {
  if (!isWellFormed(name)) {
    return {
      listable: false,
      hideable: false,
      notes: ['Its name is not well-formed Unicode and cannot be written exactly, so it is left out; default: deny blocks it.'],
    };
  }
  if (name === '*') {
    return {
      listable: false,
      hideable: false,
      notes: ['Its name is "*", which this format reads as "every tool" in hide, so it is left out; default: deny blocks it.'],
    };
  }
  return { listable: true, hideable: true, notes: [] };
}
