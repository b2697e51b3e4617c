// Runs a command and measures its wall time and the peak resident memory of its whole process tree
// (the Pagefind wrapper and its indexer, Astro and any workers), by polling /proc for the sum over
// the command's process group. Needs nothing installed (GNU time reports only the largest single
// process); Linux only. A peak shorter than the polling interval can be missed.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export type Measured = { seconds: number; peakMiB: number; stdout: string };

/** Resident KiB summed over the processes of group `pgid`. */
function groupRssKiB(pgid: number): number {
  return groupsRssKiB(new Set([pgid]));
}

/** Resident KiB summed over the processes of any of the groups `pgids`, in one pass over /proc. */
export function groupsRssKiB(pgids: ReadonlySet<number>): number {
  let kib = 0;
  if (pgids.size === 0) return 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the parenthesised command name, which may itself hold spaces: state ppid pgrp ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (!pgids.has(Number(fields[2]))) continue;
      const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${name}/status`, 'utf8'));
      if (match) kib += Number(match[1]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return kib;
}

export type MeasureOptions = {
  cwd: string;
  env: NodeJS.ProcessEnv;
  intervalMs?: number;
  /** Told the child's pid (its process group) once it runs and again when it has ended, e.g. to sum steps that run side by side. */
  onGroup?: (pid: number, running: boolean) => void;
};

export function measureProcessTree(command: string, args: string[], options: MeasureOptions): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // detached: the child leads a new process group, so its descendants are found by group id.
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let peakKiB = 0;
    const poll = () => {
      if (child.pid !== undefined) peakKiB = Math.max(peakKiB, groupRssKiB(child.pid));
    };
    if (child.pid !== undefined) options.onGroup?.(child.pid, true);
    const timer = setInterval(poll, options.intervalMs ?? 50);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      if (child.pid !== undefined) options.onGroup?.(child.pid, false);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        const tail = Buffer.concat([...stdout, ...stderr]).toString('utf8').split('\n').slice(-30).join('\n');
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${tail}`));
        return;
      }
      resolve({ seconds, peakMiB: peakKiB / 1024, stdout: Buffer.concat(stdout).toString('utf8') });
    });
  });
}
