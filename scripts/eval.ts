// npm run --silent eval -- [--data DIR | --no-data] [--shared FILE | --no-shared] [--in FILE.jsonl] [--misses]
// Scores the classifier (annotations hidden) against tools whose authors set readOnlyHint /
// destructiveHint: the annotated tools of the embedded dataset, plus ../shared/datasets/unified/tools.jsonl
// when it is present (tools already in data/ are not counted twice), plus any --in file
// (unified rows or MCP tool objects, one a line, optionally with `source` and `server`).
// Servers listed in data/eval-cohorts.json (crawled after the rules were written) also get a row per cohort.
// The embedded dataset's figures are written to <data>/eval-report.json (the data page shows them; a test
// fails when the committed report is not what this gives today).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { McpTool } from '../src/schema';
import { declaredClass, emptyCounts, evaluationReport, evaluationRow, f1, isLabelled, newSourceTools, score, toolKey, type Cohorts, type Counts, type LabelledTool, type Miss } from '../src/classify/evaluate';
import { HINT_NAMES } from '../src/classify/hints';
import { canonicalJson } from '../src/lib/canonical-json';
import { writeFileIfChanged } from '../src/lib/write-if-changed';
import { defaultDataDir, iterateServers } from '../src/store/dataset';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    shared: { type: 'string' },
    'no-shared': { type: 'boolean' },
    'no-data': { type: 'boolean' },
    in: { type: 'string', multiple: true },
    misses: { type: 'boolean' },
  },
});

// Servers crawled after the rules were written (data/eval-cohorts.json): each cohort gets a row of its own.
const cohortFile = path.join(values.data ?? defaultDataDir(), 'eval-cohorts.json');
const cohortOf = new Map<string, string>();
let cohorts: Cohorts = {};
if (!values['no-data'] && existsSync(cohortFile)) {
  cohorts = JSON.parse(readFileSync(cohortFile, 'utf8')) as Cohorts;
  for (const name of cohorts.dev ?? []) cohortOf.set(name, 'held-out dev');
  for (const name of cohorts.test ?? []) cohortOf.set(name, 'held-out test');
}
const byCohort = new Map<string, Counts>();

const tools: LabelledTool[] = [];
const seen = new Set<string>();
const key = toolKey;

for (const server of values['no-data'] ? [] : iterateServers(values.data ?? defaultDataDir(), 'collected')) {
  const source = server.source.kind === 'import' ? (server.source.dataset ?? 'import') : server.source.kind;
  for (const tool of server.tools) {
    seen.add(key(tool.definition));
    if (isLabelled(tool.definition)) tools.push({ source, server: server.name, definition: tool.definition });
  }
}
const embedded = tools.length;
// The tools only the imported open datasets (data/sources, merged into data/servers) bring: scored apart.
const fresh = values['no-data'] ? [] : newSourceTools(iterateServers(values.data ?? defaultDataDir(), 'servers'), seen);
for (const tool of fresh) seen.add(key(tool.definition));
if (!values['no-data']) {
  const reportFile = path.join(values.data ?? defaultDataDir(), 'eval-report.json');
  const changed = writeFileIfChanged(reportFile, canonicalJson(evaluationReport(tools.slice(0, embedded), cohorts, fresh)));
  console.error(`${path.relative(process.cwd(), reportFile)} ${changed ? 'written' : 'unchanged'}`);
}

let skipped = 0;
function readJsonl(file: string, fallbackSource: string): number {
  let added = 0;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let row: Record<string, unknown>;
      try {
        row = JSON.parse(line) as Record<string, unknown>;
      } catch (error) {
        console.error(`${file}:${index + 1}: not JSON (${(error as Error).message})`);
        return;
      }
      const candidate = 'tool_name' in row ? { name: row['tool_name'], description: row['description'] ?? undefined, inputSchema: row['input_schema'] ?? { type: 'object' }, annotations: row['annotations'] ?? undefined } : row;
      const parsed = McpTool.safeParse(candidate);
      if (!parsed.success) {
        // Rows without a usable definition (e.g. a null name in a static-analysis dump) cannot be scored.
        skipped++;
        return;
      }
      if (!isLabelled(parsed.data) || seen.has(key(parsed.data))) return;
      seen.add(key(parsed.data));
      tools.push({ source: typeof row['source'] === 'string' ? row['source'] : fallbackSource, server: typeof row['server'] === 'string' ? row['server'] : '', definition: parsed.data });
      added++;
    });
  return added;
}

// The shared datasets sit beside the repository (../shared) or beside a worktree folder (../../shared).
const sharedFile =
  values.shared ??
  [path.resolve('..', 'shared'), path.resolve('..', '..', 'shared')].map((dir) => path.join(dir, 'datasets', 'unified', 'tools.jsonl')).find((file) => existsSync(file)) ??
  path.resolve('..', 'shared', 'datasets', 'unified', 'tools.jsonl');
const shared = !values['no-shared'] && existsSync(sharedFile) ? readJsonl(sharedFile, 'shared') : 0;
let extra = 0;
for (const file of values.in ?? []) extra += readJsonl(file, path.basename(file));

const overall = emptyCounts();
const bySource = new Map<string, Counts>();
const misses: Miss[] = [];
for (const [index, tool] of tools.entries()) {
  score(tool, overall, misses);
  let counts = bySource.get(tool.source);
  if (!counts) bySource.set(tool.source, (counts = emptyCounts()));
  score(tool, counts);
  // The first `embedded` tools are the embedded dataset's; cohorts name its servers.
  if (cohortOf.size > 0 && index < embedded) {
    const cohort = cohortOf.get(tool.server) ?? 'first servers';
    let cohortCounts = byCohort.get(cohort);
    if (!cohortCounts) byCohort.set(cohort, (cohortCounts = emptyCounts()));
    score(tool, cohortCounts);
  }
}

const pct = (n: number): string => n.toFixed(3);
function line(name: string, counts: Counts): string {
  const ro = counts.readOnly.total === 0 ? '   -  ' : pct(counts.readOnly.correct / counts.readOnly.total);
  const d = f1(counts.destructive);
  const dc = f1(counts.destructiveCategory);
  const n = counts.destructive.tp + counts.destructive.fp + counts.destructive.fn + counts.destructive.tn;
  return `${name.padEnd(20)} ${String(counts.readOnly.total).padStart(5)} ${ro.padStart(7)}   ${String(n).padStart(5)} ${pct(d.precision)} ${pct(d.recall)} ${pct(d.f1)}   ${pct(dc.f1)}`;
}

console.log(
  `Labelled tools: ${tools.length} (${embedded} from the embedded dataset, ${shared} more from ${existsSync(sharedFile) && !values['no-shared'] ? sharedFile : 'no shared file'}${extra ? `, ${extra} from --in` : ''}${skipped ? `; ${skipped} rows without a valid definition skipped` : ''})`,
);
console.log('Annotations hidden from the classifier. Read-only: category Read vs readOnlyHint. Destructive: the');
console.log('`destructive` label vs destructiveHint, among tools not declared read-only (last column: category Destructive only).\n');
console.log(`${'source'.padEnd(20)} ${'RO n'.padStart(5)} ${'RO acc'.padStart(7)}   ${'D n'.padStart(5)} prec  recall F1      F1(cat)`);
console.log(line('all', overall));
for (const source of [...bySource.keys()].sort()) console.log(line(source, bySource.get(source) as Counts));
if (byCohort.size > 0) {
  console.log(`\nEmbedded tools by cohort (${path.relative(process.cwd(), cohortFile)}: servers crawled after the rules were written)`);
  for (const cohort of ['first servers', 'held-out dev', 'held-out test']) if (byCohort.has(cohort)) console.log(line(cohort, byCohort.get(cohort) as Counts));
}

// The inferred annotations against the declared hints, each beside its agreement ceiling.
const freshCounts = emptyCounts();
for (const tool of fresh) score(tool, freshCounts);
const cellOf = (score: ReturnType<typeof evaluationRow>['hints'][keyof ReturnType<typeof evaluationRow>['hints']]): string =>
  score.accuracy === null ? '        -      ' : `${String(score.n).padStart(5)} ${pct(score.accuracy)}/${pct(score.ceiling ?? 0)}`;
const hintLine = (name: string, counts: Counts): string => {
  const row = evaluationRow(name, counts).hints;
  return `${name.padEnd(20)} ${HINT_NAMES.map((hint) => cellOf(row[hint]).padStart(17)).join(' ')}`;
};
console.log('\nInferred annotations vs declared (n, accuracy/ceiling; a null inferred hint counts as the spec default; the ceiling');
console.log('is the best agreement a predictor giving one value per wording, name verb + lead verb, could reach)');
console.log(`${'source'.padEnd(20)} ${HINT_NAMES.map((hint) => hint.padStart(17)).join(' ')}`);
console.log(hintLine('all', overall));
for (const source of [...bySource.keys()].sort()) console.log(hintLine(source, bySource.get(source) as Counts));
for (const cohort of ['first servers', 'held-out dev', 'held-out test']) if (byCohort.has(cohort)) console.log(hintLine(cohort, byCohort.get(cohort) as Counts));
console.log(`\nNew sources (data/sources tools not in data/collected: ${fresh.length} labelled)`);
console.log(line('new sources', freshCounts));
console.log(hintLine('new sources', freshCounts));

const categories = ['Read', 'Write', 'Execute', 'Destructive', 'Financial', 'Other'] as const;
console.log(`\nConfusion (declared → predicted category)\n${''.padEnd(24)}${categories.map((c) => c.padStart(12)).join('')}`);
for (const row of [declaredClass(true, undefined), declaredClass(false, true), declaredClass(false, false), declaredClass(false, undefined)]) {
  const cells = overall.confusion[row] ?? {};
  console.log(`${row.padEnd(24)}${categories.map((c) => String(cells[c] ?? 0).padStart(12)).join('')}`);
}

if (values.misses) {
  console.log('\nMisses');
  for (const miss of misses) console.log(`${miss.kind.padEnd(15)} declared=${String(miss.declared).padEnd(5)} ${miss.source.padEnd(18)} ${miss.tool.padEnd(45)} ${miss.summary}`);
}
