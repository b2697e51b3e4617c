// Anchor words: the cheap test that decides whether a phrase pattern is worth running on a tool.
// All anchors of a scope are compiled into one regex, so a text is scanned once however many rules
// there are, and a rule whose anchors are absent costs nothing.

/** `head`: the first part of the description and the title (category rules); `all`: every free text (poisoning). */
export type AnchorScope = 'head' | 'all';

const PLAIN_WORD = /^[a-z0-9_]+$/;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface Scope {
  groupsOf: Map<string, number[]>;
  regex?: RegExp;
}
const scopes: Record<AnchorScope, Scope> = { head: { groupsOf: new Map() }, all: { groupsOf: new Map() } };
let groupCount = 0;

/** Registers one anchor list (at module load) and returns its group; -1 means "always run". */
export function compileAnchors(anchors: readonly string[] | undefined, scope: AnchorScope): number {
  if (anchors === undefined) return -1;
  const group = groupCount++;
  const { groupsOf } = scopes[scope];
  for (const anchor of anchors) {
    const groups = groupsOf.get(anchor);
    if (groups) groups.push(group);
    else groupsOf.set(anchor, [group]);
  }
  scopes[scope].regex = undefined;
  return group;
}

function regexOf(scope: Scope): RegExp {
  if (!scope.regex) {
    const anchors = [...scope.groupsOf.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const words = anchors.filter((anchor) => PLAIN_WORD.test(anchor));
    const others = anchors.filter((anchor) => !PLAIN_WORD.test(anchor)).map(escape);
    const alternatives = [...(words.length > 0 ? [`\\b(?:${words.join('|')})\\b`] : []), ...others];
    scope.regex = new RegExp(alternatives.join('|') || '(?!)', 'g');
  }
  return scope.regex;
}

/** Sets `flags[group]` for every anchor group of `scope` found in the (lower-case) texts. */
export function scanAnchors(flags: Uint8Array, scope: AnchorScope, lowerTexts: readonly string[]): void {
  const state = scopes[scope];
  const regex = regexOf(state);
  for (const text of lowerTexts) {
    if (text === '') continue;
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      const groups = state.groupsOf.get(m[0]);
      if (groups) for (const group of groups) flags[group] = 1;
    }
  }
}

export function anchorFlags(): Uint8Array {
  return new Uint8Array(groupCount);
}

export function anchored(flags: Uint8Array, group: number): boolean {
  return group < 0 || flags[group] === 1;
}
