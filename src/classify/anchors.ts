// Anchor words: the cheap test that decides whether a phrase pattern is worth running on a tool.
// Every rule's anchors are compiled into word tables keyed by a hash, and a text is scanned once,
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
 * The scan's lookup: an open-addressing table from word hash to the entries with that hash. Two are
 * built (lazily, after rules register): one of every word, for words in a text's head, and one of the
 * words that `all` groups need, for the rest (parameter descriptions, the tail of a long description),
 * so a word only head rules want costs a miss there, not a comparison.
 */
class WordTable {
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly buckets: Entry[][] = [];
  private readonly mask: number;
  readonly minLength: number = Infinity;
  readonly maxLength: number = 0;

  constructor(words: readonly Entry[]) {
    const byHash = new Map<number, Entry[]>();
    for (const entry of words) {
      const hash = hashOf(entry.word);
      byHash.set(hash, [...(byHash.get(hash) ?? []), entry]);
      this.minLength = Math.min(this.minLength, entry.word.length);
      this.maxLength = Math.max(this.maxLength, entry.word.length);
    }
    let size = 64;
    while (size < byHash.size * 4) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    for (const [hash, bucket] of byHash) {
      let slot = hash & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = this.buckets.length;
      this.hashes[slot] = hash;
      this.buckets.push(bucket);
    }
  }

  lookup(hash: number): Entry[] | undefined {
    let slot = hash & this.mask;
    for (;;) {
      const index = this.slots[slot] ?? -1;
      if (index === -1) return undefined;
      if (this.hashes[slot] === hash) return this.buckets[index];
      slot = (slot + 1) & this.mask;
    }
  }
}

interface Tables {
  head: WordTable;
  rest: WordTable;
}
let tables: Tables | undefined;

function wordTables(): Tables {
  if (tables === undefined) {
    const words = [...entries.values()];
    tables = { head: new WordTable(words), rest: new WordTable(words.filter((entry) => entry.all.length > 0)) };
  }
  return tables;
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

function hashOf(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = (Math.imul(hash, 31) + word.charCodeAt(i)) | 0;
  return hash;
}

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
  tables = undefined;
  return group;
}

export function anchorFlags(): Uint8Array {
  return new Uint8Array(groupCount);
}

/** What scanWords found: a text is ASCII, has other characters, or needs lower-casing before a scan. */
const ASCII = 0;
const NON_ASCII = 1;
const UNSAFE = 2;

/** Whether `word` (lower-case word characters) is written at `start` in `text`, ignoring ASCII case. */
function wordAt(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (WORD_CODE[text.charCodeAt(start + k)] !== word.charCodeAt(k)) return false;
  return true;
}

/** Sets the flags of the anchor word (if it is one) written at `start`..`end` of `text`, whose hash is `hash`. */
function flagWord(flags: Uint8Array, starts: number[], tables: Tables, text: string, start: number, end: number, hash: number, headEnd: number): void {
  const wordLength = end - start;
  const table = start < headEnd ? tables.head : tables.rest;
  if (wordLength < table.minLength || wordLength > table.maxLength) return;
  const bucket = table.lookup(hash);
  if (bucket === undefined) return;
  for (const entry of bucket) {
    if (entry.word.length !== wordLength || !wordAt(text, start, entry.word)) continue;
    for (const group of entry.all) flags[group] = 1;
    for (const group of entry.allStarts) starts.push(group, start);
    if (start >= headEnd) continue;
    for (const group of entry.head) flags[group] = 1;
    for (const group of entry.headStarts) starts.push(group, start);
  }
}

/**
 * The scan itself: one pass over `text`, folding ASCII case as it reads, hashing each word and looking
 * it up when it ends. `lowered`: the text is already lower-cased, so no character needs a second look.
 * (One flat loop with a table lookup per character: as fast as a bare scan of the text.)
 */
function scanWords(flags: Uint8Array, starts: number[], tables: Tables, text: string, headEnd: number, lowered: boolean): number {
  const length = text.length;
  let found = ASCII;
  let start = -1;
  let hash = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    const code = c < 128 ? (WORD_CODE[c] as number) : 0;
    if (code !== 0) {
      if (start < 0) start = i;
      hash = (Math.imul(hash, 31) + code) | 0;
      continue;
    }
    if (c > 127) {
      if (!lowered && (c === FOLD_UNSAFE_1 || c === FOLD_UNSAFE_2)) return UNSAFE;
      found = NON_ASCII;
    }
    if (start >= 0) {
      flagWord(flags, starts, tables, text, start, i, hash, headEnd);
      start = -1;
      hash = 0;
    }
  }
  if (start >= 0) flagWord(flags, starts, tables, text, start, length, hash, headEnd);
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
  const tables = wordTables();
  let found = scanWords(flags, starts, tables, text, headEnd, false);
  const folded = found === UNSAFE;
  if (folded) {
    flags.fill(0);
    starts.length = 0;
    found = scanWords(flags, starts, tables, source.lower, headEnd, true);
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
