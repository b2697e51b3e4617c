// Writes the search index (`<out>/pagefind`, and `<out>/pagefind-1`, … for a large dataset) from the
// dataset, without reading the built site: `tsx scripts/search-index.ts --out dist`
// (CATALOG_DATA_DIR picks another data folder, CATALOG_SEARCH_PARTS forces the number of parts).
import { parseArgs } from 'node:util';
import path from 'node:path';
import { defaultDataDir } from '../src/store/dataset';
import { buildSearchIndex } from '../src/search/build-index';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const started = performance.now();
const counts = await buildSearchIndex(defaultDataDir(), path.resolve(values.out));
console.log(
  `search index: ${counts.records} records (${counts.servers} servers, ${counts.tools} tools) in ${counts.parts} part${counts.parts === 1 ? '' : 's'}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
