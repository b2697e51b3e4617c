// npm run import -- <file> [--server NAME] [--dataset NAME] [--origin TEXT] [--license SPDX]
//                         [--capture tools-list|static-analysis|cli-metadata] [--at ISO] [--data DIR]
// Imports a tools/list dump (a JSON array of tools, a {tools:[...]} result, or JSONL rows of
// {server, ...tool}) into data/collected/, then rebuilds data/servers/ (one record per real server). Bad rows are reported by file, line, server, tool and field;
// good rows are imported anyway, and the exit code is 1 when anything was rejected.
import { parseArgs } from 'node:util';
import { importDump } from '../src/import/import-dump';
import { readUtf8File } from '../src/lib/utf8';
import { defaultDataDir } from '../src/store/dataset';
import { rebuildServers } from '../src/store/rebuild';
import { printRebuild } from './rebuild';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    server: { type: 'string' },
    dataset: { type: 'string' },
    origin: { type: 'string' },
    license: { type: 'string' },
    capture: { type: 'string' },
    at: { type: 'string' },
    data: { type: 'string' },
  },
});

if (positionals.length === 0) {
  console.error('usage: npm run import -- <file> [<file> …] [--server NAME] [--dataset NAME] [--license SPDX] [--at ISO-DATE]');
  process.exit(2);
}
const capture = values.capture;
if (capture !== undefined && capture !== 'tools-list' && capture !== 'static-analysis' && capture !== 'cli-metadata') {
  console.error(`--capture must be tools-list, static-analysis or cli-metadata, not "${capture}"`);
  process.exit(2);
}

const dataDir = values.data ?? defaultDataDir();
let failed = false;
for (const file of positionals) {
  let text: string;
  try {
    text = readUtf8File(file);
  } catch (error) {
    // One unreadable file (missing, not UTF-8) costs only its own servers; the rest of the batch goes on.
    console.error(`error: ${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); nothing imported from it`);
    failed = true;
    continue;
  }
  const report = importDump(text, file, {
    dataDir,
    ...(values.server !== undefined ? { server: values.server } : {}),
    ...(values.dataset !== undefined ? { dataset: values.dataset } : {}),
    ...(values.origin !== undefined ? { origin: values.origin } : {}),
    ...(values.license !== undefined ? { license: values.license } : {}),
    ...(capture !== undefined ? { capture } : {}),
    ...(values.at !== undefined ? { at: values.at } : {}),
  });
  for (const error of report.errors) console.error(`error: ${error}`);
  const tools = report.servers.reduce((sum, server) => sum + server.tools, 0);
  const changed = report.servers.filter((server) => server.changed).length;
  console.log(`${file}: ${report.servers.length} servers, ${tools} tools imported (${changed} files changed), ${report.errors.length} rows rejected`);
  if (report.errors.length > 0) failed = true;
}
printRebuild(rebuildServers(dataDir));
process.exitCode = failed ? 1 : 0;
