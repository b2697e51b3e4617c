import { describe, expect, it } from 'vitest';
import { tokenizeName } from '../../src/classify';

const words = (name: string): string[] => tokenizeName(name).map((token) => token.word);

describe('tokenizeName', () => {
  it.each([
    ['CloneContainerToECR', ['clone', 'container', 'to', 'ecr']],
    ['github.create_issue', ['github', 'create', 'issue']],
    ['acr_registry_list', ['acr', 'registry', 'list']],
    ['lol-champion-analysis', ['lol', 'champion', 'analysis']],
    ['getHTTPResponse2', ['get', 'http', 'response', '2']],
    ['mcp__github__list_issues', ['mcp', 'github', 'list', 'issues']],
  ])('splits %s', (name, expected) => {
    expect(words(name)).toEqual(expected);
  });

  it('keeps where each token starts, so evidence can point into the name', () => {
    const token = tokenizeName('CloneContainerToECR').find((candidate) => candidate.word === 'ecr');
    expect(token).toEqual({ word: 'ecr', text: 'ECR', start: 16 });
  });
});
