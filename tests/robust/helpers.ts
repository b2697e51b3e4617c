// Shared by the robustness tests: the project's root, its tsx, and temporary folders removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export const root = path.resolve(import.meta.dirname, '../..');
export const tsx = path.join(root, 'node_modules/.bin/tsx');

const made: string[] = [];
afterAll(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh folder under the system's temporary folder, removed when the test file is done. */
export function temp(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
