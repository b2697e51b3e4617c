// npm run import-source -- <dataset> <snapshot-dir> [--commit SHA --at ISO-DATE] [--no-merge]
// Imports one open dataset from a local snapshot of its repository into data/sources/<dataset>.jsonl,
// then rebuilds data/servers/ (one record per real server). The datasets: src/import/datasets.ts.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORTERS } from '../src/import/sources';
import { importSnapshot } from '../src/import/source-importer';
import { defaultDataDir, iterateServers } from '../src/store/dataset';
import { dataReport } from '../src/store/data-report';
import { rebuildServers } from '../src/store/rebuild';
import { printRebuild } from './rebuild';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { commit: { type: 'string' }, at: { type: 'string' }, data: { type: 'string' }, 'no-merge': { type: 'boolean', default: false } },
});
const [dataset, dir] = positionals;
const importer = dataset ? IMPORTERS[dataset] : undefined;
if (!importer || !dir) {
  console.error(`usage: npm run import-source -- <${Object.keys(IMPORTERS).sort().join('|')}> <snapshot-dir> [--commit SHA --at ISO-DATE]`);
  process.exit(2);
}
if (!existsSync(dir)) {
  console.error(`import-source: no folder ${dir}`);
  process.exit(2);
}
let commit = values.commit;
let at = values.at;
if (!commit || !at) {
  // A checkout says which commit it is; an extracted archive needs --commit and --at.
  try {
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
    commit ??= git('rev-parse', 'HEAD');
    at ??= new Date(git('log', '-1', '--format=%cI', 'HEAD')).toISOString();
  } catch {
    console.error(`import-source: ${dir} is not a git checkout; give --commit and --at`);
    process.exit(2);
  }
}
at = new Date(at).toISOString();
const dataDir = values.data ?? defaultDataDir();
const report = importSnapshot(importer, { dir: path.resolve(dir), commit, at }, dataDir);
for (const error of report.errors) console.error(error);
console.log(
  `${report.dataset}: ${report.records} servers, ${report.withTools} with tools, ${report.tools} tools, ${report.errors.length} problems${report.changed ? '' : ' (data/sources unchanged)'}`,
);
if (!values['no-merge']) {
  printRebuild(rebuildServers(dataDir));
  // What the dataset is after the merge: how many of its servers another source knows too, whose
  // tools are shown from it, and where it disagrees (the whole table: npm run data-report).
  const summary = dataReport(iterateServers(dataDir)).sources.find((source) => source.source === report.dataset);
  if (summary) {
    console.log(
      `${report.dataset} after the merge: ${summary.servers} servers (${summary.merged} merged with another source), tools shown from it on ${summary.toolsShown}, in a conflict on ${summary.conflicts}`,
    );
  }
}
if (report.records === 0) process.exit(1);
