// Scores the classifier against what tool authors declare (readOnlyHint / destructiveHint), with the
// annotations hidden from it. Used by `npm run eval`; kept here so the arithmetic has tests.
import type { Category, EvaluationReport, EvaluationRow, McpTool, Server } from '../schema';
import { classifyTool } from './classify-tool';

export interface LabelledTool {
  source: string;
  server: string;
  definition: McpTool;
}

export interface Counts {
  readOnly: { total: number; correct: number };
  /** Among tools not declared read-only that declare destructiveHint: predicted = the `destructive` label. */
  destructive: { tp: number; fp: number; fn: number; tn: number };
  /** The same, predicted = category Destructive only (the stricter taxonomy verdict). */
  destructiveCategory: { tp: number; fp: number; fn: number; tn: number };
  /** Author declaration → predicted category → count. */
  confusion: Record<string, Partial<Record<Category, number>>>;
}

export interface Miss {
  source: string;
  server: string;
  tool: string;
  kind: 'read-only' | 'destructive';
  declared: boolean;
  category: Category;
  summary: string;
}

export function emptyCounts(): Counts {
  return {
    readOnly: { total: 0, correct: 0 },
    destructive: { tp: 0, fp: 0, fn: 0, tn: 0 },
    destructiveCategory: { tp: 0, fp: 0, fn: 0, tn: 0 },
    confusion: {},
  };
}

/** The author's declaration as one row of the confusion table. */
export function declaredClass(readOnly: boolean | undefined, destructive: boolean | undefined): string {
  if (readOnly === true) return 'declared read-only';
  if (destructive === true) return 'declared destructive';
  if (destructive === false) return 'declared additive';
  return 'declared not read-only';
}

/** True when the tool declares at least one of the two hints the evaluation scores. */
export function isLabelled(definition: McpTool): boolean {
  const a = definition.annotations;
  return typeof a?.readOnlyHint === 'boolean' || typeof a?.destructiveHint === 'boolean';
}

function tally(cell: { tp: number; fp: number; fn: number; tn: number }, actual: boolean, predicted: boolean): void {
  if (actual && predicted) cell.tp++;
  else if (actual) cell.fn++;
  else if (predicted) cell.fp++;
  else cell.tn++;
}

/** Adds one labelled tool to `counts` (and to `misses` when it is scored wrong). */
export function score(tool: LabelledTool, counts: Counts, misses?: Miss[]): void {
  const readOnly = tool.definition.annotations?.readOnlyHint ?? undefined;
  const destructive = tool.definition.annotations?.destructiveHint ?? undefined;
  const result = classifyTool(tool.definition, { ignoreAnnotations: true });
  const row = declaredClass(readOnly, destructive);
  const cells = (counts.confusion[row] ??= {});
  cells[result.category] = (cells[result.category] ?? 0) + 1;
  const miss = (kind: Miss['kind'], declared: boolean): void => {
    misses?.push({ source: tool.source, server: tool.server, tool: tool.definition.name, kind, declared, category: result.category, summary: result.summary });
  };
  if (readOnly !== undefined) {
    counts.readOnly.total++;
    if ((result.category === 'Read') === readOnly) counts.readOnly.correct++;
    else miss('read-only', readOnly);
  }
  if (destructive !== undefined && readOnly !== true) {
    const predicted = result.labels.includes('destructive');
    tally(counts.destructive, destructive, predicted);
    tally(counts.destructiveCategory, destructive, result.category === 'Destructive');
    if (predicted !== destructive) miss('destructive', destructive);
  }
}

export function f1(cell: { tp: number; fp: number; fn: number }): { precision: number; recall: number; f1: number } {
  const precision = cell.tp + cell.fp === 0 ? 0 : cell.tp / (cell.tp + cell.fp);
  const recall = cell.tp + cell.fn === 0 ? 0 : cell.tp / (cell.tp + cell.fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Servers named in data/eval-cohorts.json: crawled after the rules were written (`dev` looked at while tuning, `test` never). */
export type Cohorts = { dev?: string[]; test?: string[] };

const round = (value: number): number => Math.round(value * 1000) / 1000;

export function evaluationRow(name: string, counts: Counts): EvaluationRow {
  const d = f1(counts.destructive);
  const cell = counts.destructive;
  return {
    name,
    readOnly: { n: counts.readOnly.total, correct: counts.readOnly.correct, accuracy: counts.readOnly.total === 0 ? null : round(counts.readOnly.correct / counts.readOnly.total) },
    destructive: { n: cell.tp + cell.fp + cell.fn + cell.tn, tp: cell.tp, fp: cell.fp, fn: cell.fn, precision: round(d.precision), recall: round(d.recall), f1: round(d.f1) },
    destructiveCategoryF1: round(f1(counts.destructiveCategory).f1),
  };
}

/** The labelled tools of a dataset's collected servers, in the order `npm run eval` scores them. */
export function labelledTools(servers: Iterable<Server>): LabelledTool[] {
  const tools: LabelledTool[] = [];
  for (const server of servers) {
    const source = server.source.kind === 'import' ? (server.source.dataset ?? 'import') : server.source.kind;
    for (const tool of server.tools) if (isLabelled(tool.definition)) tools.push({ source, server: server.name, definition: tool.definition });
  }
  return tools;
}

/** Scores the embedded dataset's labelled tools: overall, per source and per cohort (servers in no cohort are the "first servers"). */
export function evaluationReport(tools: readonly LabelledTool[], cohorts: Cohorts = {}): EvaluationReport {
  const cohortOf = new Map<string, string>();
  for (const name of cohorts.dev ?? []) cohortOf.set(name, 'held-out dev');
  for (const name of cohorts.test ?? []) cohortOf.set(name, 'held-out test');
  const overall = emptyCounts();
  const bySource = new Map<string, Counts>();
  const byCohort = new Map<string, Counts>();
  const add = (map: Map<string, Counts>, key: string, tool: LabelledTool) => {
    let counts = map.get(key);
    if (!counts) map.set(key, (counts = emptyCounts()));
    score(tool, counts);
  };
  for (const tool of tools) {
    score(tool, overall);
    add(bySource, tool.source, tool);
    if (cohortOf.size > 0) add(byCohort, cohortOf.get(tool.server) ?? 'first servers', tool);
  }
  return {
    about:
      'npm run eval over the labelled tools of data/collected: the classifier with annotations hidden, against the readOnlyHint and destructiveHint their authors declared (docs/classifier.md). Written by npm run eval; a test fails when it is not what eval gives today.',
    labelledTools: tools.length,
    all: evaluationRow('all', overall),
    bySource: [...bySource.keys()].sort().map((key) => evaluationRow(key, bySource.get(key) as Counts)),
    byCohort: ['first servers', 'held-out dev', 'held-out test'].filter((key) => byCohort.has(key)).map((key) => evaluationRow(key, byCohort.get(key) as Counts)),
    confusion: overall.confusion,
  };
}
