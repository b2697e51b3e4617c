// What one open dataset says about one server, normalised by that dataset's importer
// (src/import/sources/*) and stored in data/sources/<dataset>.jsonl. The merge (src/store/merge-sources.ts)
// turns these, with the crawler's records, into one record per real server under data/servers/.
import { z } from 'zod';
import { HttpUrl } from './server';
import { McpTool } from './tool';

/** How the source obtained a server's tools, best evidence first (the merge ranks them in this order). */
export const ToolCapture = z.enum([
  /** Listed by a live server (`tools/list`) and saved by whoever made the dataset. */
  'tools-list',
  /** Derived from the server's source code; schemas may be approximate. */
  'static-analysis',
  /** Taken from a command-line tool's own description of its commands. */
  'cli-metadata',
  /** Only each tool's name and description are known: the parameters are not. */
  'names-only',
]);
export type ToolCapture = z.infer<typeof ToolCapture>;

/** A package the source says the server ships as. */
export const SourcePackage = z.strictObject({
  /** `npm`, `pypi`, `oci` (a container image), `nuget`, ... */
  registryType: z.string().min(1).max(40),
  /** The package name or image reference, as the registry spells it. */
  identifier: z.string().min(1).max(300),
  version: z.string().max(100).optional(),
});
export type SourcePackage = z.infer<typeof SourcePackage>;

/** A remote endpoint the source names for the server. */
export const SourceRemote = z.strictObject({
  /** `streamable-http`, `sse`, ... as the source calls it. */
  type: z.string().min(1).max(40),
  url: HttpUrl,
});

export const SourceRecord = z.strictObject({
  /** The dataset's id (src/import/datasets.ts). */
  source: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** The dataset's own key for the record, unique within the dataset (e.g. metorial's `owner/repo/server`). */
  key: z.string().min(1).max(500),
  /** The commit of the dataset's repository the record was read from. */
  commit: z.string().regex(/^[0-9a-f]{40}$/, 'a 40-digit git commit'),
  /** The file in that commit, relative to the repository root. */
  path: z.string().min(1).max(500),
  /** When the source says the record was made, else the commit's date (ISO 8601). */
  at: z.iso.datetime({ offset: true }),
  /** The name the source gives the server (shown to people; untrusted text). */
  name: z.string().min(1).max(300),
  /** What the server does, as the source describes it (untrusted text). */
  description: z.string().max(20000).optional(),
  /** The server's code repository (a subdirectory URL such as `/tree/main/src/x` is kept as given). */
  repository: HttpUrl.optional(),
  /** The server's folder inside a monorepo, when the source gives it apart from the URL. */
  subdirectory: z.string().max(300).optional(),
  homepage: HttpUrl.optional(),
  /** The license of the server's code, as the source states it (SPDX where it gives one). */
  license: z.string().max(100).optional(),
  packages: z.array(SourcePackage).default([]),
  remotes: z.array(SourceRemote).default([]),
  /** Names of the environment variables the source says the server needs (values never recorded). */
  env: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/)).default([]),
  /** The tools the source lists for the server; absent when it lists none. */
  tools: z.array(McpTool).optional(),
  /** How the source obtained the tools; required with `tools`. */
  capture: ToolCapture.optional(),
});
export type SourceRecord = z.infer<typeof SourceRecord>;
export type SourceRecordInput = z.input<typeof SourceRecord>;
