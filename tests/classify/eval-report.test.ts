// data/eval-report.json is what the data page publishes as the classifier's accuracy: it must be what
// `npm run eval` measures over data/ today, so a rule change that moves a figure without running eval fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluationReport, labelledTools, newSourceTools, toolKeys, type Cohorts } from '../../src/classify/evaluate';
import { canonicalJson } from '../../src/lib/canonical-json';
import { EvaluationReport } from '../../src/schema';
import { iterateServers } from '../../src/store/dataset';

describe('data/eval-report.json', () => {
  const cohorts = JSON.parse(readFileSync('data/eval-cohorts.json', 'utf8')) as Cohorts;
  const fresh = newSourceTools(iterateServers('data', 'servers'), toolKeys(iterateServers('data', 'collected')));
  const report = evaluationReport(labelledTools(iterateServers('data', 'collected')), cohorts, fresh);

  it('is exactly what npm run eval gives for the embedded dataset today', () => {
    expect(readFileSync('data/eval-report.json', 'utf8')).toBe(canonicalJson(report));
    // The data page reads it through the schema: the report eval writes must pass it.
    expect(EvaluationReport.safeParse(report).success).toBe(true);
  });

  it('adds up: every source and every cohort sum to the overall counts', () => {
    const sum = (rows: typeof report.bySource, pick: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + pick(row), 0);
    for (const rows of [report.bySource, report.byCohort]) {
      expect(sum(rows, (row) => row.readOnly.n)).toBe(report.all.readOnly.n);
      expect(sum(rows, (row) => row.destructive.tp)).toBe(report.all.destructive.tp);
      expect(sum(rows, (row) => row.destructive.n)).toBe(report.all.destructive.n);
      for (const hint of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const) {
        expect(sum(rows, (row) => row.hints[hint].n)).toBe(report.all.hints[hint].n);
        expect(sum(rows, (row) => row.hints[hint].correct)).toBe(report.all.hints[hint].correct);
      }
    }
    // The new sources are tools data/collected does not hold: none of them is counted in the overall row.
    expect(report.newSources.readOnly.n).toBeGreaterThan(0);
    expect(report.labelledTools).toBe(labelledTools(iterateServers('data', 'collected')).length);
    expect(report.byCohort.map((row) => row.name)).toEqual(['first servers', 'held-out dev', 'held-out test']);
    const { tp, fp } = report.all.destructive;
    expect(report.all.destructive.precision).toBeCloseTo(tp / (tp + fp), 3);
  });
});
