// Writing the data files (data/servers, data/collected, data/sources, the crawl journal) so that a killed
// run never leaves half a file and an unchanged file is not touched (its mtime and git stay quiet).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isAlive } from './process-alive';

/**
 * The crash test's hook (tests/store/kill-restart.test.ts): with CATALOG_KILL_AT_WRITE=N the process
 * SIGKILLs itself at its Nth write, after the temporary file is written and before it is renamed. What
 * is in data/ changes only at a rename or a removal, so killing before each one in turn reaches every
 * state a kill at any other moment could leave, deterministically (a kill after N ms would land on
 * different writes on a loaded machine and miss some).
 */
const killAtWrite = Number(process.env['CATALOG_KILL_AT_WRITE'] ?? 0);
let writes = 0;

const TEMPORARY = /\.(\d+)\.tmp$/;
const swept = new Set<string>();

/**
 * Removes the temporary files a killed writer left in `dir` (`<file>.<pid>.tmp` of a pid no longer
 * running), once per folder and process, so that after a crash every file in data/ is a whole record.
 */
export function removeStaleTemporaries(dir: string): number {
  if (swept.has(dir) || !existsSync(dir)) return 0;
  swept.add(dir);
  let removed = 0;
  for (const name of readdirSync(dir)) {
    const pid = TEMPORARY.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || isAlive(Number(pid))) continue;
    rmSync(path.join(dir, name), { force: true });
    removed += 1;
  }
  return removed;
}

/** Writes `text` to `file` through a temporary file renamed over it, unless the file already holds it. Returns true when the file changed. */
export function writeFileIfChanged(file: string, text: string): boolean {
  removeStaleTemporaries(path.dirname(file));
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    writes += 1;
    if (writes === killAtWrite) process.kill(process.pid, 'SIGKILL');
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
  return true;
}
