// Builds the real site twice, as `npm run build` does: from a small hostile fixture dataset, and from
// the embedded dataset in data/. Then checks the pages and drives the search in Debian's Chromium.
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDump } from '../src/import/import-dump';
import { iterateServers, listServerIds } from '../src/store/dataset';
import { toolSlug } from '../src/lib/ids';
import { buildSite, serveStatic } from './helpers/site';
import { launchBrowser } from './helpers/browser';

const work = mkdtempSync(path.join(tmpdir(), 'catalog-site-'));
const fixtureData = path.join(work, 'data');
const fixtureOut = path.join(work, 'fixture-dist');
const fullOut = path.join(work, 'full-dist');
const dataDir = path.resolve('data');

let browser: Browser;
let fixtureSite: { url: string; close: () => Promise<void> };
let fullSite: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  const dump = readFileSync(path.join(import.meta.dirname, 'fixtures/dumps/hostile.jsonl'), 'utf8');
  const report = importDump(dump, 'hostile.jsonl', { dataDir: fixtureData, at: '2026-01-01T00:00:00Z' });
  expect(report.errors).toEqual([]);
  buildSite(fixtureData, fixtureOut);
  buildSite(dataDir, fullOut);
  fixtureSite = await serveStatic(fixtureOut);
  fullSite = await serveStatic(fullOut);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await fixtureSite?.close();
  await fullSite?.close();
  rmSync(work, { recursive: true, force: true });
});

const page = (out: string, ...parts: string[]) => readFileSync(path.join(out, ...parts, 'index.html'), 'utf8');

describe('site built from the fixture dataset', () => {
  it('has a page for every server and every tool, including a tool with a hostile name', () => {
    for (const server of iterateServers(fixtureData)) {
      expect(existsSync(path.join(fixtureOut, 'servers', server.id, 'index.html'))).toBe(true);
      for (const tool of server.tools) {
        expect(existsSync(path.join(fixtureOut, 'servers', server.id, 'tools', toolSlug(tool.definition.name), 'index.html'))).toBe(true);
      }
    }
  });

  it('escapes crawled text: no markup from a description or a server name reaches the HTML', () => {
    const evil = listServerIds(fixtureData).find((id) => id.startsWith('evil'))!;
    const html = page(fixtureOut, 'servers', evil, 'tools', 'steal_data');
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b onmouseover');
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    // Inside a quoted attribute value `<` is inert text; everywhere else it must arrive escaped.
    const outsideAttributes = page(fixtureOut, 'servers', evil).replace(/="[^"]*"/g, '=""');
    expect(outsideAttributes).not.toContain("<script>alert('server')</script>");
    expect(outsideAttributes).toContain('<h1>evil &lt;script&gt;alert(&#39;server&#39;)&lt;/script&gt; server</h1>');
  });

  it('shows parameters with required first, and says "no parameters" rather than "0 required"', () => {
    const files = listServerIds(fixtureData).find((id) => id.startsWith('fixture-files'))!;
    const html = page(fixtureOut, 'servers', files, 'tools', 'read_file');
    expect(html).toMatch(/2 parameters, 1 required/);
    expect(html.indexOf('<code>path</code>')).toBeLessThan(html.indexOf('<code>encoding</code>'));
    const evil = listServerIds(fixtureData).find((id) => id.startsWith('evil'))!;
    expect(page(fixtureOut, 'servers', evil, 'tools', toolSlug('weird name/../.."<x>'))).toContain('no parameters');
  });

  it('runs no script from a hostile description in a real browser', async () => {
    const evil = listServerIds(fixtureData).find((id) => id.startsWith('evil'))!;
    const tab = await browser.newPage();
    const dialogs: string[] = [];
    tab.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await tab.goto(`${fixtureSite.url}/servers/${evil}/tools/steal_data/`);
    await tab.hover('table');
    expect(await tab.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await expect(tab.locator('h1').textContent()).resolves.toBe('steal_data');
    await tab.close();
  });
});

describe('site built from the embedded dataset', () => {
  it('has a page for every imported tool', () => {
    let tools = 0;
    for (const server of iterateServers(dataDir)) {
      for (const tool of server.tools) {
        tools += 1;
        expect(existsSync(path.join(fullOut, 'servers', server.id, 'tools', toolSlug(tool.definition.name), 'index.html')), `${server.id} ${tool.definition.name}`).toBe(true);
      }
    }
    expect(tools).toBeGreaterThan(1900);
  });

  it('finds create_pull_request on the GitHub server from the search page', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${fullSite.url}/search/?q=create_pull_request`);
    const result = tab.locator('.pagefind-ui__result-link[href*="/servers/github-github-mcp-server-"]', { hasText: 'create_pull_request' });
    await result.first().waitFor({ timeout: 30_000 });
    await result.first().click();
    await tab.waitForURL(/\/servers\/github-github-mcp-server-[0-9a-f]{8}\/tools\/create_pull_request\/$/);
    await expect(tab.locator('h1').textContent()).resolves.toBe('create_pull_request');
    await tab.close();
  });
});
