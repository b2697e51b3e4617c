// data/eval-report.json: what `npm run eval` measures over the embedded dataset (src/classify/evaluate.ts
// writes it, the data page reads it).
import { z } from 'zod';
import { Category } from './classification';

const Ratio = z.number().min(0).max(1);
const Count = z.number().int().nonnegative();

/** One row of the evaluation: a source, a cohort, or all labelled tools. */
export const EvaluationRow = z.strictObject({
  name: z.string(),
  /** Category Read against readOnlyHint; accuracy is null when no tool of the row declares it. */
  readOnly: z.strictObject({ n: Count, correct: Count, accuracy: Ratio.nullable() }),
  /** The `destructive` label against destructiveHint, among tools not declared read-only. */
  destructive: z.strictObject({ n: Count, tp: Count, fp: Count, fn: Count, precision: Ratio, recall: Ratio, f1: Ratio }),
  /** F1 of category Destructive alone against destructiveHint. */
  destructiveCategoryF1: Ratio,
});
export type EvaluationRow = z.infer<typeof EvaluationRow>;

export const EvaluationReport = z.strictObject({
  about: z.string(),
  labelledTools: Count,
  all: EvaluationRow,
  bySource: z.array(EvaluationRow),
  /** The first servers, and the held-out dev and test servers of data/eval-cohorts.json. */
  byCohort: z.array(EvaluationRow),
  /** Author declaration → predicted category → count. */
  confusion: z.record(z.string(), z.partialRecord(Category, Count)),
});
export type EvaluationReport = z.infer<typeof EvaluationReport>;
