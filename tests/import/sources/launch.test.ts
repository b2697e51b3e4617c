// Launch and install commands, as client configs spell them (command + args) and as indexes print them
// (whole lines), and what identity each gives: one reader (src/lib/launch.ts) for both shapes.
import { describe, expect, it } from 'vitest';
import { launchFacts } from '../../../src/import/sources/launch-command';
import { dockerEnvNames, launchOf } from '../../../src/lib/launch';

const packageOf = (command: unknown, args: unknown) => launchOf(command, args).package;
const packagesOf = (...lines: string[]) => launchFacts(lines).packages;

describe('launchOf', () => {
  it('reads npm packages from npx, bunx, `npx -p`, `npm exec` and `npm install`, splitting off versions and dropping moving tags', () => {
    expect(packageOf('npx', ['-y', '@upstash/context7-mcp@latest'])).toEqual({ registryType: 'npm', identifier: '@upstash/context7-mcp' });
    expect(packageOf('npx', ['-y', 'case-twin@1.0.0', 'serve'])).toEqual({ registryType: 'npm', identifier: 'case-twin', version: '1.0.0' });
    expect(packageOf('bunx', ['@dhravya/apple-mcp@latest'])).toEqual({ registryType: 'npm', identifier: '@dhravya/apple-mcp' });
    expect(packageOf('npx', ['-y', '-p', 'unifai-sdk', 'unifai-tools-mcp'])).toEqual({ registryType: 'npm', identifier: 'unifai-sdk' });
    expect(packageOf('pnpm', ['dlx', '@scope/server@next'])).toEqual({ registryType: 'npm', identifier: '@scope/server' });
    expect(packageOf('yarn', ['global', 'add', 'some-server@2.0.1'])).toEqual({ registryType: 'npm', identifier: 'some-server', version: '2.0.1' });
  });

  it('reads PyPI packages from uvx, `uvx --from`, `uv tool run`, `pipx run --spec` and `pip install`', () => {
    expect(packageOf('uvx', ['mcp-server-time', '--local-timezone=${TZ}'])).toEqual({ registryType: 'pypi', identifier: 'mcp-server-time' });
    expect(packageOf('uvx', ['--from', 'wcgw@latest', '--python', '3.12', 'wcgw_mcp'])).toEqual({ registryType: 'pypi', identifier: 'wcgw' });
    expect(packageOf('uvx', ['--python', '3.12', 'pkg==1.2'])).toEqual({ registryType: 'pypi', identifier: 'pkg', version: '1.2' });
    expect(packageOf('uv', ['tool', 'run', 'arxiv-mcp-server', '--storage-path', '/x'])).toEqual({ registryType: 'pypi', identifier: 'arxiv-mcp-server' });
    expect(packageOf('pipx', ['run', '--spec', 'mcp-server-git==0.6.2', 'mcp-server-git'])).toEqual({ registryType: 'pypi', identifier: 'mcp-server-git', version: '0.6.2' });
    expect(packageOf('uv', ['pip', 'install', 'opik'])).toEqual({ registryType: 'pypi', identifier: 'opik' });
  });

  it('reads images from docker and podman run, skipping option values, and keeps pinned tags as versions', () => {
    expect(packageOf('docker', ['run', '-i', '--rm', '-e', 'TOKEN', '--mount', 'type=bind,src=/a,dst=/b', 'mcp/git'])).toEqual({ registryType: 'oci', identifier: 'mcp/git' });
    expect(packageOf('docker', ['run', '-v', '.:/app', '-it', 'ghcr.io/org/img:2.4.0'])).toEqual({ registryType: 'oci', identifier: 'ghcr.io/org/img', version: '2.4.0' });
    expect(packageOf('podman', ['run', '--name', 'x', 'quay.io/org/img@sha256:abcd'])).toEqual({ registryType: 'oci', identifier: 'quay.io/org/img' });
  });

  it('gives no package for runners, git URLs, local code, locally built images, requirement files and placeholders', () => {
    for (const [command, args] of [
      ['npx', ['-y', 'mcp-remote', 'https://mcp.example.com/sse']],
      ['npx', ['-y', 'supergateway', '--stdio', 'x']],
      ['npx', ['-y', 'deno', 'run', '-A', 'jsr:@omedia/mcp-server-drupal']],
      ['npx', ['-y', 'smithery', 'mcp', 'add', 'owner/server']],
      ['npx', ['-y', 'https://github.com/a/b']],
      ['npx', ['@21st-dev/cli@latest', 'install', '<client>', '--api-key', '<key>']],
      ['npm', ['install']],
      ['npm', ['run', 'build']],
      ['uvx', ['--from', 'git+https://github.com/a/b', 'b']],
      ['uvx', ['--directory', '/path/to/x', 'run', 'server.py']],
      ['uvx', ['run', 'optimade-mcp-server']],
      ['uvx', ['mcp-proxy']],
      ['uv', ['run', 'server.py']],
      ['pipx', ['run', 'server.py']],
      ['pip', ['install', '-r', 'requirements.txt']],
      ['pip', ['install', '-e', '.']],
      ['node', ['build/index.js']],
      ['python', ['-m', 'mcp_server_git']],
      ['docker', ['run', '-i', '--rm', 'bicscan-mcp']],
      ['docker', ['run', '-i', '--rm', '${IMAGE}']],
      ['docker', ['build', '-t', 'mcp/x', '.']],
      ['npx', 'not a list'],
      [42, []],
    ] as Array<[unknown, unknown]>) {
      expect(packageOf(command, args), JSON.stringify([command, args])).toBeUndefined();
    }
  });

  it('gives the endpoint a runner or a client is pointed at, with its transport', () => {
    expect(launchOf('npx', ['-y', 'mcp-remote@latest', 'https://api.example.com/mcp/'])).toEqual({ endpoint: { type: 'streamable-http', url: 'https://api.example.com/mcp/' } });
    expect(launchOf('uvx', ['mcp-proxy', 'https://example.com/sse'])).toEqual({ endpoint: { type: 'sse', url: 'https://example.com/sse' } });
    expect(launchOf('claude', ['mcp', 'add', 'name', '--transport', 'sse', 'https://example.com/events'])).toEqual({ endpoint: { type: 'sse', url: 'https://example.com/events' } });
    // A server's own argument that happens to be a URL is its upstream API, not an MCP endpoint.
    expect(launchOf('npx', ['-y', 'some-server', '--api', 'https://api.example.com'])).toEqual({ package: { registryType: 'npm', identifier: 'some-server' } });
  });

  it('names the variables a docker run passes, never their values', () => {
    expect(dockerEnvNames('docker', ['run', '-e', 'A', '-e', 'B=${B}', '--env=C=secret', '--env', 'D', 'img'])).toEqual(['A', 'B', 'C', 'D']);
    expect(dockerEnvNames('npx', ['-e', 'A'])).toEqual([]);
  });
});

describe('launchFacts', () => {
  it('reads the package npx, npm, uvx, pip and docker start or install', () => {
    expect(packagesOf('npx -y @scope/server@1.2.3 --flag')).toEqual([{ registryType: 'npm', identifier: '@scope/server', version: '1.2.3' }]);
    expect(packagesOf('npx -y --package tuningengines-cli@latest te mcp serve')).toEqual([{ registryType: 'npm', identifier: 'tuningengines-cli' }]);
    expect(packagesOf('npm exec --yes --package=sverklo@latest -- sverklo prove')).toEqual([{ registryType: 'npm', identifier: 'sverklo' }]);
    expect(packagesOf('npm i -g @relayprotocol/relay-mcp')).toEqual([{ registryType: 'npm', identifier: '@relayprotocol/relay-mcp' }]);
    expect(packagesOf('uvx --from "trustmodel[mcp]" trustmodel-mcp')).toEqual([{ registryType: 'pypi', identifier: 'trustmodel' }]);
    expect(packagesOf('pip install "dos-kernel[mcp]==0.3"')).toEqual([{ registryType: 'pypi', identifier: 'dos-kernel', version: '0.3' }]);
    expect(packagesOf('docker run -i --rm -e TOKEN -v /data:/data ghcr.io/owner/image:1 --arg')).toEqual([{ registryType: 'oci', identifier: 'ghcr.io/owner/image', version: '1' }]);
  });

  it('never takes a runner or a non-package for the server: mcp-remote gives its endpoint instead', () => {
    expect(launchFacts(['npx -y mcp-remote@latest https://api.example.com/mcp/ --header "Authorization: Bearer KEY"'])).toEqual({
      packages: [],
      remotes: [{ type: 'streamable-http', url: 'https://api.example.com/mcp/' }],
    });
    expect(packagesOf('npx -y @smithery/cli run owner/server', 'npx -y smithery mcp add owner/server', 'npx -y github:owner/repo', 'npm install', 'npm run build')).toEqual([]);
    expect(launchFacts(['claude mcp add --transport sse name https://example.com/events'])).toEqual({ packages: [], remotes: [{ type: 'sse', url: 'https://example.com/events' }] });
  });

  it('reads each command of a chain and nothing the shell would do with the rest', () => {
    expect(packagesOf('git clone https://github.com/o/r.git && cd r && npm install && npm run build')).toEqual([]);
    expect(packagesOf('npx a-server; pip install b-server', 'npx a-server')).toEqual([
      { registryType: 'npm', identifier: 'a-server' },
      { registryType: 'pypi', identifier: 'b-server' },
    ]);
  });
});
