// The reasons a verdict rests on, read from the classification's `decidedBy`: the FAQ, the evidence
// table and the consistency test all cite these, so a page never gives a reason that did not decide.
import type { Category, Classification, Evidence } from '../schema';

type Verdict = Pick<Classification, 'category' | 'evidence' | 'decidedBy'>;

/** The category an evidence item votes for (`category:Write + qualifier:overwrite` -> Write), if any. */
export function concludedCategory(item: Pick<Evidence, 'concludes'>): Category | undefined {
  const part = item.concludes.split(' + ').find((conclusion) => conclusion.startsWith('category:'));
  return part ? (part.slice('category:'.length) as Category) : undefined;
}

const ofRules = (verdict: Verdict, rules: readonly string[]): Evidence[] => rules.flatMap((rule) => verdict.evidence.filter((item) => item.rule === rule));

export interface VerdictReasons {
  /** The evidence that decided the category, most decisive first. */
  category: Evidence[];
  /** The evidence that raised the risk above the category's default (empty when it was not raised). */
  risk: Evidence[];
  /** Evidence for another category than the verdict's, and the rule that overruled it. */
  overruled: { item: Evidence; concluded: Category; by: string | undefined }[];
}

export function verdictReasons(verdict: Verdict): VerdictReasons {
  const by = verdict.decidedBy.category[0];
  return {
    category: ofRules(verdict, verdict.decidedBy.category),
    risk: ofRules(verdict, verdict.decidedBy.risk),
    overruled: verdict.evidence.flatMap((item) => {
      const concluded = concludedCategory(item);
      return concluded !== undefined && concluded !== verdict.category ? [{ item, concluded, by }] : [];
    }),
  };
}

/** Each explanation once, in order (two matches of one rule explain the same thing). */
export function explanations(items: readonly Evidence[]): string[] {
  return [...new Set(items.map((item) => item.explanation))];
}
