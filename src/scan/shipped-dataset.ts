// The dataset the npm package ships for `mcp-risk-catalog scan`, so a scan works offline: every server
// as the document the site exports at /servers/<id>.json (serverDocument, the same function), one per
// line of a gzipped NDJSON file, an index of where each line starts, and the scan lookup the /scan/
// page fetches. Written by scripts/build-cli.ts into the package's folder; read by the CLI.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { serverDocument, type ServerDocument } from '../site/export';
import { iterateServers } from '../store/dataset';
import { ScanLookupBuilder } from './match';
import { ScanLookup as ScanLookupSchema } from '../schema/scan';
import type { ScanLookup } from './types';

export const DATASET_FILES = { servers: 'servers.ndjson.gz', index: 'index.json', lookup: 'lookup.json' } as const;

/** index.json: where each server's line starts in the uncompressed NDJSON, and what was counted. */
export type DatasetIndex = {
  version: 1;
  /** The package version the dataset was built for (the CLI's --version and SARIF driver version). */
  packageVersion: string;
  /** The catalog site's origin, for links in the output (the records carry site-relative `url`s). */
  site: string;
  servers: number;
  tools: number;
  /** Server ids in line order (sorted). */
  ids: string[];
  /** Byte offset of each line in the uncompressed text; one more at the end (its length). */
  offsets: number[];
};

export type DatasetSizes = { servers: number; tools: number; bytes: Record<keyof typeof DATASET_FILES, number>; uncompressed: number };

/** Writes a file under a temporary name and renames it, so a killed build never leaves half a dataset. */
function writeWhole(file: string, data: string | Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

/**
 * Writes the shipped dataset of the records in `dataDir` into `outDir`, one server at a time. The
 * lookup comes from the scan core's builder: the CLI matches with the lookup the /scan/ page fetches.
 */
export function writeShippedDataset(dataDir: string, outDir: string, about: { packageVersion: string; site: string }): DatasetSizes {
  mkdirSync(outDir, { recursive: true });
  const lookup = new ScanLookupBuilder();
  const chunks: Buffer[] = [];
  const index: DatasetIndex = { version: 1, ...about, servers: 0, tools: 0, ids: [], offsets: [] };
  let offset = 0;
  for (const server of iterateServers(dataDir)) {
    lookup.add(server);
    const line = Buffer.from(`${JSON.stringify(serverDocument(server))}\n`);
    index.ids.push(server.id);
    index.offsets.push(offset);
    offset += line.length;
    chunks.push(line);
    index.servers += 1;
    index.tools += server.tools.length;
  }
  index.offsets.push(offset);
  // mtime 0 in the gzip header (Node writes none): the same data gives the same bytes.
  const compressed = gzipSync(Buffer.concat(chunks), { level: 9 });
  const lookupText = `${JSON.stringify(lookup.build())}\n`;
  const indexText = `${JSON.stringify(index)}\n`;
  writeWhole(path.join(outDir, DATASET_FILES.servers), compressed);
  writeWhole(path.join(outDir, DATASET_FILES.index), indexText);
  writeWhole(path.join(outDir, DATASET_FILES.lookup), lookupText);
  return {
    servers: index.servers,
    tools: index.tools,
    uncompressed: offset,
    bytes: { servers: compressed.length, index: Buffer.byteLength(indexText), lookup: Buffer.byteLength(lookupText) },
  };
}

export class DatasetError extends Error {}

/** The shipped dataset, opened: the lookup at once, server documents read when asked for. */
export class ShippedDataset {
  readonly lookup: ScanLookup;
  readonly index: DatasetIndex;
  private text: Buffer | undefined;
  private readonly positions: Map<string, number>;

  constructor(readonly dir: string) {
    for (const file of Object.values(DATASET_FILES)) {
      if (!existsSync(path.join(dir, file))) throw new DatasetError(`no dataset in ${dir}: ${file} is missing (npm run build-cli writes it)`);
    }
    const read = (file: string): unknown => {
      try {
        return JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
      } catch (error) {
        throw new DatasetError(`${path.join(dir, file)} cannot be read: ${(error as Error).message}`);
      }
    };
    // The schema the /scan/ page checks its fetched lookup with: a damaged file is said to be damaged, not read as "no match".
    const lookup = ScanLookupSchema.safeParse(read(DATASET_FILES.lookup));
    if (!lookup.success) throw new DatasetError(`${path.join(dir, DATASET_FILES.lookup)} is not a scan lookup: ${lookup.error.issues[0]?.path.join('.')}: ${lookup.error.issues[0]?.message}`);
    this.lookup = lookup.data;
    this.index = read(DATASET_FILES.index) as DatasetIndex;
    if (this.index?.version !== 1 || !Array.isArray(this.index.ids) || this.index.offsets?.length !== this.index.ids.length + 1) throw new DatasetError(`${dir}/${DATASET_FILES.index} is not an index this version reads`);
    this.positions = new Map(this.index.ids.map((id, position) => [id, position]));
  }

  has(id: string): boolean {
    return this.positions.has(id);
  }

  /** The documents of `ids` that the dataset holds (the file is decompressed once, on the first call). */
  servers(ids: Iterable<string>): Map<string, ServerDocument> {
    const found = new Map<string, ServerDocument>();
    for (const id of [...new Set(ids)].sort()) {
      const position = this.positions.get(id);
      if (position === undefined) continue;
      this.text ??= gunzipSync(readFileSync(path.join(this.dir, DATASET_FILES.servers)));
      const line = this.text.subarray(this.index.offsets[position], this.index.offsets[position + 1]);
      found.set(id, JSON.parse(line.toString('utf8')) as ServerDocument);
    }
    return found;
  }
}
