// Install and launch command lines as datasets write them, and what identity each one gives.
import { describe, expect, it } from 'vitest';
import { launchFacts } from '../../../src/import/sources/launch-command';

const packagesOf = (...lines: string[]) => launchFacts(lines).packages;

describe('launchFacts', () => {
  it('reads the package npx, npm, uvx, pip and docker start or install', () => {
    expect(packagesOf('npx -y @scope/server@1.2.3 --flag')).toEqual([{ registryType: 'npm', identifier: '@scope/server', version: '1.2.3' }]);
    expect(packagesOf('npx -y --package tuningengines-cli@latest te mcp serve')).toEqual([{ registryType: 'npm', identifier: 'tuningengines-cli' }]);
    expect(packagesOf('npm exec --yes --package=sverklo@latest -- sverklo prove')).toEqual([{ registryType: 'npm', identifier: 'sverklo' }]);
    expect(packagesOf('npm i -g @relayprotocol/relay-mcp')).toEqual([{ registryType: 'npm', identifier: '@relayprotocol/relay-mcp' }]);
    expect(packagesOf('uvx --from "trustmodel[mcp]" trustmodel-mcp')).toEqual([{ registryType: 'pypi', identifier: 'trustmodel' }]);
    expect(packagesOf('pip install "dos-kernel[mcp]==0.3"')).toEqual([{ registryType: 'pypi', identifier: 'dos-kernel', version: '0.3' }]);
    expect(packagesOf('docker run -i --rm -e TOKEN -v /data:/data ghcr.io/owner/image:1 --arg')).toEqual([{ registryType: 'oci', identifier: 'ghcr.io/owner/image:1' }]);
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
