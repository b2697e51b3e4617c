// The policy sections in Chromium at 390 px: the one-tool note, setup steps, per-method words and
// argument advice (opened) must not make a page scroll sideways, and the note's link must land on the
// server page's policy section. Builds the real site from two real servers.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolSlug } from '../../src/lib/ids';
import { hasChromium } from '../helpers/browser';
import { buildSite, copyServers } from '../helpers/site';
import { servedSite } from '../helpers/served-site';

const GITHUB = 'github-github-mcp-server-c4b8cae9';
const HEALTHOMICS = 'awslabs-mcp-aws-healthomics-mcp-server-1ed421ce';
const work = mkdtempSync(path.join(tmpdir(), 'policy-help-browser-'));

const served = servedSite(
  () => {
    expect(copyServers(path.resolve('data'), path.join(work, 'data'), (server) => server.id === GITHUB || server.id === HEALTHOMICS)).toBe(2);
    buildSite(path.join(work, 'data'), path.join(work, 'dist'));
    return path.join(work, 'dist');
  },
  { cleanup: work },
);

const PAGES = [
  `/servers/${GITHUB}/tools/${toolSlug('pull_request_review_write')}/`,
  `/servers/${GITHUB}/tools/${toolSlug('create_or_update_file')}/`,
  `/servers/${HEALTHOMICS}/tools/${toolSlug('CloneContainerToECR')}/`,
  `/servers/${GITHUB}/`,
];

describe.skipIf(!hasChromium())('policy sections at 390 px', () => {
  it.each(PAGES)('%s does not scroll sideways, its argument templates opened', async (page) => {
    const tab = await served.browser.newPage({ viewport: { width: 390, height: 844 } });
    await tab.goto(`${served.url}${page}`);
    await tab.evaluate(() => document.querySelectorAll('details').forEach((details) => details.setAttribute('open', '')));
    const widths = await tab.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await tab.close();
  });

  it('the one-tool note links to the server page\'s policy section', async () => {
    const tab = await served.browser.newPage({ viewport: { width: 390, height: 844 } });
    await tab.goto(`${served.url}${PAGES[0]}`);
    await tab.click('p.note a[href$="#policy"]');
    await tab.waitForURL(/#policy$/);
    expect(await tab.locator('#policy').textContent()).toBe('Recommended policy for the whole server');
    await tab.close();
  });
});
