// Runs one importer over a fixture snapshot (tests/fixtures/sources/<dataset>/, laid out like the
// dataset's repository) with the real runner, into a fresh data folder, and reads back what it wrote.
// The one helper for the importer tests (tests/import/sources/).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SourceRecord } from '../../src/schema';
import { importSnapshot, type SourceImportReport, type SourceImporter } from '../../src/import/source-importer';
import { sourceFile } from '../../src/store/source-store';

export const FIXTURE_COMMIT = 'c'.repeat(40);
export const FIXTURE_AT = '2026-02-03T04:05:06.000Z';

export function fixtureDir(dataset: string): string {
  return path.join(import.meta.dirname, '..', 'fixtures', 'sources', dataset);
}

/** The snapshot to import: by default the dataset's fixture, at a made-up commit and date. */
export type FixtureSnapshot = { dir?: string; commit?: string; at?: string };

export type FixtureImport = {
  report: SourceImportReport;
  /** The written data/sources/<dataset>.jsonl, as text ('' when nothing was written). */
  text: string;
  /** The written records by key, in the file's order. */
  records: Map<string, SourceRecord>;
  /** The record with this key; throws, naming the keys there are, when there is none. */
  byKey: (key: string) => SourceRecord;
};

function importInto(importer: SourceImporter, snapshot: FixtureSnapshot, dataDir: string): FixtureImport {
  const report = importSnapshot(
    importer,
    { dir: snapshot.dir ?? fixtureDir(importer.dataset), commit: snapshot.commit ?? FIXTURE_COMMIT, at: snapshot.at ?? FIXTURE_AT },
    dataDir,
  );
  const text = report.records > 0 ? readFileSync(sourceFile(dataDir, importer.dataset), 'utf8') : '';
  const records = new Map(
    text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as SourceRecord)
      .map((record) => [record.key, record]),
  );
  const byKey = (key: string) => {
    const found = records.get(key);
    if (!found) throw new Error(`no record ${key}; have ${[...records.keys()].join(', ')}`);
    return found;
  };
  return { report, text, records, byKey };
}

function withDataDir<T>(dataset: string, use: (dataDir: string) => T): T {
  const dataDir = mkdtempSync(path.join(tmpdir(), `catalog-${dataset}-`));
  try {
    return use(dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Imports a snapshot into a temporary data folder, removed once read. */
export function importFixture(importer: SourceImporter, snapshot: FixtureSnapshot = {}): FixtureImport {
  return withDataDir(importer.dataset, (dataDir) => importInto(importer, snapshot, dataDir));
}

/** Imports a snapshot twice into one temporary data folder, as a re-run does: the second report says whether the file changed. */
export function importTwice(importer: SourceImporter, snapshot: FixtureSnapshot = {}): [FixtureImport, FixtureImport] {
  return withDataDir(importer.dataset, (dataDir) => [importInto(importer, snapshot, dataDir), importInto(importer, snapshot, dataDir)]);
}

/** The tool names of a record, in the order written. */
export function toolNames(record: SourceRecord): string[] {
  return (record.tools ?? []).map((tool) => tool.name);
}
