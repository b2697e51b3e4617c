// The PyPI source for real: the Python MCP server in tests/fixtures/crawl/pypi-notes-server is built
// into a wheel, the crawler installs it by name into a virtual environment of its own with `mcp` and
// its dependencies from the package index pip is configured with, starts it in the sandbox and lists
// its tools. Plus a package that does not exist, a server that crashes, and hostile names.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlPypiServer, type PypiCrawlOptions } from '../../src/crawl/crawl-pypi';
import { InstallError } from '../../src/crawl/install';
import { findSandboxPython, installPypiPackage } from '../../src/crawl/install-pypi';
import { loadPypiTargets, parsePypiTargets, PypiTarget, type PypiTargetInput } from '../../src/crawl/pypi-targets';
import { processesOfUid } from '../../src/crawl/sandbox';
import { serverId, serverIdFromKey } from '../../src/lib/ids';
import { Server } from '../../src/schema';
import { packageKey } from '../../src/store/identity';
import { fixturesDir, quickOptions } from './helpers';

const fixture = path.join(fixturesDir, 'pypi-notes-server');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'crawl-pypi-test-'));
// The sandbox uid must reach the environments (mkdtemp makes a folder only its owner can enter).
chmodSync(scratch, 0o755);
const installDir = path.join(scratch, 'installs');
const wheelhouse = path.join(scratch, 'wheels');
const saved = { PIP_FIND_LINKS: process.env['PIP_FIND_LINKS'], PIP_RETRIES: process.env['PIP_RETRIES'] };

const options: PypiCrawlOptions = { ...quickOptions, installDir, installTimeoutMs: 300_000 };
const pypiTarget = (input: Partial<PypiTargetInput>) => PypiTarget.parse({ package: 'pypi-notes-server', ...input });

beforeAll(() => {
  // Build the fixture's wheel with pip (the build backend comes from the index, as for any sdist).
  const python = findSandboxPython();
  const buildEnv = path.join(scratch, 'build-env');
  const made = spawnSync(python.command, ['-m', 'venv', buildEnv], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`python -m venv failed: ${made.stderr}`);
  // This machine reaches no public PyPI, only the indexes in its pip configuration: every retry of
  // pypi.org costs seconds per package. Where PyPI is reachable the setting changes nothing.
  process.env['PIP_RETRIES'] ??= '0';
  const built = spawnSync(path.join(buildEnv, 'bin', 'python'), ['-m', 'pip', 'wheel', '--no-deps', '--no-input', '-w', wheelhouse, fixture], { encoding: 'utf8', timeout: 300_000 });
  if (built.status !== 0) throw new Error(`could not build the fixture's wheel: ${built.stdout}\n${built.stderr}`);
  // The crawler passes its environment on to pip, so the wheel is found the way pip finds any package:
  // through pip's own configuration (here PIP_FIND_LINKS, added to what the machine sets).
  process.env['PIP_FIND_LINKS'] = [saved.PIP_FIND_LINKS, wheelhouse].filter(Boolean).join(' ');
});

afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(scratch, { recursive: true, force: true });
});

describe('crawlPypiServer', () => {
  it('installs a pinned package into its own environment, starts its console script in the sandbox and records its tools', async () => {
    let uidSeen: number | undefined;
    const server = await crawlPypiServer(pypiTarget({ version: '0.1.0' }), { ...options, onSandbox: (uid) => (uidSeen = uid) });
    expect(server.crawl, server.crawl.message).toMatchObject({ status: 'ok' });
    expect(Server.safeParse(server).success).toBe(true);
    expect(server.tools.map((tool) => tool.definition.name)).toEqual(['list_notes', 'write_note', 'delete_note']);
    const byName = Object.fromEntries(server.tools.map((tool) => [tool.definition.name, tool.definition]));
    expect(byName['list_notes']!.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: false });
    expect(byName['delete_note']!.annotations).toMatchObject({ destructiveHint: true });
    expect(byName['write_note']!.description).toBe('Writes a note.');
    // The schema the SDK derived from the Python signature.
    expect(byName['write_note']!.inputSchema).toMatchObject({ type: 'object', properties: { title: { type: 'string' }, text: { type: 'string' } }, required: ['title', 'text'] });
    expect(byName['list_notes']!.inputSchema).toMatchObject({ type: 'object', properties: { limit: { type: 'integer', default: 10 } } });
    expect(byName['list_notes']!.inputSchema['required']).toBeUndefined();
    expect(server.serverInfo).toMatchObject({ name: 'pypi-notes' });
    expect(server.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(server.source).toEqual({ kind: 'pypi', package: 'pypi-notes-server', version: '0.1.0' });
    expect(server.launch).toEqual({ command: 'pypi-notes-server', args: [], env: [] });
    expect(server).toMatchObject({
      name: 'pypi-notes-server',
      description: "A notes MCP server: the PyPI crawler's test fixture.",
      license: 'MIT',
      repository: 'https://github.com/example/pypi-notes-server',
      homepage: 'https://example.com/pypi-notes-server',
    });
    expect(processesOfUid(uidSeen!)).toEqual([]);
  });

  it('reuses the pinned environment for any spelling of the name, under the id the merge gives pypi:<name>', async () => {
    const folders = () => readdirSync(installDir).sort();
    const before = folders();
    expect(before).toHaveLength(1);
    expect(before[0]).toMatch(/^pypi-pypi-notes-server-0\.1\.0-[0-9a-f]{8}$/);
    const server = await crawlPypiServer(pypiTarget({ package: 'Pypi_Notes.Server', version: '0.1.0' }), options);
    expect(server.crawl.status).toBe('ok');
    // Nothing installed again, nothing half-made left behind.
    expect(folders()).toEqual(before);
    expect(server.id).toBe(serverId({ kind: 'pypi', name: 'pypi-notes-server' }));
    expect(server.id).toBe(serverIdFromKey(packageKey('pypi', 'Pypi_Notes.Server')!));
    expect(server.displayName).toBe('Pypi_Notes.Server');
  });

  it('installs the newest version when none is pinned, and runs a module with python -m', async () => {
    const server = await crawlPypiServer(pypiTarget({ module: 'pypi_notes_server' }), options);
    expect(server.crawl, server.crawl.message).toMatchObject({ status: 'ok' });
    expect(server.source).toEqual({ kind: 'pypi', package: 'pypi-notes-server', version: '0.1.0' });
    expect(server.launch).toEqual({ command: 'python', args: ['-m', 'pypi_notes_server'], env: [] });
    expect(server.tools).toHaveLength(3);
  });

  it('records a server that crashes at start-up, with the end of its traceback, and leaves no process', async () => {
    let uidSeen: number | undefined;
    const server = await crawlPypiServer(pypiTarget({ version: '0.1.0', bin: 'pypi-notes-crash', env: { NOTES_API_KEY: '' } }), {
      ...options,
      onSandbox: (uid) => (uidSeen = uid),
    });
    expect(server.crawl).toMatchObject({ status: 'failed', reason: 'crash' });
    expect(server.crawl.message).toMatch(/exited \(code 1\).*RuntimeError: pypi-notes: NOTES_API_KEY is not set/);
    // Bytecode written before the rename still names the files where they are now, shown without the local path.
    expect(server.crawl.message).toMatch(/"<install>\/lib\/python3\.\d+\/site-packages\/pypi_notes_server\/crash\.py"/);
    expect(server.crawl.message).not.toContain('.tmp');
    expect(server.launch).toEqual({ command: 'pypi-notes-crash', args: [], env: ['NOTES_API_KEY'] });
    expect(Server.safeParse(server).success).toBe(true);
    expect(processesOfUid(uidSeen!)).toEqual([]);
  });

  it('records a console script the package does not have as a spawn failure, naming the ones it has', async () => {
    const server = await crawlPypiServer(pypiTarget({ version: '0.1.0', bin: 'notes' }), options);
    expect(server.crawl).toMatchObject({ status: 'failed', reason: 'spawn' });
    expect(server.crawl.message).toBe('no console script named "notes" (it has: pypi-notes-crash, pypi-notes-server)');
  });

  it('records a package the index does not have as an install failure, and leaves no folder for it', async () => {
    const name = `no-such-mcp-server-${process.pid}`;
    const server = await crawlPypiServer(pypiTarget({ package: name, version: '1.0.0' }), options);
    expect(server.crawl).toMatchObject({ status: 'failed', reason: 'install' });
    expect(server.crawl.message).toMatch(new RegExp(`^pip install ${name}==1\\.0\\.0 failed: ERROR: .*No matching distribution found for ${name}==1\\.0\\.0`));
    expect(server.source).toEqual({ kind: 'pypi', package: name, version: '1.0.0' });
    expect(Server.safeParse(server).success).toBe(true);
    expect(readdirSync(installDir).filter((folder) => folder.includes('no-such'))).toEqual([]);
  });
});

describe('installPypiPackage', () => {
  it('stops an install that takes too long, with a clear error, and leaves no folder', async () => {
    const cacheDir = mkdtempSync(path.join(scratch, 'slow-'));
    const install = installPypiPackage('pypi-notes-server', '0.1.0', { cacheDir, timeoutMs: 200 });
    await expect(install).rejects.toThrow(InstallError);
    await expect(install).rejects.toThrow(/^(python -m venv|pip install pypi-notes-server==0\.1\.0) timed out: the install took more than 0\.2 s$/);
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});

describe('findSandboxPython', () => {
  it('passes over a Python the sandbox uid could not run, and says why', () => {
    // As pyenv's interpreters under a home of mode 700 are: an environment made from one links to a file the sandbox cannot open.
    const closed = mkdtempSync(path.join(scratch, 'closed-'));
    const link = path.join(closed, 'python3');
    symlinkSync(findSandboxPython().executable, link);
    expect(() => findSandboxPython(link)).toThrow(new RegExp(`out of the sandbox's reach \\(${closed} is closed to other users\\)`));
    expect(() => findSandboxPython(path.join(scratch, 'no-python'))).toThrow(/no Python the sandbox can run: .*no-python/);
  });
});

describe('PyPI names are hostile input', () => {
  // A name or version is a stranger's text that ends up on pip's command line: an option, a path, a
  // URL or an environment marker would make pip do something other than install that package.
  const hostileNames = ['--index-url=https://evil.example/simple', '-rrequirements.txt', '../../etc', 'x @ file:///etc/passwd', 'x; os_name == "posix"', 'x y', ''];
  it.each(hostileNames)('never hands "%s" to pip', async (name) => {
    await expect(installPypiPackage(name, undefined, { cacheDir: installDir })).rejects.toThrow(InstallError);
    await expect(installPypiPackage(name, undefined, { cacheDir: installDir })).rejects.toThrow(/is not a PyPI package name \(PEP 508\)/);
    expect(() => parsePypiTargets({ targets: [{ package: name }] }, 'test')).toThrow(/package/);
  });

  it('takes PEP 440 versions only', async () => {
    await expect(installPypiPackage('mcp', '1.0 ; python_version > "3"', { cacheDir: installDir })).rejects.toThrow(/is not a PEP 440 version/);
    await expect(installPypiPackage('mcp', '>=1', { cacheDir: installDir })).rejects.toThrow(/is not a PEP 440 version/);
    for (const version of ['1.2.3', '2025.4.7', '1.0rc1', '1.0.post2', '1!2.0.dev3', '1.0+local.7']) {
      expect(PypiTarget.safeParse({ package: 'x', version }).success, version).toBe(true);
    }
  });

  it('keeps console script and module names to their grammar, and takes one of the two', () => {
    expect(PypiTarget.safeParse({ package: 'x', bin: '-c' }).success).toBe(false);
    expect(PypiTarget.safeParse({ package: 'x', module: 'os; import pty' }).success).toBe(false);
    expect(PypiTarget.safeParse({ package: 'x', module: '__import__("os")' }).success).toBe(false);
    expect(() => parsePypiTargets({ targets: [{ package: 'x', bin: 'x', module: 'x' }] }, 'test')).toThrow(/either a console script \(bin\) or a module/);
  });
});

describe('data/crawl-targets-pypi.json', () => {
  it('parses, and names a package once whatever its spelling', () => {
    expect(loadPypiTargets('data/crawl-targets-pypi.json')).toBeInstanceOf(Array);
    expect(() => parsePypiTargets({ targets: [{ package: 'mcp-server-git' }, { package: 'MCP_Server.Git' }] }, 'test')).toThrow(/"MCP_Server.Git" is listed twice \(as "mcp-server-git"\)/);
    expect(() => parsePypiTargets({ targets: [{ package: 'x', files: [{ path: '../x', content: '' }] }] }, 'test')).toThrow(/stays inside the sandbox/);
  });
});
