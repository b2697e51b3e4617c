// The body of a server page as one string, from its page model. A server page must stay under
// 200 KB whatever its tool count: the tools table is compact (one short row per tool, the verdict's
// reasons left to each tool's page), and a whole-server policy too long for the page is offered as
// its files only.
import { serverHintSummaryNote } from './hints';
import type { Server } from '../../schema';
import { SERVER_POLICY_ANCHOR, toolUrl } from '../catalog';
import { plural } from '../format';
import { each, html, type Html } from '../html';
import type { serverPageModel } from '../server-page';
import { CATEGORIES, RISKS } from '../taxonomy';
import { barChartFigure, changeList, collectSteps, factList, labelList, policySnippets, sourceTable } from './parts';
import { changeDetails } from './changes';
import { reviewBadge } from './review';
import { serverIncidentsLine } from './incidents';
import { serverFindingsSection } from './server-findings';

type ServerPageModel = ReturnType<typeof serverPageModel>;

/** Above this many characters (the three formats together) the server policy is offered as files, not shown. */
export const POLICY_SHOWN_MAX = 32_000;
/**
 * The tools table lists at most this many tools (~240 bytes a row); a larger server's other tools
 * are still reached from the category, risk and capability listings and its data file.
 */
export const TOOL_ROWS_MAX = 650;
/** The history lists at most this many entries, newest first (~350 bytes each); the rest are in the server's data file. */
export const HISTORY_ROWS_MAX = 60;
/** Of those, the newest this many changed or removed tools show what changed (a diff is at most ~2 KB); older ones are one line each. */
export const CHANGE_DETAILS_MAX = 12;

function toolsTable(server: Server, model: ServerPageModel): Html {
  const rows = model.tools.slice(0, TOOL_ROWS_MAX);
  return html`<div class="table-wrap"><table class="sortable tools"><thead><tr><th scope="col" aria-sort="ascending"><button type="button" data-sort="0">Tool</button></th><th scope="col"><button type="button" data-sort="1">Verdict</button></th><th scope="col"><button type="button" data-sort="2">Parameters</button></th><th scope="col"><button type="button" data-sort="3">Tokens</button></th></tr></thead><tbody>${each(
    rows,
    (tool) =>
      // A changed description is marked by a class (its words come from the style sheet): ~15 bytes a row, not ~120.
      html`<tr><td${model.rugPulls.has(tool.ref.tool) ? html` class="rug-pulled"` : ''}><a href="${toolUrl(server.id, tool.ref.tool)}">${tool.ref.tool}</a>${
        tool.ref.findings > 0 ? html`<span class="badge finding-flag" title="findings that may be tool poisoning">${plural(tool.ref.findings, 'finding')}</span>` : ''
      }${reviewBadge(tool.ref.review)}</td><td data-value="${tool.verdictRank}" class="risk-${tool.ref.risk}">${tool.ref.category}, ${tool.ref.risk}</td>${
        tool.parameters === undefined ? html`<td data-value="-1"><span class="muted">not known</span></td>` : html`<td>${tool.parameters}</td>`
      }<td>${tool.tokens}</td></tr>`,
  )}</tbody></table></div>${
    model.tools.length > rows.length
      ? html`<p class="note">The table lists the first ${plural(rows.length, 'tool')} by name of ${model.tools.length.toLocaleString('en-US')}, to keep this page small; every tool is in <a href="${model.urls.json}">this server's data file</a> and in the <a href="/categories/">category</a> and <a href="/risk/">risk</a> listings.</p>`
      : ''
  }`;
}

/** The server's history, newest first (HISTORY_ROWS_MAX entries), with what changed for the newest CHANGE_DETAILS_MAX changed or removed tools. */
function historyList(model: ServerPageModel): Html {
  let detailed = 0;
  const rows = model.history.slice(0, HISTORY_ROWS_MAX);
  return html`${changeList(rows, undefined, (change) => {
    if (change.change === 'added' || detailed >= CHANGE_DETAILS_MAX) return html``;
    detailed += 1;
    return changeDetails(change);
  })}${
    model.history.length > rows.length
      ? html`<p class="muted">The ${plural(model.history.length - rows.length, 'older entry', 'older entries')} of this history ${
          model.history.length - rows.length === 1 ? 'is' : 'are'
        } in <a href="${model.urls.json}">this server's data file</a>, to keep this page small.</p>`
      : ''
  }`;
}

export function serverPageBody(server: Server, model: ServerPageModel): Html {
  const { verdict } = model;
  const policy = model.policy;
  const policyText = policy ? policy.hostedJson.text.length + policy.interceptYaml.text.length + policy.claudeSettings.text.length : 0;
  const inline = policyText <= POLICY_SHOWN_MAX;
  return html`<article><header><p class="muted">MCP server</p><h1>${server.displayName}</h1>${
    server.description ? html`<p class="description">${server.description}</p>` : ''
  }${
    model.hasTools ? html`<p>${model.summary} <span class="badge risk-${verdict.risk}">${verdict.risk} risk</span>.</p>` : html`<p class="note">${model.summary}</p>`
  }</header>${
    model.notCollected
      ? html`<section class="collect" aria-labelledby="not-collected"><h2 id="not-collected">Tools not collected yet</h2><p>${model.notCollected.reason}</p>${
          model.notCollected.message ? html`<p class="muted">The crawler's message (quotes the server): <code>${model.notCollected.message}</code></p>` : ''
        }${collectSteps(model.notCollected.steps, model.notCollected.limits)}</section>`
      : ''
  }${
    verdict.exfiltrationTriangle
      ? html`<section class="note" aria-labelledby="triangle"><h2 id="triangle">Exfiltration risk: private data, untrusted content and a way out on one server</h2><p>An instruction hidden in content this server brings in can make an agent read private data and send it out, all through this server's own tools. Private data: ${verdict.triangle.privateData.join(
          ', ',
        )}. Untrusted content: ${verdict.triangle.untrustedContent.join(', ')}. Outward channel: ${verdict.triangle.outwardChannel.join(', ')}.</p></section>`
      : ''
  }${model.rugPulls.size > 0 ? html`<p class="note">${plural(model.rugPulls.size, 'tool')} changed ${model.rugPulls.size === 1 ? 'its' : 'their'} description after first being seen: see <a href="#history">History</a>. A tool approved once can change what it tells the agent.</p>` : ''}<h2>About this server</h2>${factList(model.facts)}${
    model.sources.length > 0
      ? html`<h2 id="sources">Sources</h2><p>Every source that lists this server, the one whose tools are shown first. Each row links to the source's own data at the commit it was read from.</p>${sourceTable(model.sources)}`
      : ''
  }${
    model.conflicts.length > 0
      ? html`<h2 id="conflicts">Where the sources disagree</h2><ul class="conflicts">${each(model.conflicts, (conflict) => html`<li>${conflict.sentence}</li>`)}</ul><p class="muted">Tools come from the best evidence: a live crawl, then a saved tools/list, then static analysis or CLI metadata, then names alone; then the longer list. Other fields come from the highest-ranked source that has them.</p>`
      : ''
  }${
    model.hasTools && policy
      ? html`<h2>Risk split</h2><div class="charts">${barChartFigure('Tools by risk class', RISKS, verdict.byRisk, 'risk-')}${barChartFigure(
          'Tools by category',
          CATEGORIES,
          verdict.byCategory,
          'category-',
        )}</div><h2>Capabilities</h2>${labelList(verdict.labels, true)}${serverIncidentsLine(server)}<h2 id="annotations">Annotations</h2>${serverHintSummaryNote(model.hints)}<h2 id="tools">Tools</h2>${
          model.origin
            ? html`<p>${model.origin.sentence}${model.origin.dataUrl ? html` <a href="${model.origin.dataUrl}" rel="nofollow noopener">The source's data</a>.` : ''}</p>`
            : ''
        }${
          model.namesOnly
            ? html`<p class="note">Only the names and descriptions of these tools are published: their parameters are not known, so each verdict rests on the name and description alone.</p>`
            : ''
        }<p class="muted">Each tool's page says why it got its verdict.</p>${toolsTable(server, model)}${serverFindingsSection(server)}<h2 id="${SERVER_POLICY_ANCHOR}">Recommended policy for the whole server</h2>${
          inline
            ? ''
            : html`<p>The policy covers ${plural(server.tools.length, 'tool')} and is too long to show on this page: download it in the format your gateway reads. Each tool's page shows its own entry.</p>`
        }${policySnippets(policy, policy.explanation, 'server', { base: model.urls.self, inline })}`
      : ''
  }<h2 id="history">History</h2>${historyList(model)}</article>`;
}
