// The body of a tool page (everything inside Base's <main>) as one string, from its page model.
// One pass of string building instead of ~8 Astro components per page: at one page per tool this is
// most of the build (docs/performance.md).
import type { Server } from '../../schema';
import { serverUrl, toolUrl } from '../catalog';
import { describeChange } from '../feed';
import { formatDate, plural, shorten } from '../format';
import { each, escapeHtml, html, Html } from '../html';
import type { toolPageModel } from '../tool-page';
import { argumentAdviceSection, oneToolPolicyNote } from './policy-help';
import { confidenceNote, relatedToolsSection, serverLimitNote, toolSourceSection } from './context';
import { rugPullFlag } from './changes';
import { hintTable } from './hints';
import { reviewSection } from './review';
import { toolIncidentsLine } from './incidents';
import { contradictionNote, evidenceTable, factsOfAnnotations, faqList, findingList, labelList, parametersTable, policySnippets, riskBadges, TEXT_LIMITS } from './parts';

type ToolPageModel = ReturnType<typeof toolPageModel>;

/** The definition is shown as sent up to this many bytes of escaped, pretty-printed JSON; beyond, the server's JSON file has it. */
export const DEFINITION_SHOWN_MAX = 10_000;

export function toolPageTitle(server: Server, model: ToolPageModel): { title: string; description: string } {
  const { definition, classification: verdict } = model;
  return {
    title: `${definition.name} on ${server.displayName}`,
    description: `${definition.name} (${server.displayName}): ${verdict.category}, ${verdict.risk} risk. ${verdict.summary}`,
  };
}

export function toolPageBody(server: Server, model: ToolPageModel): Html {
  const { definition, classification: verdict } = model;
  const poisoning = model.poisoningFindings.length;
  const definitionJson = JSON.stringify(definition, null, 2);
  const definitionText = escapeHtml(definitionJson);
  const description = definition.description
    ? html`<p class="description">${shorten(definition.description, TEXT_LIMITS.description)}</p>${
        definition.description.length > TEXT_LIMITS.description
          ? html`<p class="muted">The description is ${definition.description.length.toLocaleString('en-US')} characters long; the rest is in the definition.</p>`
          : ''
      }`
    : html`<p class="muted">The server sends no description for this tool.</p>`;
  return html`<article><header><p class="muted">Tool on <a href="${model.urls.server}">${server.displayName}</a></p><h1><code>${definition.name}</code></h1>${
    definition.title ? html`<p>${shorten(definition.title, TEXT_LIMITS.title)}</p>` : ''
  }<p class="verdict">${riskBadges(verdict.category, verdict.risk)} </p><p>${verdict.summary}</p>${confidenceNote(verdict.confidence)}</header>${reviewSection(model.review)}${
    verdict.labels.length > 0 ? labelList(verdict.labels) : ''
  }${
    poisoning > 0
      ? html`<p class="note" role="note">This tool's definition has ${plural(poisoning, 'finding')} that may be tool poisoning: see <a href="#findings">Findings</a>.</p>`
      : ''
  }${rugPullFlag(server, definition.name)}${each(model.notes, (note) => html`<p class="note">${note}</p>`)}${
    model.origin
      ? html`<p class="muted">${model.origin.sentence}${model.origin.dataUrl ? html` <a href="${model.origin.dataUrl}" rel="nofollow noopener">The source's data</a>.` : ''}${
          model.urls.sources ? html` <a href="${model.urls.sources}">Every source of this server</a>.` : ''
        }</p>`
      : ''
  }<h2>What it does</h2>${description}<h2>Why this verdict</h2>${evidenceTable(verdict)}<h2>Capabilities</h2>${labelList(verdict.labels, true)}${toolIncidentsLine(server, definition.name)}<h2>Annotations</h2>${
    model.annotations.length > 0
      ? factsOfAnnotations(model.annotations)
      : html`<p class="muted">The server declares no annotations for this tool (the MCP defaults then mean: may write, may destroy, open world).</p>`
  }${hintTable(model.hints)}${contradictionNote(model.annotationFindings)}<h2 id="findings">Findings</h2>${findingList(verdict.findings)}<h2>Parameters</h2><p>${
    model.parametersNote ?? model.parameters
  }</p>${parametersTable(model.rows)}${
    model.outputRows.length > 0
      ? html`<h2>What it returns</h2><p>The tool declares a structured result (outputSchema) with these fields.</p>${parametersTable(model.outputRows)}`
      : ''
  }<h2>Recommended policy</h2>${oneToolPolicyNote(server.displayName, model.urls.serverPolicy)}${policySnippets(model.policy, model.policy.explanation, 'tool')}${serverLimitNote(model.urls.serverPolicy)}${argumentAdviceSection(model.argumentAdvice)}<h2>Questions</h2>${faqList(model.faq)}${toolSourceSection(model.sourceFacts)}<h2>History</h2>${
    model.history.length === 0
      ? html`<p class="muted">No change recorded since it was first collected (${formatDate(server.crawl.at)}).</p>`
      : html`<ul>${each(
          model.history,
          (entry) => html`<li><time datetime="${entry.at}">${formatDate(entry.at)}</time> ${describeChange({ ...entry, serverName: server.displayName })}</li>`,
        )}</ul>`
  }${relatedToolsSection(model.related, model.urls.server)}${
    model.sameName.length > 0
      ? html`<h2>Same name on other servers</h2><ul>${each(
          model.sameName.slice(0, 20),
          (ref) => html`<li><a href="${toolUrl(ref.server, ref.tool)}">${ref.tool}</a> on <a href="${serverUrl(ref.server)}">${ref.serverName}</a></li>`,
        )}</ul><p><a href="${model.sameNameUrl}">Compare every server's ${definition.name}</a></p>`
      : ''
  }${
    definitionText.length <= DEFINITION_SHOWN_MAX
      ? html`<details><summary>Definition as sent</summary><pre><code>${new Html(definitionText)}</code></pre></details>`
      : html`<p class="muted">The definition as sent is ${Math.ceil(Buffer.byteLength(definitionJson) / 1024).toLocaleString('en-US')} KB of JSON, too long to show here: it is in <a href="${
          model.urls.serverJson
        }">this server's data file</a>, with every other tool of the server.</p>`
  }</article>`;
}
