// Category, risk and capability badges, the same on every page: parts.ts re-exports them for the
// build-time pages, and the /scan/ page renders with them in the browser (nothing here needs Node).
import type { CapabilityLabel, Category, RiskClass } from '../../schema';
import { each, html, type Html } from '../html';
import { LABEL_MEANING, LABEL_TITLE, categoryUrl, labelUrl, riskUrl } from '../taxonomy';

/** Category and risk badges, each a link to its listing. Text says the class; colour only repeats it. */
export function riskBadges(category: Category, risk: RiskClass): Html {
  return html`<a class="badge category-${category}" href="${categoryUrl(category)}">${category}</a><a class="badge risk-${risk}" href="${riskUrl(risk)}">${risk} risk</a>`;
}

export function labelList(labels: readonly CapabilityLabel[], explain = false): Html {
  if (labels.length === 0) return html`<p class="muted">No capability labels.</p>`;
  return html`<ul class="${explain ? 'labels explained' : 'labels'}">${each(
    labels,
    (label) => html`<li><a class="badge label" href="${labelUrl(label)}">${LABEL_TITLE[label]}</a>${explain ? html`<span>: it ${LABEL_MEANING[label]}.</span>` : ''}</li>`,
  )}</ul>`;
}

