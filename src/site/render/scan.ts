// The /scan/ report as markup, rendered in the browser from a ScanReport with the site's own badges
// and the auto-escaping `html` template: every config key, argument, tool name and finding is a
// stranger's text. Downloads and copy buttons are wired by src/site/scan-ui.ts through data-* names.
import { LEG_TOOL_LIMIT } from '../../scan/paths';
import type { ConfigProblem, CrossServerPath, Leg, ScanEntry, ScanReport, ScanTool } from '../../scan/types';
import { revealHidden, shorten } from '../format';
import { each, html, type Html } from '../html';
import { CATEGORIES, RISKS } from '../taxonomy';
import { labelList, riskBadges } from './badges';
import { withCode } from './policy-help';

const LEG_TITLE: Record<Leg, string> = { privateData: 'Private data', untrustedContent: 'Untrusted content', outwardChannel: 'Outward channel' };
const POLICY_WORD: Record<ScanTool['policy'], string> = { allow: 'allowed', limit: 'limited or asks', deny: 'blocked', hide: 'hidden' };
const STATUS_WORD: Record<ScanEntry['match']['status'], string> = { matched: 'in the catalog', 'no-tools': 'known, tools not collected', unmatched: 'not in the catalog' };
const MATCH_TEXT = 300;
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The downloads of the combined policy and the report: file names and what each holds. */
export const SCAN_DOWNLOADS = [
  { id: 'hostedJson', title: 'Hosted JSON policies', file: 'setup-policy.json', type: 'application/json' },
  { id: 'interceptYaml', title: 'Intercept YAML', file: 'setup-policy.yaml', type: 'application/yaml' },
  { id: 'claudeSettings', title: 'Claude Code settings.json', file: 'claude-settings.json', type: 'application/json' },
] as const;

/** A config key as a file name: people name servers anything, a file name must stay a plain one. */
export function keyFileName(key: string, suffix: string): string {
  const slug = key.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 60);
  return `${slug.length > 0 ? slug : 'server'}-${suffix}`;
}

/** The ids the page's script finds each server's own files under (src/site/scan-ui.ts fills them in). */
export const serverFileId = (index: number, format: 'hostedJson' | 'interceptYaml') => `scan-server-${index}-${format}`;

/** Syntax and shape errors, each with its line and column. */
export function configProblems(problems: readonly ConfigProblem[], fatal: boolean): Html {
  if (problems.length === 0) return html``;
  return html`<div class="scan-problems" role="alert"><p><strong>${fatal ? 'The config cannot be read' : 'Parts of the config cannot be read'}:</strong></p><ul>${each(
    problems.slice(0, 20),
    (problem) => html`<li>Line ${problem.line}, column ${problem.column}: ${problem.message}</li>`,
  )}</ul>${problems.length > 20 ? html`<p class="muted">And ${problems.length - 20} more.</p>` : ''}</div>`;
}

function toolList(tools: readonly string[], total: number): Html {
  return html`${each(tools, (tool, index) => html`${index > 0 ? ', ' : ''}<code>${tool}</code>`)}${total > tools.length ? html` and ${total - tools.length} more` : ''}`;
}

/** The path as what could happen: "Content fetch returns (fetch) can tell the agent to read … and send it out through …". */
function pathStory(path: CrossServerPath): Html {
  const name = (leg: CrossServerPath['legs'][number]) =>
    each(leg.servers, (server, index) => html`${index > 0 ? ' or ' : ''}<code>${server.key}</code>'s <code>${server.tools[0] ?? ''}</code>`);
  const [privateData, untrusted, outward] = path.legs;
  return html`<p>Content that ${name(untrusted)} returns can carry instructions that make the agent read what ${name(privateData)} gives and send it out through ${name(outward)}.</p>`;
}

function pathItem(path: CrossServerPath): Html {
  return html`<li class="scan-path"><strong>${each(path.servers, (key, index) => html`${index > 0 ? ' + ' : ''}<code>${key}</code>`)}</strong>${pathStory(path)}<ul>${each(
    path.legs,
    (leg) => html`<li>${LEG_TITLE[leg.leg]}: ${each(leg.servers, (server, index) => html`${index > 0 ? '; ' : ''}<code>${server.key}</code> (${toolList(server.tools, server.toolCount)})`)}</li>`,
  )}</ul></li>`;
}

function pathsSection(report: ScanReport): Html {
  const single = report.singleServerTriangles;
  return html`<section aria-labelledby="scan-paths"><h2 id="scan-paths">Cross-server exfiltration paths</h2><p>A path is private data, untrusted content and a way to send data out, spread over servers that each lack one of them: an instruction hidden in content one server fetches can make the agent send what another reads out through a third. No single server's page can show it.</p>${
    report.pathCount === 0
      ? html`<p class="muted">No cross-server path: no two or three servers of this setup supply all three between them${single.length > 0 ? ' without one of them doing it alone' : ''}.</p>`
      : html`<p>${count(report.pathCount, 'path')}${report.pathCount > report.paths.length ? html` (the first ${report.paths.length} shown; each names at most ${LEG_TOOL_LIMIT} tools a server and leg)` : ''}:</p><ol class="scan-paths">${each(report.paths, pathItem)}</ol>`
  }${
    single.length > 0
      ? html`<p>${single.length === 1 ? 'This server completes' : 'These servers complete'} the triangle on ${single.length === 1 ? 'its' : 'their'} own (see ${single.length === 1 ? 'its page' : 'their pages'}): ${each(single, (key, index) => html`${index > 0 ? ', ' : ''}<code>${key}</code>`)}.</p>`
      : ''
  }</section>`;
}

function totalsSection(report: ScanReport): Html {
  const { totals } = report;
  return html`<section aria-labelledby="scan-totals"><h2 id="scan-totals">Summary</h2><p>${count(totals.entries, 'server')} in the config: ${totals.matched} in the catalog with tools, ${totals.noTools} known without tools, ${totals.unmatched} not in the catalog. ${count(totals.tools, 'tool')}, ${count(totals.findings, 'finding')}; ${count(report.pathCount, 'cross-server path')}.</p><dl class="facts scan-counts"><dt>By category</dt><dd>${each(
    CATEGORIES.filter((category) => totals.byCategory[category] > 0),
    (category) => html`<span class="scan-count">${riskBadgeOnly(category)} ${totals.byCategory[category]}</span> `,
  )}</dd><dt>By risk</dt><dd>${each(
    RISKS.filter((risk) => totals.byRisk[risk] > 0),
    (risk) => html`<span class="scan-count"><span class="badge risk-${risk}">${risk}</span> ${totals.byRisk[risk]}</span> `,
  )}</dd></dl></section>`;
}

function riskBadgeOnly(category: (typeof CATEGORIES)[number]): Html {
  return html`<span class="badge category-${category}">${category}</span>`;
}

function poisoningSection(report: ScanReport): Html {
  return html`<section aria-labelledby="scan-poisoning"><h2 id="scan-poisoning">Poisoning findings</h2>${
    report.poisoning.length === 0
      ? html`<p class="muted">None: no hidden instructions, secret paths or invisible characters in the matched servers' tools.</p>`
      : html`<ul class="findings">${each(
          report.poisoning,
          (item) =>
            html`<li class="finding severity-${item.finding.severity}"><strong>${item.finding.severity}</strong> <code>${item.key}</code> / <code>${item.tool}</code>: <code>${item.finding.rule}</code> in ${item.finding.field}: ${item.finding.message}<div><span class="muted">Matched:</span> <code>${revealHidden(shorten(item.finding.match, MATCH_TEXT))}</code></div></li>`,
        )}</ul>`
  }</section>`;
}

function entryFacts(item: ScanEntry): Html {
  const { entry, match } = item;
  const launch = entry.command !== undefined ? [entry.command, ...entry.args].join(' ') : undefined;
  return html`<dl class="facts">${launch !== undefined ? html`<dt>Runs</dt><dd><code>${launch}</code></dd>` : ''}${entry.url ? html`<dt>Endpoint</dt><dd><code>${entry.url}</code> (${entry.transport})</dd>` : ''}${
    entry.package ? html`<dt>Package</dt><dd><code>${entry.package.identifier}</code> (${entry.package.registryType}${entry.package.version ? html`, version ${entry.package.version}` : ''})</dd>` : ''
  }${entry.scope ? html`<dt>Where</dt><dd><code>${entry.scope}</code></dd>` : ''}${entry.env.length > 0 ? html`<dt>Env names</dt><dd>${each(entry.env, (name, index) => html`${index > 0 ? ', ' : ''}<code>${name}</code>`)} <span class="muted">(values never read)</span></dd>` : ''}${
    entry.headers.length > 0 ? html`<dt>Header names</dt><dd>${each(entry.headers, (name, index) => html`${index > 0 ? ', ' : ''}<code>${name}</code>`)} <span class="muted">(values never read)</span></dd>` : ''
  }${entry.redactions.length > 0 ? html`<dt>Redacted</dt><dd>${entry.redactions.join('; ')}</dd>` : ''}${entry.disabled ? html`<dt>Disabled</dt><dd>in the config; scanned all the same</dd>` : ''}${
    match.versionNote ? html`<dt>Version</dt><dd>${match.versionNote}</dd>` : ''
  }</dl>${match.crawl ? html`<pre><code>${match.crawl}</code></pre>` : ''}`;
}

function toolTable(item: ScanEntry): Html {
  if (item.tools.length === 0) return html``;
  return html`<div class="table-wrap"><table class="scan-tools"><thead><tr><th scope="col">Tool</th><th scope="col">Verdict</th><th scope="col">Capabilities</th><th scope="col">Policy</th></tr></thead><tbody>${each(
    item.tools,
    (tool) =>
      html`<tr><td><a href="${tool.url}"><code>${tool.name}</code></a>${tool.findings.length > 0 ? html`<span class="badge finding-flag">${count(tool.findings.length, 'finding')}</span>` : ''}</td><td>${riskBadges(tool.category, tool.risk)}</td><td>${
        tool.labels.length > 0 ? labelList(tool.labels) : html`<span class="muted">none</span>`
      }</td><td>${POLICY_WORD[tool.policy]}</td></tr>`,
  )}</tbody></table></div>`;
}

function entrySection(item: ScanEntry, index: number): Html {
  const id = `scan-entry-${index}`;
  return html`<section class="scan-entry status-${item.match.status}" aria-labelledby="${id}"><h3 id="${id}"><code>${item.entry.key}</code> <span class="muted">${STATUS_WORD[item.match.status]}</span></h3><p>${item.match.note}${
    item.server ? html` <a href="${item.server.url}">${item.server.displayName}</a>: ${count(item.tools.length, 'tool')}, ${item.server.risk} risk at most.` : ''
  }</p>${entryFacts(item)}${toolTable(item)}</section>`;
}

function policySection(report: ScanReport): Html {
  const { policy } = report;
  if (!policy) return html`<section aria-labelledby="scan-policy"><h2 id="scan-policy">Combined policy</h2><p class="muted">No server of this config is in the catalog with tools, so there is no policy to recommend.</p></section>`;
  return html`<section aria-labelledby="scan-policy"><h2 id="scan-policy">Combined policy</h2><pre class="explanation">${policy.explanation}</pre>${each(
    SCAN_DOWNLOADS,
    (format) =>
      html`<section class="snippet" aria-labelledby="scan-${format.id}"><div class="snippet-head"><h3 id="scan-${format.id}">${format.title}</h3><button type="button" class="copy" data-copy="scan-code-${format.id}">Copy</button><button type="button" class="download" data-download="scan-code-${format.id}" data-file="${format.file}" data-type="${format.type}">Download ${format.file}</button></div><details><summary>Show ${format.file}</summary><pre><code id="scan-code-${format.id}">${policy[format.id]}</code></pre></details></section>`,
  )}<h3>Each server's own files</h3><p>What a gateway loads: PolicyLayer takes one policy per server's grants, and Intercept one file per server it wraps.</p><ul class="scan-files">${each(
    policy.servers,
    (server, index) =>
      html`<li><code>${server.key}</code>: <button type="button" class="download" data-download="${serverFileId(index, 'hostedJson')}" data-file="${keyFileName(server.key, 'policy.json')}" data-type="application/json">${keyFileName(server.key, 'policy.json')}</button> <button type="button" class="download" data-download="${serverFileId(index, 'interceptYaml')}" data-file="${keyFileName(server.key, 'policy.yaml')}" data-type="application/yaml">${keyFileName(server.key, 'policy.yaml')}</button></li>`,
  )}</ul></section>`;
}

/** The whole report: summary, paths, findings, every entry with its tools, the combined policy. */
export function scanReportBody(report: ScanReport): Html {
  return html`${configProblems(report.errors, false)}${totalsSection(report)}${pathsSection(report)}${poisoningSection(report)}<section aria-labelledby="scan-servers"><h2 id="scan-servers">Servers</h2>${each(
    report.entries,
    entrySection,
  )}</section>${policySection(report)}<p><button type="button" class="download" data-download="scan-report-json" data-file="scan-report.json" data-type="application/json">Download the report as JSON</button> ${withCode(
    'the same document as `mcp-risk-catalog scan --json`.',
  )}</p>`;
}
