// The pieces pages are made of (badges, tables, findings, policy snippets, FAQ, charts), as markup
// from the `html` template: the tool, server and same-name pages render from these in one pass, and
// the few components other pages still use (BarChart, ChangeList, ToolTable) wrap them.
import type { Classification, Finding } from '../../schema';
import type { PolicyFormats } from '../../policy';
import { serverUrl, toolUrl, type ChangeRef, type ToolRef } from '../catalog';
import { changeAnchor } from '../changes';
import { barChart, percent } from '../chart';
import type { CollectStep } from '../collect';
import type { FaqEntry } from '../faq';
import { describeChange } from '../feed';
import { formatDate, revealHidden, shorten } from '../format';
import { each, html, type Html } from '../html';
import type { ParameterRow } from '../parameters';
import type { SourceRow } from '../provenance';
import type { Fact } from '../server-page';
import { POLICY_SETUP } from '../policy-setup';
import { verdictReasons } from '../verdict-reasons';
import { withCode } from './policy-help';
import { ruleLink } from './rule-link';
import { labelList, riskBadges } from './badges';

// Also what the in-browser /scan/ report renders with: badges.ts imports nothing that needs Node.
export { labelList, riskBadges };

/**
 * Bounds on text from a tool's definition, so one page stays small whatever its author sent
 * (a tool page's budget is 30 KB): the full definition is always in the server's JSON file.
 */
export const TEXT_LIMITS = { description: 6000, parameterDescription: 400, enumValues: 25, parameterRows: 40, match: 300, title: 300 } as const;

/**
 * The rules that fired and the exact text each matched: the "why" behind a verdict. Each row says what
 * it came to (decidedBy): it decided the category, raised the risk, or concluded a category that was overruled.
 */
export function evidenceTable(verdict: Pick<Classification, 'category' | 'evidence' | 'decidedBy'>): Html {
  const { evidence } = verdict;
  if (evidence.length === 0) return html`<p class="muted">No rule matched anything in this tool's definition.</p>`;
  const reasons = verdictReasons(verdict);
  const overruled = new Map(reasons.overruled.map(({ item, by }) => [item, by]));
  const role = (item: Classification['evidence'][number]): Html => {
    const roles: Html[] = [];
    if (overruled.has(item)) {
      const by = overruled.get(item);
      roles.push(html`overruled${by ? html` by <code>${by}</code>` : ''}`);
    }
    if (reasons.category.includes(item)) roles.push(html`decided the category`);
    if (reasons.risk.includes(item)) roles.push(html`raised the risk`);
    return roles.length > 0 ? html`<div class="muted">${each(roles, (part, index) => html`${index > 0 ? '; ' : ''}${part}`)}</div>` : html``;
  };
  return html`<div class="table-wrap"><table><thead><tr><th>Rule</th><th>Read from</th><th>Matched</th><th>Concludes</th><th>Why</th></tr></thead><tbody>${each(
    evidence,
    (item) =>
      html`<tr><td>${ruleLink(item.rule)}</td><td>${item.field}</td><td><code>${revealHidden(shorten(item.match, TEXT_LIMITS.match))}</code></td><td>${item.concludes}${role(item)}</td><td>${item.explanation}</td></tr>`,
  )}</tbody></table></div>`;
}

/** Tool-poisoning and annotation findings, the matched span as inert text (hidden characters made visible): one list a page, all of them. */
export function findingList(findings: readonly Finding[]): Html {
  if (findings.length === 0) {
    return html`<p class="muted">No findings: no hidden instructions, secret paths, invisible characters or contradicting annotations were found.</p>`;
  }
  return html`<ul class="findings">${each(
    findings,
    (finding) =>
      html`<li class="finding severity-${finding.severity}"><strong>${finding.severity}</strong> ${ruleLink(finding.rule)} in ${finding.field}${
        finding.start !== undefined ? html` at character ${finding.start}` : ''
      }: ${finding.message}<div><span class="muted">Matched:</span> <code>${revealHidden(shorten(finding.match, TEXT_LIMITS.match))}</code></div></li>`,
  )}</ul>`;
}

/** Under Annotations: the claims the definition contradicts are listed once, under Findings. */
export function contradictionNote(annotationFindings: readonly Finding[]): Html {
  if (annotationFindings.length === 0) return html``;
  return html`<p class="note">The definition contradicts ${annotationFindings.length === 1 ? 'a claim' : 'claims'} here: see <a href="#findings">Findings</a>.</p>`;
}

export function parametersTable(rows: readonly ParameterRow[]): Html {
  if (rows.length === 0) return html``;
  const shown = rows.slice(0, TEXT_LIMITS.parameterRows);
  const more = rows.length - shown.length;
  return html`<div class="table-wrap"><table><thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Description</th></tr></thead><tbody>${each(
    shown,
    (row) => {
      const values = row.enumValues;
      const enumText = values
        ? `${values.slice(0, TEXT_LIMITS.enumValues).join(', ')}${values.length > TEXT_LIMITS.enumValues ? ` and ${values.length - TEXT_LIMITS.enumValues} more` : ''}`
        : undefined;
      return html`<tr><td><code>${row.name}</code></td><td>${row.type}${enumText !== undefined ? html`<div class="muted">one of: ${enumText}</div>` : ''}${
        row.defaultValue !== undefined ? html`<div class="muted">default: ${shorten(row.defaultValue, TEXT_LIMITS.match)}</div>` : ''
      }</td><td>${row.required ? 'yes' : 'no'}</td><td class="description">${row.description === undefined ? '' : shorten(row.description, TEXT_LIMITS.parameterDescription)}</td></tr>`;
    },
  )}</tbody></table></div>${more > 0 ? html`<p class="muted">And ${more} more, in the definition.</p>` : ''}`;
}

export const POLICY_FORMATS = [
  { key: 'hostedJson', title: 'Hosted JSON policy', file: 'policy.json', language: 'json', type: 'application/json' },
  { key: 'interceptYaml', title: 'Intercept YAML', file: 'policy.yaml', language: 'yaml', type: 'application/yaml' },
  { key: 'claudeSettings', title: 'Claude Code settings.json', file: 'claude-settings.json', language: 'json', type: 'application/json' },
] as const;

/**
 * A policy in every format: the explanation, then each snippet with a copy button and a download.
 * `files` names where the post-build step wrote the same text (server pages); without it (tool pages)
 * the download is made in the browser from the snippet itself, so it is exactly the text shown, and
 * like the copy button it stays hidden until the page's script runs. `inline: false` leaves the
 * snippets out (a policy too long for its page) and offers the files alone.
 */
export function policySnippets(policy: PolicyFormats, explanation: string, id: string, files?: { base: string; inline: boolean }): Html {
  const inline = files?.inline ?? true;
  return html`<div class="policy"><pre class="explanation">${explanation}</pre>${each(POLICY_FORMATS, (format) => {
    const code = `${id}-${format.file}-code`;
    const text = policy[format.key].text;
    const download = files
      ? html`<a href="${files.base}${format.file}" download>Download ${format.file}</a>${inline ? '' : html` <span class="muted">(${Math.ceil(Buffer.byteLength(text) / 1024).toLocaleString('en-US')} KB)</span>`}`
      : html`<a class="download" data-download="${code}" data-type="${format.type}" download="${format.file}" hidden>Download ${format.file}</a>`;
    return html`<section class="snippet" aria-labelledby="${id}-${format.file}"><div class="snippet-head"><h3 id="${id}-${format.file}">${format.title}</h3>${
      inline ? html`<button type="button" class="copy" data-copy="${code}" hidden>Copy</button>` : ''
    }${download}</div><p class="setup">${withCode(POLICY_SETUP[format.key])}</p>${inline ? html`<pre><code id="${code}" class="language-${format.language}">${text}</code></pre>` : ''}</section>`;
  })}</div>`;
}

/** A tool's declared annotations, as sent: the author's claims, shown as claims. */
export function factsOfAnnotations(annotations: ReadonlyArray<readonly [string, unknown]>): Html {
  return html`<dl class="facts">${each(annotations, ([key, value]) => html`<dt>${key}</dt><dd>${String(value)}</dd>`)}</dl>`;
}

export function faqList(entries: readonly FaqEntry[]): Html {
  return html`<dl class="faq">${each(entries, (entry) => html`<dt>${entry.question}</dt><dd>${entry.answer}</dd>`)}</dl>`;
}

/** "About this server": terms and values; a value is a link only when the page model made it one. */
export function factList(facts: readonly Fact[]): Html {
  return html`<dl class="facts">${each(
    facts,
    (fact) =>
      html`<dt>${fact.term}</dt><dd>${each(fact.items, (item, index) => {
        const text = item.code ? html`<code>${item.text}</code>` : html`${item.text}`;
        return html`${index > 0 ? html`<br>` : ''}${item.href ? html`<a href="${item.href}" rel="nofollow noopener">${text}</a>` : text}`;
      })}${fact.note ? html`<div class="muted">${fact.note}</div>` : ''}</dd>`,
  )}</dl>`;
}

/** The provenance table of a server: which source gave which fields and the tools, when, under which license. */
export function sourceTable(sources: readonly SourceRow[]): Html {
  return html`<div class="table-wrap"><table class="sources"><thead><tr><th scope="col">Source</th><th scope="col">Tools</th><th scope="col">Gave</th><th scope="col">Data</th><th scope="col">Data license</th></tr></thead><tbody>${each(
    sources,
    (row) =>
      html`<tr><td>${row.title}<div class="muted">as <code>${row.name}</code>${row.at ? html`, ${row.at}` : ''}</div>${row.status ? html`<div class="muted">${row.status}</div>` : ''}</td><td>${
        row.showsTools ? html`<span class="shown">${row.tools} (shown)</span>` : row.tools
      }</td><td>${row.fields.length > 0 ? row.fields.join(', ') : html`<span class="muted">nothing shown here</span>`}</td><td>${
        row.dataUrl
          ? html`<a href="${row.dataUrl}" rel="nofollow noopener"><code>${row.dataLabel}</code></a>`
          : row.dataLabel
            ? html`<code>${row.dataLabel}</code>`
            : html`<span class="muted">${row.source === 'crawl' ? 'this project' : 'not recorded'}</span>`
      }</td><td>${row.licenseKnown ? row.license : html`<span class="muted">${row.license}</span>`}</td></tr>`,
  )}</tbody></table></div>`;
}

/** How to collect a server's tools: one command block per thing the crawler can start, then what it cannot. */
export function collectSteps(steps: readonly CollectStep[], limits: readonly string[]): Html {
  return html`${
    steps.length > 0
      ? html`<h3>How to collect them</h3><p>In a checkout of the catalog:</p>${each(
          steps,
          (step) => html`<div class="collect-step"><p><strong>${step.what}</strong>${step.before ? html`: ${step.before}` : ''}</p><pre><code>${step.commands.join('\n')}</code></pre></div>`,
        )}`
      : ''
  }${each(limits, (limit) => html`<p>${limit}</p>`)}`;
}

/** A horizontal bar chart in inline SVG, with the same numbers as text for screen readers. */
export function barChartFigure(title: string, keys: readonly string[], counts: Record<string, number>, classPrefix = ''): Html {
  const bars = barChart(keys, counts);
  const labelWidth = 110;
  const label = `${title}: ${bars.map((bar) => `${bar.key} ${bar.count}`).join(', ')}`;
  return html`<figure class="chart"><figcaption>${title}</figcaption><svg viewBox="0 0 ${labelWidth + 300 + 90} ${bars.length * 28}" role="img" aria-label="${label}">${each(
    bars,
    (bar) =>
      html`<g class="${classPrefix}${bar.key}"><text x="0" y="${bar.y + 18}" class="chart-label">${bar.key}</text><rect x="${labelWidth}" y="${bar.y + 5}" width="${bar.width}" height="18" rx="3" fill="currentColor"></rect><text x="${
        labelWidth + bar.width + 6
      }" y="${bar.y + 18}" class="chart-value">${bar.count.toLocaleString('en-US')} (${percent(bar.share)})</text></g>`,
  )}</svg></figure>`;
}

const NO_CHANGES = 'No changes recorded yet: a change appears when a server is collected again and a tool was added, changed or removed.';

/** A list of tool changes, newest first; used by the home page, the changes page and server pages. */
export function changeList(changes: readonly ChangeRef[], empty = NO_CHANGES, detail?: (change: ChangeRef, index: number) => Html): Html {
  if (changes.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`<ul class="changes">${each(
    changes,
    (change, index) =>
      html`<li id="${changeAnchor(change)}"><time datetime="${change.at}">${formatDate(change.at)}</time> <span class="badge change-${change.change}">${change.change}</span> <a href="${
        change.change === 'removed' ? serverUrl(change.server) : toolUrl(change.server, change.tool)
      }">${describeChange(change)}</a>${detail ? detail(change, index) : ''}</li>`,
  )}</ul>`;
}

/** Tools with their server and verdict: listings and same-name pages. */
export function toolTable(tools: readonly ToolRef[], showServer = true): Html {
  return html`<div class="table-wrap"><table><thead><tr><th scope="col">Tool</th>${showServer ? html`<th scope="col">Server</th>` : ''}<th scope="col">Verdict</th></tr></thead><tbody>${each(
    tools,
    (ref) =>
      html`<tr><td><a href="${toolUrl(ref.server, ref.tool)}"><code>${ref.tool}</code></a>${
        ref.findings > 0 ? html`<span class="badge finding-flag" title="findings that may be tool poisoning">${ref.findings} finding${ref.findings === 1 ? '' : 's'}</span>` : ''
      }</td>${showServer ? html`<td><a href="${serverUrl(ref.server)}">${ref.serverName}</a></td>` : ''}<td>${riskBadges(ref.category, ref.risk)}</td></tr>`,
  )}</tbody></table></div>`;
}
