// `npm run import`: a parsed dump becomes server records in data/collected/, merged with what is there
// (the caller rebuilds data/servers/ afterwards: src/store/rebuild.ts).
import type { Server } from '../schema';
import { excerpt } from '../lib/excerpt';
import { serverId } from '../lib/ids';
import { toolHash } from '../lib/hash';
import { readServer, writeServer } from '../store/dataset';
import { mergeSnapshot } from '../store/merge';
import { parseDump, type ParseOptions } from './parse-dump';

/** What an import knows about a server beyond its tools (all optional). */
export type ServerMeta = Partial<
  Pick<Server, 'displayName' | 'description' | 'license' | 'repository' | 'homepage' | 'attribution' | 'launch' | 'serverInfo' | 'protocolVersion' | 'registry'>
>;

export type ImportOptions = ParseOptions & {
  dataDir: string;
  /** Provenance of the dump, stored in each server's `source`. */
  dataset?: string;
  origin?: string;
  capture?: 'tools-list' | 'static-analysis' | 'cli-metadata';
  license?: string;
  /** When the dump was made (ISO 8601); stamps `crawl.at` and any history entries. */
  at?: string;
  /** Per-server metadata, looked up by the server's name in the dump. */
  meta?: (serverName: string) => ServerMeta | undefined;
  /** Notes added to every tool of this dump (e.g. "inputSchema derived from source code"). */
  toolNotes?: readonly string[];
};

export type ImportReport = {
  servers: Array<{ id: string; name: string; tools: number; changed: boolean }>;
  errors: string[];
};

export function importDump(text: string, file: string, options: ImportOptions): ImportReport {
  const parsed = parseDump(text, file, options);
  const report: ImportReport = { servers: [], errors: [...parsed.errors] };
  const at = options.at ?? new Date().toISOString();
  for (const [name, tools] of parsed.servers) {
    if (parsed.incomplete.unknownServer || parsed.incomplete.servers.has(name)) {
      // data/ stays as it was for a server whose list may be incomplete; the errors above say why.
      report.errors.push(`${file}, server "${name}": not updated, ${parsed.incomplete.unknownServer ? 'a row of the file could not be read' : 'a row of it was rejected'}`);
      continue;
    }
    const id = serverId({ kind: 'import', name });
    const meta = options.meta?.(name) ?? {};
    const incoming: Server = {
      id,
      name,
      displayName: meta.displayName ?? name,
      ...meta,
      source: {
        kind: 'import',
        file,
        ...(options.dataset !== undefined ? { dataset: options.dataset } : {}),
        ...(options.origin !== undefined ? { origin: options.origin } : {}),
        ...(options.capture !== undefined ? { capture: options.capture } : {}),
        ...(options.license !== undefined ? { license: options.license } : {}),
      },
      crawl: { status: 'imported', ...(options.at !== undefined ? { at: options.at } : {}) },
      tools: tools.map(({ definition, notes }) => {
        const allNotes = [...(options.toolNotes ?? []), ...notes];
        return { definition, hash: toolHash(definition), ...(allNotes.length > 0 ? { notes: allNotes } : {}) };
      }),
      history: [],
    };
    try {
      const merged = mergeSnapshot(readServer(options.dataDir, id, 'collected'), incoming, at);
      const changed = writeServer(options.dataDir, merged, 'collected');
      report.servers.push({ id, name, tools: incoming.tools.length, changed });
    } catch (error) {
      // One bad server record must not cost the others theirs.
      report.errors.push(`${file}, server ${excerpt(name)}: ${(error as Error).message}`);
    }
  }
  return report;
}
