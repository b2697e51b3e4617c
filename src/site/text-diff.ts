// A word-level diff of two descriptions, compact enough for a page: unchanged text is cut to a few
// words of context around each change, long changes are shortened, and the whole is bounded. The
// result is plain data; rendering (and escaping: descriptions are crawled text) is the caller's.

export type DiffPart = { kind: 'same' | 'del' | 'ins'; text: string };

export const DIFF_LIMITS = {
  /** Words of unchanged text kept before and after each change. */
  context: 8,
  /** Characters of one removed or added run shown before it is shortened. */
  run: 400,
  /** Characters shown in all before the rest of the diff is summarised. */
  total: 1_600,
  /** Above this many token pairs (after the common start and end are taken off) the middle is shown as one replacement. */
  cells: 4_000_000,
};

// Words, runs of white space, single CJK characters (scripts written without spaces) and single punctuation marks.
const TOKEN = /\s+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{M}\p{N}_]+|[^\s]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** The longest-common-subsequence diff of two token lists, as runs. */
function lcsDiff(a: readonly string[], b: readonly string[], parts: DiffPart[]): void {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > DIFF_LIMITS.cells) {
    push(parts, 'del', a.join(''));
    push(parts, 'ins', b.join(''));
    return;
  }
  // lengths[i][j]: LCS of a[i..] and b[j..], in one typed array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lengths[i * width + j] = a[i] === b[j] ? (lengths[(i + 1) * width + j + 1] as number) + 1 : Math.max(lengths[(i + 1) * width + j] as number, lengths[i * width + j + 1] as number);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i] as string);
      i += 1;
      j += 1;
    } else if ((lengths[(i + 1) * width + j] as number) >= (lengths[i * width + j + 1] as number)) {
      push(parts, 'del', a[i] as string);
      i += 1;
    } else {
      push(parts, 'ins', b[j] as string);
      j += 1;
    }
  }
  push(parts, 'del', a.slice(i).join(''));
  push(parts, 'ins', b.slice(j).join(''));
}

/** Every run of the diff from `before` to `after`, unabridged: joining the `same` and `del` runs gives `before`, the `same` and `ins` runs `after`. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  lcsDiff(a.slice(start, a.length - end), b.slice(start, b.length - end), parts);
  push(parts, 'same', a.slice(a.length - end).join(''));
  // A lone space kept between two changes reads as noise: fold it into both sides.
  const folded: DiffPart[] = [];
  parts.forEach((part, index) => {
    const prev = parts[index - 1];
    const next = parts[index + 1];
    if (part.kind === 'same' && /^\s+$/.test(part.text) && prev && next && prev.kind !== 'same' && next.kind !== 'same') {
      push(folded, 'del', part.text);
      push(folded, 'ins', part.text);
    } else push(folded, part.kind, part.text);
  });
  // Folding can leave del, ins, del, ins: put each change's removal before its addition.
  const ordered: DiffPart[] = [];
  for (let k = 0; k < folded.length; ) {
    if (folded[k]!.kind === 'same') {
      push(ordered, 'same', folded[k]!.text);
      k += 1;
      continue;
    }
    let del = '';
    let ins = '';
    while (k < folded.length && folded[k]!.kind !== 'same') {
      if (folded[k]!.kind === 'del') del += folded[k]!.text;
      else ins += folded[k]!.text;
      k += 1;
    }
    push(ordered, 'del', del);
    push(ordered, 'ins', ins);
  }
  return ordered;
}

/** A part of a compact diff: `gap` stands for unchanged text that is not shown; `more`, for the characters of a long change cut off. */
export type CompactPart = (DiffPart & { more?: number }) | { kind: 'gap'; chars: number };

/** `text` cut to about `limit` characters, at the last space when there is one in its second half. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const piece = text.slice(0, limit);
  const space = piece.search(/\s\S*$/);
  return space > limit / 2 ? piece.slice(0, space) : piece;
}

/** The diff as a page shows it: context around each change, long runs shortened, the whole bounded by DIFF_LIMITS.total. */
export function compactDiff(before: string, after: string): { parts: CompactPart[]; changes: number; shownChanges: number } {
  const parts = diffWords(before, after);
  const out: CompactPart[] = [];
  const isChangeStart = (index: number) => parts[index]!.kind !== 'same' && parts[index - 1]?.kind !== 'del';
  const changes = parts.filter((_, index) => isChangeStart(index)).length;
  let shown = 0;
  let shownChanges = 0;
  const words = (text: string) => text.match(/\s*\S+\s*/g) ?? [text];
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index] as DiffPart;
    if (shown >= DIFF_LIMITS.total) {
      out.push({ kind: 'gap', chars: parts.slice(index).reduce((sum, rest) => sum + rest.text.length, 0) });
      break;
    }
    if (part.kind === 'same') {
      const list = words(part.text);
      const keepHead = index === 0 ? 0 : DIFF_LIMITS.context;
      const keepTail = index === parts.length - 1 ? 0 : DIFF_LIMITS.context;
      if (list.length <= keepHead + keepTail) {
        out.push(part);
        shown += part.text.length;
        continue;
      }
      const head = list.slice(0, keepHead).join('');
      const tail = list.slice(list.length - keepTail).join('');
      if (head) out.push({ kind: 'same', text: head });
      out.push({ kind: 'gap', chars: part.text.length - head.length - tail.length });
      if (tail) out.push({ kind: 'same', text: tail });
      shown += head.length + tail.length;
    } else {
      if (isChangeStart(index)) shownChanges += 1;
      const text = cut(part.text, DIFF_LIMITS.run);
      out.push(text.length < part.text.length ? { kind: part.kind, text, more: part.text.length - text.length } : { kind: part.kind, text });
      shown += text.length;
    }
  }
  return { parts: out, changes, shownChanges };
}
