// Runs an importer over a fixture snapshot with the real runner, into a temporary data folder, and
// reads back what it wrote: the records of data/sources/<dataset>.jsonl and the raw text.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importSnapshot, type SourceImporter, type SourceImportReport } from '../../../src/import/source-importer';
import type { SourceRecord } from '../../../src/schema';
import { sourceFile } from '../../../src/store/source-store';

export const fixtureDir = (dataset: string) => path.join(import.meta.dirname, '..', '..', 'fixtures', 'sources', dataset);

export type FixtureImport = { report: SourceImportReport; records: Map<string, SourceRecord>; text: string; dataDir: string };

export function importFixture(importer: SourceImporter, snapshot: { commit: string; at: string; dir?: string }, dataDir = mkdtempSync(path.join(tmpdir(), 'catalog-sources-'))): FixtureImport {
  const report = importSnapshot(importer, { dir: snapshot.dir ?? fixtureDir(importer.dataset), commit: snapshot.commit, at: snapshot.at }, dataDir);
  const text = readFileSync(sourceFile(dataDir, importer.dataset), 'utf8');
  const records = new Map(
    text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as SourceRecord)
      .map((record) => [record.key, record]),
  );
  return { report, records, text, dataDir };
}

export function removeData(...imports: FixtureImport[]): void {
  for (const item of imports) rmSync(item.dataDir, { recursive: true, force: true });
}
