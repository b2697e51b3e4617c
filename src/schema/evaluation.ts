// data/eval-report.json: what `npm run eval` measures over the embedded dataset (src/classify/evaluate.ts
// writes it, the data page reads it).
import { z } from 'zod';
import { Category } from './classification';

const Ratio = z.number().min(0).max(1);
const Count = z.number().int().nonnegative();

/**
 * One inferred hint against the hint its authors declared (a null inferred hint scored as the spec's
 * default). `ceiling` is the best accuracy any predictor that gives one value to all tools of the same
 * wording (name verb + description lead verb) could reach: authors who label the same wording
 * differently cap it (docs/classifier.md). Null where no tool of the row declares the hint.
 */
export const HintScore = z.strictObject({
  n: Count,
  correct: Count,
  accuracy: Ratio.nullable(),
  ceiling: Ratio.nullable(),
  /** Declared true is the positive class. */
  tp: Count,
  fp: Count,
  fn: Count,
  f1: Ratio.nullable(),
});
export type HintScore = z.infer<typeof HintScore>;

/** One row of the evaluation: a source, a cohort, or all labelled tools. */
export const EvaluationRow = z.strictObject({
  name: z.string(),
  /** Category Read against readOnlyHint; accuracy is null when no tool of the row declares it. */
  readOnly: z.strictObject({ n: Count, correct: Count, accuracy: Ratio.nullable() }),
  /** The `destructive` label against destructiveHint, among tools not declared read-only. */
  destructive: z.strictObject({ n: Count, tp: Count, fp: Count, fn: Count, precision: Ratio, recall: Ratio, f1: Ratio }),
  /** F1 of category Destructive alone against destructiveHint. */
  destructiveCategoryF1: Ratio,
  /** The inferred annotations against the declared ones; destructive and idempotent only where readOnlyHint is not declared true. */
  hints: z.strictObject({ readOnlyHint: HintScore, destructiveHint: HintScore, idempotentHint: HintScore, openWorldHint: HintScore }),
});
export type EvaluationRow = z.infer<typeof EvaluationRow>;

export const EvaluationReport = z.strictObject({
  about: z.string(),
  labelledTools: Count,
  all: EvaluationRow,
  bySource: z.array(EvaluationRow),
  /** The first servers, and the held-out dev and test servers of data/eval-cohorts.json. */
  byCohort: z.array(EvaluationRow),
  /** Labelled tools of the imported open datasets (data/sources, merged into data/servers) that data/collected does not hold. */
  newSources: EvaluationRow,
  /** Author declaration → predicted category → count. */
  confusion: z.record(z.string(), z.partialRecord(Category, Count)),
});
export type EvaluationReport = z.infer<typeof EvaluationReport>;
