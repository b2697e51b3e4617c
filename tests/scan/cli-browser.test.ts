// Both paths give the same report: for every scan fixture, the JSON report the /scan/ page downloads in
// Chromium (the config chosen with the page's file input, so it carries the file's name) is byte for
// byte what `mcp-risk-catalog scan <file> --json` prints, over the same records: the site built from
// the fixture data folder, the CLI reading the dataset build-cli makes from that folder.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from '../helpers/browser';
import { buildSite, serveStatic } from '../helpers/site';
import { FIXTURE_CONFIGS, fixtureDataDir, fixturePath, runScan, tempDir } from './cli-helpers';

let browser: Browser;
let site: { url: string; close: () => Promise<void> };

describe.skipIf(!hasChromium())('the /scan/ page and the CLI', () => {
  beforeAll(async () => {
    const out = path.join(tempDir('scan-cli-site-'), 'dist');
    buildSite(fixtureDataDir(), out);
    site = await serveStatic(out);
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it.each(FIXTURE_CONFIGS)('%s: the page\'s downloaded report equals the CLI\'s --json', async (name) => {
    const context = await browser.newContext({ acceptDownloads: true });
    const tab = await context.newPage();
    await tab.goto(`${site.url}/scan/`);
    await tab.waitForSelector('.scan[data-ready=true]');
    await tab.setInputFiles('#scan-file', fixturePath(name));
    await tab.waitForSelector('.scan[data-state=done]');
    const [download] = await Promise.all([tab.waitForEvent('download'), tab.getByRole('button', { name: 'Download the report as JSON' }).click()]);
    const fromPage = readFileSync((await download.path()) as string, 'utf8');
    await context.close();

    const cli = await runScan(['scan', name, '--json']);
    expect(cli.status).toBe(0);
    expect(JSON.parse(fromPage).file).toBe(name);
    expect(cli.stdout).toBe(fromPage);
  });
});
