// The sandbox holds: a fixture server that tries to phone out and to read a secret from the real
// HOME fails at both, sees none of the crawler's environment, and the crawl records what it saw.
import { createServer, type Server as NetServer } from 'node:net';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlStdioServer } from '../../src/crawl/crawl-stdio';
import { createSandboxFolders, disposeSandboxFolders, SANDBOX_MOUNT, sweepStaleSandboxes } from '../../src/crawl/sandbox';
import { quickOptions, target } from './helpers';

describe('the stdio sandbox', () => {
  let listener: NetServer;
  let port = 0;
  let connections = 0;
  const secretFile = path.join(os.homedir(), `.crawler-sandbox-test-${process.pid}`);
  const secret = `TOP-SECRET-${process.pid}`;

  beforeAll(async () => {
    writeFileSync(secretFile, secret, { mode: 0o600 });
    listener = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    port = (listener.address() as { port: number }).port;
    process.env['CRAWLER_TEST_INHERITED_SECRET'] = secret;
  });
  afterAll(() => {
    rmSync(secretFile, { force: true });
    listener.close();
    delete process.env['CRAWLER_TEST_INHERITED_SECRET'];
  });

  it('blocks the network and the real HOME, scrubs the environment, and the record says so', async () => {
    const server = await crawlStdioServer(
      target({ bin: 'raw-server', args: ['probe'], env: { PROBE_PORT: String(port), PROBE_FILE: secretFile } }),
      quickOptions,
    );
    expect(server.crawl.status).toBe('ok');
    const description = server.tools[0]!.definition.description!;
    // The connection to a listener on the host's loopback never arrives: the server has its own, empty network.
    expect(description).toMatch(/network: blocked \((ENETUNREACH|ECONNREFUSED|EACCES|EPERM)\)/);
    expect(connections).toBe(0);
    // The file in the real HOME cannot be read by the sandbox uid.
    expect(description).toMatch(/home: blocked \(EACCES\)/);
    expect(JSON.stringify(server)).not.toContain(secret);
    // Only PATH, the throwaway HOME and TMPDIR, and the target's dummy variables.
    expect(description).toMatch(/env: HOME,PATH,PROBE_FILE,PROBE_PORT,TMPDIR;/);
    expect(description).not.toContain(`home dir: ${os.homedir()}`);
    // The same throwaway paths on every crawl, so a description quoting them does not look changed.
    expect(description).toContain(`home dir: ${SANDBOX_MOUNT}/home;`);
    // An unprivileged uid of its own, which has a name inside the sandbox and nowhere else.
    const uid = Number(/user: mcp-crawl \((\d+)\)/.exec(description)?.[1]);
    expect(uid).toBeGreaterThanOrEqual(200_000);
    expect(readFileSync('/etc/passwd', 'utf8')).not.toContain('mcp-crawl');
  });
});

describe('sweepStaleSandboxes', () => {
  it('removes the sandboxes of a crawler that is gone and leaves those of a live one', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'crawl-sweep-'));
    const live = createSandboxFolders(parent);
    const stale = createSandboxFolders(parent);
    // A pid that existed and has exited: what a crawler killed with SIGKILL leaves in the owner file.
    const gone = spawnSync('true').pid!;
    writeFileSync(path.join(stale.root, 'owner'), `${gone} ${stale.uid}\n`);
    expect(await sweepStaleSandboxes(parent)).toBe(1);
    expect(existsSync(stale.root)).toBe(false);
    expect(existsSync(live.root)).toBe(true);
    disposeSandboxFolders(live);
    rmSync(parent, { recursive: true, force: true });
  });
});
