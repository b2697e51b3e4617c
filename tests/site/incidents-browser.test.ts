// The attack database in Chromium at 390 px, built as `npm run build` builds it from three real
// servers: the index and an incident page must not scroll sideways, a tool page's "Known attacks" link
// must land on the incident page, and that page must list catalog tools and open sources safely.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolSlug } from '../../src/lib/ids';
import { hasChromium } from '../helpers/browser';
import { buildSite, copyServers } from '../helpers/site';
import { servedSite } from '../helpers/served-site';

const GITHUB = 'github-github-mcp-server-c4b8cae9';
const KEEP = new Set([GITHUB, 'kubernetes-mcp-server-2620d21d', 'neondatabase-labs-mcp-server-neon-dc4e3880']);
const work = mkdtempSync(path.join(tmpdir(), 'incidents-browser-'));

const served = servedSite(
  () => {
    expect(copyServers(path.resolve('data'), path.join(work, 'data'), (server) => KEEP.has(server.id))).toBe(KEEP.size);
    buildSite(path.join(work, 'data'), path.join(work, 'dist'));
    return path.join(work, 'dist');
  },
  { cleanup: work },
);

describe.skipIf(!hasChromium())('the attack database at 390 px', () => {
  it.each(['/incidents/', '/incidents/lethal-trifecta/', '/incidents/mcp-server-git-path-and-argument-injection/'])('%s does not scroll sideways', async (page) => {
    const tab = await served.browser.newPage({ viewport: { width: 390, height: 844 } });
    const response = await tab.goto(`${served.url}${page}`);
    expect(response?.status()).toBe(200);
    const widths = await tab.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await tab.close();
  });

  it("a tool page's known-attacks link lands on the incident page, which lists built catalog tools and opens sources without a referrer", async () => {
    const tab = await served.browser.newPage({ viewport: { width: 390, height: 844 } });
    await tab.goto(`${served.url}/servers/${GITHUB}/tools/${toolSlug('list_issues')}/`);
    await tab.click('p.known-attacks a[href="/incidents/lethal-trifecta/"]');
    await tab.waitForURL(/\/incidents\/lethal-trifecta\/$/);
    expect(await tab.locator('h1').textContent()).toBe('The lethal trifecta (exfiltration triangle)');
    const examples = await tab.locator('ul.examples a[href*="/tools/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(examples.length).toBeGreaterThan(0);
    for (const href of examples) {
      expect([...KEEP].some((id) => href!.startsWith(`/servers/${id}/tools/`)), href!).toBe(true);
      expect((await fetch(`${served.url}${href}`)).status, href!).toBe(200);
    }
    const sources = await tab.locator('ol.sources a').evaluateAll((links) => links.map((link) => link.getAttribute('rel')));
    expect(sources.length).toBeGreaterThan(0);
    for (const rel of sources) expect(rel).toBe('noopener noreferrer');
    await tab.close();
  });

  it('every external link of an incident page, in its Markdown body too, opens without a referrer', async () => {
    const tab = await served.browser.newPage({ viewport: { width: 390, height: 844 } });
    await tab.goto(`${served.url}/incidents/tool-poisoning/`);
    const links = await tab.locator('main a[href^="http"]').evaluateAll((anchors) => anchors.map((anchor) => [anchor.getAttribute('href'), anchor.getAttribute('rel')]));
    expect(links.length).toBeGreaterThan(2);
    for (const [href, rel] of links) expect(rel, href!).toBe('noopener noreferrer');
    await tab.close();
  });
});
