// Installs a target's PyPI package into a virtual environment of its own, outside the sandbox, as
// install.ts does for npm: wheels only unless the target opts in to a source build (a build runs the
// package's code), cached by package, version and interpreter, and renamed into place when complete.
// pip runs with the crawler's own environment, so this machine's pip configuration (pip.conf,
// PIP_INDEX_URL, PIP_EXTRA_INDEX_URL, ...) is the one that applies; nothing here names an index.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { sha256Hex } from '../lib/hash';
import { InstallError, runInstaller } from './install';
import { normalizePypiName, PypiName, PypiVersion } from './pypi-targets';
import { SANDBOX_SYSTEM_PATH } from './sandbox';
import { excerpt } from './stdio-transport';

export type InstalledPypiPackage = {
  /** The virtual environment's folder. */
  dir: string;
  /** Its interpreter, `<dir>/bin/python`: what the sandbox starts. */
  python: string;
  /** The distribution's name as its metadata spells it. */
  name: string;
  version: string;
  /** `console_scripts` entry points, name -> `module:function` (only names a console script can have). */
  consoleScripts: Record<string, string>;
  /** The core metadata the record keeps (untrusted text). */
  metadata: { summary?: string; license?: string; licenseExpression?: string; homePage?: string; projectUrls: string[] };
};

export type PypiInstallOptions = {
  cacheDir: string;
  /** The interpreter the environment is made from (see findSandboxPython); a suitable `python3` when absent. */
  python?: string;
  /** Let pip build a source distribution (runs the package's build code here, outside the sandbox). */
  allowSourceBuild?: boolean;
  /** For the whole install: the environment, then pip. */
  timeoutMs?: number;
};

export type SandboxPython = { command: string; executable: string; version: string };

const PROBE = `
import json, sys, sysconfig
try:
    import ensurepip, venv
    missing = None
except ImportError as error:
    missing = str(error)
print(json.dumps({"executable": getattr(sys, "_base_executable", sys.executable), "stdlib": sysconfig.get_paths()["stdlib"],
                  "version": list(sys.version_info[:3]), "missing": missing}))
`;

/** The first folder on the way to `file` that a uid owning nothing cannot pass (or the file it cannot use). */
function blockedForOthers(file: string, need: number): string | undefined {
  const resolved = realpathSync(file);
  for (const target of new Set([file, resolved])) {
    const parts = target.split('/').filter(Boolean);
    for (let depth = 0; depth < parts.length; depth += 1) {
      const dir = `/${parts.slice(0, depth).join('/')}`;
      if ((statSync(dir).mode & 0o001) === 0) return dir;
    }
  }
  return (statSync(resolved).mode & need) === need ? undefined : resolved;
}

/** Why `command` cannot make environments the sandbox can run, or the interpreter it is. */
function probePython(command: string): SandboxPython | string {
  const probe = spawnSync(command, ['-I', '-c', PROBE], { encoding: 'utf8', timeout: 30_000 });
  if (probe.error || probe.status !== 0) return `${command}: ${probe.error ? probe.error.message : excerpt(probe.stderr || `exit ${probe.status}`, 200)}`;
  const facts = JSON.parse(probe.stdout) as { executable: string; stdlib: string; version: number[]; missing: string | null };
  const version = facts.version.join('.');
  if ((facts.version[0] ?? 0) < 3 || (facts.version[0] === 3 && (facts.version[1] ?? 0) < 9)) return `${command}: Python ${version} is older than 3.9`;
  if (facts.missing) return `${command}: cannot make virtual environments (${facts.missing}; on Debian: apt-get install python3-venv)`;
  // The environment's interpreter is a link to this one and imports its standard library: the sandbox uid must reach both.
  const blocked = blockedForOthers(facts.executable, 0o001) ?? blockedForOthers(facts.stdlib, 0o005);
  if (blocked) return `${command}: ${facts.executable} is out of the sandbox's reach (${blocked} is closed to other users)`;
  return { command, executable: facts.executable, version };
}

const chosen = new Map<string, SandboxPython>();

/**
 * An interpreter the sandbox uid can run: `wanted` when given, else `python3` on the crawler's PATH,
 * else one in the sandbox's system folders. A Python under a private home (pyenv in /root, say) makes
 * environments whose interpreter the sandbox cannot open, so it is passed over, with the reason.
 */
export function findSandboxPython(wanted?: string): SandboxPython {
  const key = wanted ?? '';
  const known = chosen.get(key);
  if (known) return known;
  const candidates = wanted ? [wanted] : ['python3', ...SANDBOX_SYSTEM_PATH.map((dir) => path.join(dir, 'python3'))];
  const reasons: string[] = [];
  for (const candidate of new Set(candidates)) {
    const result = probePython(candidate);
    if (typeof result !== 'string') {
      chosen.set(key, result);
      return result;
    }
    reasons.push(result);
  }
  throw new InstallError(`no Python the sandbox can run: ${reasons.join('; ')}`);
}

// Run with -I -S: nothing of the package runs outside the sandbox, not even a .pth file.
const INSPECT = `
import json, os, re, sys
from importlib import metadata
venv, wanted = sys.argv[1], sys.argv[2]
norm = lambda name: re.sub(r"[-_.]+", "-", name or "").lower()
site = sorted(p for p in (os.path.join(venv, "lib", entry, "site-packages") for entry in os.listdir(os.path.join(venv, "lib"))) if os.path.isdir(p))
found = next((d for d in metadata.distributions(path=site) if norm(d.metadata["Name"]) == norm(wanted)), None)
out = {"distribution": None}
if found is not None:
    m = found.metadata
    out["distribution"] = {"name": m["Name"], "version": found.version, "summary": m["Summary"], "license": m["License"],
                           "licenseExpression": m["License-Expression"], "homePage": m["Home-page"],
                           "projectUrls": m.get_all("Project-URL") or [],
                           "consoleScripts": [[e.name, e.value] for e in found.entry_points if e.group == "console_scripts"]}
print(json.dumps(out))
`;

const CONSOLE_SCRIPT_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/;

type Inspected = Omit<InstalledPypiPackage, 'dir' | 'python'> | undefined;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' && value.trim() !== 'UNKNOWN' ? value : undefined;
}

function inspectEnvironment(venv: string, name: string): Inspected {
  const run = spawnSync(path.join(venv, 'bin', 'python'), ['-I', '-S', '-c', INSPECT, venv, name], { encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
  if (run.error || run.status !== 0) throw new InstallError(`could not read what pip installed: ${excerpt(run.error?.message ?? run.stderr, 300)}`);
  const dist = (JSON.parse(run.stdout) as { distribution: Record<string, unknown> | null }).distribution;
  if (!dist) return undefined;
  const consoleScripts: Record<string, string> = {};
  for (const entry of Array.isArray(dist['consoleScripts']) ? (dist['consoleScripts'] as unknown[]) : []) {
    const [script, value] = Array.isArray(entry) ? entry : [];
    if (typeof script === 'string' && typeof value === 'string' && CONSOLE_SCRIPT_NAME.test(script) && script.length <= 200) consoleScripts[script] = value;
  }
  const metadata: InstalledPypiPackage['metadata'] = {
    projectUrls: (Array.isArray(dist['projectUrls']) ? (dist['projectUrls'] as unknown[]) : []).filter((url): url is string => typeof url === 'string'),
  };
  for (const field of ['summary', 'license', 'licenseExpression', 'homePage'] as const) {
    const value = text(dist[field]);
    if (value !== undefined) metadata[field] = value;
  }
  return { name: text(dist['name']) ?? name, version: text(dist['version']) ?? '', consoleScripts, metadata };
}

function installFolderName(key: string, readable: string): string {
  return `pypi-${readable.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80)}-${sha256Hex(key).slice(0, 8)}`;
}

/** Installs `name==version` (or the newest) unless the cache has it; returns what was installed. */
export async function installPypiPackage(name: string, version: string | undefined, options: PypiInstallOptions): Promise<InstalledPypiPackage> {
  // Names and versions come from target lists and registries: only the PEP 508 / PEP 440 grammar reaches pip.
  if (!PypiName.safeParse(name).success) throw new InstallError(`"${excerpt(name, 100)}" is not a PyPI package name (PEP 508)`);
  if (version !== undefined && !PypiVersion.safeParse(version).success) throw new InstallError(`"${excerpt(version, 100)}" is not a PEP 440 version`);
  const requirement = version ? `${name}==${version}` : name;
  const python = findSandboxPython(options.python);
  const sourceBuild = options.allowSourceBuild === true;
  const key = `${normalizePypiName(name)}==${version ?? ''} ${python.executable} ${python.version}${sourceBuild ? ' sdist' : ''}`;
  const final = path.join(options.cacheDir, installFolderName(key, `${normalizePypiName(name)}-${version ?? 'latest'}`));
  const done = (dir: string, inspected: NonNullable<Inspected>): InstalledPypiPackage => ({ ...inspected, dir, python: path.join(dir, 'bin', 'python') });
  // An unpinned requirement is installed afresh each run, so "the newest" stays the newest.
  if (version && existsSync(path.join(final, 'pyvenv.cfg'))) {
    const inspected = inspectEnvironment(final, name);
    if (inspected) return done(final, inspected);
  }

  const timeoutMs = options.timeoutMs ?? 300_000;
  const deadline = Date.now() + timeoutMs;
  const limit = `${timeoutMs >= 10_000 ? Math.round(timeoutMs / 1000) : timeoutMs / 1000} s`;
  const staging = `${final}.${process.pid}.tmp`;
  const step = async (label: string, command: string, args: string[]) => {
    const left = deadline - Date.now();
    if (left <= 0) throw new InstallError(`${label} not started: the install took more than ${limit}`);
    const result = await runInstaller(command, args, { cwd: staging, timeoutMs: left, label });
    if (result.timedOut) throw new InstallError(`${label} timed out: the install took more than ${limit}`);
    return result;
  };
  mkdirSync(options.cacheDir, { recursive: true });
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o755 });
  try {
    const venv = await step('python -m venv', python.command, ['-m', 'venv', staging]);
    if (venv.code !== 0) throw new InstallError(`${python.command} -m venv failed: ${excerpt(venv.output.replaceAll(staging, '<install>'), 500)}`);
    const pythonIn = path.join(staging, 'bin', 'python');
    // pip writes the bytecode, so the sandboxed server (which cannot write here) starts without compiling.
    // The rename does not spoil it: Python points a cached module's code at where its source is now.
    const args = ['-m', 'pip', 'install', '--no-input', '--disable-pip-version-check', '--no-warn-script-location'];
    if (!sourceBuild) args.push('--only-binary=:all:');
    const pip = await step(`pip install ${requirement}`, pythonIn, [...args, '--', requirement]);
    if (pip.code !== 0) {
      const lines = pip.output.split('\n').filter((line) => /^ERROR:/.test(line)).slice(0, 6);
      throw new InstallError(`pip install ${requirement} failed: ${excerpt((lines.length > 0 ? lines : [pip.output.slice(-500)]).join(' | '), 1200)}`);
    }
    const inspected = inspectEnvironment(staging, name);
    if (!inspected) throw new InstallError(`pip install ${requirement} left no distribution named ${name}`);
    rmSync(final, { recursive: true, force: true });
    renameSync(staging, final);
    return done(final, inspected);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** What to start: the target's module, its console script, the only one, or the one named like the package. */
export type PypiEntry = { kind: 'script'; name: string } | { kind: 'module'; module: string };

export function choosePypiEntry(installed: InstalledPypiPackage, target: { package: string; bin?: string | undefined; module?: string | undefined }): PypiEntry | undefined {
  if (target.module) return { kind: 'module', module: target.module };
  const names = Object.keys(installed.consoleScripts);
  if (target.bin) return names.includes(target.bin) ? { kind: 'script', name: target.bin } : undefined;
  if (names.length === 1) return { kind: 'script', name: names[0]! };
  const named = names.find((name) => normalizePypiName(name) === normalizePypiName(target.package));
  return named ? { kind: 'script', name: named } : undefined;
}
