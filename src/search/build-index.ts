// Builds the Pagefind index from the dataset, one record per server (its tools are sections of it),
// streaming one server at a time. Pagefind's indexer holds a whole index in memory until it writes
// it, so a large dataset is split into parts by a stable hash of the server id, built one after the
// other (the service closed in between, so its memory is returned), written to `<out>/pagefind`,
// `<out>/pagefind-1`, … and merged in the browser (`mergeIndex`). `<out>/pagefind/parts.json` lists
// the other parts. Each part goes through a staging folder renamed into place, and the step does not
// depend on the built HTML.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { listServerIds, readServer } from '../store/dataset';
import { verdictsFor } from '../site/verdicts';
import { recordHtml } from './record-html';
import { serverRecord } from './records';

export type IndexCounts = { servers: number; tools: number; records: number; parts: number };

/** How many records are sent to Pagefind's service before waiting for its answers. */
const IN_FLIGHT = 256;
/**
 * Servers per part. Measured at 43,000 synthetic servers (docs/search.md): three parts peak at 1.9 GB,
 * two at 2.7 GB; but a query loads about one ~50 KB index chunk per term per part, so fewer parts
 * cost fewer bytes (later queries: median 550 KiB with three, 313 KiB with two). Two it is.
 */
export const SERVERS_PER_PART = 22_000;
export const PARTS_FILE = 'parts.json';

/** The folder (under the output) of part `index`: `pagefind`, `pagefind-1`, … */
export function partDir(index: number): string {
  return index === 0 ? 'pagefind' : `pagefind-${index}`;
}

/** How many parts a dataset of `servers` is split into; CATALOG_SEARCH_PARTS forces a number (tests use it to exercise the merge). */
export function partCount(servers: number, forced = process.env['CATALOG_SEARCH_PARTS']): number {
  if (forced !== undefined && forced !== '') {
    const parts = Number(forced);
    if (!Number.isInteger(parts) || parts < 1 || parts > 64) throw new Error(`CATALOG_SEARCH_PARTS must be an integer from 1 to 64, not ${forced}`);
    return parts;
  }
  return Math.max(1, Math.ceil(servers / SERVERS_PER_PART));
}

/** A stable part for a server id (FNV-1a of its UTF-16 code units), so a server stays in its part as others come and go. */
export function partOf(serverId: string, parts: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < serverId.length; i += 1) {
    hash ^= serverId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % parts;
}

async function buildPart(dataDir: string, ids: string[], staging: string, counts: IndexCounts): Promise<void> {
  // One fragment file per server (no maxFragments): the page reads a record's fragment to list its
  // tools, and a bundle of several servers' fragments cost ~20 KB a record at 43,000 servers against
  // ~2.5 KB alone (measured, docs/search.md).
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const failures: string[] = [];
  let pending: Array<Promise<{ errors: string[] }>> = [];
  const drain = async () => {
    for (const response of await Promise.all(pending)) failures.push(...response.errors);
    pending = [];
  };
  try {
    for (const id of ids) {
      const server = readServer(dataDir, id);
      if (!server) continue;
      counts.servers += 1;
      counts.tools += server.tools.length;
      counts.records += 1;
      const record = serverRecord(server, verdictsFor(server));
      pending.push(index.addHTMLFile({ url: record.url, content: recordHtml(record) }));
      if (pending.length >= IN_FLIGHT) await drain();
      if (failures.length > 0) break;
    }
    await drain();
    if (failures.length > 0) throw new Error(`pagefind: ${failures.slice(0, 5).join('; ')}`);
    rmSync(staging, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: staging });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
    // Closing stops the service, so the next part starts from an empty process.
    await pagefind.close();
  }
}

export async function buildSearchIndex(dataDir: string, outDir: string): Promise<IndexCounts> {
  const ids = listServerIds(dataDir);
  const parts = partCount(ids.length);
  const byPart: string[][] = Array.from({ length: parts }, () => []);
  for (const id of ids) byPart[partOf(id, parts)]!.push(id);
  const counts: IndexCounts = { servers: 0, tools: 0, records: 0, parts };
  mkdirSync(outDir, { recursive: true });
  const staging = (part: number) => path.join(outDir, `.${partDir(part)}-staging-${process.pid}`);
  try {
    for (let part = 0; part < parts; part += 1) await buildPart(dataDir, byPart[part]!, staging(part), counts);
    const others = byPart.map((_, part) => `/${partDir(part)}/`).slice(1);
    writeFileSync(path.join(staging(0), PARTS_FILE), `${JSON.stringify({ parts: others })}\n`);
    // Parts move into place last to first, so the primary (which lists the others) is never ahead of them.
    for (let part = parts - 1; part >= 0; part -= 1) {
      const target = path.join(outDir, partDir(part));
      if (existsSync(target)) rmSync(target, { recursive: true, force: true });
      renameSync(staging(part), target);
    }
    // Parts a larger earlier build left.
    for (const entry of readdirSync(outDir)) {
      const match = /^pagefind-(\d+)$/.exec(entry);
      if (match && Number(match[1]) >= parts) rmSync(path.join(outDir, entry), { recursive: true, force: true });
    }
    return counts;
  } finally {
    for (let part = 0; part < parts; part += 1) rmSync(staging(part), { recursive: true, force: true });
  }
}
