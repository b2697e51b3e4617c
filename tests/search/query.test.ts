// The query module shared by the search page and the eval: terms, merging, URL state and excerpts.
import { describe, expect, it } from 'vitest';
import { mergeByTerms, queryTerms, recordFilters, STOP_WORDS, MAX_TERMS } from '../../src/search/query';
import { coveredTerms, excerptOf, wordMatches } from '../../src/search/tool-hits';
import { describeCount } from '../../src/search/ui';
import { parseQueries } from '../../src/search/eval-metrics';
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

describe('record filters', () => {
  it('asks Pagefind for servers with tools when the page wants tools, and keeps the other facets for the page to check tool by tool', () => {
    expect(recordFilters({ type: 'tool', risk: 'High' })).toEqual({ 'has tools': 'yes', risk: 'High' });
    expect(recordFilters({ type: 'server', category: 'Read' })).toEqual({ category: 'Read' });
  });
});

describe('tool hits', () => {
  it('tells which query terms a section holds, through plurals and verb forms', () => {
    expect([...coveredTerms(['deletes', 'the', 'pods'], ['delete', 'pod', 'kubernetes'])]).toEqual(['delete', 'pod']);
    expect(wordMatches('screenshots', 'screenshot')).toBe(true);
    expect(wordMatches('listing', 'list')).toBe(true);
    expect(wordMatches('file', 'files')).toBe(true);
    expect(wordMatches('profile', 'file')).toBe(false);
    expect(wordMatches('newrelic', 'new')).toBe(false);
    expect(wordMatches('deleted', 'delete')).toBe(true);
  });

  it('cuts an excerpt around the first matched word of the section, as text runs', () => {
    const words = 'one two three four five six seven eight nine ten'.split(' ');
    expect(excerptOf(words, 2, 10, new Set([4]))).toEqual([
      { text: 'three four ', mark: false },
      { text: 'five', mark: true },
      { text: ' six seven eight nine ten', mark: false },
    ]);
    expect(excerptOf(words, 5, 5, new Set())).toEqual([]);
  });

  it('says a count is a lower bound until every matching server was read', () => {
    const state = { query: 'file', filters: {} };
    expect(describeCount(7, 3, true, state)).toBe('7 results on 3 servers for “file”');
    expect(describeCount(10, 412, false, state)).toBe('At least 10 results on 412 matching servers for “file”');
    expect(describeCount(1, 1, true, { query: '', filters: { risk: 'High' } })).toBe('1 result on 1 server for the chosen filters');
  });
});

describe('query files', () => {
  it('reads a list of queries or an object holding one, and plain queries only for a cost run', () => {
    const list = [{ query: 'delete a pod', expected: ['/servers/k-00000000/tools/delete_pod/'] }];
    expect(parseQueries(JSON.stringify(list), 'a')).toEqual(list);
    expect(parseQueries(JSON.stringify({ about: 'held out', queries: [{ ...list[0], rule: 'x' }] }), 'b')).toEqual(list);
    expect(() => parseQueries(JSON.stringify(['delete a pod']), 'c')).toThrow();
    expect(parseQueries(JSON.stringify(['delete a pod']), 'c', { answers: false })).toEqual([{ query: 'delete a pod', expected: [] }]);
  });
});
