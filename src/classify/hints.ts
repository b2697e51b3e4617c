// inferAnnotations: the MCP spec's four ToolAnnotations hints, read off the evidence the classifier's
// own rules produced for a tool's text (each rule says what its match means for the hints: rules/*.ts
// `hints`). Author annotations are never an input: these are what a tool's words say, set beside
// what its author declared.
import type { Category, HintEvidence, InferredAnnotations, InferredHint } from '../schema';
import type { Conclusion, RuleHints } from './types';

/** What hints.ts needs of a rule that fired: its id, conclusions and hints, where it read and what it matched. */
export interface HintHit {
  rule: { id: string; concludes: Conclusion; also?: readonly Conclusion[]; hints?: RuleHints };
  field: string;
  match: string;
}

/** The text's verdict, before any annotation moved it. */
export interface TextVerdict {
  category: Category;
  /** The hits that decided the category. */
  deciding: readonly HintHit[];
  /** Every hit the verdict used: its category's and the qualifiers. */
  used: readonly HintHit[];
}

/**
 * The spec's defaults: what a client assumes when a hint is absent (readOnly false, destructive true,
 * idempotent false, openWorld true). `npm run eval` scores a null inferred hint as this.
 */
export const SPEC_DEFAULTS = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true } as const;

export type HintName = keyof typeof SPEC_DEFAULTS;
export const HINT_NAMES: readonly HintName[] = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'];

const evidenceOf = (hit: HintHit): HintEvidence => ({ rule: hit.rule.id, field: hit.field, match: hit.match });

const unknown: InferredHint = { value: null, evidence: [] };

function decided(value: boolean, hits: readonly HintHit[]): InferredHint {
  // A handful of hits: a linear check for one already taken is cheaper than keying a set.
  const evidence: HintEvidence[] = [];
  for (const hit of hits) {
    if (evidence.some((item) => item.rule === hit.rule.id && item.field === hit.field && item.match === hit.match)) continue;
    evidence.push(evidenceOf(hit));
  }
  return { value, evidence };
}

const concludes = (hit: HintHit, conclusion: Conclusion): boolean => hit.rule.concludes === conclusion || hit.rule.also?.includes(conclusion) === true;

/**
 * A two-valued hint from hits that each may vote: `wins` is the value that any one vote settles (a
 * single non-additive step makes a call destructive; a single repeating step makes it not idempotent),
 * the other value needs a vote and no vote for `wins`.
 */
function vote(hits: readonly HintHit[], of: (hit: HintHit) => boolean | undefined, wins: boolean): InferredHint {
  const winning = hits.filter((hit) => of(hit) === wins);
  if (winning.length > 0) return decided(wins, winning);
  const losing = hits.filter((hit) => of(hit) === !wins);
  return losing.length > 0 ? decided(!wins, losing) : unknown;
}

/**
 * The four hints. readOnlyHint is the category (Read, or not) with the rules that decided it; nothing
 * for Other. destructiveHint and idempotentHint are null for a read-only tool (the spec gives them
 * meaning only when readOnlyHint is false) and otherwise come from the hints of the rules the verdict
 * used: deleting, overwriting (`qualifier:overwrite`), irreversible effects and any rule marked
 * `destructive: true` make it destructive; rules marked `destructive: false` (creating, adding,
 * sending), and none of those, make it additive. openWorldHint is true when one of `openWorldHits`
 * (rules that find the web, mail or other people, whatever the category) fired; else false, resting on
 * what decided the category, unless nothing did.
 */
export function inferAnnotations(verdict: TextVerdict, openWorldHits: readonly HintHit[]): InferredAnnotations {
  const readOnlyHint = verdict.category === 'Other' ? unknown : decided(verdict.category === 'Read', verdict.deciding);
  const changes = readOnlyHint.value === false;
  const destructiveHint = changes
    ? vote(verdict.used, (hit) => (concludes(hit, 'qualifier:overwrite') || concludes(hit, 'qualifier:irreversible') ? true : hit.rule.hints?.destructive), true)
    : unknown;
  const idempotentHint = changes ? vote(verdict.used, (hit) => hit.rule.hints?.idempotent, false) : unknown;
  // No rule finding the web, mail or other people in a tool whose text says what it does: its world is
  // the service it acts on (closed), as most authors who declare the hint read it.
  const open = vote(openWorldHits, (hit) => hit.rule.hints?.openWorld, true);
  const openWorldHint = open.value !== null || verdict.category === 'Other' ? open : decided(false, verdict.deciding);
  return { readOnlyHint, destructiveHint, idempotentHint, openWorldHint };
}

/** The value a client acts on: the inferred one, else the spec's default (what `npm run eval` scores). */
export function effectiveHint(annotations: InferredAnnotations, hint: HintName): boolean {
  if (hint !== 'readOnlyHint' && hint !== 'openWorldHint' && annotations.readOnlyHint.value === true) {
    // A tool that changes nothing performs no destructive update, and repeating it changes nothing.
    return hint === 'idempotentHint';
  }
  return annotations[hint].value ?? SPEC_DEFAULTS[hint];
}
