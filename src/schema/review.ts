// A person's review of one tool's verdict: the front matter of data/reviews/<server-id>/<tool-slug>.md
// (docs/reviews.md). Shared by the loader (src/editorial/reviews.ts), `npm run check` and the tests.
import { z } from 'zod';
import { CapabilityLabel, Category, RiskClass } from './classification';

/** A calendar day, as YAML writes it unquoted (`2026-12-02`, which the YAML parser reads as a date) or quoted. */
const ReviewDate = z
  .union([z.date(), z.string()])
  .transform((value) => (value instanceof Date ? (Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString().slice(0, 10)) : value))
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a review date is a day, YYYY-MM-DD', abort: true })
      .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), 'not a real calendar day'),
  );

/** The spec's four behaviour hints, each as the reviewer reads the tool (null: cannot be told from what it says). */
export const ReviewedHints = z.strictObject({
  readOnlyHint: z.boolean().nullable().optional(),
  destructiveHint: z.boolean().nullable().optional(),
  idempotentHint: z.boolean().nullable().optional(),
  openWorldHint: z.boolean().nullable().optional(),
});
export type ReviewedHints = z.infer<typeof ReviewedHints>;

export const ReviewFrontMatter = z
  .strictObject({
    /** The reviewer's category, where it differs from the classifier's. */
    category: Category.optional(),
    /** The reviewer's risk class; required with a category (a category's risk is part of the verdict). */
    risk: RiskClass.optional(),
    /** The capability labels the tool really has, all of them, where they differ from the classifier's (they drive policy rows too). */
    labels: z.array(CapabilityLabel).optional(),
    /** Inferred hints the reviewer reads differently from the classifier. */
    hints: ReviewedHints.optional(),
    /** An explicit confirmation: the reviewer read the tool and the classifier's verdict stands. */
    agrees: z.literal(true).optional(),
    /** Why, in one line (shown on the tool page and in the listing). */
    reason: z.string().trim().min(10, 'say why in at least a few words').max(300, 'one line: at most 300 characters').regex(/^[^\n\r]*$/, 'one line: no line breaks'),
    /** The day of the review. */
    date: ReviewDate,
    /** Who reviewed it: a handle (GitHub-style), not a name or an address. */
    reviewer: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'a reviewer is a handle: letters, digits and hyphens, at most 39'),
    /** The tool's content hash at review time (StoredTool.hash, src/lib/hash.ts): when the tool changes, the review is stale. */
    hash: z.string().regex(/^[0-9a-f]{16}$/, 'the tool hash at review time is 16 lowercase hex digits (the "hash" of the tool in data/servers/<id>.json)'),
  })
  .superRefine((review, context) => {
    const verdict = review.category !== undefined || review.risk !== undefined || review.labels !== undefined || (review.hints !== undefined && Object.keys(review.hints).length > 0);
    if (review.agrees && verdict) context.addIssue({ code: 'custom', path: ['agrees'], message: 'agrees: true confirms the classifier; it cannot come with a category, risk, labels or hints of its own' });
    if (!review.agrees && !verdict) context.addIssue({ code: 'custom', path: ['category'], message: 'a review gives a category, risk, labels or hints that differ from the classifier, or agrees: true' });
    if (review.category !== undefined && review.risk === undefined) context.addIssue({ code: 'custom', path: ['risk'], message: 'a reviewed category needs its risk class' });
  });
export type ReviewFrontMatter = z.infer<typeof ReviewFrontMatter>;
