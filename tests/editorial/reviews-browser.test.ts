// Reviewed tool pages in Chromium at 390 px, from a real build of two real servers with their seeded
// reviews (one made stale by changing its tool): no page scrolls sideways, the Reviewed block is on
// screen with both verdicts, the server page marks reviewed tools, and /reviews/ lists them.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toolSlug } from '../../src/lib/ids';
import { hasChromium } from '../helpers/browser';
import { buildSite } from '../helpers/site';
import { temp } from '../robust/helpers';
import { BGG, changeTool, dataWith } from './helpers';
import { servedSite } from '../helpers/served-site';

const HEALTHOMICS = 'awslabs-mcp-aws-healthomics-mcp-server-1ed421ce';
const BGG_TOOLS = ['bgg-collection', 'bgg-details', 'bgg-hot', 'bgg-price', 'bgg-recommender', 'bgg-search', 'bgg-trade-finder', 'bgg-user'];
const toolPage = (server: string, tool: string) => `/servers/${server}/tools/${toolSlug(tool)}/`;


const served = servedSite(
  () => {
    const data = dataWith([HEALTHOMICS, BGG], [[HEALTHOMICS, 'CloneContainerToECR'], ...BGG_TOOLS.map((tool): [string, string] => [BGG, tool])]);
    changeTool(data, BGG, 'bgg-user', '2026-12-03T08:00:00.000Z');
    const out = path.join(temp('reviews-browser-'), 'dist');
    buildSite(data, out);
    return out;
  },
  { timeout: 900_000 },
);

async function open(url: string): Promise<Page> {
  const tab = await served.browser.newPage({ viewport: { width: 390, height: 844 } });
  const response = await tab.goto(`${served.url}${url}`);
  expect(response?.status()).toBe(200);
  await tab.evaluate(() => document.querySelectorAll('details').forEach((details) => details.setAttribute('open', '')));
  const widths = await tab.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  return tab;
}

describe.skipIf(!hasChromium())('reviewed pages at 390 px', () => {
  it('CloneContainerToECR: the Reviewed block shows both verdicts and the hint the review corrects, within the width', async () => {
    const tab = await open(toolPage(HEALTHOMICS, 'CloneContainerToECR'));
    const section = tab.locator('section.review');
    await expect(section.isVisible()).resolves.toBe(true);
    const text = (await section.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Classifier Write High risk');
    expect(text).toContain('openWorldHint true (classifier: false)');
    expect(text).toContain('The policy below follows the review');
    const box = await section.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await tab.close();
  });

  it('bgg-user, changed after its review: the block says the review is stale', async () => {
    const tab = await open(toolPage(BGG, 'bgg-user'));
    expect((await tab.locator('section.review').innerText()).replace(/\s+/g, ' ')).toContain('This review is stale: the tool changed on 2026-12-03 after the review');
    await tab.close();
  });

  it('the server page marks the reviewed tools and the stale one', async () => {
    const tab = await open(`/servers/${BGG}/`);
    expect(await tab.locator('table.tools .badge.reviewed').count()).toBe(7);
    expect(await tab.locator('table.tools .badge.review-stale').count()).toBe(1);
    await tab.close();
  });

  it('/reviews/ lists every reviewed tool with a link to its page', async () => {
    const tab = await open('/reviews/');
    const links = await tab.locator('table.reviews td:first-child > a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links.sort()).toEqual([toolPage(HEALTHOMICS, 'CloneContainerToECR'), ...BGG_TOOLS.map((tool) => toolPage(BGG, tool))].sort());
    await tab.close();
  });
});
