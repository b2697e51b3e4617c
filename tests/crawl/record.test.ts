import { describe, expect, it } from 'vitest';
import { repositoryLink } from '../../src/crawl/record';
import { repositoryKey } from '../../src/store/identity';

describe('repositoryLink', () => {
  it('keeps a monorepo package\'s folder, so its servers stay apart in the merge', () => {
    const link = repositoryLink({ type: 'git', url: 'git+https://github.com/modelcontextprotocol/servers.git', directory: 'src/filesystem' });
    expect(link).toBe('https://github.com/modelcontextprotocol/servers/tree/HEAD/src/filesystem');
    expect(repositoryKey(link)).toBe('repo:github.com/modelcontextprotocol/servers/src/filesystem');
  });

  it('reads the string and shorthand forms, and never lets a folder climb out or inject', () => {
    expect(repositoryLink('github:upstash/context7')).toBe('https://github.com/upstash/context7');
    expect(repositoryLink({ url: 'https://github.com/a/b', directory: '../../x/./y' })).toBe('https://github.com/a/b/tree/HEAD/x/y');
    expect(repositoryLink({ url: 'https://github.com/a/b', directory: 'a b?c#d' })).toBe('https://github.com/a/b/tree/HEAD/a%20b%3Fc%23d');
    expect(repositoryLink({ url: 'javascript:alert(1)', directory: 'x' })).toBeUndefined();
  });
});
