// Builds the real site from a merged fixture (tests/helpers/merged-fixture.ts): index-only servers, a
// merged server with conflicts, names-only tools, a failed crawl, hostile source text. Then reads the
// files and drives the pages in Debian's Chromium.
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMergedFixture } from '../helpers/merged-fixture';
import { buildSite, serveStatic } from '../helpers/site';
import { launchBrowser } from '../helpers/browser';

const work = mkdtempSync(path.join(tmpdir(), 'catalog-sources-site-'));
const data = path.join(work, 'data');
const out = path.join(work, 'dist');
let fixture: ReturnType<typeof writeMergedFixture>;
let browser: Browser;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  fixture = writeMergedFixture(data);
  buildSite(data, out);
  site = await serveStatic(out);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

const html = (...parts: string[]) => readFileSync(path.join(out, ...parts, 'index.html'), 'utf8');
/** The page with attribute values blanked: inside a quoted attribute `<` is inert, everywhere else it must arrive escaped. */
const outsideAttributes = (text: string) => text.replace(/="[^"]*"/g, '=""');

function allPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('site built from merged records', () => {
  it('gives an index-only server a small page that says its tools are not collected and how to collect them', () => {
    const page = html('servers', fixture.indexOnly.id);
    expect(page).toContain('<h2 id="not-collected">Tools not collected yet</h2>');
    expect(page).toContain('npm run crawl -- --source npm --only @example/widget-server');
    expect(page).toContain('2 sources list this server, but none of them publishes its tools');
    for (const absent of ['Risk split', 'Recommended policy', 'policy.json', 'Context cost', 'badge risk-', 'highest risk', '0 tools']) {
      expect(page, absent).not.toContain(absent);
    }
    expect(existsSync(path.join(out, 'servers', fixture.indexOnly.id, 'policy.json'))).toBe(false);
    expect(Buffer.byteLength(page)).toBeLessThan(12_000);
  });

  it('escapes hostile source text: a description, a name and a crawler message arrive as text', () => {
    const page = outsideAttributes(html('servers', fixture.indexOnly.id));
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<script>window.__pwned');
    expect(page).not.toContain('<b>server</b>');
    expect(page).toContain('Lists things. &lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
    expect(outsideAttributes(html('servers', fixture.failed.id))).not.toContain('<script>alert(1)</script>');
    expect(outsideAttributes(html('servers'))).not.toContain('<b>server</b>');
  });

  it('links only to http(s) URLs and its own pages, and to each source file at its commit', () => {
    for (const file of allPages(out)) {
      for (const [, href] of readFileSync(file, 'utf8').matchAll(/\shref="([^"]*)"/g)) {
        expect(href, `${path.relative(out, file)}: ${href}`).toMatch(/^(https?:\/\/|\/(?!\/)|#)/);
      }
    }
    const page = html('servers', fixture.indexOnly.id);
    expect(page).toContain(`href="https://github.com/pathintegral-institute/mcpm.sh/blob/${'a'.repeat(40)}/mcp-registry/servers/widget%20%3Cserver%3E.json"`);
  });

  it('shows a merged server\'s sources, its conflicts and whose tools it shows', () => {
    const page = html('servers', fixture.conflicted.id);
    expect(page).toContain('Where the sources disagree');
    expect(page).toContain('Toucan lists 3 tools (saved tools/list), Metorial MCP index 2 (static analysis): the tools shown are Toucan&#39;s.');
    expect(page).toContain('Toucan says MIT, Metorial MCP index says Apache-2.0');
    expect(page).toContain('Risk split');
    const tool = html('servers', fixture.conflicted.id, 'tools', 'delete_issue');
    expect(tool).toContain('The definition comes from a saved tools/list result, published by Toucan under MIT');
  });

  it('says a names-only tool\'s parameters are not known, never that it has none', () => {
    const tool = html('servers', fixture.namesOnly.id, 'tools', 'delete_note');
    expect(tool).toContain('its parameters are not known');
    expect(tool).not.toContain('no parameters');
    expect(html('servers', fixture.namesOnly.id)).toContain('<span class="muted">not known</span>');
  });

  it('lists servers split by whether their tools are collected, and puts the listings in the sitemap', () => {
    const collected = html('servers', 'with-tools');
    expect(collected).toContain('Tracker');
    expect(collected).not.toContain('Boxed');
    const pending = html('servers', 'not-collected');
    expect(pending).toContain('Boxed');
    expect(pending).toContain('not collected');
    expect(pending).not.toContain('Tracker');
    const sitemap = readFileSync(path.join(out, 'sitemap-1.xml'), 'utf8');
    expect(sitemap).toContain('/servers/not-collected/</loc>');
    expect(sitemap).toContain(`/servers/${fixture.indexOnly.id}/</loc>`);
  });
});

describe('merged fixture in a browser', () => {
  const urls = () => [
    `/servers/${fixture.indexOnly.id}/`,
    `/servers/${fixture.conflicted.id}/`,
    `/servers/${fixture.failed.id}/`,
    `/servers/${fixture.namesOnly.id}/tools/delete_note/`,
    '/servers/not-collected/',
  ];

  it('renders the index-only, merged and names-only pages with no console error, no failed request and no script from the sources', async () => {
    for (const url of urls()) {
      const tab = await browser.newPage();
      const errors: string[] = [];
      const dialogs: string[] = [];
      tab.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      tab.on('pageerror', (error) => errors.push(error.message));
      tab.on('response', (response) => {
        if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
      });
      tab.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await tab.goto(`${site.url}${url}`, { waitUntil: 'networkidle' });
      expect(errors, url).toEqual([]);
      expect(dialogs, url).toEqual([]);
      expect(await tab.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), url).toBeUndefined();
      expect(await tab.locator('h1').count(), url).toBe(1);
      await tab.close();
    }
  });

  it('has no serious or critical accessibility violations on those pages (axe-core)', async () => {
    const axe = createRequire(import.meta.url).resolve('axe-core');
    for (const url of urls()) {
      // axe-core is injected as an inline script, which the site's Content-Security-Policy refuses (as it should).
      const tab = await browser.newPage({ bypassCSP: true });
      await tab.goto(`${site.url}${url}`, { waitUntil: 'networkidle' });
      await tab.addScriptTag({ path: axe });
      const violations = (await tab.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) =>
        result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.nodes.map((n) => n.target).join(' ')))`)) as string[];
      expect(violations, url).toEqual([]);
      await tab.close();
    }
  });

  it('narrows a search to servers without tools with the "has tools" filter', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${site.url}/search/`, { waitUntil: 'networkidle' });
    // Pagefind's own API in the page; written as a string so vitest does not rewrite the dynamic import.
    const found = (await tab.evaluate(`(async () => {
      const pagefind = await import(location.origin + '/pagefind/pagefind.js');
      const urls = async (value) => Promise.all((await pagefind.search(null, { filters: { 'has tools': value } })).results.map(async (r) => (await r.data()).url));
      return { no: (await urls('no')).sort(), yes: (await urls('yes')).sort(), filters: await pagefind.filters() };
    })()`)) as { no: string[]; yes: string[]; filters: Record<string, Record<string, number>> };
    expect(found.no).toEqual([fixture.failed, fixture.indexOnly, fixture.oci, fixture.nothing].map((server) => `/servers/${server.id}/`).sort());
    expect(found.yes).toEqual([fixture.conflicted, fixture.namesOnly].map((server) => `/servers/${server.id}/`).sort());
    expect(Object.keys(found.filters)).toContain('has tools');
    await tab.close();
  });
});
