// npm run rebuild: data/servers/ again from data/collected/ and data/sources/ (after a crawl, an
// import, or a change to the merge rules). Prints what the merge did.
import { pathToFileURL } from 'node:url';
import { defaultDataDir } from '../src/store/dataset';
import { rebuildServers, type RebuildReport } from '../src/store/rebuild';

export function printRebuild(report: RebuildReport): void {
  for (const error of report.errors) console.error(error);
  console.log(
    `servers: ${report.servers} (${report.written} written, ${report.removed} removed); ${report.keptApart.length} pairs kept apart, ${report.ambiguousKeys} record keys too ambiguous to merge on, ${report.disputedRepositories} repository links outvoted by their package, ${report.errors.length} problems`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printRebuild(rebuildServers(defaultDataDir()));
