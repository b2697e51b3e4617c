// The review's own text on a page: it comes from a pull request, so markup in it is shown as text, and
// only `backtick` spans become code. A changed review changes its server's cache key, so the
// incremental build renders that server's pages again.
import { describe, expect, it } from 'vitest';
import { parseReview } from '../../src/editorial/reviews';
import { sha256Hex } from '../../src/lib/hash';
import { recordKey } from '../../src/site/catalog';
import { reviewSection } from '../../src/site/render/review';
import type { ReviewBlock } from '../../src/site/review-block';

const block: ReviewBlock = {
  status: 'current',
  follows: 'review',
  agrees: false,
  classifier: { category: 'Execute', risk: 'High' },
  reviewed: { category: 'Read', risk: 'Low' },
  hints: [{ hint: 'readOnlyHint', classifier: false, reviewed: true }],
  reason: 'A dry run <img src=x onerror=alert(1)>.',
  reviewer: 'someone',
  date: '2026-12-02',
  paragraphs: ['It calls `plan()` and <script>window.__pwned=1</script> nothing else.', 'A stray ` backtick stays.'],
  reviewedHash: '0123456789abcdef',
  hash: '0123456789abcdef',
  file: 'reviews/x/y.md',
};

describe('the Reviewed block', () => {
  it('escapes the reason and the body, and keeps only backtick spans as code', () => {
    const out = reviewSection(block).toString();
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
    expect(out).toContain('A dry run &lt;img src=x onerror=alert(1)&gt;.');
    expect(out).toContain('<p>It calls <code>plan()</code> and &lt;script&gt;window.__pwned=1&lt;/script&gt; nothing else.</p>');
    expect(out).toContain('<p>A stray ` backtick stays.</p>');
    expect(out).toContain('<th scope="row"><code>readOnlyHint</code></th><td>true <span class="muted">(classifier: false)</span></td>');
  });

  it('a confirmation says so instead of repeating the verdict', () => {
    const out = reviewSection({ ...block, agrees: true, reviewed: block.classifier, hints: [] }).toString();
    expect(out).toContain('<th scope="row">Review</th><td class="verdict">agrees with the classifier</td>');
    expect(out).toContain('follows the verdict the review confirms');
  });

  it('a body split into paragraphs at blank lines, its lines joined', () => {
    const parsed = parseReview('---\nagrees: true\nreason: "Confirmed after reading it."\ndate: 2026-12-02\nreviewer: someone\nhash: 0123456789abcdef\n---\n\nOne\nline.\n\nTwo.\n', 'r.md', 's', 't');
    expect(parsed.problems).toEqual([]);
    expect(parsed.review?.body).toBe('One\nline.\n\nTwo.');
  });
});

describe('cache keys', () => {
  it('a server without reviews keeps the key of its file alone; a review, or a changed one, changes it', () => {
    const text = '{"id":"x"}\n';
    expect(recordKey(text, undefined)).toBe(sha256Hex(text).slice(0, 16));
    expect(recordKey(text, new Map())).toBe(sha256Hex(text).slice(0, 16));
    const review = parseReview('---\nagrees: true\nreason: "Confirmed after reading it."\ndate: 2026-12-02\nreviewer: someone\nhash: 0123456789abcdef\n---\n', 'r.md', 'x', 't').review!;
    const one = recordKey(text, new Map([['t', review]]));
    expect(one).not.toBe(recordKey(text, undefined));
    expect(recordKey(text, new Map([['t', { ...review, reason: 'Confirmed after reading it twice.' }]]))).not.toBe(one);
  });
});
