import { describe, expect, it } from 'vitest';
import { dockerEnvNames, packageOfLaunch } from '../../../src/import/sources/launch-config';
import { parseForgeUrl } from '../../../src/import/sources/repository-url';

describe('packageOfLaunch', () => {
  it('reads npm packages from npx, bunx and `npx -p`, splitting off versions and dropping moving tags', () => {
    expect(packageOfLaunch('npx', ['-y', '@upstash/context7-mcp@latest'])).toEqual({ registryType: 'npm', identifier: '@upstash/context7-mcp' });
    expect(packageOfLaunch('npx', ['-y', 'case-twin@1.0.0', 'serve'])).toEqual({ registryType: 'npm', identifier: 'case-twin', version: '1.0.0' });
    expect(packageOfLaunch('bunx', ['@dhravya/apple-mcp@latest'])).toEqual({ registryType: 'npm', identifier: '@dhravya/apple-mcp' });
    expect(packageOfLaunch('npx', ['-y', '-p', 'unifai-sdk', 'unifai-tools-mcp'])).toEqual({ registryType: 'npm', identifier: 'unifai-sdk' });
  });

  it('reads PyPI packages from uvx, `uvx --from` and `uv tool run`', () => {
    expect(packageOfLaunch('uvx', ['mcp-server-time', '--local-timezone=${TZ}'])).toEqual({ registryType: 'pypi', identifier: 'mcp-server-time' });
    expect(packageOfLaunch('uvx', ['--from', 'wcgw@latest', '--python', '3.12', 'wcgw_mcp'])).toEqual({ registryType: 'pypi', identifier: 'wcgw' });
    expect(packageOfLaunch('uvx', ['--python', '3.12', 'pkg==1.2'])).toEqual({ registryType: 'pypi', identifier: 'pkg', version: '1.2' });
    expect(packageOfLaunch('uv', ['tool', 'run', 'arxiv-mcp-server', '--storage-path', '/x'])).toEqual({ registryType: 'pypi', identifier: 'arxiv-mcp-server' });
  });

  it('reads images from docker run, skipping option values, and keeps pinned tags as versions', () => {
    expect(packageOfLaunch('docker', ['run', '-i', '--rm', '-e', 'TOKEN', '--mount', 'type=bind,src=/a,dst=/b', 'mcp/git'])).toEqual({ registryType: 'oci', identifier: 'mcp/git' });
    expect(packageOfLaunch('docker', ['run', '-v', '.:/app', '-it', 'ghcr.io/org/img:2.4.0'])).toEqual({ registryType: 'oci', identifier: 'ghcr.io/org/img', version: '2.4.0' });
  });

  it('gives nothing for runners, git URLs, local code, locally built images and placeholders', () => {
    for (const [command, args] of [
      ['npx', ['-y', 'mcp-remote', 'https://mcp.example.com/sse']],
      ['npx', ['-y', 'supergateway', '--stdio', 'x']],
      ['npx', ['-y', 'deno', 'run', '-A', 'jsr:@omedia/mcp-server-drupal']],
      ['npx', ['-y', 'https://github.com/a/b']],
      ['npx', ['@21st-dev/cli@latest', 'install', '<client>', '--api-key', '<key>']],
      ['uvx', ['--from', 'git+https://github.com/a/b', 'b']],
      ['uvx', ['--directory', '/path/to/x', 'run', 'server.py']],
      ['uvx', ['run', 'optimade-mcp-server']],
      ['uvx', ['mcp-proxy']],
      ['uv', ['run', 'server.py']],
      ['node', ['build/index.js']],
      ['python', ['-m', 'mcp_server_git']],
      ['docker', ['run', '-i', '--rm', 'bicscan-mcp']],
      ['docker', ['run', '-i', '--rm', '${IMAGE}']],
      ['docker', ['build', '-t', 'mcp/x', '.']],
      ['npx', 'not a list'],
      [42, []],
    ] as Array<[unknown, unknown]>) {
      expect(packageOfLaunch(command, args), JSON.stringify([command, args])).toBeUndefined();
    }
  });

  it('names the variables a docker run passes, never their values', () => {
    expect(dockerEnvNames('docker', ['run', '-e', 'A', '-e', 'B=${B}', '--env=C=secret', '--env', 'D', 'img'])).toEqual(['A', 'B', 'C', 'D']);
    expect(dockerEnvNames('npx', ['-e', 'A'])).toEqual([]);
  });
});

describe('parseForgeUrl', () => {
  it('splits a forge URL into its repository and the folder it points at', () => {
    expect(parseForgeUrl('https://github.com/modelcontextprotocol/servers/tree/main/src/fetch')).toEqual({ root: 'https://github.com/modelcontextprotocol/servers', repository: 'github.com/modelcontextprotocol/servers', folder: 'src/fetch' });
    expect(parseForgeUrl('https://github.com/modelcontextprotocol/servers/blob/main/src/git')).toMatchObject({ folder: 'src/git' });
    expect(parseForgeUrl('https://www.github.com/Owner/Repo.git')).toEqual({ root: 'https://github.com/Owner/Repo', repository: 'github.com/owner/repo' });
  });

  it('takes a link to a file for the folder that holds it', () => {
    expect(parseForgeUrl('https://github.com/redis/mcp-redis/blob/main/Dockerfile')).toEqual({ root: 'https://github.com/redis/mcp-redis', repository: 'github.com/redis/mcp-redis' });
    expect(parseForgeUrl('https://github.com/a/b/blob/main/src/x/README.md')).toMatchObject({ folder: 'src/x' });
  });

  it('gives nothing for what is not a forge repository URL', () => {
    for (const url of ['javascript:alert(1)//github.com/a/b', 'https://example.com/a/b', 'https://github.com/onlyowner', 'not a url', 42, undefined]) expect(parseForgeUrl(url), String(url)).toBeUndefined();
  });
});
