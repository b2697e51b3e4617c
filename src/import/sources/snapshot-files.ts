// Reading a dataset snapshot's files for an importer: sorted listings (so every import reads in the
// same order), JSON that fails with a message instead of an exception, and small readers for the
// untyped values found inside, which record what was wrong rather than throwing.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { compareCodePoints } from '../../lib/canonical-json';
import { excerpt } from '../source-importer';

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
    text = readFileSync(path.join(root, relative), 'utf8');
  } catch (error) {
    return { error: `${relative}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: `${relative}: not valid JSON (${(error as Error).message.slice(0, 120)})` };
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
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
