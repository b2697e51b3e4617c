// Builds the real site from a handful of real servers and checks the rule pages (/rules/, /rules/<id>/)
// and the MDX method pages: every rule id has a page, each page shows its matcher, conclusions,
// explanation, examples and the tools it fires on with counts computed here from the classifier, the
// evidence of tool pages links to built rule pages, and the method pages draw the tool page's own
// badges and policy block. Then Chromium at 390 px.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyServerTools } from '../../src/classify';
import { emittableRules } from '../../src/classify/rule-catalog';
import { ruleExamples } from '../../src/classify/rules/examples';
import { toolSlug } from '../../src/lib/ids';
import { DECISION_TABLE } from '../../src/policy';
import type { Classification, Server } from '../../src/schema';
import { escapeHtml } from '../../src/site/html';
import { METHOD_ANCHORS } from '../../src/site/render/context';
import { iterateServers, readServer } from '../../src/store/dataset';
import { buildSite, copyServers } from '../helpers/site';
import { servedSite } from '../helpers/served-site';

const work = mkdtempSync(path.join(tmpdir(), 'rules-site-'));
const data = path.join(work, 'data');
const out = path.join(work, 'dist');
// GitHub's server (the method pages' example tool), servers whose verdicts cite annotations, siblings and poisoning findings.
const SERVERS = ['github-github-mcp-server-c4b8cae9', 'octocode-mcp-75a16257', 'cloudbase-cloudbase-mcp-6db3783d', 'ashfaaqf-mcp-priam-virustotal-f3f78e62', 'payram-payram-helper-mcp-server-32d5aae7'];

let servers: Server[];

const page = (...parts: string[]): string => readFileSync(path.join(out, ...parts, 'index.html'), 'utf8');
const built = (href: string): boolean => existsSync(path.join(out, decodeURIComponent(href), 'index.html'));
const text = (markup: string): string => markup.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** What this test counts as a rule firing on a tool, independently of the site's code: any id its verdict carries. */
function citedIds(verdict: Classification): Set<string> {
  return new Set([
    ...verdict.evidence.map((item) => item.rule),
    ...verdict.findings.map((finding) => finding.rule),
    ...Object.values(verdict.inferredAnnotations).flatMap((hint) => hint.evidence.map((item) => item.rule)),
  ]);
}

const served = servedSite(
  () => {
    expect(copyServers(path.resolve('data'), data, (server) => SERVERS.includes(server.id))).toBe(SERVERS.length);
    buildSite(data, out);
    servers = [...iterateServers(data)];
    return out;
  },
  { cleanup: work },
);

describe('rule pages', () => {
  it('build one page for every id the classifier can emit, and the index links each of them', () => {
    const ids = emittableRules().map((rule) => rule.id);
    expect(ids.filter((id) => !built(`/rules/${id}/`))).toEqual([]);
    const pages = readdirSync(path.join(out, 'rules'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(pages.sort()).toEqual([...ids].sort());
    const index = page('rules');
    for (const id of ids) expect(index, id).toContain(`href="/rules/${id}/"`);
  });

  it('count the tools each rule fires on exactly as classifying the build\'s data does, on the rule page and in the index', () => {
    const tools = new Map<string, number>();
    const onServers = new Map<string, Set<string>>();
    for (const server of servers) {
      for (const verdict of classifyServerTools(server)) {
        for (const id of citedIds(verdict)) {
          tools.set(id, (tools.get(id) ?? 0) + 1);
          onServers.set(id, (onServers.get(id) ?? new Set()).add(server.id));
        }
      }
    }
    expect(tools.size).toBeGreaterThan(30);
    const index = text(page('rules'));
    for (const { id } of emittableRules()) {
      const body = text(page('rules', id));
      const count = tools.get(id) ?? 0;
      if (count === 0) expect(body, id).toContain('It fires on no tool of the catalog');
      else expect(body, id).toContain(`Cited by the verdicts of ${count.toLocaleString('en-US')} tool${count === 1 ? '' : 's'} on ${onServers.get(id)!.size} server`);
      expect(index, id).toContain(`${id} ${count.toLocaleString('en-US')} tool${count === 1 ? '' : 's'}`);
    }
  });

  it('list as examples only tools the rule fires on, each linked to its built page, one per name, eight when there are eight names', () => {
    const firing = new Map<string, Set<string>>();
    const names = new Map<string, Set<string>>();
    for (const server of servers) {
      classifyServerTools(server).forEach((verdict, index) => {
        const name = server.tools[index]!.definition.name;
        for (const id of citedIds(verdict)) {
          firing.set(id, (firing.get(id) ?? new Set()).add(`/servers/${server.id}/tools/${encodeURIComponent(toolSlug(name))}/`));
          names.set(id, (names.get(id) ?? new Set()).add(name));
        }
      });
    }
    for (const { id } of emittableRules()) {
      const section = page('rules', id).split('id="catalog"')[1] ?? '';
      const links = [...section.matchAll(/href="(\/servers\/[^"]+\/tools\/[^"]+\/)"/g)].map((match) => match[1]!);
      expect(links.length, id).toBe(Math.min(8, names.get(id)?.size ?? 0));
      for (const href of links) {
        expect(firing.get(id)?.has(href), `${id} ${href}`).toBe(true);
        expect(built(href), href).toBe(true);
      }
    }
  });

  it("show a verb rule's verbs, its conclusions, its explanation and every example it is tested on", () => {
    const rule = emittableRules().find((candidate) => candidate.id === 'name.verb.destroy')!;
    const body = page('rules', rule.id);
    const matches = body.slice(body.indexOf('id="matches"'), body.indexOf('id="concludes"'));
    for (const verb of ['delete', 'remove', 'purge', 'revoke']) expect(matches).toContain(`<li><code>${verb}</code></li>`);
    expect(body).toContain('<a href="/categories/destructive/"><code>category:Destructive</code></a>');
    expect(body).toContain('<code>qualifier:overwrite</code>');
    expect(body).toContain(escapeHtml(rule.explanation));
    expect(body).toContain('destructiveHint: true, idempotentHint: true');
    const examples = body.slice(body.indexOf('id="examples"'), body.indexOf('id="catalog"'));
    const [fires, quiet] = examples.split('Stays quiet on');
    for (const definition of ruleExamples[rule.id]!.fires) expect(fires, definition.name).toContain(`<code>${escapeHtml(definition.name)}</code>`);
    for (const definition of ruleExamples[rule.id]!.quiet) expect(quiet, definition.name).toContain(`<code>${escapeHtml(definition.name)}</code>`);
  });

  it('show a phrase rule\'s anchors and pattern and a poisoning rule\'s payloads as inert text', () => {
    const phrase = emittableRules().find((candidate) => candidate.id === 'description.irreversible')!;
    const body = page('rules', phrase.id);
    if (phrase.rule?.match.kind !== 'phrase') throw new Error('description.irreversible is a phrase rule');
    for (const anchor of phrase.rule.match.anchors) expect(body).toContain(`<li><code>${escapeHtml(anchor)}</code></li>`);
    expect(body).toContain(escapeHtml(phrase.rule.match.pattern.source));
    const tag = page('rules', 'poison.hidden-tag').split('<main')[1] ?? '';
    // Its examples carry <IMPORTANT> and the like: shown escaped, never as tags.
    expect(tag).not.toMatch(/<important/i);
    expect(tag).toContain('&lt;IMPORTANT&gt;');
    expect(page('rules', 'poison.invisible-unicode')).toContain('⟨U+200B⟩');
  });

  it('are linked from every piece of evidence, every finding and every hint of every tool page, and every such link leads to a built rule page', () => {
    let links = 0;
    for (const server of servers) {
      const verdicts = classifyServerTools(server);
      server.tools.forEach((tool, index) => {
        const body = page('servers', server.id, 'tools', toolSlug(tool.definition.name));
        const hrefs = new Set([...body.matchAll(/href="(\/rules\/[^"]*)"/g)].map((match) => match[1]!));
        for (const href of hrefs) expect(built(href), href).toBe(true);
        for (const id of citedIds(verdicts[index]!)) expect(hrefs.has(`/rules/${id}/`), `${server.id} ${tool.definition.name} ${id}`).toBe(true);
        for (const item of verdicts[index]!.evidence) expect(body).toContain(`<td><a href="/rules/${item.rule}/">${item.rule}</a></td>`);
        links += hrefs.size;
      });
    }
    expect(links).toBeGreaterThan(500);
  });

  it("link each finding on a server page to its rule, with the tools it was found in", () => {
    const payram = readServer(data, 'payram-payram-helper-mcp-server-32d5aae7')!;
    const verdicts = classifyServerTools(payram);
    const rules = new Set(verdicts.flatMap((verdict) => verdict.findings.map((finding) => finding.rule)));
    expect(rules.size).toBeGreaterThan(0);
    const body = page('servers', payram.id);
    const section = body.slice(body.indexOf('<h2 id="findings">'), body.indexOf('</ul>', body.indexOf('<h2 id="findings">')));
    for (const rule of rules) {
      expect(section).toContain(`<a href="/rules/${rule}/">${rule}</a>`);
      const names = payram.tools.filter((_, index) => verdicts[index]!.findings.some((finding) => finding.rule === rule)).map((tool) => tool.definition.name);
      expect(section).toContain(`in ${names.length} tool${names.length === 1 ? '' : 's'}`);
    }
  });
});

describe('method pages in MDX', () => {
  it('build every page of src/content/method/, /method/ with every anchor other pages link to and every decision-table row', () => {
    for (const file of readdirSync('src/content/method')) {
      const id = file.replace(/\.mdx$/, '');
      expect(built(id === 'index' ? '/method/' : id === 'data' ? '/data/' : `/method/${id}/`), file).toBe(true);
    }
    const method = page('method');
    for (const href of Object.values(METHOD_ANCHORS)) expect(method, href).toContain(`id="${href.split('#')[1]}"`);
    for (const row of DECISION_TABLE) expect(method).toContain(`<code>${row.id}</code>`);
    expect(method).toContain('id="server-limit"');
  });

  it("draw a real tool's badges, evidence table and policy block with the tool page's own markup", () => {
    const reading = page('method', 'reading-a-tool-page');
    const href = /This one walks through the parts of a real one: <a href="(\/servers\/[^"]+\/)">/.exec(reading)?.[1];
    expect(href).toBe('/servers/github-github-mcp-server-c4b8cae9/tools/create_pull_request/');
    const tool = readFileSync(path.join(out, href!, 'index.html'), 'utf8');
    const badges = (markup: string) => /<p class="verdict">(<a class="badge category-[^"]+" href="[^"]+">[^<]+<\/a><a class="badge risk-[^"]+" href="[^"]+">[^<]+<\/a>)/.exec(markup)?.[1];
    expect(badges(tool)).toBeDefined();
    expect(badges(reading)).toBe(badges(tool));
    const block = (markup: string, id: string) => {
      const start = markup.indexOf('<div class="policy">');
      return markup.slice(start, markup.indexOf('</section></div>', start)).replaceAll(`${id}-`, 'ID-');
    };
    expect(block(tool, 'tool').length).toBeGreaterThan(500);
    expect(block(reading, 'reading')).toBe(block(tool, 'tool'));
    const table = (markup: string) => {
      const start = markup.indexOf('<div class="table-wrap"><table><thead><tr><th>Rule</th>');
      return markup.slice(start, markup.indexOf('</table></div>', start));
    };
    expect(table(reading)).toBe(table(tool));
    expect(table(tool)).toContain('<a href="/rules/name.verb.create/">name.verb.create</a>');
  });

  it('list every source of the build with its license, and the NOTICE file as shipped', () => {
    const sources = page('method', 'sources');
    expect(sources).toContain(escapeHtml(readFileSync('NOTICE', 'utf8')).slice(0, 400));
    for (const server of servers) for (const entry of server.sources ?? []) expect(sources, entry.source).toContain(`<code>${escapeHtml(entry.source)}</code>`);
  });
});

describe('rule and method pages in a browser at 390 px', () => {
  it('fit /rules/, a rule page and the MDX pages without sideways scrolling, and the method page\'s copy buttons work', async () => {
    for (const url of ['/rules/', '/rules/description.operations.delete/', '/rules/poison.exfiltration-request/', '/method/reading-a-tool-page/', '/method/policy-formats/', '/method/sources/']) {
      const tab = await served.browser.newPage({ viewport: { width: 390, height: 900 } });
      await tab.goto(`${served.url}${url}`, { waitUntil: 'networkidle' });
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
      if (url === '/method/reading-a-tool-page/') {
        // The snippet script ran: the copy buttons are shown, as on a tool page.
        await expect(tab.locator('button.copy').first().isVisible()).resolves.toBe(true);
        await tab.getByRole('link', { name: 'name.verb.create' }).first().click();
        await tab.waitForURL(/\/rules\/name\.verb\.create\/$/);
        await expect(tab.locator('h1').textContent()).resolves.toBe('name.verb.create');
      }
      await tab.close();
    }
  });
});
