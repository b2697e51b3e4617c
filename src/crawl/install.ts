// Installs a target's npm package into a folder of its own, without lifecycle scripts unless the target
// opts in. Installs are cached by package and version: a resumed or repeated crawl does not download
// again. The folder appears under its final name only when the install is complete (rename).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sha256Hex } from '../lib/hash';

export type InstalledPackage = {
  /** The folder holding node_modules/. */
  dir: string;
  /** The installed package's own folder. */
  packageDir: string;
  version: string;
  /** Binary name -> absolute path. */
  bins: Record<string, string>;
  manifest: Record<string, unknown>;
};

export class InstallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstallError';
  }
}

export type InstallOptions = {
  cacheDir: string;
  allowInstallScripts?: boolean;
  timeoutMs?: number;
};

function installFolderName(spec: string): string {
  return `${spec.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80)}-${sha256Hex(spec).slice(0, 8)}`;
}

/** What a package's `bin` field names, as absolute paths. */
export function readInstalledPackage(dir: string, packageName: string): InstalledPackage {
  const packageDir = path.join(dir, 'node_modules', ...packageName.split('/'));
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const bins: Record<string, string> = {};
  const bin = manifest['bin'];
  if (typeof bin === 'string') {
    const unscoped = packageName.split('/').pop()!;
    bins[unscoped] = path.join(packageDir, bin);
  } else if (bin !== null && typeof bin === 'object') {
    for (const [name, file] of Object.entries(bin as Record<string, unknown>)) {
      if (typeof file === 'string') bins[name] = path.join(packageDir, file);
    }
  }
  return { dir, packageDir, version: String(manifest['version'] ?? ''), bins, manifest };
}

/** Every process below `pid`, from /proc: an installer's own children (node-gyp, a build backend) must go with it. */
function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold anything: the fields after its last ')' are plain.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length > 0; ) {
    const next = children.get(queue.shift()!) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

/** Runs an installer outside the sandbox, keeping the end of its output; killed when it takes too long. */
export function runInstaller(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number; label: string; env?: NodeJS.ProcessEnv },
): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      timedOut = true;
      // Its children too: they would go on writing into the install folder, and they hold the pipes open.
      for (const pid of child.pid !== undefined ? descendantsOf(child.pid) : []) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      child.kill('SIGKILL');
      output += `\n(${options.label} killed after ${Math.round(options.timeoutMs / 1000)} s)`;
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

/** Installs `name@version` (or the newest) unless the cache has it; returns what was installed. */
export async function installPackage(name: string, version: string | undefined, options: InstallOptions): Promise<InstalledPackage> {
  const spec = version ? `${name}@${version}` : name;
  const scripts = options.allowInstallScripts === true;
  const final = path.join(options.cacheDir, `${installFolderName(spec)}${scripts ? '-scripts' : ''}`);
  // An unpinned spec is installed afresh each run, so "the newest" stays the newest.
  if (version && existsSync(path.join(final, 'node_modules'))) return readInstalledPackage(final, name);
  const staging = `${final}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(path.join(staging, 'package.json'), '{"private":true}\n');
  const args = ['install', spec, '--no-audit', '--no-fund', '--no-package-lock', '--omit=dev', '--loglevel=error'];
  if (!scripts) args.push('--ignore-scripts');
  try {
    const result = await runInstaller('npm', args, { cwd: staging, timeoutMs: options.timeoutMs ?? 300_000, label: 'npm install' });
    if (result.code !== 0) {
      const lines = result.output.split('\n').filter((line) => /error|ERR!/i.test(line)).slice(0, 6);
      throw new InstallError(`npm install ${spec} failed: ${(lines.length > 0 ? lines : [result.output.slice(-500)]).join(' | ')}`);
    }
    if (!existsSync(path.join(staging, 'node_modules', ...name.split('/'), 'package.json'))) {
      throw new InstallError(`npm install ${spec} left no node_modules/${name}`);
    }
    rmSync(final, { recursive: true, force: true });
    renameSync(staging, final);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return readInstalledPackage(final, name);
}

/** The binary to start: the target's choice, the package's only one, or the one named like the package. */
export function chooseBin(installed: InstalledPackage, packageName: string, wanted: string | undefined): string | undefined {
  const names = Object.keys(installed.bins);
  if (wanted) return installed.bins[wanted];
  if (names.length === 1) return installed.bins[names[0]!];
  const unscoped = packageName.split('/').pop()!;
  return installed.bins[unscoped];
}
