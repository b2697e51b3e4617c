import { describe, expect, it } from 'vitest';
import { launchPackageKey, packageKey, remoteKey, repositoryKey } from '../../src/store/identity';

describe('repositoryKey', () => {
  it('normalises case, www, .git, trailing slashes and refs', () => {
    for (const url of [
      'https://github.com/Upstash/Context7',
      'https://www.github.com/upstash/context7.git',
      'http://github.com/upstash/context7/',
      'git+https://github.com/upstash/context7.git',
      'https://github.com/upstash/context7/tree/main',
    ]) {
      expect(repositoryKey(url), url).toBe('repo:github.com/upstash/context7');
    }
  });

  it('keeps a monorepo folder, from the URL or given apart, so awslabs/mcp servers stay distinct', () => {
    expect(repositoryKey('https://github.com/awslabs/mcp/tree/main/src/aws-healthomics-mcp-server')).toBe('repo:github.com/awslabs/mcp/src/aws-healthomics-mcp-server');
    expect(repositoryKey('https://github.com/awslabs/mcp', '/src/aws-healthomics-mcp-server/')).toBe('repo:github.com/awslabs/mcp/src/aws-healthomics-mcp-server');
    expect(repositoryKey('https://github.com/awslabs/mcp/blob/v1/src/x/README.md')).toBe('repo:github.com/awslabs/mcp/src/x');
    expect(repositoryKey('https://github.com/o/one/blob/main/README.md')).toBe('repo:github.com/o/one');
    expect(repositoryKey('https://github.com/o/r/tree/main/%2E%2E/%2E%2E/x')).toBe('repo:github.com/o/r');
    expect(repositoryKey('https://github.com/awslabs/mcp', '/')).toBe('repo:github.com/awslabs/mcp');
    expect(repositoryKey('https://github.com/o/one-server/tree/main/src')).toBe('repo:github.com/o/one-server');
    expect(repositoryKey('https://gitlab.com/group/project/-/tree/main/servers/a')).toBe('repo:gitlab.com/group/project/servers/a');
  });

  it('gives no key for what is not a forge repository (attacker-controlled text included)', () => {
    for (const url of ['javascript:alert(1)//github.com/a/b', 'data:text/html,x', 'https://example.com/a/b', 'https://github.com/onlyowner', 'not a url', undefined]) {
      expect(repositoryKey(url), String(url)).toBeUndefined();
    }
    expect(repositoryKey('https://github.com/a%2F..%2Fb/c')).toBeUndefined();
  });
});

describe('packageKey and launchPackageKey', () => {
  it('names npm, PyPI (PEP 503) and OCI packages without versions or tags', () => {
    expect(packageKey('npm', '@Scope/Pkg@1.2.3')).toBe('npm:@scope/pkg');
    expect(packageKey('pypi', 'Awslabs.AWS_HealthOmics-mcp-server==0.1')).toBe('pypi:awslabs-aws-healthomics-mcp-server');
    expect(packageKey('oci', 'docker.io/mcp/github:latest')).toBe('oci:mcp/github');
    expect(packageKey('oci', 'ghcr.io/org/img@sha256:abcd')).toBe('oci:ghcr.io/org/img');
    expect(packageKey('nuget', 'X')).toBeUndefined();
  });

  it('never takes a runner (mcp-remote, supergateway, uvx itself) for the server it starts', () => {
    expect(packageKey('npm', 'mcp-remote')).toBeUndefined();
    expect(launchPackageKey('npx', ['-y', 'mcp-remote', 'https://mcp.example.com/sse'])).toBeUndefined();
    expect(launchPackageKey('npx', ['-y', 'supergateway', '--stdio', 'x'])).toBeUndefined();
    expect(launchPackageKey('npx', ['-y', '@upstash/context7-mcp@latest'])).toBe('npm:@upstash/context7-mcp');
    expect(launchPackageKey('uvx', ['awslabs.aws-healthomics-mcp-server@latest'])).toBe('pypi:awslabs-aws-healthomics-mcp-server');
    expect(launchPackageKey('docker', ['run', '-i', '--rm', '-e', 'TOKEN', 'mcp/github'])).toBe('oci:mcp/github');
    expect(launchPackageKey('node', ['build/index.js'])).toBeUndefined();
  });

  it('normalises remote endpoints', () => {
    expect(remoteKey('https://MCP.Example.com/sse/?token=x#y')).toBe('remote:https://mcp.example.com/sse');
    expect(remoteKey('javascript:alert(1)')).toBeUndefined();
  });
});
