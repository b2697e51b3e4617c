// Scores the classifier against what tool authors declare (readOnlyHint / destructiveHint), with the
// annotations hidden from it. Used by `npm run eval`; kept here so the arithmetic has tests.
import type { Category, EvaluationReport, EvaluationRow, HintScore, McpTool, Server } from '../schema';
import { classifyTool } from './classify-tool';
import { effectiveHint, HINT_NAMES, type HintName } from './hints';
import { prepareTool } from './prepare';

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
  /** Each inferred hint against the declared one (declared true is positive). */
  hints: Record<HintName, { n: number; correct: number; tp: number; fp: number; fn: number; tn: number }>;
  /** Per hint, per wording (wordingKey): how many tools declare it true and false, for the ceiling. */
  wordings: Record<HintName, Map<string, { true: number; false: number }>>;
}

export interface Miss {
  source: string;
  server: string;
  tool: string;
  /** What was scored wrong: the category's read-only verdict, the destructive label, or an inferred hint. */
  kind: 'read-only' | 'destructive' | HintName;
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
    hints: Object.fromEntries(HINT_NAMES.map((hint) => [hint, { n: 0, correct: 0, tp: 0, fp: 0, fn: 0, tn: 0 }])) as Counts['hints'],
    wordings: Object.fromEntries(HINT_NAMES.map((hint) => [hint, new Map()])) as Counts['wordings'],
  };
}

/** The author's declaration as one row of the confusion table. */
export function declaredClass(readOnly: boolean | undefined, destructive: boolean | undefined): string {
  if (readOnly === true) return 'declared read-only';
  if (destructive === true) return 'declared destructive';
  if (destructive === false) return 'declared additive';
  return 'declared not read-only';
}

/** True when the tool declares readOnlyHint or destructiveHint, the two the category and label are scored on. */
function declaresReadOnlyOrDestructive(definition: McpTool): boolean {
  const a = definition.annotations;
  return typeof a?.readOnlyHint === 'boolean' || typeof a?.destructiveHint === 'boolean';
}

/** True when the tool declares at least one of the spec's four hints. */
export function isLabelled(definition: McpTool): boolean {
  const a = definition.annotations;
  return declaresReadOnlyOrDestructive(definition) || typeof a?.idempotentHint === 'boolean' || typeof a?.openWorldHint === 'boolean';
}

/**
 * The wording the classifier decides on, normalised: the name's verbs as base verbs (`create_issue`,
 * `IssueCreate` → create; the name's first word when it has no verb the lexicon knows) and the
 * description's lead verbs (`Creates` → create). Tools with the same key read alike to the rules.
 */
export function wordingKey(definition: McpTool): string {
  const tool = prepareTool(definition);
  const name = tool.nameVerbs.length > 0 ? tool.nameVerbs.map((verb) => verb.verb).join('+') : (tool.tokens[0]?.word ?? '');
  return `${name}|${tool.leadVerbs.map((verb) => verb.verb).join('+')}`;
}

/** The declared hints a tool is scored on: destructive and idempotent only where it is not declared read-only (the spec gives them meaning only then). */
export function declaredHints(definition: McpTool): Partial<Record<HintName, boolean>> {
  const a = definition.annotations ?? {};
  const out: Partial<Record<HintName, boolean>> = {};
  for (const hint of HINT_NAMES) {
    const value = a[hint];
    if (typeof value !== 'boolean') continue;
    if ((hint === 'destructiveHint' || hint === 'idempotentHint') && a.readOnlyHint === true) continue;
    out[hint] = value;
  }
  return out;
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
  const declared = declaredHints(tool.definition);
  let wording: string | undefined;
  for (const hint of HINT_NAMES) {
    const actual = declared[hint];
    if (actual === undefined) continue;
    const predicted = effectiveHint(result.inferredAnnotations, hint);
    const cell = counts.hints[hint];
    cell.n++;
    if (predicted === actual) cell.correct++;
    else misses?.push({ source: tool.source, server: tool.server, tool: tool.definition.name, kind: hint, declared: actual, category: result.category, summary: result.summary });
    tally(cell, actual, predicted);
    wording ??= wordingKey(tool.definition);
    const group = counts.wordings[hint].get(wording) ?? { true: 0, false: 0 };
    group[actual ? 'true' : 'false']++;
    counts.wordings[hint].set(wording, group);
  }
  if (!declaresReadOnlyOrDestructive(tool.definition)) return;
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

/**
 * The agreement ceiling: the share of tools a predictor could agree with if it gave every tool of one
 * wording the same value, its majority declared value (the best such a predictor can do). Null for no tools.
 */
export function agreementCeiling(groups: Iterable<{ true: number; false: number }>): number | null {
  let best = 0;
  let total = 0;
  for (const group of groups) {
    best += Math.max(group.true, group.false);
    total += group.true + group.false;
  }
  return total === 0 ? null : best / total;
}

function hintScore(counts: Counts, hint: HintName): HintScore {
  const cell = counts.hints[hint];
  const ceiling = agreementCeiling(counts.wordings[hint].values());
  return {
    n: cell.n,
    correct: cell.correct,
    accuracy: cell.n === 0 ? null : round(cell.correct / cell.n),
    ceiling: ceiling === null ? null : round(ceiling),
    tp: cell.tp,
    fp: cell.fp,
    fn: cell.fn,
    f1: cell.n === 0 ? null : round(f1(cell).f1),
  };
}

export function evaluationRow(name: string, counts: Counts): EvaluationRow {
  const d = f1(counts.destructive);
  const cell = counts.destructive;
  return {
    name,
    readOnly: { n: counts.readOnly.total, correct: counts.readOnly.correct, accuracy: counts.readOnly.total === 0 ? null : round(counts.readOnly.correct / counts.readOnly.total) },
    destructive: { n: cell.tp + cell.fp + cell.fn + cell.tn, tp: cell.tp, fp: cell.fp, fn: cell.fn, precision: round(d.precision), recall: round(d.recall), f1: round(d.f1) },
    destructiveCategoryF1: round(f1(counts.destructiveCategory).f1),
    hints: { readOnlyHint: hintScore(counts, 'readOnlyHint'), destructiveHint: hintScore(counts, 'destructiveHint'), idempotentHint: hintScore(counts, 'idempotentHint'), openWorldHint: hintScore(counts, 'openWorldHint') },
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

/** What identifies a tool across collections: the same name and description is the same tool. */
export const toolKey = (definition: McpTool): string => `${definition.name}\u0000${definition.description ?? ''}`;

/**
 * The labelled tools the imported open datasets (data/sources) bring to the merged catalog
 * (data/servers) that `known` (the keys of data/collected's tools) does not hold, each once.
 */
export function newSourceTools(servers: Iterable<Server>, known: ReadonlySet<string>): LabelledTool[] {
  const seen = new Set(known);
  const tools: LabelledTool[] = [];
  for (const server of servers) {
    if (server.source.kind !== 'import') continue;
    for (const tool of server.tools) {
      const key = toolKey(tool.definition);
      if (!isLabelled(tool.definition) || seen.has(key)) continue;
      seen.add(key);
      tools.push({ source: server.source.dataset ?? 'import', server: server.name, definition: tool.definition });
    }
  }
  return tools;
}

/** The keys (toolKey) of every tool of some servers, labelled or not. */
export function toolKeys(servers: Iterable<Server>): Set<string> {
  const keys = new Set<string>();
  for (const server of servers) for (const tool of server.tools) keys.add(toolKey(tool.definition));
  return keys;
}

/**
 * Scores the embedded dataset's labelled tools: overall, per source and per cohort (servers in no cohort
 * are the "first servers"), and apart from them the tools only the imported open datasets bring.
 */
export function evaluationReport(tools: readonly LabelledTool[], cohorts: Cohorts = {}, newSources: readonly LabelledTool[] = []): EvaluationReport {
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
  const fresh = emptyCounts();
  for (const tool of newSources) score(tool, fresh);
  for (const tool of tools) {
    score(tool, overall);
    add(bySource, tool.source, tool);
    if (cohortOf.size > 0) add(byCohort, cohortOf.get(tool.server) ?? 'first servers', tool);
  }
  return {
    about:
      'npm run eval over the labelled tools of data/collected (and, as newSources, those only the imported open datasets bring): the classifier with annotations hidden, its category and destructive label against the readOnlyHint and destructiveHint their authors declared, and its inferred annotations against all four declared hints, each beside the agreement ceiling the authors\' own labels allow (docs/classifier.md). Written by npm run eval; a test fails when it is not what eval gives today.',
    labelledTools: tools.length,
    all: evaluationRow('all', overall),
    bySource: [...bySource.keys()].sort().map((key) => evaluationRow(key, bySource.get(key) as Counts)),
    byCohort: ['first servers', 'held-out dev', 'held-out test'].filter((key) => byCohort.has(key)).map((key) => evaluationRow(key, byCohort.get(key) as Counts)),
    newSources: evaluationRow('new sources', fresh),
    confusion: overall.confusion,
  };
}
