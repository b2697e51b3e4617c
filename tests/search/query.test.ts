// The query module shared by the search page and the eval: terms, merging, URL state and excerpts.
import { describe, expect, it } from 'vitest';
import { mergeByTerms, queryTerms, STOP_WORDS, MAX_TERMS } from '../../src/search/query';
import { stateFromUrl, urlForState } from '../../src/search/url-state';
import { excerptParts } from '../../src/search/excerpt';

describe('queryTerms', () => {
  it('drops stop words and keeps the words that say what the tool does', () => {
    expect(queryTerms('Delete a Kubernetes pod')).toEqual(['delete', 'kubernetes', 'pod']);
    expect(queryTerms('take a screenshot of the browser')).toEqual(['take', 'screenshot', 'browser']);
    for (const word of queryTerms('how do I send a message to a slack channel')) expect(STOP_WORDS.has(word)).toBe(false);
  });

  it('splits identifiers the way the index splits names, without repeating a word', () => {
    expect(queryTerms('CloneContainerToECR')).toEqual(['clone', 'container', 'ecr']);
    expect(queryTerms('create_pull_request pull')).toEqual(['create', 'pull', 'request']);
  });

  it('searches a query of stop words only as typed, and caps long queries', () => {
    expect(queryTerms('how to')).toEqual(['how', 'to']);
    expect(queryTerms('alpha beta gamma delta epsilon zeta eta theta iota kappa')).toHaveLength(MAX_TERMS);
  });
});

describe('mergeByTerms', () => {
  const result = (id: string, score: number) => ({ id, score, data: async () => id });
  it('ranks by the number of terms matched, then by the summed score', () => {
    const merged = mergeByTerms([
      [result('a', 1), result('b', 5)],
      [result('a', 1), result('c', 9)],
      [result('b', 0.5), result('a', 0.1)],
    ]);
    expect(merged.map((entry) => [entry.id, entry.matched])).toEqual([
      ['a', 3],
      ['b', 2],
      ['c', 1],
    ]);
    expect(merged[1]!.score).toBeCloseTo(5.5);
  });
});

describe('URL state', () => {
  it('round-trips the query and known filters, and ignores unknown ones', () => {
    const state = { query: 'delete pod', filters: { risk: 'High', 'has tools': 'yes' } };
    expect(urlForState(state)).toBe('?q=delete+pod&risk=High&tools=yes');
    expect(stateFromUrl(urlForState(state))).toEqual(state);
    expect(stateFromUrl('?q=x&risk=Bogus&server=evil&category=<script>')).toEqual({ query: 'x', filters: {} });
    expect(urlForState({ query: '  ', filters: {} })).toBe('');
  });
});

describe('excerptParts', () => {
  it('keeps only <mark> as structure; any other markup stays text', () => {
    expect(excerptParts('read <mark>files</mark> &lt;img src=x onerror=alert(1)&gt; <b>x</b>')).toEqual([
      { text: 'read ', mark: false },
      { text: 'files', mark: true },
      { text: ' <img src=x onerror=alert(1)> <b>x</b>', mark: false },
    ]);
  });
});
