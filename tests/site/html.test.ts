// The `html` template is the escaping boundary of every tool, server and same-name page: their
// bodies reach `set:html` through it. Crawled text is hostile; these are the payloads it must defuse.
import { describe, expect, it } from 'vitest';
import { classifyTool } from '../../src/classify';
import type { ToolRef } from '../../src/site/catalog';
import { escapeHtml, html, Html } from '../../src/site/html';
import { factList, parametersTable, policySnippets, toolTable, TEXT_LIMITS } from '../../src/site/render/parts';
import { sameNamePage } from '../../src/site/render/same-name';
import { parameterRows } from '../../src/site/parameters';
import { policyForTool } from '../../src/policy';

const SCRIPT = `<script>alert('x')</script>`;

/** The text a browser would show for a fragment: tags dropped, the five escapes decoded. */
const shownText = (markup: string) =>
  markup
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('the html template', () => {
  it('escapes <, >, &, " and \' in text and in attribute values', () => {
    const out = html`<p title="${`" onmouseover="alert(1)`}">${SCRIPT} &amp; ${"it's & <b>"}</p>`.value;
    expect(out).toBe(`<p title="&quot; onmouseover=&quot;alert(1)">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; it&#39;s &amp; &lt;b&gt;</p>`);
    expect(escapeHtml(`a'b"c<d>e&f`)).toBe('a&#39;b&quot;c&lt;d&gt;e&amp;f');
    // Called twice in a row: a stateful regular expression would skip the second string.
    expect([escapeHtml('<'), escapeHtml('<')]).toEqual(['&lt;', '&lt;']);
  });

  it('neutralises javascript:, data: and protocol-relative URLs in href and src, and keeps site paths and http(s)', () => {
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example/', 'vbscript:x', 'relative/path']) {
      expect(html`<a href="${bad}">x</a>`.value, bad).toBe('<a href="#">x</a>');
      expect(html`<img src="${bad}">`.value, bad).toBe('<img src="#">');
    }
    expect(html`<a href="${'https://example.com/?a=1&b="2"'}">x</a>`.value).toBe('<a href="https://example.com/?a=1&amp;b=&quot;2&quot;">x</a>');
    expect(html`<a href="${'/servers/a-1/'}">x</a>`.value).toBe('<a href="/servers/a-1/">x</a>');
    expect(html`<a href="${'#findings'}">x</a>`.value).toBe('<a href="#findings">x</a>');
    // A value after a literal path is part of that path: escaped, never able to leave the attribute.
    expect(html`<a href="/servers/${'x" onclick="alert(1)'}/">x</a>`.value).toBe('<a href="/servers/x&quot; onclick=&quot;alert(1)/">x</a>');
  });

  it('keeps markup made by html, joins lists and drops null, undefined and booleans', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${[inner, 'a<', 3]}${null}${undefined}${false}${true}</p>`.value).toBe('<p><b>&lt;i&gt;</b><b>&lt;i&gt;</b>a&lt;3</p>');
    expect(`${new Html('<hr>')}`).toBe('<hr>');
  });
});

describe('page parts from hostile definitions', () => {
  it('shows a hostile parameter name, description, enum and default as text, and bounds them', () => {
    const long = `${'word '.repeat(200)}${SCRIPT}`;
    const rows = parameterRows({
      type: 'object',
      properties: { [`"><img src=x onerror=alert(1)>`]: { type: 'string', description: long, enum: Array.from({ length: 40 }, (_, i) => `<v${i}>`), default: SCRIPT } },
    });
    const out = parametersTable(rows).value;
    expect(out).not.toMatch(/<img|<script|<v\d/);
    expect(out).toContain('<code>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</code>');
    expect(out).toContain(`one of: &lt;v0&gt;`);
    expect(out).toContain(`and ${40 - TEXT_LIMITS.enumValues} more`);
    expect(out).toContain('default: &lt;script&gt;');
    const description = /<td class="description">([^<]*)<\/td>/.exec(out)![1]!;
    expect(shownText(description).length).toBeLessThanOrEqual(TEXT_LIMITS.parameterDescription);
    const many = parameterRows({ type: 'object', properties: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`p${i}`, { type: 'string' }])) });
    expect(parametersTable(many).value.match(/<tr>/g)).toHaveLength(TEXT_LIMITS.parameterRows + 1);
    expect(parametersTable(many).value).toContain(`And ${50 - TEXT_LIMITS.parameterRows} more, in the definition.`);
  });

  it('links a fact only through a safe URL, and a policy snippet carries the exact policy text', () => {
    const facts = factList([{ term: 'Homepage', items: [{ text: SCRIPT, href: 'javascript:alert(1)' }] }]).value;
    expect(facts).toBe('<dl class="facts"><dt>Homepage</dt><dd><a href="#" rel="nofollow noopener">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</a></dd></dl>');
    const definition = { name: `rm -rf "<x>" & '`, description: SCRIPT, inputSchema: { type: 'object' } };
    const policy = policyForTool(definition, classifyTool(definition), { serverDisplayName: SCRIPT });
    const out = policySnippets(policy, policy.explanation, 'tool').value;
    expect(out).not.toContain('<script>');
    for (const [file, text] of [['policy.json', policy.hostedJson.text], ['policy.yaml', policy.interceptYaml.text], ['claude-settings.json', policy.claudeSettings.text]] as const) {
      const code = new RegExp(`<code id="tool-${file.replace('.', '\\.')}-code"[^>]*>([^<]*)</code>`).exec(out)![1]!;
      expect(shownText(code), file).toBe(text);
      // The tool page's download is made from that snippet in the browser: no file to fetch, hidden without JavaScript.
      expect(out).toContain(`<a class="download" data-download="tool-${file}-code" data-type="application/${file.endsWith('yaml') ? 'yaml' : 'json'}" download="${file}" hidden>`);
    }
    const server = policySnippets(policy, policy.explanation, 'server', { base: '/servers/s-1/', inline: false }).value;
    // Left out: no snippet (the setup steps above each download keep their inline code).
    expect(server).not.toContain('<pre>');
    expect(server).not.toMatch(/<code id=/);
    expect(server).toContain('<a href="/servers/s-1/policy.yaml" download>Download policy.yaml</a>');
  });

  it('builds a same-name page only for a name on two or more servers, escaping the name', () => {
    const ref = (server: string, hash: string): ToolRef => ({
      server,
      serverName: `${server} <b>`,
      tool: SCRIPT,
      slug: 'x',
      category: 'Read',
      risk: 'Low',
      labels: [],
      findings: 0,
      hash,
    });
    expect(() => sameNamePage(SCRIPT, [ref('a-1', 'h')])).toThrow(/two or more/);
    const page = sameNamePage(SCRIPT, [ref('a-1', 'h'), ref('b-2', 'h')]);
    expect(page.title).toBe(`${SCRIPT} on 2 servers`);
    expect(page.body.value).not.toMatch(/<script|<b>/);
    expect(page.body.value).toContain('Every server sends the same definition for it. They all get the same verdict.');
    expect(toolTable([ref('a-1', 'h')]).value).toContain('<td><a href="/servers/a-1/">a-1 &lt;b&gt;</a></td>');
  });
});
