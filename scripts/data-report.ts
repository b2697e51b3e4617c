// npm run data-report [-- --json] [--examples N] [--update-docs]: what the embedded dataset holds
// (src/store/data-report.ts); --update-docs writes its figures into the README and docs/data.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dataReport, formatSummary, readmeFigures, replaceMarked, whyApart } from '../src/store/data-report';
import { defaultDataDir, iterateServers } from '../src/store/dataset';
import { mergeSources } from '../src/store/merge-sources';
import { readSourceRecords } from '../src/store/source-store';

const { values } = parseArgs({ options: { 'update-docs': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, examples: { type: 'string', default: '10' } } });
const dataDir = defaultDataDir();
const { records } = readSourceRecords(dataDir);
const { report: merge } = mergeSources({ collected: [...iterateServers(dataDir, 'collected')], records });
const report = dataReport(iterateServers(dataDir), merge.keptApart);
if (values['update-docs']) {
  writeFileSync('README.md', replaceMarked(readFileSync('README.md', 'utf8'), readmeFigures(report)));
  writeFileSync('docs/data.md', replaceMarked(readFileSync('docs/data.md', 'utf8'), formatSummary(report).join('\n')));
}
if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const examples = Number(values.examples);
  for (const text of formatSummary(report)) console.log(text);
  console.log('');
  console.log(`same name, kept apart: ${report.sameName.length.toLocaleString('en')} names (${report.sameName.reduce((sum, entry) => sum + entry.servers.length, 0).toLocaleString('en')} servers); the first ${examples}:`);
  for (const entry of report.sameName.slice(0, examples)) {
    console.log(`  "${entry.name}": ${entry.servers.length} servers, ${whyApart(entry.servers.map((server) => server.identity))}: ${entry.servers.slice(0, 4).map((server) => server.identity).join(', ')}${entry.servers.length > 4 ? ', …' : ''}`);
  }
  console.log(`records that share a key but were kept apart: ${merge.keptApart.length.toLocaleString('en')}; the first ${examples}:`);
  for (const entry of merge.keptApart.slice(0, examples)) console.log(`  ${entry.key}: ${entry.members.join(' / ')}: ${entry.reason}`);
  console.log('');
  console.log('largest servers:');
  for (const server of report.largest) console.log(`  ${String(server.tools).padStart(5)}  ${server.id} (${server.source})`);
}
