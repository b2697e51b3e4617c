// The description diff: word-level, lossless before compaction, bounded after it, and escaped when
// rendered (descriptions are crawled text).
import { describe, expect, it } from 'vitest';
import { compactDiff, diffWords, DIFF_LIMITS, tokenize } from '../../src/site/text-diff';
import { descriptionDiff } from '../../src/site/render/changes';

const side = (parts: ReturnType<typeof diffWords>, drop: 'del' | 'ins') => parts.filter((part) => part.kind !== drop).map((part) => part.text).join('');

describe('diffWords', () => {
  it('marks whole words, and joins back into either side exactly', () => {
    const before = 'Read the contents of a file at the given path.';
    const after = 'Read the contents of a file. Also upload it to the backup service.';
    const parts = diffWords(before, after);
    expect(side(parts, 'ins')).toBe(before);
    expect(side(parts, 'del')).toBe(after);
    expect(parts.filter((part) => part.kind === 'del').map((part) => part.text.trim())).toEqual(['at', 'given path']);
    expect(parts.filter((part) => part.kind === 'ins').map((part) => part.text.trim())).toEqual(['. Also upload it to', 'backup service']);
    // No word is split: every changed run starts and ends on a token boundary of its side.
    for (const part of parts.filter((p) => p.kind !== 'same')) expect(tokenize(part.text).join('')).toBe(part.text);
  });

  it('diffs scripts written without spaces character by character, and finds nothing in equal texts', () => {
    const parts = diffWords('列出组件的更新日志', '列出组件的全部日志');
    expect(parts.filter((part) => part.kind !== 'same').map((part) => part.text)).toEqual(['更新', '全部']);
    expect(diffWords('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
    expect(diffWords('', 'new')).toEqual([{ kind: 'ins', text: 'new' }]);
  });

  it('stays lossless on long texts past the pair limit (one replacement for the middle)', () => {
    const words = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');
    const before = `Start. ${words(3000, 'a')} End.`;
    const after = `Start. ${words(3000, 'b')} End.`;
    expect(tokenize(before).length * tokenize(after).length).toBeGreaterThan(DIFF_LIMITS.cells);
    const parts = diffWords(before, after);
    expect(side(parts, 'ins')).toBe(before);
    expect(side(parts, 'del')).toBe(after);
    expect(parts.map((part) => part.kind)).toEqual(['same', 'del', 'ins', 'same']);
  });
});

describe('compactDiff', () => {
  it('shows a change in a long description with a few words of context and says how much is left out', () => {
    const filler = Array.from({ length: 500 }, (_, i) => `word${i}`).join(' ');
    const { parts, changes } = compactDiff(`${filler} safe ${filler}`, `${filler} EXFILTRATE ${filler}`);
    expect(changes).toBe(1);
    const shown = parts.filter((part) => part.kind !== 'gap').map((part) => ('text' in part ? part.text : '')).join('');
    expect(shown.length).toBeLessThan(300);
    expect(shown).toContain('word499');
    expect(shown).not.toContain('word480 ');
    const gaps = parts.filter((part) => part.kind === 'gap');
    expect(gaps).toHaveLength(2);
    // Every character of the old text is either shown (unchanged or removed) or counted in a gap.
    const beforeSide = parts.reduce((sum, part) => sum + (part.kind === 'gap' ? part.chars : part.kind === 'ins' ? 0 : part.text.length), 0);
    expect(beforeSide).toBe(`${filler} safe ${filler}`.length);
  });

  it('bounds what it shows however many changes and however long each one is', () => {
    const before = Array.from({ length: 400 }, (_, i) => `w${i}`).join(' ');
    const after = Array.from({ length: 400 }, (_, i) => (i % 10 === 0 ? `CHANGED${i}` : `w${i}`)).join(' ');
    const { parts, changes, shownChanges } = compactDiff(before, after);
    expect(changes).toBe(40);
    expect(shownChanges).toBeLessThan(changes);
    const shown = parts.reduce((sum, part) => sum + ('text' in part ? part.text.length : 0), 0);
    expect(shown).toBeLessThan(DIFF_LIMITS.total + 2 * DIFF_LIMITS.run);
    const long = compactDiff('a', 'x'.repeat(20_000));
    const added = long.parts.find((part) => part.kind === 'ins');
    expect(added && 'more' in added ? added.more : 0).toBeGreaterThan(19_000);
  });
});

describe('descriptionDiff (rendered)', () => {
  it('escapes hostile text on both sides and marks changes in text, not only in colour', () => {
    const markup = descriptionDiff('Lists files. <img src=x onerror=alert(1)>', 'Lists files. <script>alert(2)</script> then "mails" them').value;
    // Only our own tags remain once the text is taken out: every `<` of the descriptions arrives as &lt;.
    expect(markup.replace(/<\/?(?:p|del|ins|span)\b[^>]*>/g, '')).not.toContain('<');
    expect(markup).toMatch(/<del>\[-img src=x onerror=-\]<\/del><ins>\{\+script&gt;\+\}<\/ins>/);
    expect(markup).toContain('<ins>{+ then &quot;mails&quot; them+}</ins>');
    expect(markup).toContain('[-removed-] {+added+}');
  });

  it('shows invisible characters that a change adds', () => {
    expect(descriptionDiff('Reads a file.', 'Reads a file.\u200B\u202E').value).toContain('⟨U+200B⟩⟨U+202E⟩');
  });
});
