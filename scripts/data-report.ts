// npm run data-report [-- --json] [--examples N]: what the embedded dataset holds (src/store/data-report.ts).
import { parseArgs } from 'node:util';
import { dataReport, whyApart } from '../src/store/data-report';
import { defaultDataDir, iterateServers } from '../src/store/dataset';
import { mergeSources } from '../src/store/merge-sources';
import { readSourceRecords } from '../src/store/source-store';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, examples: { type: 'string', default: '10' } } });
const dataDir = defaultDataDir();
const { records } = readSourceRecords(dataDir);
const { report: merge } = mergeSources({ collected: [...iterateServers(dataDir, 'collected')], records });
const report = dataReport(iterateServers(dataDir), merge.keptApart);
if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const examples = Number(values.examples);
  const line = (counts: Record<string, number>) => Object.entries(counts).map(([key, count]) => `${key} ${count.toLocaleString('en')}`).join(', ');
  console.log(`servers: ${report.servers.toLocaleString('en')} (${report.withTools.toLocaleString('en')} with tools), tools: ${report.tools.toLocaleString('en')}`);
  console.log(`by status: ${line(report.byStatus)}`);
  console.log(`tools by capture: ${line(report.byCapture)}`);
  console.log(`servers known to 1, 2, 3, 4+ sources: ${line(report.bySourceCount)}`);
  console.log(`conflicts by field: ${line(report.conflictsByField) || 'none'}`);
  console.log('');
  console.log('| source | servers | merged with another source | tools shown from it (servers) | tools it lists | in a conflict |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const source of report.sources) {
    console.log(`| ${source.source} | ${source.servers.toLocaleString('en')} | ${source.merged.toLocaleString('en')} | ${source.toolsShown.toLocaleString('en')} | ${source.toolsListed.toLocaleString('en')} | ${source.conflicts.toLocaleString('en')} |`);
  }
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
