// The verdict a tool's policy follows: the classifier's, or a current review's in its place. The site
// asks for it in one place (src/site/verdicts.ts), so the page, the server policy and the downloads agree.
import { HINT_NAMES } from '../classify/hints';
import type { Classification } from '../schema';
import type { ReviewState } from './reviews';

/** Which verdict a policy follows and why, as the tool page and the exports say it. */
export type Followed = 'classifier' | 'review';

export function followedBy(state: ReviewState | undefined): Followed {
  return state?.status === 'current' ? 'review' : 'classifier';
}

/**
 * The classification with a current review's category, risk, labels and hints in place of the
 * classifier's; the classifier's own evidence is kept (it is what the page explains). A stale review,
 * or none, leaves the classification as it is. A person who names a category has decided it: the
 * verdict no longer rests on insufficient information.
 */
export function followedVerdict(classification: Classification, state: ReviewState | undefined): Classification {
  if (followedBy(state) !== 'review') return classification;
  const { review } = state as ReviewState;
  const inferredAnnotations = { ...classification.inferredAnnotations };
  for (const hint of HINT_NAMES) {
    const value = review.hints?.[hint];
    if (value !== undefined) inferredAnnotations[hint] = { value, evidence: [] };
  }
  return {
    ...classification,
    category: review.category ?? classification.category,
    risk: review.risk ?? classification.risk,
    labels: review.labels ? [...new Set(review.labels)].sort() : classification.labels,
    insufficientInformation: review.category !== undefined && review.category !== 'Other' ? false : classification.insufficientInformation,
    inferredAnnotations,
  };
}
