// Whether a process id is running, for code that cleans up after a process that was killed (the
// crawler's stale sandboxes, a killed writer's temporary files).

/** True while `pid` runs (EPERM: it runs under another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
