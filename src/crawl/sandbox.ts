// Starts an untrusted server binary so that it can do as little harm as possible: a network namespace
// of its own (no route anywhere), a fresh uid that owns nothing, no capabilities, a process limit, a
// scrubbed environment, a throwaway home and working folder, and its own process group. The uid is
// unique to the run, so "every process of that uid" is exactly what the server started: that is how
// the crawler finds and kills what it leaves behind, even a process that left the process group.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAlive } from '../lib/process-alive';

/** The name the sandbox uid has inside the sandbox. */
export const SANDBOX_USER = 'mcp-crawl';

/** The system folders on the sandbox's PATH, after the package's own and Node's. */
export const SANDBOX_SYSTEM_PATH: readonly string[] = ['/usr/local/bin', '/usr/bin', '/bin'];

/** Processes one sandboxed server may run at once (a fork bomb stops here). */
const MAX_PROCESSES = 256;

function findExecutable(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '/usr/bin:/bin').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir.length > 0 && existsSync(candidate)) return candidate;
  }
  return undefined;
}

let availability: string | undefined | null = null;

/** Why the sandbox cannot be used on this machine, or undefined when it can (checked once). */
export function sandboxUnavailableReason(): string | undefined {
  if (availability !== null) return availability;
  const tools = ['unshare', 'setpriv', 'prlimit', 'mount'].map((name) => [name, findExecutable(name)] as const);
  const missing = tools.filter(([, found]) => !found).map(([name]) => name);
  if (missing.length > 0) {
    availability = `${missing.join(', ')} not found (util-linux)`;
  } else if (process.getuid?.() !== 0) {
    availability = 'the crawler must run as root to give each server a network namespace and a uid of its own';
  } else {
    const probe = spawnSync(findExecutable('unshare')!, ['--net', '--mount', '--', 'true'], { stdio: 'ignore', timeout: 10_000 });
    availability = probe.status === 0 ? undefined : 'unshare --net --mount failed: no permission to create namespaces';
  }
  return availability;
}

/** Pids of the live processes whose real uid is `uid`, read from /proc (zombies are dead already and left out). */
export function processesOfUid(uid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const match = /^Uid:\s+(\d+)/m.exec(status);
      if (match && Number(match[1]) === uid && !/^State:\s+[ZX]/m.test(status)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** A uid no process uses now, far above the ones distributions hand out. */
function freshUid(): number {
  for (;;) {
    const uid = randomInt(200_000, 2_000_000_000);
    if (processesOfUid(uid).length === 0) return uid;
  }
}

/**
 * Where the server sees its folders: the run's folder is bind-mounted here in the server's mount
 * namespace, so every crawl of a server sees the same paths, and a tool description that quotes its
 * working folder or home does not "change" from one crawl to the next. Under /run: only root can
 * create anything there, so nobody can plant a symlink in its place.
 */
export const SANDBOX_MOUNT = '/run/mcp-crawl-sandbox';

function fixedMountPoint(): string | undefined {
  try {
    mkdirSync(SANDBOX_MOUNT, { recursive: true, mode: 0o711 });
    return SANDBOX_MOUNT;
  } catch {
    return undefined;
  }
}

export type SandboxFolders = {
  /** Everything the run owns, on the host; removed by `dispose`. */
  root: string;
  /** On the host: where the crawler writes the target's files. */
  home: string;
  cwd: string;
  tmp: string;
  /** The same folders as the server sees them (the fixed mount point when there is one). */
  inside: { root: string; home: string; cwd: string; tmp: string };
  uid: number;
};

/** Makes the throwaway home, working folder and temp folder, owned by a fresh uid. */
export function createSandboxFolders(parent = os.tmpdir()): SandboxFolders {
  const root = mkdtempSync(path.join(parent, 'mcp-crawl-'));
  // The server may pass through the root to its folders but not list it.
  chmodSync(root, 0o711);
  const uid = freshUid();
  const insideRoot = fixedMountPoint() ?? root;
  const inside = { root: insideRoot, home: path.join(insideRoot, 'home'), cwd: path.join(insideRoot, 'work'), tmp: path.join(insideRoot, 'tmp') };
  const folders = { root, home: path.join(root, 'home'), cwd: path.join(root, 'work'), tmp: path.join(root, 'tmp'), inside, uid };
  for (const dir of [folders.home, folders.cwd, folders.tmp]) {
    mkdirSync(dir);
    chownSync(dir, uid, uid);
  }
  // Which crawler owns the run: a later run sweeps what a killed crawler left (see sweepStaleSandboxes).
  writeFileSync(path.join(root, 'owner'), `${process.pid} ${uid}\n`);
  // Programs that look their user up (Node's os.userInfo(), ssh, git) fail for a uid without an entry,
  // so the sandbox sees /etc/passwd and /etc/group with one more line, bind-mounted in its own mount namespace.
  const entry = `${SANDBOX_USER}:x:${uid}:${uid}:MCP crawl sandbox:${folders.inside.home}:/usr/sbin/nologin\n`;
  writeFileSync(path.join(root, 'passwd'), `${readFileSync('/etc/passwd', 'utf8').replace(/\n?$/, '\n')}${entry}`, { mode: 0o644 });
  writeFileSync(path.join(root, 'group'), `${readFileSync('/etc/group', 'utf8').replace(/\n?$/, '\n')}${SANDBOX_USER}:x:${uid}:\n`, { mode: 0o644 });
  return folders;
}

/** Writes a file into the sandbox (`~/x` goes to its home), owned by the sandbox uid. */
export function writeSandboxFile(folders: SandboxFolders, relative: string, content: string): string {
  const base = relative.startsWith('~/') ? folders.home : folders.cwd;
  const rest = relative.startsWith('~/') ? relative.slice(2) : relative;
  const target = path.resolve(base, rest);
  if (!target.startsWith(base + path.sep)) throw new Error(`"${relative}" leaves the sandbox`);
  let dir = base;
  for (const part of path.relative(base, path.dirname(target)).split(path.sep).filter(Boolean)) {
    dir = path.join(dir, part);
    if (!existsSync(dir)) {
      mkdirSync(dir);
      chownSync(dir, folders.uid, folders.uid);
    }
  }
  writeFileSync(target, content);
  chownSync(target, folders.uid, folders.uid);
  return target;
}

export function disposeSandboxFolders(folders: SandboxFolders): void {
  rmSync(folders.root, { recursive: true, force: true });
}

/** `$CWD` and `$HOME` in a dummy value point into the sandbox. */
export function expandSandboxValue(value: string, folders: SandboxFolders): string {
  return value.replaceAll('$CWD', folders.inside.cwd).replaceAll('$HOME', folders.inside.home);
}

export type SandboxedCommand = {
  command: string;
  args: readonly string[];
  /** The only variables the server sees besides PATH, HOME and TMPDIR. */
  env: Readonly<Record<string, string>>;
  folders: SandboxFolders;
  /** Folders searched for `node` and the server's binary, before the system's. */
  path?: readonly string[];
};

/**
 * Spawns the command inside the sandbox in its own process group (detached: a new session), with
 * stdin, stdout and stderr piped. `unshare`, `sh` (for the bind mounts), `prlimit` and `setpriv` exec
 * in turn, so the child's pid is the server's.
 */
export function spawnSandboxed(spec: SandboxedCommand): ChildProcessWithoutNullStreams {
  const reason = sandboxUnavailableReason();
  if (reason) throw new SandboxError(reason);
  const { uid } = spec.folders;
  const searchPath = [...(spec.path ?? []), path.dirname(process.execPath), ...SANDBOX_SYSTEM_PATH];
  const env: Record<string, string> = {
    ...spec.env,
    PATH: [...new Set(searchPath)].join(':'),
    HOME: spec.folders.inside.home,
    TMPDIR: spec.folders.inside.tmp,
  };
  const mount = findExecutable('mount')!;
  const args = [
    '--net',
    '--mount',
    '--',
    '/bin/sh',
    '-c',
    // The shell exports PWD (and bash SHLVL and _): the server gets exactly the environment given.
    `${mount} --bind "$1" /etc/passwd && ${mount} --bind "$2" /etc/group && ${mount} --bind "$3" "$4" && cd "$5" && shift 5 && unset PWD OLDPWD SHLVL _ && exec "$@"`,
    'sandbox',
    path.join(spec.folders.root, 'passwd'),
    path.join(spec.folders.root, 'group'),
    spec.folders.root,
    spec.folders.inside.root,
    spec.folders.inside.cwd,
    findExecutable('prlimit')!,
    `--nproc=${MAX_PROCESSES}`,
    '--core=0',
    '--',
    findExecutable('setpriv')!,
    `--reuid=${uid}`,
    `--regid=${uid}`,
    '--clear-groups',
    '--inh-caps=-all',
    '--bounding-set=-all',
    '--no-new-privs',
    '--',
    spec.command,
    ...spec.args,
  ];
  return spawn(findExecutable('unshare')!, args, {
    cwd: spec.folders.cwd,
    env,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export class SandboxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxError';
  }
}

/** Signals the server's process group and every process of its uid (which catches any that left the group). */
export function signalSandbox(pgid: number | undefined, uid: number, signal: NodeJS.Signals): void {
  if (pgid !== undefined) {
    try {
      process.kill(-pgid, signal);
    } catch {
      // The group is gone.
    }
  }
  for (const pid of processesOfUid(uid)) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/** Kills every process of the sandbox uid until none is left (a forking process gets killed on the next round). */
export async function killSandbox(pgid: number | undefined, uid: number): Promise<void> {
  for (let round = 0; round < 200; round += 1) {
    signalSandbox(pgid, uid, 'SIGKILL');
    if (processesOfUid(uid).length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new SandboxError(`processes of uid ${uid} survive SIGKILL`);
}


/**
 * Kills the servers and removes the folders of sandboxes whose crawler is gone (killed with
 * SIGKILL, say). A sandbox of a crawler still running is left alone. Returns how many were swept.
 */
export async function sweepStaleSandboxes(parent = os.tmpdir()): Promise<number> {
  let swept = 0;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith('mcp-crawl-')) continue;
    const root = path.join(parent, name);
    let owner: string;
    try {
      owner = readFileSync(path.join(root, 'owner'), 'utf8');
    } catch {
      continue;
    }
    const [pid, uid] = owner.trim().split(' ').map(Number);
    if (!pid || !uid || uid < 200_000 || isAlive(pid)) continue;
    await killSandbox(undefined, uid);
    rmSync(root, { recursive: true, force: true });
    swept += 1;
  }
  return swept;
}
