// data/sources/<dataset>.jsonl: what each open dataset says, one validated record a line, sorted by the
// dataset's key, so a re-import of the same snapshot is byte-identical and a diff shows what a new one changed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SourceRecord, describeIssues } from '../schema';
import { canonicalJsonCompact, compareCodePoints } from '../lib/canonical-json';
import { writeFileIfChanged } from '../lib/write-if-changed';

export function sourcesDir(dataDir: string): string {
  return path.join(dataDir, 'sources');
}

export function sourceFile(dataDir: string, dataset: string): string {
  return path.join(sourcesDir(dataDir), `${dataset}.jsonl`);
}

/** Writes one dataset's records atomically, sorted by key. Returns true when the file changed. */
export function writeSourceRecords(dataDir: string, dataset: string, records: readonly SourceRecord[]): boolean {
  const sorted = [...records].sort((a, b) => compareCodePoints(a.key, b.key));
  const text = sorted.map((record) => `${canonicalJsonCompact(record)}\n`).join('');
  return writeFileIfChanged(sourceFile(dataDir, dataset), text);
}

/** One dataset's records as the last import wrote them (lines that no longer validate are left out). */
export function readDatasetRecords(dataDir: string, dataset: string): SourceRecord[] {
  const file = sourceFile(dataDir, dataset);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      if (line.trim() === '') return [];
      try {
        const parsed = SourceRecord.safeParse(JSON.parse(line));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
}

/** Every dataset's records. A line that no longer validates is reported by file and line, and skipped. */
export function readSourceRecords(dataDir: string): { records: SourceRecord[]; errors: string[] } {
  const dir = sourcesDir(dataDir);
  const records: SourceRecord[] = [];
  const errors: string[] = [];
  if (!existsSync(dir)) return { records, errors };
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.jsonl')).sort(compareCodePoints)) {
    const file = path.join(dir, name);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '') return;
        const where = `${path.join('sources', name)}:${index + 1}`;
        let raw: unknown;
        try {
          raw = JSON.parse(line);
        } catch (error) {
          errors.push(`${where}: not valid JSON (${(error as Error).message})`);
          return;
        }
        const parsed = SourceRecord.safeParse(raw);
        if (parsed.success) records.push(parsed.data);
        else errors.push(...describeIssues(parsed.error, { where, server: String((raw as { key?: unknown }).key) }));
      });
  }
  return { records, errors };
}
