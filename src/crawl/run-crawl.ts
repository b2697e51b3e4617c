// Runs a source's jobs: bounded concurrency, `--only`, `--shard i/n`, a resume journal, merge and
// atomic write of every record through src/store, a progress line and a summary of what changed.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { FailureReason, Server } from '../schema';
import { sha256Hex } from '../lib/hash';
import { normalizeServer, readServer, writeServer } from '../store/dataset';
import { rebuildServers } from '../store/rebuild';
import { canonicalJsonCompact } from '../lib/canonical-json';
import { writeFileIfChanged } from '../lib/write-if-changed';
import { mergeSnapshot } from '../store/merge';
import type { CrawlJob, CrawlSource, RecordSink } from './source';

export type Shard = { index: number; count: number };

/** `i/n` with 1 <= i <= n. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new Error(`--shard must be i/n with 1 <= i <= n, not "${text}"`);
  return { index, count };
}

/** Whether a job belongs to a shard: by a hash of its key, so a shard keeps its jobs when others are added. */
export function inShard(key: string, shard: Shard): boolean {
  return Number.parseInt(sha256Hex(key).slice(0, 8), 16) % shard.count === shard.index - 1;
}

export type CrawlSummary = {
  jobs: number;
  skipped: number;
  servers: { added: number; changed: number; unchanged: number };
  status: { ok: number; failed: number; listed: number; imported: number };
  failures: Partial<Record<FailureReason, number>>;
  tools: { added: number; changed: number; removed: number; total: number; withAnnotations: number };
  errors: string[];
};

export type ProgressEvent = { done: number; total: number; running: string[]; summary: CrawlSummary; finished?: { key: string; line: string } };

export type RunOptions = {
  dataDir: string;
  concurrency?: number;
  only?: readonly string[];
  shard?: Shard;
  /** Where the resume journal lives; no journal (no resuming) when absent. */
  journalFile?: string;
  /** Start over even if a journal says a run was interrupted. */
  fresh?: boolean;
  onProgress?: (event: ProgressEvent) => void;
};

type Journal = { source: string; startedAt: string; done: string[] };

function readJournal(file: string, source: string): Journal | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const journal = JSON.parse(readFileSync(file, 'utf8')) as Journal;
    if (journal.source === source && Array.isArray(journal.done)) return journal;
  } catch {
    // A journal is only ever renamed into place, but a hand-edited one is not worth failing for.
  }
  return undefined;
}

export function emptySummary(): CrawlSummary {
  return {
    jobs: 0,
    skipped: 0,
    servers: { added: 0, changed: 0, unchanged: 0 },
    status: { ok: 0, failed: 0, listed: 0, imported: 0 },
    failures: {},
    tools: { added: 0, changed: 0, removed: 0, total: 0, withAnnotations: 0 },
    errors: [],
  };
}

/** Merges and writes one record, counting what changed. */
export function saveRecord(dataDir: string, incoming: Server, summary: CrawlSummary): void {
  const existing = readServer(dataDir, incoming.id, 'collected');
  const at = incoming.crawl.at ?? new Date().toISOString();
  const merged = mergeSnapshot(existing, incoming, at);
  writeServer(dataDir, merged, 'collected');
  // Every crawl restamps `crawl.at`; a server "changed" when anything else did.
  const withoutTime = (server: Server) => canonicalJsonCompact({ ...server, crawl: { ...server.crawl, at: undefined } });
  if (!existing) summary.servers.added += 1;
  else if (withoutTime(normalizeServer(existing)) !== withoutTime(normalizeServer(merged))) summary.servers.changed += 1;
  else summary.servers.unchanged += 1;
  summary.status[incoming.crawl.status] += 1;
  if (incoming.crawl.status === 'failed') {
    const reason = incoming.crawl.reason ?? 'protocol';
    summary.failures[reason] = (summary.failures[reason] ?? 0) + 1;
  }
  if (!existing) {
    summary.tools.added += merged.tools.length;
  } else {
    for (const entry of merged.history.slice(existing.history.length)) summary.tools[entry.change] += 1;
  }
  summary.tools.total += merged.tools.length;
  summary.tools.withAnnotations += merged.tools.filter((tool) => tool.definition.annotations != null).length;
}

export async function runCrawl(source: CrawlSource, options: RunOptions): Promise<CrawlSummary> {
  const summary = emptySummary();
  let jobs: CrawlJob[] = await source.jobs();
  if (options.only && options.only.length > 0) {
    const wanted = new Set(options.only);
    const unknown = [...wanted].filter((key) => !jobs.some((job) => job.key === key));
    if (unknown.length > 0) throw new Error(`--only: no ${source.name} target named ${unknown.map((key) => `"${key}"`).join(', ')}`);
    jobs = jobs.filter((job) => wanted.has(job.key));
  }
  if (options.shard) jobs = jobs.filter((job) => inShard(job.key, options.shard!));

  // A journal only makes sense for a whole (or sharded) run, not for `--only`.
  const journalFile = options.only && options.only.length > 0 ? undefined : options.journalFile;
  let journal: Journal = { source: source.name, startedAt: new Date().toISOString(), done: [] };
  if (journalFile) {
    const previous = options.fresh ? undefined : readJournal(journalFile, source.name);
    if (previous) journal = previous;
    else writeFileIfChanged(journalFile, JSON.stringify(journal));
  }
  const done = new Set(journal.done);
  const todo = jobs.filter((job) => !done.has(job.key));
  summary.jobs = jobs.length;
  summary.skipped = jobs.length - todo.length;

  const sink: RecordSink = {
    save: (server) => saveRecord(options.dataDir, server, summary),
    imported: (report) => {
      for (const server of report.servers) {
        summary.status.imported += 1;
        summary.tools.total += server.tools;
        if (server.changed) summary.servers.changed += 1;
        else summary.servers.unchanged += 1;
      }
      summary.errors.push(...report.errors);
    },
  };

  const running = new Set<string>();
  let finished = summary.skipped;
  const report = (event?: { key: string; line: string }) =>
    options.onProgress?.({ done: finished, total: jobs.length, running: [...running], summary, ...(event ? { finished: event } : {}) });
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const job = todo[next]!;
      next += 1;
      running.add(job.key);
      report();
      const saved: Server[] = [];
      let line: string;
      try {
        await job.run({ save: (server) => (saved.push(server), sink.save(server)), imported: sink.imported });
        line = saved
          .map((server) => `${server.crawl.status}${server.crawl.reason ? ` (${server.crawl.reason})` : ''}, ${server.tools.length} tools`)
          .join('; ');
      } catch (error) {
        // A job that throws is a crawler bug, not a server's doing: report it and go on.
        summary.errors.push(`${job.key}: ${(error as Error).message}`);
        line = `error: ${(error as Error).message}`;
      }
      running.delete(job.key);
      finished += 1;
      if (journalFile) {
        journal.done.push(job.key);
        writeFileIfChanged(journalFile, JSON.stringify(journal));
      }
      report({ key: job.key, line });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 2, todo.length)) }, worker));
  if (journalFile) rmSync(journalFile, { force: true });
  // The catalog is one record per real server: what was just collected joins what the open datasets say.
  const rebuilt = rebuildServers(options.dataDir);
  summary.errors.push(...rebuilt.errors);
  return summary;
}

/** The summary as lines for a person. */
export function formatSummary(summary: CrawlSummary): string[] {
  const failures = Object.entries(summary.failures)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
  return [
    `jobs: ${summary.jobs}${summary.skipped > 0 ? ` (${summary.skipped} done by an interrupted run, skipped)` : ''}`,
    `servers: ${summary.servers.added} added, ${summary.servers.changed} changed, ${summary.servers.unchanged} unchanged`,
    `status: ${summary.status.ok} ok, ${summary.status.failed} failed${failures ? ` (${failures})` : ''}, ${summary.status.listed} listed, ${summary.status.imported} imported`,
    `tools: ${summary.tools.added} added, ${summary.tools.changed} changed, ${summary.tools.removed} removed; ${summary.tools.total} in the records written, ${summary.tools.withAnnotations} with annotations`,
    ...summary.errors.map((error) => `error: ${error}`),
  ];
}
