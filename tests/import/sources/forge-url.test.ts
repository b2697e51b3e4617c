import { describe, expect, it } from 'vitest';
import { parseForgeUrl } from '../../../src/lib/forge-url';

describe('parseForgeUrl', () => {
  it('splits a forge URL into its repository and the folder it points at', () => {
    expect(parseForgeUrl('https://github.com/modelcontextprotocol/servers/tree/main/src/fetch')).toEqual({ root: 'https://github.com/modelcontextprotocol/servers', repository: 'github.com/modelcontextprotocol/servers', path: ['src', 'fetch'], folder: 'src/fetch' });
    expect(parseForgeUrl('https://github.com/modelcontextprotocol/servers/blob/main/src/git')).toMatchObject({ folder: 'src/git' });
    expect(parseForgeUrl('https://www.github.com/Owner/Repo.git')).toEqual({ root: 'https://github.com/Owner/Repo', repository: 'github.com/owner/repo', path: [] });
    expect(parseForgeUrl('https://gitlab.com/group/project/-/tree/main/servers/a')).toMatchObject({ repository: 'gitlab.com/group/project', folder: 'servers/a' });
  });

  it('takes a link to a file for the folder that holds it, and keeps the whole path beside it', () => {
    expect(parseForgeUrl('https://github.com/redis/mcp-redis/blob/main/Dockerfile')).toEqual({ root: 'https://github.com/redis/mcp-redis', repository: 'github.com/redis/mcp-redis', path: ['Dockerfile'] });
    expect(parseForgeUrl('https://github.com/a/b/blob/main/src/x/README.md')).toMatchObject({ path: ['src', 'x', 'README.md'], folder: 'src/x' });
  });

  it('gives nothing for what is not a forge repository URL (attacker-controlled text included)', () => {
    for (const url of ['javascript:alert(1)//github.com/a/b', 'data:text/html,x', 'https://example.com/a/b', 'https://github.com/onlyowner', 'https://github.com/a%2F..%2Fb/c', 'not a url', '', 42, undefined]) {
      expect(parseForgeUrl(url), String(url)).toBeUndefined();
    }
  });
});
