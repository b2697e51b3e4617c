// Reading a dataset's files out of a snapshot for the importers: folders listed in code-point order
// (so every import reads the same files in the same order) and JSON or YAML parsed without throwing,
// a bad file becoming one error line that names it and quotes no more than a short excerpt.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { compareCodePoints } from '../../lib/canonical-json';
import { readUtf8File } from '../../lib/utf8';
import { excerpt, type ImportedItem } from '../source-importer';

/** A parsed file, or why it could not be read, as an error line `<dataset> <file>: ...`. */
export type Parsed = { value: unknown } | { error: string };

/** The entries of a folder of the snapshot, sorted; undefined when the folder is missing. */
export function listFolder(dir: string, folder: string, kind: 'files' | 'folders'): string[] | undefined {
  const full = path.join(dir, folder);
  if (!existsSync(full) || !statSync(full).isDirectory()) return undefined;
  return readdirSync(full, { withFileTypes: true })
    .filter((entry) => (kind === 'files' ? entry.isFile() : entry.isDirectory()))
    .map((entry) => entry.name)
    .sort(compareCodePoints);
}

/**
 * What one folder of the snapshot says, entry by entry in code-point order (one folder or file per
 * server): `itemsOf` reads each; a missing folder is one error line.
 */
export function* itemsOfFolder(
  dir: string,
  dataset: string,
  folder: string,
  kind: 'files' | 'folders',
  itemsOf: (entry: string) => Iterable<ImportedItem>,
): Iterable<ImportedItem> {
  const entries = listFolder(dir, folder, kind);
  if (!entries) {
    yield { error: `${dataset}: the snapshot has no ${folder}/ folder` };
    return;
  }
  for (const entry of entries) yield* itemsOf(entry);
}

/**
 * A JSON array of tools in a file beside a server's manifest (aci's functions.json, docker's tools.json).
 * A file that cannot be read or is no array is an error line: the server (`holder`, as the dataset
 * calls it) is kept without tools.
 */
export function readToolListFile(
  dir: string,
  file: string,
  dataset: string,
  key: string,
  names: { holder: string; items: string },
): { list: unknown[] } | { error: string } {
  const read = readJsonFile(dir, file, dataset);
  if ('error' in read) return { error: `${read.error}; the ${names.holder} is kept without tools` };
  if (!Array.isArray(read.value)) markUnreadable(path.join(dir, file));
  if (!Array.isArray(read.value)) return { error: `${dataset} ${file}, server "${key}": expected a JSON array of ${names.items}, not ${kindOf(read.value)}; the ${names.holder} is kept without tools` };
  return { list: read.value };
}

export function fileExists(dir: string, file: string): boolean {
  const full = path.join(dir, file);
  return existsSync(full) && statSync(full).isFile();
}

/**
 * Files of a snapshot that could not be read or parsed (absolute paths): importSnapshot keeps what the
 * previous import read from them, so a truncated file does not delete its servers from data/.
 */
const unreadable = new Set<string>();

/** Notes that a file of a snapshot could not be read or parsed. */
export function markUnreadable(file: string): void {
  unreadable.add(path.resolve(file));
}

/** The files under `dir` marked unreadable since the last call (relative, with `/`), and forgets them. */
export function takeUnreadable(dir: string): Set<string> {
  const root = path.resolve(dir);
  const found = new Set<string>();
  for (const file of unreadable) {
    const relative = path.relative(root, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
    found.add(relative.split(path.sep).join('/'));
    unreadable.delete(file);
  }
  return found;
}

/** A file's text; a read error or bytes that are not UTF-8 become an error line (and mark the file unreadable). */
export function readSnapshotText(dir: string, file: string, dataset: string): { text: string } | { error: string } {
  try {
    return { text: readUtf8File(path.join(dir, file)) };
  } catch (error) {
    markUnreadable(path.join(dir, file));
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { error: `${dataset} ${file}: cannot be read (${reason})` };
  }
}

/** A JSON file of the snapshot. V8's messages quote the text they choke on, so only an excerpt of one is kept. */
export function readJsonFile(dir: string, file: string, dataset: string): Parsed {
  const read = readSnapshotText(dir, file, dataset);
  if ('error' in read) return read;
  try {
    return { value: JSON.parse(read.text) };
  } catch (error) {
    markUnreadable(path.join(dir, file));
    return { error: `${dataset} ${file}: not valid JSON (${excerpt((error as Error).message, 80)})` };
  }
}

/** A YAML file of the snapshot (one document). The parser's messages carry a code frame of the file, so only its code and position are kept. */
export function readYamlFile(dir: string, file: string, dataset: string): Parsed {
  const read = readSnapshotText(dir, file, dataset);
  if ('error' in read) return read;
  try {
    return { value: YAML.parse(read.text) };
  } catch (error) {
    markUnreadable(path.join(dir, file));
    const { code, linePos } = error as { code?: string; linePos?: Array<{ line: number; col: number }> };
    const where = linePos?.[0] ? ` at line ${linePos[0].line}, column ${linePos[0].col}` : '';
    return { error: `${dataset} ${file}: not valid YAML (${code ?? 'parse error'}${where})` };
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The first argument that is a non-empty string. */
export function firstString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string' && value.trim().length > 0);
}

/** What a JSON value is, for an error saying what was expected instead. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Keys become the merge's `source:` identity and appear in error lines: a key a dataset gives that
 * is not a plain name (control characters, spaces, slashes...) is refused rather than carried along.
 */
export function isPlainKey(key: string): boolean {
  return /^[A-Za-z0-9@_][A-Za-z0-9@._+-]{0,199}$/.test(key);
}

/** Paths of the files under `folder` (relative to `root`, with `/`) whose names end in `suffix`, sorted; none when the folder is missing. */
export function listFiles(root: string, folder: string, suffix: string, options: { recursive?: boolean } = {}): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return;
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory() && options.recursive) walk(child);
      else if (entry.isFile() && entry.name.endsWith(suffix)) found.push(child);
    }
  };
  walk(folder.replace(/\/+$/, ''));
  return found.sort(compareCodePoints);
}

/** A file's parsed JSON, or why it could not be read (the message starts with the file's path). */
export function readJson(root: string, relative: string): { value: unknown } | { error: string } {
  let text: string;
  try {
    text = readUtf8File(path.join(root, relative));
  } catch (error) {
    markUnreadable(path.join(root, relative));
    return { error: `${relative}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    markUnreadable(path.join(root, relative));
    return { error: `${relative}: not valid JSON (${(error as Error).message.slice(0, 120)})` };
  }
}

/**
 * Reads untyped fields of one input record, collecting a line for each value of the wrong type;
 * absent values (missing, `null`, empty text) are not problems.
 */
export class FieldReader {
  readonly problems: string[] = [];

  /** `where` starts every problem line: dataset, file and, once known, the server. */
  constructor(public where: string) {}

  /** Trimmed text, or undefined when absent, empty or not a string (the last is a problem). */
  text(value: unknown, field: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.problems.push(`${this.where}, field ${field}: expected text (value ${excerpt(value)}); field dropped`);
      return undefined;
    }
    const trimmed = value.trim();
    return trimmed.length > 0 ? trimmed : undefined;
  }

  /** An array, or an empty one when absent or not an array (the last is a problem). */
  list(value: unknown, field: string): unknown[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.problems.push(`${this.where}, field ${field}: expected a list (value ${excerpt(value)}); field dropped`);
      return [];
    }
    return value;
  }

  /** An object, or an empty one when absent or not an object (the last is a problem). */
  object(value: unknown, field: string): Record<string, unknown> {
    if (value === undefined || value === null) return {};
    if (!isObject(value)) {
      this.problems.push(`${this.where}, field ${field}: expected an object (value ${excerpt(value)}); field dropped`);
      return {};
    }
    return value;
  }

  problem(field: string, message: string): void {
    this.problems.push(`${this.where}, field ${field}: ${message}`);
  }
}

/** Names without duplicates, sorted, so a record's list does not change with the source's order. */
export function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareCodePoints);
}
