// Anchor words: the cheap test that decides whether a phrase pattern is worth running on a tool.
// Every rule's anchors are compiled into one automaton (a trie as a transition table), and a text is scanned once,
// character by character, without allocating a string per word; a rule whose anchors are absent
// costs nothing. Rules register at module load; tools are scanned at call time.

/** `head`: the first HEAD_LENGTH characters of the description, and the title (category rules); `all`: every free text (poisoning). */
export type AnchorScope = 'head' | 'all';

const PLAIN_WORD = /^[a-z0-9_]+$/;

interface Entry {
  word: string;
  head: number[];
  all: number[];
  /** The start groups (compileStarts) among `head` and `all`, whose occurrences the scan records. */
  headStarts: number[];
  allStarts: number[];
}

/** Every anchor word's entry, by word. */
const entries = new Map<string, Entry>();

/**
 * The scan's automaton: a trie of every anchor word, as a table of transitions on ASCII characters
 * (upper case folded to lower), so a text is read once with one table lookup per character and no
 * hashing. State 0 is "between words", state 1 "in a word that is no anchor word"; the others are trie
 * nodes. A word character moves down the trie (or to 1); any other character moves to 0, or, after a
 * complete anchor word, to minus the accepting node, which tells the scan to flag that word.
 */
class Automaton {
  /** `next[(state << 7) | code]`: the next state, or -state when `state` completes a word at a boundary. */
  readonly next: Int16Array;
  /** Per state: the entry of the word it completes, or undefined. */
  readonly accepts: Array<Entry | undefined> = [undefined, undefined];

  constructor(words: readonly Entry[]) {
    const children: Array<Map<number, number>> = [new Map(), new Map()];
    for (const entry of words) {
      let state = 0;
      for (const letter of entry.word) {
        const code = letter.charCodeAt(0);
        let child = children[state]?.get(code);
        if (child === undefined) {
          child = children.length;
          children.push(new Map());
          children[state]?.set(code, child);
          this.accepts.push(undefined);
        }
        state = child;
      }
      this.accepts[state] = entry;
    }
    if (children.length > 0x7fff) throw new Error(`anchor automaton has ${children.length} states, more than a 16-bit table holds`);
    this.next = new Int16Array(children.length << 7);
    for (let state = 0; state < children.length; state++) {
      const accepting = this.accepts[state] !== undefined;
      for (let c = 0; c < 128; c++) {
        const code = WORD_CODE[c] as number;
        this.next[(state << 7) | c] = code === 0 ? (accepting ? -state : 0) : state === 1 ? 1 : (children[state]?.get(code) ?? 1);
      }
    }
  }
}

let automaton: Automaton | undefined;

function wordAutomaton(): Automaton {
  automaton ??= new Automaton([...entries.values()]);
  return automaton;
}

const substrings: Array<{ needle: string; group: number; scope: AnchorScope; letters: boolean }> = [];
let groupCount = 0;

/** Each ASCII character as the word character it is once lower-cased (A-Z folded to a-z), 0 when it ends a word. */
const WORD_CODE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95) WORD_CODE[c] = c;
  else if (c >= 65 && c <= 90) WORD_CODE[c] = c + 32;
}
/**
 * The only characters whose lower case is ASCII or longer (U+0130 İ, U+212A Kelvin sign; see
 * tests/classify/anchors.test.ts): a text holding one is scanned in its lower-cased form instead.
 */
const FOLD_UNSAFE_1 = 0x130;
const FOLD_UNSAFE_2 = 0x212a;

/** Registers one anchor list (at module load) and returns its group; -1 means "always run". */
export function compileAnchors(anchors: readonly string[] | undefined, scope: AnchorScope): number {
  return register(anchors, scope, false);
}

/**
 * Registers a rule's start words (at module load): the words one of which every match of its pattern
 * begins with. The scan records where they occur, so the pattern is tried only there (see execAtStarts).
 * Returns the group, or -1 when the rule has none (its pattern then runs over the whole text).
 */
export function compileStarts(starts: readonly string[] | undefined, scope: AnchorScope): number {
  if (starts === undefined) return -1;
  for (const word of starts) if (!PLAIN_WORD.test(word)) throw new Error(`start word "${word}" is not a plain lower-case word`);
  return register(starts, scope, true);
}

function register(anchors: readonly string[] | undefined, scope: AnchorScope, recordPositions: boolean): number {
  if (anchors === undefined) return -1;
  const group = groupCount++;
  for (const anchor of anchors) {
    if (!PLAIN_WORD.test(anchor)) {
      substrings.push({ needle: anchor, group, scope, letters: anchor.toUpperCase() !== anchor.toLowerCase() });
      continue;
    }
    let entry = entries.get(anchor);
    if (!entry) {
      entry = { word: anchor, head: [], all: [], headStarts: [], allStarts: [] };
      entries.set(anchor, entry);
    }
    entry[scope].push(group);
    if (recordPositions) entry[scope === 'head' ? 'headStarts' : 'allStarts'].push(group);
  }
  automaton = undefined;
  return group;
}

export function anchorFlags(): Uint8Array {
  return new Uint8Array(groupCount);
}

/** What scanWords found: a text is ASCII, has other characters, or needs lower-casing before a scan. */
const ASCII = 0;
const NON_ASCII = 1;
const UNSAFE = 2;

/** Sets the flags of anchor word `entry`, found at `start`: `all` groups anywhere, `head` groups only for a word starting before `headEnd`. */
function flagWord(flags: Uint8Array, starts: number[], entry: Entry, start: number, headEnd: number): void {
  for (const group of entry.all) flags[group] = 1;
  for (const group of entry.allStarts) starts.push(group, start);
  if (start >= headEnd) return;
  for (const group of entry.head) flags[group] = 1;
  for (const group of entry.headStarts) starts.push(group, start);
}

/**
 * The scan itself: one pass over `text` through the automaton, folding ASCII case as it reads.
 * A non-ASCII character ends a word, as punctuation does. `lowered`: the text is already lower-cased,
 * so no character needs a second look.
 */
function scanWords(flags: Uint8Array, starts: number[], machine: Automaton, text: string, headEnd: number, lowered: boolean): number {
  const next = machine.next;
  const length = text.length;
  let found = ASCII;
  let state = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const to = next[(state << 7) | c] as number;
      if (to >= 0) {
        state = to;
        continue;
      }
      const entry = machine.accepts[-to] as Entry;
      flagWord(flags, starts, entry, i - entry.word.length, headEnd);
      state = 0;
      continue;
    }
    if (!lowered && (c === FOLD_UNSAFE_1 || c === FOLD_UNSAFE_2)) return UNSAFE;
    found = NON_ASCII;
    const entry = machine.accepts[state];
    if (entry !== undefined) flagWord(flags, starts, entry, i - entry.word.length, headEnd);
    state = 0;
  }
  const entry = machine.accepts[state];
  if (entry !== undefined) flagWord(flags, starts, entry, length - entry.word.length, headEnd);
  return found;
}

/** What scanAnchors says of a text: whether it is all ASCII, and whether its lower-cased form has a non-ASCII character. */
export const TextKind = {
  Ascii: 0,
  /** Non-ASCII, and still so once lower-cased (the invisible-Unicode rules read only such texts). */
  NonAscii: 1,
  /** Non-ASCII, but ASCII once lower-cased (a Kelvin sign is a "k"). */
  FoldsToAscii: 2,
} as const;
export type TextKind = (typeof TextKind)[keyof typeof TextKind];

/**
 * Sets the flags of the anchor groups found in a text, as if it were lower-cased, and says whether it
 * has non-ASCII characters (see TextKind). Words starting
 * before `headEnd` count for `head` groups as well as `all` groups (pass 0 for texts that only
 * poisoning rules read). `starts` receives (group, offset) pairs, in text order, for the words of
 * start groups (compileStarts). `source.lower` gives the lower-cased text (offsets kept) when one is needed: for
 * substring anchors with letters, and for the rare text whose lower case is not a per-letter fold.
 */
export function scanAnchors(flags: Uint8Array, starts: number[], text: string, headEnd: number, source: { readonly lower: string }): TextKind {
  const machine = wordAutomaton();
  let found = scanWords(flags, starts, machine, text, headEnd, false);
  const folded = found === UNSAFE;
  if (folded) {
    flags.fill(0);
    starts.length = 0;
    found = scanWords(flags, starts, machine, source.lower, headEnd, true);
  }
  for (const { needle, group, scope, letters } of substrings) {
    const searched = letters ? source.lower : text;
    const at = searched.indexOf(needle);
    if (at >= 0 && (scope === 'all' || at + needle.length <= headEnd)) flags[group] = 1;
  }
  return found === NON_ASCII ? TextKind.NonAscii : folded ? TextKind.FoldsToAscii : TextKind.Ascii;
}

export function anchored(flags: Uint8Array, group: number): boolean {
  return group < 0 || flags[group] === 1;
}

/**
 * A rule's pattern compiled to be tried at one position (sticky), for execAtStarts: case-insensitive,
 * for texts as written; without the `i` flag, for lower-cased texts. On an ASCII text the two find
 * the same matches, because patterns are written in lower case (checked here).
 */
export function stickyPattern(pattern: RegExp, keepCase: boolean): RegExp {
  if (/[A-Z]/.test(pattern.source.replace(/\\./g, ''))) throw new Error(`pattern ${pattern.source} has an upper-case letter; write rules in lower case`);
  const flags = pattern.flags.replace('g', '').replace('y', '');
  return new RegExp(pattern.source, `${keepCase ? flags : flags.replace('i', '')}y`);
}

/**
 * The first match of `sticky` in `text` that starts at or after `from` at an offset `starts` records
 * for `group`: the match a search of the whole text from `from` finds, when every match of the
 * pattern begins with one of the group's start words.
 */
export function execAtStarts(sticky: RegExp, text: string, starts: readonly number[], group: number, from: number): RegExpExecArray | null {
  for (let i = 0; i < starts.length; i += 2) {
    const at = starts[i + 1] as number;
    if (starts[i] !== group || at < from) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (m !== null) return m;
  }
  return null;
}
