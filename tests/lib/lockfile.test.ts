import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm ci` (CI and the README's quick start) installs only what package-lock.json holds. A lock file
// written on a machine whose registry lacked another platform's optional binary omits that entry, and
// `npm ci` then refuses the lock on the platform that needs it (docs/architecture.md).
interface LockPackage { optionalDependencies?: Record<string, string>; version?: string }
const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, LockPackage>;
};
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  devDependencies: Record<string, string>;
};

/** Where npm would resolve `name` from the package at `from`: its own node_modules, then each parent's. */
function resolve(from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!dir) return undefined;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '' : dir.slice(0, cut);
  }
}

describe('package-lock.json', () => {
  it('holds every optional dependency of every locked package, for every platform', () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        if (!resolve(path, name)) missing.push(`${path || 'root'} → ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('locks every devDependency package.json names', () => {
    const unlocked = Object.keys(pkg.devDependencies).filter((name) => !lock.packages[`node_modules/${name}`]);
    expect(unlocked).toEqual([]);
  });
});
