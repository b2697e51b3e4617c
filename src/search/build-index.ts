// Builds the Pagefind index from the dataset (one record per tool and per server), streaming one
// server at a time, and writes it to `<outDir>/pagefind` through a staging folder renamed into place,
// so a reader never sees half an index and the step does not depend on the built HTML.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { iterateServers } from '../store/dataset';
import { verdictsFor } from '../site/verdicts';
import { recordHtml } from './record-html';
import { recordsForServer } from './records';

export type IndexCounts = { servers: number; tools: number; records: number };

/** How many records are sent to Pagefind's service before waiting for its answers. */
const IN_FLIGHT = 2048;

export async function buildSearchIndex(dataDir: string, outDir: string): Promise<IndexCounts> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const counts: IndexCounts = { servers: 0, tools: 0, records: 0 };
  const failures: string[] = [];
  let pending: Array<Promise<{ errors: string[] }>> = [];
  const drain = async () => {
    for (const response of await Promise.all(pending)) failures.push(...response.errors);
    pending = [];
  };
  try {
    for (const server of iterateServers(dataDir)) {
      counts.servers += 1;
      counts.tools += server.tools.length;
      for (const record of recordsForServer(server, verdictsFor(server))) {
        counts.records += 1;
        pending.push(index.addHTMLFile({ url: record.url, content: recordHtml(record) }));
        if (pending.length >= IN_FLIGHT) await drain();
      }
      if (failures.length > 0) break;
    }
    await drain();
    if (failures.length > 0) throw new Error(`pagefind: ${failures.slice(0, 5).join('; ')}`);
    mkdirSync(outDir, { recursive: true });
    const staging = path.join(outDir, `.pagefind-staging-${process.pid}`);
    const target = path.join(outDir, 'pagefind');
    rmSync(staging, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: staging });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    if (existsSync(target)) rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
    return counts;
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
