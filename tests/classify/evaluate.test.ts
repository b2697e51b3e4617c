import { describe, expect, it } from 'vitest';
import { emptyCounts, f1, isLabelled, score } from '../../src/classify/evaluate';
import { iterateServers } from '../../src/store/dataset';
import { tool } from './helpers';

describe('evaluation arithmetic', () => {
  it('computes precision, recall and F1, and is 0 rather than NaN when nothing was predicted', () => {
    expect(f1({ tp: 8, fp: 2, fn: 8 })).toEqual({ precision: 0.8, recall: 0.5, f1: 2 * 0.8 * 0.5 / 1.3 });
    expect(f1({ tp: 0, fp: 0, fn: 3 })).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('scores with annotations hidden, and counts destructive only among tools not declared read-only', () => {
    const counts = emptyCounts();
    const misses: Parameters<typeof score>[2] = [];
    // Declared read-only: scored for read-only accuracy only; the classifier must not see the hint.
    score({ source: 's', server: 'a', definition: tool('valorant', '', {}, { readOnlyHint: true, destructiveHint: true }) }, counts, misses);
    score({ source: 's', server: 'a', definition: tool('delete_file', 'Delete a file.', {}, { readOnlyHint: false, destructiveHint: true }) }, counts, misses);
    score({ source: 's', server: 'a', definition: tool('create_issue', 'Create an issue.', {}, { readOnlyHint: false, destructiveHint: false }) }, counts, misses);
    expect(counts.readOnly).toEqual({ total: 3, correct: 2 });
    expect(counts.destructive).toEqual({ tp: 1, fp: 0, fn: 0, tn: 1 });
    expect(misses.map((miss) => [miss.tool, miss.kind])).toEqual([['valorant', 'read-only']]);
    expect(counts.confusion['declared read-only']).toEqual({ Other: 1 });
  });
});

describe('the embedded dataset', () => {
  // A regression guard on the same figures `npm run eval` prints (annotations hidden): a rule change
  // that breaks what authors declare shows up here, not only in a report nobody reads. The floors sit
  // just under what was measured on 2026-11-22 (read-only 0.968, destructive F1 0.800 over 3,625
  // labelled tools). The destructive target (0.85) is met on the servers the rules were first
  // written against, not on the 44 servers crawled later as a held-out set (docs/classifier.md).
  it('stays at or above the measured figures: read-only accuracy >= 0.95, destructive F1 >= 0.78', () => {
    const counts = emptyCounts();
    for (const server of iterateServers('data', 'collected')) {
      for (const stored of server.tools) if (isLabelled(stored.definition)) score({ source: '', server: server.id, definition: stored.definition }, counts);
    }
    expect(counts.readOnly.total).toBeGreaterThan(3000);
    expect(counts.readOnly.correct / counts.readOnly.total).toBeGreaterThanOrEqual(0.95);
    expect(f1(counts.destructive).f1).toBeGreaterThanOrEqual(0.78);
  });
});
