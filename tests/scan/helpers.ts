// Shared by the scan tests: the fixture configs (tests/fixtures/scan, from public docs) and the real
// lookup and server documents of the embedded dataset, as the site serves them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildLookup } from '../../src/scan/match';
import type { ScanLookup } from '../../src/scan/types';
import { serverDocument, type ServerDocument } from '../../src/site/export';
import { defaultDataDir, iterateServers, readServer } from '../../src/store/dataset';

export const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'scan');

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

let lookup: ScanLookup | undefined;
/** The lookup of the embedded dataset, built once per test file (about a second). */
export function datasetLookup(): ScanLookup {
  lookup ??= buildLookup(iterateServers(defaultDataDir()));
  return lookup;
}

/** The /servers/<id>.json documents of these ids, read from the embedded dataset. */
export function documents(ids: readonly string[]): Map<string, ServerDocument> {
  const out = new Map<string, ServerDocument>();
  for (const id of ids) {
    const server = readServer(defaultDataDir(), id);
    if (server) out.set(id, serverDocument(server));
  }
  return out;
}

/** Every fake secret in the fixtures contains FAKE (see the fixtures' README). */
export const SECRET_MARK = 'FAKE';
