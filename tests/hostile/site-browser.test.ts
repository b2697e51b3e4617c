// The site built from the accepted hostile corpus, opened in Chromium behind the site's own
// Content-Security-Policy (the <meta> of every page, and public/_headers as a host would send it):
// no payload runs (no dialog, no #pwned element, no window.__pwned), no request leaves the site's
// origin, no CSP violation is reported, search works, no page scrolls sideways at 390 px, and the
// 3,000-tool server's page stays within its budget.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDump } from '../../src/import/import-dump';
import { serverId } from '../../src/lib/ids';
import { CSP_HEADER, CSP_META } from '../../src/site/csp';
import { rebuildServers } from '../../src/store/rebuild';
import { hasChromium, launchBrowser } from '../helpers/browser';
import { buildSite, serveStatic } from '../helpers/site';
import { hostileDump, hostileServerMeta, LARGE_SERVER, LARGE_SERVER_TOOLS } from '../fixtures/hostile/corpus';

const work = mkdtempSync(path.join(tmpdir(), 'hostile-site-'));
const data = path.join(work, 'data');
const out = path.join(work, 'dist');
const large = serverId({ kind: 'import', name: LARGE_SERVER });
/** A server page of 3,000 tools: the HTML and DOM it may cost (docs/security.md). */
const LARGE_PAGE_BYTES = 200_000;
const LARGE_PAGE_NODES = 8_000;
/** Of the 3,000 tool pages of one server, every 100th is opened (all are checked as files). */
const LARGE_TOOL_SAMPLE = 100;

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let pages: string[] = [];

/** The `_headers` file's headers for every path (`/*`), as Netlify and Cloudflare Pages read it. */
function headersOf(file: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    if (m) headers[m[1]!] = m[2]!;
  }
  return headers;
}

function builtPages(): string[] {
  const urls: string[] = [];
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.relative(out, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    urls.push(file === '404.html' ? '/404.html' : `/${file.replace(/index\.html$/, '')}`);
  }
  return urls.sort();
}

beforeAll(async () => {
  importDump(hostileDump(), 'hostile.jsonl', { dataDir: data, at: '2026-12-01T00:00:00.000Z', meta: (name) => hostileServerMeta(name) as never });
  rebuildServers(data);
  buildSite(data, out);
  pages = builtPages();
  site = await serveStatic(out, headersOf(path.join(out, '_headers')));
  browser = await launchBrowser();
}, 1_200_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

type Visit = { dialogs: string[]; foreign: string[]; violations: string[]; pwned: boolean; overflow: number; status: number };

/** Opens a page at 390 px and reports everything a payload could have done there. */
async function visit(context: BrowserContext, url: string): Promise<Visit> {
  const tab = await context.newPage();
  const result: Visit = { dialogs: [], foreign: [], violations: [], pwned: false, overflow: 0, status: 0 };
  tab.on('dialog', (dialog) => {
    result.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  tab.on('request', (request) => {
    const target = request.url();
    if (!target.startsWith(site.url) && !target.startsWith('blob:') && !target.startsWith('about:')) result.foreign.push(target);
  });
  tab.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) result.violations.push(message.text());
  });
  const response = await tab.goto(`${site.url}${url}`, { waitUntil: 'load' });
  result.status = response?.status() ?? 0;
  const state = await tab.evaluate(() => ({
    violations: (window as unknown as { __csp: string[] }).__csp,
    pwned: (window as unknown as { __pwned?: unknown }).__pwned !== undefined || document.getElementById('pwned') !== null,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  result.violations.push(...state.violations);
  result.pwned = state.pwned;
  result.overflow = state.overflow;
  await tab.close();
  return result;
}

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  // Runs before any page script: the page's own CSP does not apply to it.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return context;
}

describe.skipIf(!hasChromium())('the hostile corpus as a built site', () => {
  it('builds every accepted tool a page, the 3,000-tool server included', () => {
    const largeTools = pages.filter((url) => url.startsWith(`/servers/${large}/tools/`));
    expect(largeTools).toHaveLength(LARGE_SERVER_TOOLS);
    expect(pages.filter((url) => url.startsWith('/servers/') && url.includes('/tools/')).length).toBeGreaterThan(LARGE_SERVER_TOOLS + 60);
  });

  it('ships the policy as a header file and in every page head, the same directives both ways', () => {
    expect(headersOf(path.join(out, '_headers'))['Content-Security-Policy']).toBe(CSP_HEADER);
    for (const url of pages.filter((_, index) => index % 50 === 0)) {
      const file = url === '/404.html' ? path.join(out, '404.html') : path.join(out, url, 'index.html');
      const html = readFileSync(file, 'utf8');
      const head = html.slice(0, html.indexOf('</head>'));
      // First in the head after the charset, so it covers every script and style sheet after it.
      const meta = /^<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">/i.exec(head);
      expect(meta, url).not.toBeNull();
      expect(meta![1]!.replaceAll('&#39;', "'").replaceAll('&#x27;', "'")).toBe(CSP_META);
      expect(html, url).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html, url).not.toMatch(/<style\b/);
    }
  });

  it('runs no payload on any page: no dialog, no injected element, no outside request, no CSP violation, no sideways scroll', async () => {
    const context = await newContext();
    const largeTools = pages.filter((url) => url.startsWith(`/servers/${large}/tools/`));
    const opened = [...pages.filter((url) => !url.startsWith(`/servers/${large}/tools/`)), ...largeTools.filter((_, index) => index % LARGE_TOOL_SAMPLE === 0)];
    const problems: string[] = [];
    for (const url of opened) {
      const seen = await visit(context, url);
      if (seen.status !== 200) problems.push(`${url}: HTTP ${seen.status}`);
      if (seen.dialogs.length > 0) problems.push(`${url}: dialog ${seen.dialogs.join(', ')}`);
      if (seen.pwned) problems.push(`${url}: a payload ran`);
      if (seen.foreign.length > 0) problems.push(`${url}: requests ${seen.foreign.join(', ')}`);
      if (seen.violations.length > 0) problems.push(`${url}: CSP ${seen.violations.join(' | ')}`);
      if (seen.overflow > 0) problems.push(`${url}: scrolls ${seen.overflow} px sideways at 390 px`);
    }
    await context.close();
    console.log(`hostile site: ${opened.length} of ${pages.length} pages opened in Chromium, ${problems.length} problems`);
    expect(problems).toEqual([]);
    expect(opened.length).toBeGreaterThan(100);
  }, 900_000);

  it('searches under the policy: Pagefind loads its WebAssembly, results show hostile text as text', async () => {
    const context = await newContext();
    const tab = await context.newPage();
    const violations: string[] = [];
    tab.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await tab.goto(`${site.url}/search/?q=description`);
    await tab.locator('.search[data-state="done"]').waitFor({ timeout: 90_000 });
    expect(await tab.locator('.search-result').count()).toBeGreaterThan(0);
    await tab.locator('input[name="q"]').fill('onerror pwned');
    await tab.locator('input[name="q"]').press('Enter');
    await tab.locator('.search[data-state="done"], .search[data-state="idle"]').waitFor({ timeout: 90_000 });
    const state = await tab.evaluate(() => ({
      violations: (window as unknown as { __csp: string[] }).__csp,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned !== undefined || document.getElementById('pwned') !== null,
    }));
    expect([...violations, ...state.violations]).toEqual([]);
    expect(state.pwned).toBe(false);
    await context.close();
  }, 180_000);

  it(`keeps the 3,000-tool server page usable: at most ${LARGE_PAGE_BYTES} bytes of HTML and ${LARGE_PAGE_NODES} elements, the first 650 tools listed`, async () => {
    const bytes = statSync(path.join(out, 'servers', large, 'index.html')).size;
    expect(bytes).toBeLessThanOrEqual(LARGE_PAGE_BYTES);
    const context = await newContext();
    const tab = await context.newPage();
    await tab.goto(`${site.url}/servers/${large}/`);
    const { nodes, rows, note } = await tab.evaluate(() => ({
      nodes: document.getElementsByTagName('*').length,
      rows: document.querySelectorAll('a[href*="/tools/"]').length,
      note: document.body.textContent ?? '',
    }));
    expect(nodes).toBeLessThanOrEqual(LARGE_PAGE_NODES);
    expect(rows).toBeGreaterThanOrEqual(650);
    expect(rows).toBeLessThan(LARGE_SERVER_TOOLS);
    expect(note).toMatch(/3,000/);
    console.log(`3,000-tool server page: ${bytes} bytes of HTML, ${nodes} elements, ${rows} tool links`);
    await context.close();
  }, 120_000);
});
