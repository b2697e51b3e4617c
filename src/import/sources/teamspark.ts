// Importer for TeamSpark's mirror of the official MCP registry (TeamSparkAI/mcp-registry): the
// registry's `GET /v0/servers` listing saved as one file, `{servers: [{server, _meta}]}`, every
// published version of every server. One record per server name, from its latest version (see
// server-json.ts for the document). An index of servers; no tools.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ImportedItem, Snapshot, SourceImporter } from '../source-importer';
import { excerpt } from '../source-importer';
import { isObject, readJson } from './snapshot-files';
import { latestEntries, officialMeta, serverJsonRecord, type OfficialMeta } from './server-json';

const DATASET = 'teamspark';

/**
 * The daily sync writes public/server-registry.json (over 4 MiB, so absent from size-capped snapshots);
 * validation/server-registry.json is the copy its validation report was run on. The first present is read.
 */
export const TEAMSPARK_FILES = ['public/server-registry.json', 'validation/server-registry.json'];

export const teamsparkImporter: SourceImporter = {
  dataset: DATASET,
  *read(snapshot: Snapshot): Iterable<ImportedItem> {
    const file = TEAMSPARK_FILES.find((candidate) => existsSync(path.join(snapshot.dir, candidate)));
    if (!file) {
      yield { error: `${DATASET}: none of ${TEAMSPARK_FILES.join(', ')} in ${snapshot.dir}` };
      return;
    }
    const parsed = readJson(snapshot.dir, file);
    if ('error' in parsed) {
      yield { error: `${DATASET} ${parsed.error}; file skipped` };
      return;
    }
    const servers = isObject(parsed.value) ? parsed.value['servers'] : undefined;
    if (!Array.isArray(servers)) {
      yield { error: `${DATASET} ${file}: expected {servers: [...]} (value ${excerpt(parsed.value)}); file skipped` };
      return;
    }
    const entries: { name: string; official: OfficialMeta; document: unknown; index: number }[] = [];
    for (const [index, entry] of servers.entries()) {
      const document = isObject(entry) ? entry['server'] : undefined;
      const name = isObject(document) ? document['name'] : undefined;
      if (typeof name !== 'string' || name.trim() === '') {
        yield { error: `${DATASET} ${file} servers[${index}], field server.name: no server name, which is the registry's key (value ${excerpt(name ?? entry)}); skipped` };
        continue;
      }
      entries.push({ name: name.trim(), official: officialMeta(isObject(entry) ? entry['_meta'] : undefined), document, index });
    }
    for (const entry of latestEntries(entries)) {
      const { record, problems } = serverJsonRecord(entry.document, `${DATASET} ${file} servers[${entry.index}]`, file, entry.official);
      for (const problem of problems) yield { error: problem };
      if (record) yield { record };
    }
  },
};
