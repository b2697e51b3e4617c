// The five sources behind the CrawlSource interface.
import { readUtf8File } from '../lib/utf8';
import { importDump, type ImportOptions } from '../import/import-dump';
import { crawlRemoteServer, type RemoteCrawlOptions, type RemoteTarget } from './crawl-remote';
import { crawlPypiServer, type PypiCrawlOptions } from './crawl-pypi';
import { crawlStdioServer, type StdioCrawlOptions } from './crawl-stdio';
import { latestListings, listRegistryServers, npmTargetsOf, registryRecord, remoteTargetsOf, type ListOptions, type RegistryListing } from './registry';
import type { CrawlJob, CrawlSource, RecordSink } from './source';
import type { PypiTarget } from './pypi-targets';
import type { CrawlTarget } from './targets';

export function npmSource(targets: readonly CrawlTarget[], options: StdioCrawlOptions): CrawlSource {
  return {
    name: 'npm',
    jobs: async () =>
      targets.map((target) => ({
        key: target.package,
        run: async (sink) => sink.save(await crawlStdioServer(target, options)),
      })),
  };
}

/** One job per PyPI target, keyed by the package name as the target list spells it (what `--only` matches). */
export function pypiSource(targets: readonly PypiTarget[], options: PypiCrawlOptions): CrawlSource {
  return {
    name: 'pypi',
    jobs: async () =>
      targets.map((target) => ({
        key: target.package,
        run: async (sink) => sink.save(await crawlPypiServer(target, options)),
      })),
  };
}

export function remoteSource(targets: readonly RemoteTarget[], options: RemoteCrawlOptions = {}): CrawlSource {
  return {
    name: 'remote',
    jobs: async () =>
      targets.map((target) => ({
        key: target.url,
        run: async (sink) => sink.save(await crawlRemoteServer(target, options)),
      })),
  };
}

export type RegistrySourceOptions = ListOptions & {
  registryUrl: string;
  /** Only store the entries; do not start their packages or visit their remotes. */
  listOnly?: boolean;
  stdio: StdioCrawlOptions;
  remote?: RemoteCrawlOptions;
};

/** One job per registry entry: its record, then its npm packages and its remotes, each a record of its own. */
export function registrySource(options: RegistrySourceOptions): CrawlSource {
  return {
    name: 'registry',
    jobs: async () => {
      const listings: RegistryListing[] = [];
      for await (const listing of listRegistryServers(options.registryUrl, options)) listings.push(listing);
      const jobs: CrawlJob[] = [];
      for (const listing of latestListings(listings)) {
        jobs.push({
          key: listing.server.name,
          run: async (sink: RecordSink) => {
            sink.save(registryRecord(listing, options.registryUrl, options.stdio.at ?? new Date().toISOString()));
            if (options.listOnly) return;
            for (const target of npmTargetsOf(listing.server)) sink.save(await crawlStdioServer(target, options.stdio));
            for (const target of remoteTargetsOf(listing.server)) sink.save(await crawlRemoteServer(target, options.remote));
          },
        });
      }
      return jobs;
    },
  };
}

/** Dumps of tools/list results (see scripts/import.ts): imported through the importer, one job per file. */
export function importSource(files: readonly string[], options: ImportOptions): CrawlSource {
  return {
    name: 'import',
    jobs: async () =>
      files.map((file) => ({
        key: file,
        run: async (sink) => sink.imported(importDump(readUtf8File(file), file, options)),
      })),
  };
}
