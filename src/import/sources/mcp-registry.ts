// Importer for the official MCP registry's seed (modelcontextprotocol/registry, data/seed*.json): each
// file is a JSON array of server.json documents of the registry's first revision (see server-json.ts).
// An index of servers: names, repositories, packages, remotes; no tools.
import type { ImportedItem, Snapshot, SourceImporter } from '../source-importer';
import { listFiles, readJson } from './snapshot-files';
import { serverJsonRecord } from './server-json';

const DATASET = 'mcp-registry';

export const mcpRegistryImporter: SourceImporter = {
  dataset: DATASET,
  *read(snapshot: Snapshot): Iterable<ImportedItem> {
    const files = listFiles(snapshot.dir, 'data', '.json').filter((file) => /^data\/seed[^/]*\.json$/.test(file));
    if (files.length === 0) yield { error: `${DATASET}: no data/seed*.json in ${snapshot.dir}` };
    for (const file of files) {
      const parsed = readJson(snapshot.dir, file);
      if ('error' in parsed) {
        yield { error: `${DATASET} ${parsed.error}; file skipped` };
        continue;
      }
      if (!Array.isArray(parsed.value)) {
        yield { error: `${DATASET} ${file}: expected a JSON array of server.json documents; file skipped` };
        continue;
      }
      for (const [index, document] of parsed.value.entries()) {
        const { record, problems } = serverJsonRecord(document, `${DATASET} ${file} [${index}]`, file);
        for (const problem of problems) yield { error: problem };
        if (record) yield { record };
      }
    }
  },
};
