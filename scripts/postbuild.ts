// Runs after `astro build` (part of `npm run build`): writes what would cost a page render each or
// does not fit in memory at 500,000 tools, streaming one server at a time:
//   dist/data/catalog.json, tools.ndjson, tools.csv       the whole dataset
//   dist/servers/<id>.json                               one document per server
//   dist/servers/<id>/{policy.json,policy.yaml,claude-settings.json}   the server's policy (a tool page
//                                                        makes its own downloads from its snippets)
//   dist/sitemap.xml (+ sitemap-N.xml)                    every page that was built
// The policy files come from the same functions as the snippets on the pages.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { policyFile } from '../src/policy';
import { defaultDataDir, iterateServers } from '../src/store/dataset';
import { CSV_HEADER, POLICY_FILE_NAMES, serverDocument, toolCsvLine, toolRecord } from '../src/site/export';
import { builtPages, sitemapFiles } from '../src/site/sitemap';
import { serverPolicy, verdictsFor } from '../src/site/verdicts';
import { csvLine } from '../src/site/csv';
import astroConfig from '../astro.config.mjs';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const out = path.resolve(values.out);
// The same origin Astro used for canonical links (astro.config.mjs reads CATALOG_SITE).
const site = new URL(astroConfig.site as string);
const started = performance.now();

mkdirSync(path.join(out, 'data'), { recursive: true });
const catalog = openSync(path.join(out, 'data', 'catalog.json'), 'w');
const ndjson = openSync(path.join(out, 'data', 'tools.ndjson'), 'w');
const csv = openSync(path.join(out, 'data', 'tools.csv'), 'w');
writeSync(catalog, '{"schema":"/schema/server.schema.json","servers":[\n');
writeSync(csv, csvLine([...CSV_HEADER]));

let servers = 0;
let tools = 0;
for (const server of iterateServers(defaultDataDir())) {
  const document = serverDocument(server);
  const json = JSON.stringify(document);
  writeSync(catalog, `${servers === 0 ? '' : ',\n'}${json}`);
  const serverDir = path.join(out, 'servers', server.id);
  mkdirSync(serverDir, { recursive: true });
  writeFileSync(path.join(out, 'servers', `${server.id}.json`), `${JSON.stringify(document, null, 2)}\n`);
  // No policy for a server whose tools are not collected: its page offers none either.
  if (server.tools.length > 0) {
    const policy = serverPolicy(server);
    for (const file of POLICY_FILE_NAMES) writeFileSync(path.join(serverDir, file), policyFile(policy, file).body);
  }

  const verdicts = verdictsFor(server);
  server.tools.forEach((tool, index) => {
    const record = toolRecord(server, tool, verdicts.tools[index]!);
    writeSync(ndjson, `${JSON.stringify(record)}\n`);
    writeSync(csv, toolCsvLine(record));
    tools += 1;
  });
  servers += 1;
}
writeSync(catalog, '\n]}\n');
for (const fd of [catalog, ndjson, csv]) closeSync(fd);

const pages = builtPages(out);
for (const [name, text] of sitemapFiles(site, pages)) writeFileSync(path.join(out, name), text);

console.log(
  `postbuild: ${servers} servers, ${tools} tools exported; ${pages.length} pages in the sitemap; ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
