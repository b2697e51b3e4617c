// The /scan/ page in Chromium, over the real site built from the servers the fixtures need: paste real
// configs (tests/fixtures/scan, from public docs, with fake secrets), check the matches and paths,
// download and validate the combined policy, the JSON report equal to the core's in Node, errors by
// line, that no request leaves the site or carries a secret, the shared link, a hostile config key,
// the file input and drop zone, keyboard-only use, and no sideways scroll at 390 px.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseClientConfig } from '../../src/scan/config';
import { buildLookup } from '../../src/scan/match';
import { buildScanReport, neededServers, reportJson } from '../../src/scan/report';
import { ClaudeSettings, HostedPolicy, InterceptPolicy } from '../../src/schema/policy';
import { serverDocument } from '../../src/site/export';
import { iterateServers, readServer } from '../../src/store/dataset';
import { hasChromium } from '../helpers/browser';
import { buildSite, copyServers } from '../helpers/site';
import { fixture, FIXTURES, SECRET_MARK } from './helpers';
import { servedSite } from '../helpers/served-site';

const SERVERS = new Set([
  'modelcontextprotocol-server-filesystem-0d37c530',
  'fetch-mcp-server-5b873808',
  'modelcontextprotocol-server-brave-search-b262f0f2',
  'modelcontextprotocol-server-gitlab-0af14ee7',
  'modelcontextprotocol-server-memory-72f1ca08',
  'github-github-mcp-server-c4b8cae9',
  'mcp-linear-app-mcp-fd853660',
]);
const work = mkdtempSync(path.join(tmpdir(), 'scan-browser-'));
const data = path.join(work, 'data');

const served = servedSite(
  () => {
    expect(copyServers(path.resolve('data'), data, (server) => SERVERS.has(server.id))).toBe(SERVERS.size);
    buildSite(data, path.join(work, 'dist'));
    return path.join(work, 'dist');
  },
  { cleanup: work },
);

/** A page that records every request it makes, with its body. */
async function open(width = 1000): Promise<{ tab: Page; requests: { url: string; body: string }[]; errors: string[] }> {
  const context = await served.browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  // Runs before any page script (the page's CSP does not apply to it): a violation the page's own code
  // catches, such as a probe of eval, still fires this event, and the browser still reports it.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const tab = await context.newPage();
  const requests: { url: string; body: string }[] = [];
  const errors: string[] = [];
  tab.on('request', (request) => requests.push({ url: request.url(), body: request.postData() ?? '' }));
  tab.on('pageerror', (error) => errors.push(String(error)));
  tab.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { tab, requests, errors };
}

const cspViolations = (tab: Page) => tab.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

async function scanText(tab: Page, text: string): Promise<void> {
  await tab.goto(`${served.url}/scan/`);
  await tab.waitForSelector('.scan[data-ready=true]');
  await tab.fill('#scan-config', text);
  await tab.click('button[type=submit]');
  await tab.waitForSelector('.scan[data-state=done], .scan[data-state=error]');
}

async function downloaded(download: Download): Promise<string> {
  return readFileSync((await download.path()) as string, 'utf8');
}

/** The report the core gives in Node for the same config over the same data: what the page must download. */
function nodeReport(name: string): string {
  const config = parseClientConfig(fixture(name));
  const lookup = buildLookup(iterateServers(data));
  const documents = new Map(neededServers(config, lookup).map((id) => [id, serverDocument(readServer(data, id)!)]));
  return reportJson(buildScanReport(config, lookup, documents));
}

describe.skipIf(!hasChromium())('the /scan/ page', () => {
  it('reports the five-server config: matches, cross-server paths, only the site\'s own files fetched, no secret in any request or in the link', async () => {
    const { tab, requests, errors } = await open();
    await scanText(tab, fixture('claude-desktop-five.json'));
    expect(await tab.getAttribute('.scan', 'data-state')).toBe('done');
    expect(await tab.textContent('.scan-status')).toBe('5 servers, 5 matched, 3 cross-server paths.');
    const headings = await tab.locator('.scan-entry h3').allTextContents();
    expect(headings).toEqual(['filesystem in the catalog', 'fetch in the catalog', 'brave-search in the catalog', 'gitlab in the catalog', 'memory in the catalog']);
    expect(await tab.locator('.scan-entry a[href="/servers/modelcontextprotocol-server-gitlab-0af14ee7/"]').count()).toBe(1);
    const paths = await tab.locator('ol.scan-paths > li > strong').allTextContents();
    expect(paths).toEqual(['filesystem + gitlab', 'fetch + gitlab', 'brave-search + gitlab']);
    expect(await tab.locator('ol.scan-paths > li').nth(1).textContent()).toContain('Untrusted content: fetch (fetch)');

    const origin = new URL(served.url).origin;
    for (const request of requests) expect(new URL(request.url).origin).toBe(origin);
    const fetched = requests.map((request) => new URL(request.url).pathname).filter((pathname) => pathname.endsWith('.json'));
    expect(fetched.sort()).toEqual(['/scan/lookup.json', ...[...SERVERS].filter((id) => !['github-github-mcp-server-c4b8cae9', 'mcp-linear-app-mcp-fd853660'].includes(id)).map((id) => `/servers/${id}.json`)].sort());
    for (const request of requests) expect(`${request.url}${request.body}`).not.toContain(SECRET_MARK);
    const hash = new URL(tab.url()).hash;
    expect(hash.startsWith('#config=')).toBe(true);
    expect(Buffer.from(hash.slice('#config='.length), 'base64url').toString('utf8')).not.toContain(SECRET_MARK);
    expect(await tab.locator('.scan-report').textContent()).not.toContain(SECRET_MARK);
    expect(errors).toEqual([]);
    expect(await cspViolations(tab)).toEqual([]);
    await tab.context().close();
  });

  it('downloads the combined policy in three formats that validate, and the JSON report the core gives in Node', async () => {
    const { tab } = await open();
    await scanText(tab, fixture('claude-desktop-five.json'));
    const save = async (label: string) => {
      const [download] = await Promise.all([tab.waitForEvent('download'), tab.getByRole('button', { name: label }).click()]);
      return { name: download.suggestedFilename(), text: await downloaded(download) };
    };
    const hosted = await save('Download setup-policy.json');
    expect(hosted.name).toBe('setup-policy.json');
    const policies = JSON.parse(hosted.text) as Record<string, unknown>;
    expect(Object.keys(policies)).toEqual(['filesystem', 'fetch', 'brave-search', 'gitlab', 'memory']);
    for (const policy of Object.values(policies)) expect(HostedPolicy.safeParse(policy).success).toBe(true);
    const yaml = await save('Download setup-policy.yaml');
    const documents = yaml.text.split(/^---$/m);
    expect(documents).toHaveLength(5);
    for (const document of documents) expect(InterceptPolicy.safeParse(parseYaml(document)).success).toBe(true);
    const claude = await save('Download claude-settings.json');
    expect(ClaudeSettings.parse(JSON.parse(claude.text)).permissions.ask).toContain('mcp__gitlab__create_issue');
    const gitlab = await save('gitlab-policy.yaml');
    expect(InterceptPolicy.safeParse(parseYaml(gitlab.text)).success).toBe(true);
    expect(yaml.text).toContain(gitlab.text);
    const report = await save('Download the report as JSON');
    expect(report.name).toBe('scan-report.json');
    expect(report.text).toBe(nodeReport('claude-desktop-five.json'));
    await tab.context().close();
  });

  it('copies a policy to the clipboard', async () => {
    const { tab } = await open();
    await tab.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.url });
    await scanText(tab, fixture('claude-desktop-five.json'));
    await tab.locator('button.copy[data-copy="scan-code-claudeSettings"]').click();
    await tab.waitForFunction(() => document.querySelector('.scan-status')?.textContent === 'Copied to the clipboard.');
    const copied = await tab.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await tab.locator('#scan-code-claudeSettings').textContent());
    await tab.context().close();
  });

  it('names the line and column of a JSON error', async () => {
    const { tab } = await open();
    await scanText(tab, '{\n  "mcpServers": {\n    "fetch": {"command": "uvx" "args": ["mcp-server-fetch"]}\n');
    expect(await tab.locator('.scan-problems').textContent()).toContain('Line 3, column 32: a comma "," is expected between entries');
    expect(new URL(tab.url()).hash).toMatch(/^#config=/);
    await tab.fill('#scan-config', '{\n  "theme": "dark"\n}');
    await tab.click('button[type=submit]');
    await tab.waitForSelector('.scan[data-state=error]');
    // The link of the scan before no longer stands for what the page shows.
    expect(new URL(tab.url()).hash).toBe('');
    expect(await tab.textContent('.scan-status')).toMatch(/^The config cannot be read: line 1, column 1: no MCP servers found/);
    await tab.context().close();
  });

  it('re-renders the same report from the shared link alone, in a new page', async () => {
    const first = await open();
    await scanText(first.tab, fixture('vscode-mcp.json'));
    const report = await first.tab.locator('.scan-report').innerHTML();
    const link = first.tab.url();
    await first.tab.context().close();
    const second = await open();
    await second.tab.goto(link);
    await second.tab.waitForSelector('.scan[data-state=done]');
    expect(await second.tab.textContent('.scan-status')).toMatch(/^Loaded from the link: 4 servers, 3 matched/);
    expect(await second.tab.locator('.scan-report').innerHTML()).toBe(report);
    expect(await second.tab.inputValue('#scan-config')).toBe('');
    for (const request of second.requests) expect(`${request.url}${request.body}`).not.toContain(SECRET_MARK);
    await second.tab.context().close();
  });

  it('matches the remote GitHub server and the Docker image of the VS Code config, and says what it does not know', async () => {
    const { tab } = await open();
    await scanText(tab, fixture('vscode-mcp.json'));
    const notes = await tab.locator('.scan-entry > p').allTextContents();
    expect(notes[0]).toMatch(/^Not in the catalog/);
    expect(notes[2]).toMatch(/^Matched by its endpoint/);
    expect(notes[3]).toMatch(/^Matched by its container image/);
    expect(await tab.locator('.scan-entry').nth(0).locator('pre code').textContent()).toBe('npm run crawl -- --source npm --only server-perplexity-ask');
    await tab.context().close();
  });

  it('shows a hostile config key as text', async () => {
    const { tab, errors } = await open();
    await scanText(tab, JSON.stringify({ mcpServers: { '<img src=x onerror=alert(1)>': { command: 'uvx', args: ['mcp-server-fetch'] } } }));
    expect(await tab.locator('.scan-report img').count()).toBe(0);
    expect(await tab.locator('.scan-entry h3 code').textContent()).toBe('<img src=x onerror=alert(1)>');
    expect(errors).toEqual([]);
    await tab.context().close();
  });

  it('reads a chosen file and a dropped one', async () => {
    const { tab } = await open();
    await tab.goto(`${served.url}/scan/`);
    await tab.waitForSelector('.scan[data-ready=true]');
    expect(await cspViolations(tab)).toEqual([]);
    await tab.setInputFiles('#scan-file', path.join(FIXTURES, 'windsurf-mcp.json'));
    await tab.waitForSelector('.scan[data-state=done]');
    expect(await tab.locator('.scan-entry h3').count()).toBe(2);
    const transfer = await tab.evaluateHandle((text) => {
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File([text], 'claude_desktop_config.json', { type: 'application/json' }));
      return dataTransfer;
    }, fixture('claude-desktop-quickstart.json'));
    await tab.dispatchEvent('.scan-drop', 'drop', { dataTransfer: transfer });
    await tab.waitForFunction(() => document.querySelectorAll('.scan-entry').length === 1);
    expect(await tab.inputValue('#scan-config')).toBe(fixture('claude-desktop-quickstart.json'));
    await tab.context().close();
  });

  it('works with the keyboard alone: example, scan, download', async () => {
    const { tab } = await open();
    await tab.goto(`${served.url}/scan/`);
    await tab.waitForSelector('.scan[data-ready=true]');
    const focus = async (test: () => boolean, limit = 40) => {
      for (let step = 0; step < limit; step += 1) {
        if (await tab.evaluate(test)) return;
        await tab.keyboard.press('Tab');
      }
      throw new Error('never reached by Tab');
    };
    await focus(() => document.activeElement?.classList.contains('scan-example') === true);
    await tab.keyboard.press('Enter');
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe('scan-config');
    await focus(() => (document.activeElement as HTMLButtonElement | null)?.type === 'submit');
    await tab.keyboard.press('Enter');
    await tab.waitForSelector('.scan[data-state=done]');
    expect(await tab.textContent('.scan-status')).toBe('5 servers, 5 matched, 3 cross-server paths.');
    await focus(() => document.activeElement?.textContent === 'Download the report as JSON', 400);
    const [download] = await Promise.all([tab.waitForEvent('download'), tab.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('scan-report.json');
    await tab.context().close();
  });

  it('has no serious or critical accessibility violations, empty or with a report (axe-core)', async () => {
    const axe = createRequire(import.meta.url).resolve('axe-core');
    // axe-core is injected as an inline script, which the site's Content-Security-Policy refuses (as it should).
    const context = await served.browser.newContext({ bypassCSP: true });
    const tab = await context.newPage();
    const violations = async () => {
      await tab.addScriptTag({ path: axe });
      return (await tab.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) =>
        result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.nodes.map((n) => n.target).join(' ')))`)) as string[];
    };
    await tab.goto(`${served.url}/scan/`);
    await tab.waitForSelector('.scan[data-ready=true]');
    expect(await violations()).toEqual([]);
    await tab.fill('#scan-config', fixture('claude-desktop-five.json'));
    await tab.click('button[type=submit]');
    await tab.waitForSelector('.scan[data-state=done]');
    await tab.evaluate(() => document.querySelectorAll('details').forEach((details) => details.setAttribute('open', '')));
    expect(await violations()).toEqual([]);
    await context.close();
  });

  it('says so, sending nothing, when the lookup file is not what it should be', async () => {
    const file = path.join(work, 'dist', 'scan', 'lookup.json');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, '{"version": 2, "keys": {}}');
    try {
      const { tab, requests } = await open();
      await scanText(tab, fixture('claude-desktop-five.json'));
      expect(await tab.textContent('.scan-status')).toBe("The scan failed: the catalog's lookup file is not in the expected shape. Nothing was sent anywhere; try again.");
      expect(requests.filter((request) => new URL(request.url).pathname.startsWith('/servers/'))).toEqual([]);
      await tab.context().close();
    } finally {
      writeFileSync(file, good);
    }
  });

  it('does not scroll sideways at 390 px, every section open', async () => {
    const { tab } = await open(390);
    await scanText(tab, fixture('claude-code-user.json'));
    await scanText(tab, fixture('claude-desktop-five.json'));
    await tab.evaluate(() => document.querySelectorAll('details').forEach((details) => details.setAttribute('open', '')));
    const widths = await tab.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await tab.context().close();
  });
});
