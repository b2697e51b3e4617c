// Anchor words: the cheap test that decides whether a phrase pattern is worth running on a tool.
// Every rule's anchors are compiled into one table keyed by a word hash, and a text is scanned once,
// character by character, without allocating a string per word; a rule whose anchors are absent
// costs nothing. Rules register at module load; tools are scanned at call time.

/** `head`: the first HEAD_LENGTH characters of the description, and the title (category rules); `all`: every free text (poisoning). */
export type AnchorScope = 'head' | 'all';

const PLAIN_WORD = /^[a-z0-9_]+$/;

interface Entry {
  word: string;
  head: number[];
  all: number[];
}

const table = new Map<number, Entry[]>();
// The scan's lookup: an open-addressing table from word hash to its entries, rebuilt when rules register.
let slots: Int32Array = new Int32Array(0);
let slotHashes: Int32Array = new Int32Array(0);
let slotEntries: Entry[][] = [];
let mask = 0;
let minLength = Infinity;
let maxLength = 0;

function buildSlots(): void {
  let size = 64;
  while (size < table.size * 4) size *= 2;
  slots = new Int32Array(size).fill(-1);
  slotHashes = new Int32Array(size);
  slotEntries = [];
  mask = size - 1;
  for (const [hash, bucket] of table) {
    let slot = hash & mask;
    while (slots[slot] !== -1) slot = (slot + 1) & mask;
    slots[slot] = slotEntries.length;
    slotHashes[slot] = hash;
    slotEntries.push(bucket);
  }
}

function lookup(hash: number): Entry[] | undefined {
  let slot = hash & mask;
  for (;;) {
    const index = slots[slot] ?? -1;
    if (index === -1) return undefined;
    if (slotHashes[slot] === hash) return slotEntries[index];
    slot = (slot + 1) & mask;
  }
}
const substrings: Array<{ needle: string; group: number; scope: AnchorScope }> = [];
let groupCount = 0;

const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;

function hashOf(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = (Math.imul(hash, 31) + word.charCodeAt(i)) | 0;
  return hash;
}

/** Registers one anchor list (at module load) and returns its group; -1 means "always run". */
export function compileAnchors(anchors: readonly string[] | undefined, scope: AnchorScope): number {
  if (anchors === undefined) return -1;
  const group = groupCount++;
  for (const anchor of anchors) {
    if (!PLAIN_WORD.test(anchor)) {
      substrings.push({ needle: anchor, group, scope });
      continue;
    }
    const hash = hashOf(anchor);
    const bucket = table.get(hash) ?? [];
    let entry = bucket.find((candidate) => candidate.word === anchor);
    if (!entry) {
      entry = { word: anchor, head: [], all: [] };
      bucket.push(entry);
      table.set(hash, bucket);
    }
    entry[scope].push(group);
    minLength = Math.min(minLength, anchor.length);
    maxLength = Math.max(maxLength, anchor.length);
  }
  slots = new Int32Array(0);
  return group;
}

export function anchorFlags(): Uint8Array {
  return new Uint8Array(groupCount);
}

/**
 * Sets the flags of the anchor groups found in a lower-case text, and says whether it has a
 * non-ASCII character (the invisible-Unicode rules skip texts without one). Words before `headEnd` count for
 * `head` groups as well as `all` groups (pass 0 for texts that only poisoning rules read).
 */
export function scanAnchors(flags: Uint8Array, lower: string, headEnd: number): boolean {
  if (slots.length === 0) buildSlots();
  const length = lower.length;
  let hash = 0;
  let start = -1;
  let nonAscii = false;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? lower.charCodeAt(i) : 32;
    if (c > 127) nonAscii = true;
    if (isWordCode(c)) {
      if (start < 0) {
        start = i;
        hash = 0;
      }
      hash = (Math.imul(hash, 31) + c) | 0;
      continue;
    }
    if (start < 0) continue;
    const wordLength = i - start;
    const bucket = wordLength >= minLength && wordLength <= maxLength ? lookup(hash) : undefined;
    if (bucket !== undefined) {
      for (const entry of bucket) {
        if (entry.word.length !== i - start || !lower.startsWith(entry.word, start)) continue;
        for (const group of entry.all) flags[group] = 1;
        if (start < headEnd) for (const group of entry.head) flags[group] = 1;
      }
    }
    start = -1;
  }
  for (const { needle, group, scope } of substrings) {
    if (scope === 'head' ? lower.slice(0, headEnd).includes(needle) : lower.includes(needle)) flags[group] = 1;
  }
  return nonAscii;
}

export function anchored(flags: Uint8Array, group: number): boolean {
  return group < 0 || flags[group] === 1;
}
