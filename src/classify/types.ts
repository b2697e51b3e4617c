// The shape of a classifier rule. Rules are plain data (id, what they match, what they conclude, a
// weight and one sentence the site shows); src/classify/engine.ts is the only code that reads them.
import type { CapabilityLabel, Category, Severity } from '../schema';

/**
 * What a rule concludes. `category:*` votes for a category; `label:*` adds a capability label;
 * `qualifier:*` refines a verdict (`read-only`: the description limits the tool to reading; `advice`:
 * its opening says it returns guidance or documentation about an action instead of performing it;
 * `overwrite`: it replaces existing state; `irreversible`: it cannot be undone; `http-method`: the text
 * is an HTTP method and path, so the method decides; `not-money`: a money word names a database
 * transaction; `computes`: it only simulates, quotes or estimates an action); `risk:+1` raises the
 * risk class one step for the reason in the explanation.
 */
export type Conclusion =
  | `category:${Exclude<Category, 'Other'>}`
  | `label:${CapabilityLabel}`
  | 'qualifier:read-only'
  | 'qualifier:overwrite'
  | 'qualifier:irreversible'
  | 'qualifier:advice'
  | 'qualifier:http-method'
  | 'qualifier:not-money'
  | 'qualifier:computes'
  | 'risk:+1';

/** Where a rule looks. Name verbs and description lead verbs come from the verb lexicon (rules/verbs.ts). */
export type Matcher =
  /** A verb of the tool's name (its first token, its last token, or one joined by and/or). */
  | { kind: 'name-verb'; verbs: readonly string[] }
  /**
   * Any token of the name (after splitting camelCase, snake_case, kebab-case and dots), or only its last one.
   * `notAfterModifier`: not a token right after a verb that is not the name's own verb, nor a money verb
   * or one that creates or sends (in `get_vm_deploy_order` and `create_change_order` the order is a deploy
   * or change order; `request_send_money` still sends money).
   */
  | { kind: 'name-token'; tokens: readonly string[]; last?: boolean; notAfterModifier?: boolean }
  /** The whole name (as written, untrusted) against a pattern: the shape of a generated operation id. */
  | { kind: 'name-pattern'; pattern: RegExp }
  /** The first verb (or list of verbs: "Create, update or delete") of the description's first sentence. */
  | { kind: 'lead-verb'; verbs: readonly string[] }
  /**
   * A phrase anywhere in the description or title (case-insensitive). The pattern only runs when one
   * of the anchor words occurs in the text (a word lookup, so a tool costs microseconds, not a scan per rule).
   * `starts`, when given, are words one of which every match begins with: the pattern is then tried
   * only where they occur instead of over the whole text.
   */
  | { kind: 'phrase'; anchors: readonly string[]; starts?: readonly string[]; pattern: RegExp }
  /** A parameter whose name matches (normalised to lower snake_case), optionally with a description that matches too. */
  | { kind: 'parameter'; name: RegExp; description?: RegExp }
  /** A parameter (named like an action/method/operation) whose enum lists a value that matches. */
  | { kind: 'parameter-enum'; value: RegExp };

/**
 * What a rule's match says about the MCP spec's behaviour hints (src/classify/hints.ts reads these):
 * `destructive`: a call may perform a non-additive update (true: overwrite, update in place, delete,
 * stop, revoke) or only additive ones (false: create, add, send); `idempotent`: a repeated call with
 * the same arguments has no additional effect; `openWorld`: the tool reaches an open world of
 * external entities (true: the web, mail, other people) or a closed domain (false).
 */
export interface RuleHints {
  destructive?: boolean;
  idempotent?: boolean;
  openWorld?: boolean;
}

export interface Rule {
  /** Stable id, e.g. `name.verb.delete`; shown in evidence and used by the fixtures. */
  id: string;
  match: Matcher;
  concludes: Conclusion;
  /** Further conclusions of the same match (e.g. an update verb votes Write and says it overwrites). */
  also?: readonly Conclusion[];
  /** How much the rule counts: 3 for a name verb, 2 for a description lead verb, 1 for a hint. */
  weight: number;
  /** One sentence the site shows next to the match. */
  explanation: string;
  /** What the match says about the spec's behaviour hints, when it says something. */
  hints?: RuleHints;
  /** A delete this rule matches is dropped when its object makes it a detach (an operation that removes a label, a member or a subscription). */
  objectDecides?: boolean;
}

/** A tool-poisoning rule: a pattern searched in the description, title and parameter descriptions. */
export interface PoisonRule {
  id: string;
  severity: Severity;
  /** The pattern only runs when the text has one of these words (or, when not a plain word, substrings)... */
  anchors?: readonly string[];
  /** ...and, when given, a word of each of these lists too. Invisible-character rules have none and always run. */
  anchorsAlso?: ReadonlyArray<readonly string[]>;
  /** Words one of which every match begins with, when there are such: the pattern is tried only where they occur. */
  starts?: readonly string[];
  /** Global regex; each match becomes a finding with its span and start offset. */
  pattern: RegExp;
  /** Which texts to search: free text (description, title, parameter descriptions) or also names. */
  scope: 'text' | 'text-and-names';
  /**
   * When given, a match counts only if this holds: `text` is the text searched (possibly lower-cased,
   * offsets kept), `start` and `end` the match's span, `field` where the text is (`description`,
   * `title`, `parameter:NAME`). For what a pattern cannot see, such as the rest of the sentence.
   */
  keep?: (text: string, start: number, end: number, field: string) => boolean;
  message: string;
}
