// The tool page's context sections (src/site/tool-context.ts): the confidence explained, the server-wide
// limit with a link to the server's policy, the source of the definition, and related tools of the server.
import { each, html, type Html } from '../html';
import type { Fact } from '../server-page';
import { CONFIDENCE_SENTENCE, serverLimitText, type RelatedTool } from '../tool-context';
import { factList } from './parts';

/** Where the method page explains a term; the tool, home and listing pages link there. */
export const METHOD_ANCHORS = {
  category: '/method/#category',
  risk: '/method/#risk',
  confidence: '/method/#confidence',
  findings: '/method/#findings',
  triangle: '/method/#exfiltration-triangle',
  decisions: '/method/#decision-table',
} as const;

/** The confidence as a figure with its meaning in one sentence and a link to how it is computed. */
export function confidenceNote(confidence: number): Html {
  return html`<p class="muted confidence">Confidence ${Math.round(confidence * 100)}%. ${CONFIDENCE_SENTENCE} <a href="${METHOD_ANCHORS.confidence}">How it is computed</a>.</p>`;
}

/** Below a tool's own snippet: the limit the whole server's policy adds, and where that policy is. */
export function serverLimitNote(policyUrl: string): Html {
  return html`<p class="muted">The <a href="${policyUrl}">server's policy</a> also limits all of its tools together to ${serverLimitText()}, which this snippet alone does not.</p>`;
}

export function toolSourceSection(facts: readonly Fact[]): Html {
  return html`<h2 id="source">Source</h2>${factList(facts)}`;
}

export function relatedToolsSection(related: readonly RelatedTool[], serverUrl: string): Html {
  if (related.length === 0) return html``;
  return html`<h2 id="related">Related tools on this server</h2><ul class="related">${each(
    related,
    (tool) =>
      html`<li><a href="${tool.url}">${tool.name}</a> <span class="risk-${tool.risk}">${tool.category}, ${tool.risk}</span> <span class="muted">${
        tool.nouns.length > 0 ? `same resource${tool.nouns.length > 1 ? 's' : ''}: ${tool.nouns.join(', ')}` : ''
      }${tool.nouns.length > 0 && tool.verb ? '; ' : ''}${tool.verb ? `same verb: ${tool.verb}` : ''}</span></li>`,
  )}</ul><p class="muted"><a href="${serverUrl}#tools">Every tool of this server</a></p>`;
}
