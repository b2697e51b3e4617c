// What a tool page shows of a person's review: both verdicts side by side, what differs, who and when,
// and which one the tool's policy follows (src/site/verdicts.ts decides; this only says it).
import { HINT_NAMES, type HintName } from '../classify/hints';
import { followedBy, type Followed } from '../editorial/review-verdict';
import type { CapabilityLabel, Category, Classification, RiskClass, Server, StoredTool } from '../schema';
import type { FaqEntry } from './faq';
import { toolReview } from './verdicts';

export interface ReviewBlock {
  status: 'current' | 'stale';
  follows: Followed;
  /** The review confirms the classifier's verdict (agrees: true). */
  agrees: boolean;
  classifier: { category: Category; risk: RiskClass };
  /** The verdict as reviewed: the review's category and risk, the classifier's where it gives none. */
  reviewed: { category: Category; risk: RiskClass };
  /** Set when the review gives labels of its own. */
  labels?: { classifier: CapabilityLabel[]; reviewed: CapabilityLabel[] };
  /** The hints the review gives, each beside the classifier's inferred value. */
  hints: Array<{ hint: HintName; classifier: boolean | null; reviewed: boolean | null }>;
  reason: string;
  reviewer: string;
  date: string;
  /** The free text, split into paragraphs (shown as escaped text). */
  paragraphs: string[];
  /** The tool's hash when it was reviewed, and now. */
  reviewedHash: string;
  hash: string;
  /** A stale review: when the history records the tool changing after it. */
  changedAt?: string;
  /** The review's file, relative to the data folder. */
  file: string;
}

export function reviewBlockModel(server: Server, tool: StoredTool, classification: Classification): ReviewBlock | undefined {
  const state = toolReview(server, tool);
  if (!state) return undefined;
  const { review } = state;
  return {
    status: state.status,
    follows: followedBy(state),
    agrees: review.agrees === true,
    classifier: { category: classification.category, risk: classification.risk },
    reviewed: { category: review.category ?? classification.category, risk: review.risk ?? classification.risk },
    ...(review.labels ? { labels: { classifier: classification.labels, reviewed: [...new Set(review.labels)].sort() } } : {}),
    hints: HINT_NAMES.filter((hint) => review.hints?.[hint] !== undefined).map((hint) => ({
      hint,
      classifier: classification.inferredAnnotations[hint].value,
      reviewed: review.hints?.[hint] as boolean | null,
    })),
    reason: review.reason,
    reviewer: review.reviewer,
    date: review.date,
    paragraphs: review.body.split(/\r?\n\s*\r?\n/).map((paragraph) => paragraph.replace(/\s+/g, ' ').trim()).filter((paragraph) => paragraph.length > 0),
    reviewedHash: review.hash,
    hash: state.hash,
    ...(state.changedAt ? { changedAt: state.changedAt } : {}),
    file: review.file,
  };
}

/**
 * The FAQ's risk answer is the classifier's; where a current review differs, the answer says so too,
 * so the questions never state a verdict the policy no longer follows without the review beside it.
 */
export function faqWithReview(faq: FaqEntry[], block: ReviewBlock | undefined): FaqEntry[] {
  if (!block || block.follows !== 'review' || block.agrees) return faq;
  const { category, risk } = block.reviewed;
  if (category === block.classifier.category && risk === block.classifier.risk) return faq;
  const said = `Reviewed by ${block.reviewer} on ${block.date}: ${category}, ${risk} risk. ${block.reason.replace(/\.$/, '')}. The recommended policy follows the review.`;
  return faq.map((entry) => (entry.question.startsWith('How risky is ') ? { ...entry, answer: `${entry.answer} ${said}` } : entry));
}
