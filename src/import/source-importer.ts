// The one interface every open dataset's importer implements (src/import/sources/<dataset>.ts): read a
// snapshot folder, yield what it says per server. The runner here validates, keeps what is good of a
// bad record, reports the rest by file, server, tool and field, and writes data/sources/<dataset>.jsonl.
import { excerpt } from '../lib/excerpt';
import { McpTool, SourceRecord, describeIssues, type SourceRecordInput } from '../schema';
import { canonicalJsonCompact } from '../lib/canonical-json';
import { readDatasetRecords, writeSourceRecords } from '../store/source-store';
import { takeUnreadable } from './sources/snapshot-files';

/** Importers quote bad values with it. */
export { excerpt };

export type Snapshot = {
  /** The snapshot's root folder (a checkout or an extracted archive of the dataset's repository). */
  dir: string;
  /** The commit the snapshot is of. */
  commit: string;
  /** The commit's date (ISO 8601): a record's `at` when the dataset gives none. */
  at: string;
};

/** What an importer says of one server: `source` and `commit` come from the runner, `at` defaults to the commit's date. */
export type ImportedRecord = Omit<SourceRecordInput, 'source' | 'commit' | 'at'> & { at?: string };

/** A record, or a problem with one input file that the importer found before it had a record. */
export type ImportedItem = { record: ImportedRecord } | { error: string };

export type SourceImporter = {
  /** The dataset's id in src/import/datasets.ts. */
  readonly dataset: string;
  read(snapshot: Snapshot): Iterable<ImportedItem>;
};

export type SourceImportReport = {
  dataset: string;
  records: number;
  withTools: number;
  tools: number;
  errors: string[];
  changed: boolean;
};

/** Optional fields a bad value can be dropped from, keeping the record. */
const DROPPABLE = new Set(['description', 'repository', 'subdirectory', 'homepage', 'license', 'capture']);
const LISTS = new Set(['packages', 'remotes', 'env']);

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let value = raw;
  for (const part of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[part] : undefined;
  return value;
}

/**
 * Validates one record. A bad tool is dropped, a bad optional field or list item is dropped, each with
 * an error naming where; a record whose identity is bad is rejected whole.
 */
export function validateRecord(input: SourceRecordInput | (ImportedRecord & { commit: string }), dataset: string): { record?: SourceRecord; errors: string[] } {
  const errors: string[] = [];
  const raw: Record<string, unknown> = { ...(input as Record<string, unknown>), source: dataset };
  const where = `${dataset} ${typeof raw['path'] === 'string' ? raw['path'] : '(no path)'}`;
  const server = typeof raw['key'] === 'string' ? raw['key'] : undefined;
  if (Array.isArray(raw['tools'])) {
    const seen = new Set<string>();
    const tools: McpTool[] = [];
    (raw['tools'] as unknown[]).forEach((tool, index) => {
      const parsed = McpTool.safeParse(tool);
      const name = (tool as { name?: unknown })?.name;
      if (!parsed.success) {
        const lines = describeIssues(parsed.error, { where, ...(server ? { server } : {}), tool: typeof name === 'string' ? name : `#${index}` });
        parsed.error.issues.forEach((issue, at) => errors.push(`${lines[at]} (value ${excerpt(valueAt(tool, issue.path))}); tool skipped`));
        return;
      }
      if (seen.has(parsed.data.name)) {
        errors.push(`${where}, server ${excerpt(server)}, tool ${excerpt(parsed.data.name)}: listed twice; the first is kept`);
        return;
      }
      seen.add(parsed.data.name);
      tools.push(parsed.data);
    });
    raw['tools'] = tools;
    if (tools.length === 0) delete raw['tools'];
  }
  if (raw['tools'] === undefined) delete raw['capture'];
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const parsed = SourceRecord.safeParse(raw);
    if (parsed.success) return { record: parsed.data, errors };
    let dropped = false;
    const lines = describeIssues(parsed.error, { where, ...(server ? { server } : {}) });
    for (const [at, issue] of parsed.error.issues.entries()) {
      const [field, index] = issue.path;
      const line = `${lines[at]} (value ${excerpt(valueAt(raw, issue.path))})`;
      if (typeof field === 'string' && DROPPABLE.has(field) && raw[field] !== undefined) {
        delete raw[field];
        errors.push(`${line}; field dropped`);
        dropped = true;
      } else if (typeof field === 'string' && LISTS.has(field) && typeof index === 'number' && Array.isArray(raw[field])) {
        raw[field] = (raw[field] as unknown[]).filter((_, position) => position !== index);
        errors.push(`${line}; item dropped`);
        dropped = true;
      }
      if (dropped) break;
    }
    if (!dropped) {
      errors.push(...lines.map((text) => `${text}; record skipped`));
      return { errors };
    }
  }
  errors.push(`${where}, server ${excerpt(server)}: too many bad fields; record skipped`);
  return { errors };
}

/**
 * A server whose file could not be read or parsed (truncated, not UTF-8, not JSON or YAML, a tool list
 * that is no list) keeps the
 * record the previous import read from it, so a damaged snapshot never deletes or strips a server in
 * data/: the record read from that very file, or from the folder it shares with no other server.
 */
function keepUnreadable(dataset: string, broken: Set<string>, records: Map<string, SourceRecord>, dataDir: string): string[] {
  if (broken.size === 0) return [];
  const previous = readDatasetRecords(dataDir, dataset);
  const perFolder = new Map<string, number>();
  const folderOf = (file: string) => file.slice(0, Math.max(0, file.lastIndexOf('/')));
  for (const record of previous) perFolder.set(folderOf(record.path), (perFolder.get(folderOf(record.path)) ?? 0) + 1);
  const lines: string[] = [];
  for (const file of [...broken].sort()) {
    const kept = previous.filter((record) => {
      const folder = folderOf(record.path);
      return record.path === file || (perFolder.get(folder) === 1 && (file === folder || file.startsWith(`${folder}/`)));
    });
    // Said only where the previous record differs from what this import could read, so a re-run of one
    // snapshot reports the same lines; a file no earlier record came from is named by its error alone.
    const changed = kept.filter((record) => canonicalJsonCompact(records.get(record.key) ?? null) !== canonicalJsonCompact(record));
    for (const record of kept) records.set(record.key, record);
    if (changed.length > 0) {
      lines.push(`${dataset} ${file}: could not be read; ${changed.map((record) => `server "${record.key}"`).join(', ')} keep${changed.length === 1 ? 's' : ''} the previous import's record`);
    }
  }
  return lines;
}

/** Reads a snapshot with one importer and writes its dataset file. Nothing is written when no record is good. */
export function importSnapshot(importer: SourceImporter, snapshot: Snapshot, dataDir: string): SourceImportReport {
  const records = new Map<string, SourceRecord>();
  const errors: string[] = [];
  for (const item of importer.read(snapshot)) {
    if ('error' in item) {
      errors.push(item.error);
      continue;
    }
    const { record, errors: found } = validateRecord({ ...item.record, at: item.record.at ?? snapshot.at, commit: snapshot.commit }, importer.dataset);
    errors.push(...found);
    if (!record) continue;
    if (records.has(record.key)) {
      errors.push(`${importer.dataset} ${record.path}: key "${record.key}" already used by ${records.get(record.key)!.path}; the first is kept`);
      continue;
    }
    records.set(record.key, record);
  }
  errors.push(...keepUnreadable(importer.dataset, takeUnreadable(snapshot.dir), records, dataDir));
  const list = [...records.values()];
  const changed = list.length > 0 ? writeSourceRecords(dataDir, importer.dataset, list) : false;
  return {
    dataset: importer.dataset,
    records: list.length,
    withTools: list.filter((record) => (record.tools?.length ?? 0) > 0).length,
    tools: list.reduce((sum, record) => sum + (record.tools?.length ?? 0), 0),
    errors,
    changed,
  };
}
