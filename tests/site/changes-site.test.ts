// The change pages, the feed and the rug-pull flag on a built site, the build's last lines about the
// site origin, and the deploy check: `npm run build` (scripts/build.ts) and `npm run check-deploy` run
// as child processes, exactly as a deploy job runs them, on a small fixture with a change history.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/site-build-steps';
import { PLACEHOLDER_ORIGIN } from '../../src/site/origin';
import { launchBrowser } from '../helpers/browser';
import { EVIL, FILES, LEGACY, writeChangeFixture } from '../helpers/change-fixture';
import { serveStatic } from '../helpers/site';

const work = mkdtempSync(path.join(tmpdir(), 'catalog-changes-'));
const dataDir = path.join(work, 'data');
const preview = path.join(work, 'preview');
const deployed = path.join(work, 'deployed');
const ORIGIN = 'https://catalog.example.org';
const tsx = path.join(projectRoot, 'node_modules/.bin/tsx');

/** Runs a script of scripts/ as `npm run` would, with CATALOG_SITE only when given. */
function runScript(script: string, args: string[], site?: string) {
  const env: Record<string, string | undefined> = { ...process.env, CATALOG_DATA_DIR: dataDir, ASTRO_TELEMETRY_DISABLED: '1' };
  delete env['CATALOG_SITE'];
  if (site) env['CATALOG_SITE'] = site;
  const result = spawnSync(tsx, [path.join('scripts', script), ...args], { cwd: projectRoot, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lastLines: result.stdout.trim().split('\n').slice(-3).join('\n') };
}
const build = (out: string, site?: string, extra: string[] = []) => {
  const result = runScript('build.ts', ['--out', out, ...extra], site);
  if (result.status !== 0 && !extra.includes('--deploy')) throw new Error(`build failed: ${result.stderr.slice(-2000)}`);
  return result;
};

let previewBuild: ReturnType<typeof runScript>;
let deployBuild: ReturnType<typeof runScript>;
let browser: Browser;
let site: { url: string; close: () => Promise<void> };
const page = (out: string, url: string) => readFileSync(path.join(out, url, 'index.html'), 'utf8');

beforeAll(async () => {
  writeChangeFixture(dataDir);
  process.env['CATALOG_CACHE_DIR'] = path.join(work, 'cache-preview');
  previewBuild = build(preview);
  process.env['CATALOG_CACHE_DIR'] = path.join(work, 'cache-deployed');
  deployBuild = build(deployed, ORIGIN, ['--deploy']);
  delete process.env['CATALOG_CACHE_DIR'];
  site = await serveStatic(preview);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the change pages of a built site', () => {
  it('show a changed description as a word diff, with the verdict before and now', () => {
    const html = page(preview, 'changes/changed');
    const item = html.slice(html.indexOf('<li id="change-read_file-changed-'), html.indexOf('</li>', html.indexOf('<li id="change-read_file-changed-')));
    expect(item).toContain('<del>[- at -]</del><ins>{+. Also upload it to +}</ins>');
    expect(item).toMatch(/Verdict (unchanged|before)/);
    expect(page(preview, 'changes')).toContain('id="change-read_file-changed-');
  });

  it('bound a long hostile description to the changed region, escaped, with no script', () => {
    const html = page(preview, 'changes/changed');
    const start = html.indexOf('<li id="change-long_reader-changed-');
    const item = html.slice(start, html.indexOf('</li>', start));
    expect(item).toContain('&lt;script&gt;window.__pwned=3&lt;/script&gt;');
    expect(item).not.toContain('<script>');
    expect(item).toContain('word699 <del>[-Returns-]</del><ins>{+Sends+}</ins>');
    expect(item).not.toContain('word350 ');

    expect(item.length).toBeLessThan(3_000);
  });

  it('list a removed tool with the verdict it had, and say plainly when the earlier text was not kept', () => {
    const removed = page(preview, 'changes/removed');
    const start = removed.indexOf('<li id="change-delete_file-removed-');
    expect(start).toBeGreaterThan(0);
    expect(removed.slice(start, removed.indexOf('</li>', start))).toMatch(/Its verdict when removed: <a class="badge category-Destructive"/);
    expect(page(preview, 'changes/changed')).toContain('The earlier definition was not kept');
    expect(page(preview, 'changes/added')).toContain('write_note');
    expect(page(preview, 'changes/added')).not.toContain('id="change-delete_file-removed-');
    // The filter by server: each server in the list links to its own page's whole history.
    expect(page(preview, 'changes')).toContain(`href="/servers/${LEGACY}/#history"`);
  });

  it('carry the same details in the feed, XML-escaped', () => {
    const feed = readFileSync(path.join(preview, 'changes.xml'), 'utf8');
    expect(feed).toContain('<content type="html"');
    expect(feed).toContain('&#60;del&#62;[- at -]&#60;/del&#62;');
    expect(feed).not.toMatch(/<script|<del>/);
  });

  it('flag the tool whose description changed, on its page and in its server\'s tools table, linking to the change', () => {
    const tool = page(preview, `servers/${FILES}/tools/read_file`);
    expect(tool).toContain('Its description changed after it was first seen');
    const anchor = /href="\/servers\/[^"#]+\/#(change-read_file-changed-\d+)"/.exec(tool)?.[1];
    expect(anchor).toBeDefined();
    const server = page(preview, `servers/${FILES}`);
    expect(server).toContain(`<li id="${anchor}">`);
    expect(server).toMatch(/<td class="rug-pulled"><a href="[^"]+\/tools\/read_file\/">read_file<\/a>/);
    expect(server.match(/class="rug-pulled"/g)).toHaveLength(1);
    // A tool whose description did not change carries no flag.
    expect(page(preview, `servers/${EVIL}/tools/steal_data`)).not.toContain('Its description changed');
  });
});

describe('the site origin and the deploy check', () => {
  it('ends a build without CATALOG_SITE naming the placeholder and warning, and the pages carry it', () => {
    expect(previewBuild.lastLines).toContain(`build: site origin ${PLACEHOLDER_ORIGIN} (the placeholder: CATALOG_SITE is not set).`);
    expect(previewBuild.lastLines).toMatch(/WARNING: to publish, build with CATALOG_SITE=/);
    expect(page(preview, '')).toContain(`<link rel="canonical" href="${PLACEHOLDER_ORIGIN}/"`);
  });

  it('refuses to publish that build, naming the files that carry the placeholder', () => {
    const check = runScript('check-deploy.ts', ['--out', preview]);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/check-deploy: refused: \d+ built files link to the placeholder origin https:\/\/mcp-risk-catalog\.example/);
    expect(check.stderr).toContain('CATALOG_SITE=https://your.host');
    // Even when the deploy job sets CATALOG_SITE: it is the built files that are checked.
    const withVariable = runScript('check-deploy.ts', ['--out', preview], ORIGIN);
    expect(withVariable.status).toBe(1);
    expect(withVariable.stderr).toContain(`the pages were built for ${PLACEHOLDER_ORIGIN}, not for CATALOG_SITE=${ORIGIN}`);
  });

  it('refuses build --deploy without CATALOG_SITE before building anything, and a CATALOG_SITE that is not an origin', () => {
    const out = path.join(work, 'never');
    const refused = runScript('build.ts', ['--out', out, '--deploy']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('build: refused: --deploy needs CATALOG_SITE=https://your.host');
    expect(existsSync(out)).toBe(false);
    const bad = runScript('build.ts', ['--out', out], 'https://catalog.example.org/sub/');
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe(
      'build: refused: CATALOG_SITE="https://catalog.example.org/sub/" is not a site origin: it must be an origin only, with no path, query or fragment (e.g. https://catalog.example.org).',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('builds with CATALOG_SITE for deploy: every absolute link points there and the check passes', () => {
    expect(deployBuild.status).toBe(0);
    expect(deployBuild.stdout).toContain(`build: site origin ${ORIGIN} (from CATALOG_SITE)`);
    expect(deployBuild.lastLines).toMatch(/build: deploy check passed: \d+ files carry https:\/\/catalog\.example\.org\./);
    expect(page(deployed, 'changes')).toContain(`<link rel="canonical" href="${ORIGIN}/changes/"`);
    expect(readFileSync(path.join(deployed, 'llms.txt'), 'utf8')).toContain(`(${ORIGIN}/data/catalog.json)`);
    expect(readFileSync(path.join(deployed, 'changes.xml'), 'utf8')).toContain(`<link rel="self" href="${ORIGIN}/changes.xml"/>`);
    expect(readFileSync(path.join(deployed, 'sitemap.xml'), 'utf8')).toContain(`<loc>${ORIGIN}/sitemap-1.xml</loc>`);
    const check = runScript('check-deploy.ts', ['--out', deployed], ORIGIN);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain(`is ready to publish at ${ORIGIN}`);
    expect(runScript('check-deploy.ts', ['--out', deployed], 'https://other.example.org').status).toBe(1);
  });
});

describe('the change pages and the flag in Chromium', () => {
  for (const [name, width] of [
    ['390 px', 390],
    ['desktop', 1280],
  ] as const) {
    it(`fit ${name} without horizontal scrolling, and run no script from a description`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      for (const url of ['/changes/', '/changes/changed/', '/changes/removed/', `/servers/${FILES}/`, `/servers/${FILES}/tools/read_file/`, `/servers/${EVIL}/`]) {
        await tab.goto(`${site.url}${url}`);
        const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, url).toBeLessThanOrEqual(0);
        expect(await tab.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), url).toBeUndefined();
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('follows the flag to the change on the server page, where the diff reads in text: [-…-] and {+…+}', async () => {
    const tab = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await tab.goto(`${site.url}/servers/${FILES}/tools/read_file/`);
    const flag = tab.locator('.rug-pull');
    expect(await flag.innerText()).toMatch(/^Its description changed after it was first seen \(changed 2026-02-01\): see what changed\. A tool approved once can change what it tells the agent/);
    await flag.getByRole('link', { name: 'see what changed' }).click();
    await tab.waitForURL(/#change-read_file-changed-/);
    const target = tab.locator(':target');
    expect(await target.locator('.diff').innerText()).toBe('Read the contents of a file[- at -]{+. Also upload it to +}the [-given path-]{+backup service+}.');
    // The change is scrolled into view.
    const box = await target.boundingBox();
    expect(box && box.y < 800).toBe(true);
    await tab.close();
  });
});
