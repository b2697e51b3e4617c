// The one interface every source implements: a list of jobs, each of which collects one thing
// (a package, an endpoint, a registry entry, a dump) and hands its records to the sink. The runner
// (run-crawl.ts) owns concurrency, sharding, resuming, merging and writing.
import type { Server } from '../schema';
import type { ImportReport } from '../import/import-dump';

export type RecordSink = {
  /** Merges a freshly collected record into the store (history, "failed keeps the old tools") and writes it atomically. */
  save(server: Server): void;
  /** For the import source, which writes through the store itself. */
  imported(report: ImportReport): void;
};

export type CrawlJob = {
  /** Stable key: what `--only` matches, what `--shard` hashes and what the resume journal records. */
  key: string;
  run(sink: RecordSink): Promise<void>;
};

export interface CrawlSource {
  readonly name: 'npm' | 'pypi' | 'remote' | 'registry' | 'import';
  jobs(): Promise<CrawlJob[]>;
}
