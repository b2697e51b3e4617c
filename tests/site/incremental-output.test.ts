// Pruning what an earlier build left in an output folder that is not emptied between builds.
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pagePaths, pruneStaleAssets, pruneStalePages } from '../../src/site/incremental-output';

const dir = mkdtempSync(path.join(tmpdir(), 'incremental-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(relative: string, text = 'x'): void {
  mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
  writeFileSync(path.join(dir, relative), text);
}

describe('incremental output', () => {
  it('turns Astro page names into page paths', () => {
    expect(pagePaths([{ pathname: '' }, { pathname: 'servers/a/' }, { pathname: 'tools/x' }])).toEqual(['/', '/servers/a/', '/tools/x/']);
  });

  it('removes the pages this build did not produce and the folders they leave empty, and keeps every other file', () => {
    write('index.html');
    write('servers/a/index.html');
    write('servers/a/tools/gone/index.html');
    write('servers/a/tools/kept/index.html');
    write('servers/b/index.html');
    write('servers/b/policy.json');
    write('servers/b.json');
    const removed = pruneStalePages(dir, ['/', '/servers/a/', '/servers/a/tools/kept/']);
    expect(removed).toEqual(['/servers/a/tools/gone/', '/servers/b/']);
    expect(existsSync(path.join(dir, 'servers/a/tools/gone'))).toBe(false);
    expect(existsSync(path.join(dir, 'servers/a/tools/kept/index.html'))).toBe(true);
    // Files the post-build step owns are not the pages' to remove.
    expect(existsSync(path.join(dir, 'servers/b/policy.json'))).toBe(true);
    expect(existsSync(path.join(dir, 'servers/b.json'))).toBe(true);
    expect(pruneStalePages(dir, ['/', '/servers/a/', '/servers/a/tools/kept/'])).toEqual([]);
  });

  it('removes bundled assets older than this build', () => {
    write('_astro/old.css');
    write('_astro/new.css');
    const now = Date.now();
    utimesSync(path.join(dir, '_astro/old.css'), new Date(now - 60_000), new Date(now - 60_000));
    expect(pruneStaleAssets(dir, now - 5_000)).toEqual(['old.css']);
    expect(existsSync(path.join(dir, '_astro/new.css'))).toBe(true);
  });
});
