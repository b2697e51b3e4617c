// Everything the data page shows: the downloads with their sizes, the dataset's date and version, and
// the classifier's accuracy as `npm run eval` measured it (data/eval-report.json).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { HINT_NAMES } from '../classify/hints';
import { EvaluationReport } from '../schema';
import { defaultDataDir } from '../store/dataset';
import { datasetVersion, exportFileSizes, serverSummaries } from './catalog';
import type { ExportFile } from './export';
import { formatDate } from './format';
import { datasetCounts } from './listing';

/** "12.4 MB", "830 KB", "512 bytes": sizes in powers of 1,000 as download dialogs show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} KB`;
  return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 2 : 1)} MB`;
}

export type Download = { file: string; href: string; bytes: number | undefined; size: string; what: string };

/** The committed report of the data folder, or why there is none; a broken file is reported, never fatal to the build. */
export function readEvaluation(dataDir: string): { report: EvaluationReport | undefined; problem: string | undefined } {
  const file = path.join(dataDir, 'eval-report.json');
  if (!existsSync(file)) return { report: undefined, problem: 'This data folder has no eval-report.json: run npm run eval to measure it.' };
  try {
    const parsed = EvaluationReport.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? { report: parsed.data, problem: undefined } : { report: undefined, problem: 'eval-report.json does not match its schema: run npm run eval again.' };
  } catch {
    return { report: undefined, problem: 'eval-report.json is not JSON: run npm run eval again.' };
  }
}

/** The catalog's own version (package.json), read from the project the build runs in. */
function packageVersion(): string | undefined {
  try {
    const version = (JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

export function dataPageModel(options: { dataDir?: string; schemaFile?: string } = {}) {
  const counts = datasetCounts(serverSummaries());
  const sizes = exportFileSizes();
  const schemaFile = options.schemaFile ?? path.resolve('public/schema/server.schema.json');
  const schemaBytes = existsSync(schemaFile) ? statSync(schemaFile).size : undefined;
  const download = (file: ExportFile, what: string): Download => ({ file, href: `/data/${file}`, bytes: sizes[file], size: formatBytes(sizes[file]), what });
  const version = datasetVersion();
  return {
    counts,
    downloads: [
      download(
        'catalog.json',
        `${counts.servers.toLocaleString('en-US')} servers (${counts.withTools.toLocaleString('en-US')} with their tools collected) with every tool, its classification and links to its policies, and each server's sources`,
      ),
      download('tools.ndjson', `${counts.tools.toLocaleString('en-US')} tools, one JSON object a line`),
      download('tools.csv', 'the same as a spreadsheet (cells that a spreadsheet would run as formulas start with an apostrophe)'),
      {
        file: 'server.schema.json',
        href: '/schema/server.schema.json',
        bytes: schemaBytes,
        size: schemaBytes === undefined ? 'size unknown' : formatBytes(schemaBytes),
        what: 'the JSON Schema of a server record',
      },
    ] satisfies Download[],
    dataset: {
      newest: formatDate(version.newest),
      oldest: formatDate(version.oldest),
      packageVersion: packageVersion(),
      dataHash: version.dataHash,
    },
    evaluation: readEvaluation(options.dataDir ?? defaultDataDir()),
  };
}

const share = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

type RowGroup = 'all' | 'source' | 'cohort' | 'new';

/** The rows both tables show: all tools, each source, each cohort, then the tools only the imported open datasets bring. */
function reportRows(report: EvaluationReport): Array<[RowGroup, EvaluationReport['all']]> {
  return [['all', report.all], ...report.bySource.map((entry): [RowGroup, EvaluationReport['all']] => ['source', entry]), ...report.byCohort.map((entry): [RowGroup, EvaluationReport['all']] => ['cohort', entry]), ['new', report.newSources]];
}

/** The inferred annotations against declared hints: per hint, n and accuracy with the agreement ceiling beside it. */
export function hintEvaluationRows(report: EvaluationReport): Array<{ group: RowGroup; cells: string[] }> {
  return reportRows(report).map(([group, entry]) => ({
    group,
    cells: [
      entry.name,
      ...HINT_NAMES.map((hint) => {
        const score = entry.hints[hint];
        return score.n === 0 ? '–' : `${share(score.accuracy)} (ceiling ${share(score.ceiling)}, n ${score.n.toLocaleString('en-US')})`;
      }),
    ],
  }));
}

/** The evaluation as table rows of text: all tools, then each source, then each cohort, then the new sources. */
export function evaluationRows(report: EvaluationReport): Array<{ group: RowGroup; cells: string[] }> {
  const row = (group: RowGroup, entry: EvaluationReport['all']) => ({
    group,
    cells: [
      entry.name,
      entry.readOnly.n.toLocaleString('en-US'),
      share(entry.readOnly.accuracy),
      entry.destructive.n.toLocaleString('en-US'),
      ...(entry.destructive.tp + entry.destructive.fn === 0 ? ['–', '–', '–', '–'] : [share(entry.destructive.precision), share(entry.destructive.recall), share(entry.destructive.f1), share(entry.destructiveCategoryF1)]),
    ],
  });
  return reportRows(report).map(([group, entry]) => row(group, entry));
}
