// npm run backfill-history [-- --dry-run]: a one-time step. Gives the history entries recorded before
// the merge kept what a change replaced their `before`, from the versions of each server's record in
// this repository's git history (src/store/backfill-history.ts), and lists the entries it cannot.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backfillHistory } from '../src/store/backfill-history';
import { defaultDataDir } from '../src/store/dataset';

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } } });
const dataDir = defaultDataDir();
const report = backfillHistory(path.resolve(import.meta.dirname, '..'), dataDir, { write: !values['dry-run'] });
console.log(`backfill-history: ${report.servers} servers with entries lacking their previous definition, ${report.versions} earlier versions read`);
console.log(`  recovered ${report.recovered}, not in the git history ${report.unrecoverable.length}${values['dry-run'] ? ' (dry run: nothing written)' : ''}`);
for (const entry of report.unrecoverable.slice(0, 20)) console.log(`  not recoverable: ${entry.server} ${entry.tool} (${entry.at})`);
if (report.unrecoverable.length > 20) console.log(`  ... and ${report.unrecoverable.length - 20} more`);
