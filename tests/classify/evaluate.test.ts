import { describe, expect, it } from 'vitest';
import { agreementCeiling, emptyCounts, evaluationRow, f1, isLabelled, score, wordingKey } from '../../src/classify/evaluate';
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
    // valorant says nothing: no inferred readOnlyHint, scored as the spec's default (false), a miss of its own.
    expect(misses.map((miss) => [miss.tool, miss.kind])).toEqual([['valorant', 'readOnlyHint'], ['valorant', 'read-only']]);
    expect(counts.confusion['declared read-only']).toEqual({ Other: 1 });
  });
});

describe('inferred annotations against declared hints, and the agreement ceiling', () => {
  // A hand-made set whose ceiling is worked out by hand. Wordings: create|create (declared destructive
  // false, true, false: the best one value gets is 2 of 3) and update|update (true, false: 1 of 2), so
  // the ceiling is 3/5. The classifier calls every create additive and every update destructive (the
  // spec's non-additive update): 2 + 1 right, exactly the ceiling.
  const set = [
    tool('create_item', 'Creates an item.', {}, { readOnlyHint: false, destructiveHint: false }),
    tool('create_thing', 'Creates a thing.', {}, { readOnlyHint: false, destructiveHint: true }),
    tool('create_note', 'Creates a note.', {}, { destructiveHint: false }),
    tool('update_item', 'Updates an item.', {}, { readOnlyHint: false, destructiveHint: true, idempotentHint: true }),
    tool('update_note', 'Updates a note.', {}, { destructiveHint: false, idempotentHint: false }),
    // Declared read-only: its destructive and idempotent hints have no meaning in the spec, so they are not scored.
    tool('get_item', 'Gets an item.', {}, { readOnlyHint: true, destructiveHint: true, idempotentHint: false }),
  ];

  it('groups tools by the wording the rules read: base name verbs and description lead verbs', () => {
    expect(wordingKey(set[0]!)).toBe('create|create');
    expect(wordingKey(tool('ItemCreate', 'Creating an item.'))).toBe('create|create');
    expect(wordingKey(set[3]!)).toBe('update|update');
  });

  it('scores each declared hint, with the ceiling the hand count gives', () => {
    const counts = emptyCounts();
    for (const definition of set) score({ source: 's', server: 'a', definition }, counts);
    const row = evaluationRow('hand', counts).hints;
    expect(row.destructiveHint).toMatchObject({ n: 5, correct: 3, accuracy: 0.6, ceiling: 0.6, tp: 1, fp: 1, fn: 1 });
    // Update is idempotent (declared true once, false once: ceiling 1/2, one right).
    expect(row.idempotentHint).toMatchObject({ n: 2, correct: 1, accuracy: 0.5, ceiling: 0.5 });
    // readOnlyHint: four tools declare it, all right; each wording declares it one way, so the ceiling is 1.
    expect(row.readOnlyHint).toMatchObject({ n: 4, correct: 4, accuracy: 1, ceiling: 1 });
    expect(row.openWorldHint.n).toBe(0);
    expect(row.openWorldHint.accuracy).toBeNull();
  });

  it('takes a null inferred hint as the spec default, which a client would assume', () => {
    const counts = emptyCounts();
    // Nothing says what `frobnicate` does: no inferred openWorldHint, so it is scored as the default, true.
    score({ source: 's', server: 'a', definition: tool('frobnicate', '', {}, { openWorldHint: false }) }, counts);
    score({ source: 's', server: 'a', definition: tool('frobnicate_more', '', {}, { openWorldHint: true }) }, counts);
    expect(counts.hints.openWorldHint).toMatchObject({ n: 2, correct: 1, fp: 1, tp: 1 });
    // No verb, the same first word: one wording declared both ways, so no predictor of wording can pass 1/2.
    expect(agreementCeiling(counts.wordings.openWorldHint.values())).toBe(0.5);
  });

  it('gives the best constant-per-group agreement, and null for no tools', () => {
    expect(agreementCeiling([{ true: 3, false: 1 }, { true: 0, false: 2 }, { true: 2, false: 2 }])).toBe((3 + 2 + 2) / 10);
    expect(agreementCeiling([])).toBeNull();
  });
});

describe('the embedded dataset', () => {
  // A regression guard on the same figures `npm run eval` prints (annotations hidden): a rule change
  // that breaks what authors declare shows up here, not only in a report nobody reads. The floors sit
  // just under what was measured on 2026-11-22 (read-only 0.968, destructive F1 0.800 over 3,625
  // labelled tools). The destructive target (0.85) is met on the servers the rules were first
  // written against, not on the 44 servers crawled later as a held-out set (docs/classifier.md).
  it('stays at or above the measured figures: read-only accuracy >= 0.95, destructive label F1 >= 0.77, inferred hints', () => {
    const counts = emptyCounts();
    for (const server of iterateServers('data', 'collected')) {
      for (const stored of server.tools) if (isLabelled(stored.definition)) score({ source: '', server: server.id, definition: stored.definition }, counts);
    }
    expect(counts.readOnly.total).toBeGreaterThan(3000);
    expect(counts.readOnly.correct / counts.readOnly.total).toBeGreaterThanOrEqual(0.95);
    // 0.780 since the label means deleting or overwriting only (2026-12-02; 0.800 before).
    expect(f1(counts.destructive).f1).toBeGreaterThanOrEqual(0.77);
    // The inferred annotations, measured 2026-12-02: readOnly 0.968, destructive 0.735, idempotent 0.741, openWorld 0.711.
    const hints = evaluationRow('all', counts).hints;
    expect(hints.readOnlyHint.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(hints.destructiveHint.accuracy).toBeGreaterThanOrEqual(0.72);
    expect(hints.idempotentHint.accuracy).toBeGreaterThanOrEqual(0.72);
    expect(hints.openWorldHint.accuracy).toBeGreaterThanOrEqual(0.7);
  });
});
