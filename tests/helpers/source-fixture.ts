// Runs one importer over a fixture snapshot (tests/fixtures/sources/<dataset>/, laid out like the
// dataset's repository) with the real runner, into a fresh data folder, and reads back what it wrote.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SourceRecord } from '../../src/schema';
import { importSnapshot, type SourceImportReport, type SourceImporter } from '../../src/import/source-importer';
import { sourceFile } from '../../src/store/source-store';

export const FIXTURE_COMMIT = 'c'.repeat(40);
export const FIXTURE_AT = '2026-02-03T04:05:06.000Z';

export function fixtureDir(dataset: string): string {
  return path.resolve('tests/fixtures/sources', dataset);
}

export type FixtureImport = {
  report: SourceImportReport;
  /** The written data/sources/<dataset>.jsonl, as text. */
  text: string;
  records: SourceRecord[];
  byKey: (key: string) => SourceRecord;
};

/** Imports `dir` (default: the dataset's fixture) into a temporary data folder, removed afterwards. */
export function importFixture(importer: SourceImporter, dir = fixtureDir(importer.dataset)): FixtureImport {
  const dataDir = mkdtempSync(path.join(tmpdir(), `catalog-${importer.dataset}-`));
  try {
    const report = importSnapshot(importer, { dir, commit: FIXTURE_COMMIT, at: FIXTURE_AT }, dataDir);
    const file = sourceFile(dataDir, importer.dataset);
    const text = report.records > 0 ? readFileSync(file, 'utf8') : '';
    const records = text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as SourceRecord);
    const byKey = (key: string) => {
      const found = records.find((record) => record.key === key);
      if (!found) throw new Error(`no record ${key}; have ${records.map((record) => record.key).join(', ')}`);
      return found;
    };
    return { report, text, records, byKey };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The tool names of a record, in the order written. */
export function toolNames(record: SourceRecord): string[] {
  return (record.tools ?? []).map((tool) => tool.name);
}
