// The "Reviewed" block of a tool page and the mark of a reviewed tool in a server's tools table.
// The review's text comes from a pull request: everything here goes through the escaping `html`.
import type { CapabilityLabel } from '../../schema';
import { serverUrl, toolUrl, type ReviewMark, type ToolRef } from '../catalog';
import { each, html, type Html } from '../html';
import type { ReviewBlock } from '../review-block';
import { riskBadges } from './parts';

const hintValue = (value: boolean | null): string => (value === null ? 'no value' : String(value));

/** A paragraph of the review's text: escaped, with `backtick` spans as code (the one bit of Markdown kept). */
function paragraphHtml(text: string): Html {
  const parts = text.split('`');
  // An unpaired backtick is shown as it is.
  if (parts.length % 2 === 0) return html`<p>${text}</p>`;
  return html`<p>${each(parts, (part, index) => (index % 2 === 1 ? html`<code>${part}</code>` : html`${part}`))}</p>`;
}
const labelText = (labels: readonly CapabilityLabel[]): string => (labels.length > 0 ? labels.join(', ') : 'none');

/** Both verdicts, what differs, who and when, the free text, and which verdict the policy follows. */
export function reviewSection(block: ReviewBlock | undefined): Html {
  if (!block) return html``;
  const stale = block.status === 'stale';
  return html`<section class="review${stale ? ' stale' : ''}" aria-labelledby="review"><h2 id="review">${stale ? 'Reviewed (stale)' : 'Reviewed'}</h2><table class="review-verdicts"><tbody><tr><th scope="row">Classifier</th><td class="verdict">${riskBadges(
    block.classifier.category,
    block.classifier.risk,
  )}</td></tr><tr><th scope="row">Review</th><td class="verdict">${block.agrees ? html`agrees with the classifier` : riskBadges(block.reviewed.category, block.reviewed.risk)}</td></tr>${
    block.labels ? html`<tr><th scope="row">Labels</th><td>${labelText(block.labels.reviewed)} <span class="muted">(classifier: ${labelText(block.labels.classifier)})</span></td></tr>` : ''
  }${each(
    block.hints,
    (row) => html`<tr><th scope="row"><code>${row.hint}</code></th><td>${hintValue(row.reviewed)} <span class="muted">(classifier: ${hintValue(row.classifier)})</span></td></tr>`,
  )}</tbody></table><p>${block.reason}</p>${each(block.paragraphs, paragraphHtml)}<p class="muted">Reviewed by ${block.reviewer} on <time datetime="${block.date}">${block.date}</time>, at tool hash <code>${block.reviewedHash}</code>.</p>${
    stale
      ? html`<p class="note" role="note">This review is stale: the tool changed ${block.changedAt ? html`on <time datetime="${block.changedAt}">${block.changedAt.slice(0, 10)}</time> ` : ''}after the review (its hash is now <code>${block.hash}</code>), so the policy below follows the classifier until someone reviews it again.</p>`
      : html`<p class="note" role="note">The policy below follows the ${block.agrees ? 'verdict the review confirms' : 'review'}, not the classifier's verdict alone.</p>`
  }</section>`;
}

/** A badge in a server's tools table: reviewed (the policy follows it) or review stale. */
export function reviewBadge(mark: ReviewMark | undefined): Html {
  if (!mark) return html``;
  return mark.status === 'current'
    ? html`<span class="badge reviewed" title="reviewed ${mark.date}: ${mark.category}, ${mark.risk}; the policy follows the review">reviewed</span>`
    : html`<span class="badge review-stale" title="the tool changed after its review of ${mark.date}; the policy follows the classifier">review stale</span>`;
}

/** The /reviews/ page: every reviewed tool, the classifier's verdict beside the review's, and whether the review still holds. */
export function reviewsPageBody(refs: readonly ToolRef[]): Html {
  const reviewed = refs.filter((ref): ref is ToolRef & { review: ReviewMark } => ref.review !== undefined);
  const stale = reviewed.filter((ref) => ref.review.status === 'stale').length;
  const changed = reviewed.filter((ref) => ref.review.category !== ref.category || ref.review.risk !== ref.risk).length;
  return html`<article><h1>Reviewed verdicts</h1><p>A reviewer read the definition of ${reviewed.length === 1 ? 'this tool' : `each of these ${reviewed.length} tools`} and checked the classifier's verdict: ${changed} ${changed === 1 ? 'review changes' : 'reviews change'} the category or the risk, the others correct labels or hints or confirm the verdict. While a tool's definition is the one reviewed, its policy follows the review; once the tool changes, the review is stale and the policy falls back to the classifier${
    stale > 0 ? html` (${stale} stale now)` : ''
  }. How to add a review: <code>data/reviews/</code> in the repository (docs/reviews.md).</p>${
    reviewed.length === 0
      ? html`<p class="muted">No tool has been reviewed yet.</p>`
      : html`<div class="table-wrap"><table class="reviews"><thead><tr><th scope="col">Tool</th><th scope="col">Classifier</th><th scope="col">Review</th></tr></thead><tbody>${each(
          reviewed,
          (ref) =>
            html`<tr><td><a href="${toolUrl(ref.server, ref.tool)}"><code>${ref.tool}</code></a> <span class="muted">on <a href="${serverUrl(ref.server)}">${ref.serverName}</a></span></td><td>${ref.category}, ${ref.risk}</td><td>${
              ref.review.category === ref.category && ref.review.risk === ref.risk ? 'same' : `${ref.review.category}, ${ref.review.risk}`
            }${reviewBadge(ref.review)} <time class="muted" datetime="${ref.review.date}">${ref.review.date}</time></td></tr>`,
        )}</tbody></table></div>`
  }</article>`;
}
