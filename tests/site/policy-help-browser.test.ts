// The policy sections in Chromium at 390 px: the one-tool note, setup steps, per-method words and
// argument advice (opened) must not make a page scroll sideways, and the note's link must land on the
// server page's policy section. Builds the real site from two real servers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolSlug } from '../../src/lib/ids';
import { hasChromium, launchBrowser } from '../helpers/browser';
import { buildSite, copyServers, serveStatic } from '../helpers/site';

const GITHUB = 'github-github-mcp-server-c4b8cae9';
const HEALTHOMICS = 'awslabs-mcp-aws-healthomics-mcp-server-1ed421ce';
const work = mkdtempSync(path.join(tmpdir(), 'policy-help-browser-'));
let browser: Browser;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  expect(copyServers(path.resolve('data'), path.join(work, 'data'), (server) => server.id === GITHUB || server.id === HEALTHOMICS)).toBe(2);
  buildSite(path.join(work, 'data'), path.join(work, 'dist'));
  site = await serveStatic(path.join(work, 'dist'));
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

const PAGES = [
  `/servers/${GITHUB}/tools/${toolSlug('pull_request_review_write')}/`,
  `/servers/${GITHUB}/tools/${toolSlug('create_or_update_file')}/`,
  `/servers/${HEALTHOMICS}/tools/${toolSlug('CloneContainerToECR')}/`,
  `/servers/${GITHUB}/`,
];

describe.skipIf(!hasChromium())('policy sections at 390 px', () => {
  it.each(PAGES)('%s does not scroll sideways, its argument templates opened', async (page) => {
    const tab = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await tab.goto(`${site.url}${page}`);
    await tab.evaluate(() => document.querySelectorAll('details').forEach((details) => details.setAttribute('open', '')));
    const widths = await tab.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await tab.close();
  });

  it('the one-tool note links to the server page\'s policy section', async () => {
    const tab = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await tab.goto(`${site.url}${PAGES[0]}`);
    await tab.click('p.note a[href$="#policy"]');
    await tab.waitForURL(/#policy$/);
    expect(await tab.locator('#policy').textContent()).toBe('Recommended policy for the whole server');
    await tab.close();
  });
});
