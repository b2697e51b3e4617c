// A server record: one JSON file per server under data/servers/. Identity, provenance, how it was
// crawled, its tools and their change history.
import { z } from 'zod';
import { StoredTool } from './tool';

/** Server ids are URL slugs: the file name under data/servers/ and the path segment of the server page. */
export const ServerId = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$/, 'a server id is 1-120 characters of a-z, 0-9 and inner hyphens');

/** Links are attacker-controlled: only http(s) URLs are stored, so a `javascript:` link can never reach a page. */
export const HttpUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

const NpmSource = z.strictObject({
  kind: z.literal('npm'),
  /** The npm package name, e.g. `@modelcontextprotocol/server-filesystem`. */
  package: z.string().min(1),
  /** The package version that was crawled. */
  version: z.string().optional(),
});
const PypiSource = z.strictObject({
  kind: z.literal('pypi'),
  /** The PyPI distribution name as the target spells it, e.g. `mcp-server-fetch`. */
  package: z.string().min(1),
  /** The distribution version that was crawled. */
  version: z.string().optional(),
});
const RemoteSource = z.strictObject({
  kind: z.literal('remote'),
  /** The MCP endpoint. */
  url: HttpUrl,
  /** The transport that answered. */
  transport: z.enum(['streamable-http', 'sse']).optional(),
});
const RegistrySource = z.strictObject({
  kind: z.literal('registry'),
  /** The server's reverse-DNS name in the official MCP registry. */
  registryName: z.string().min(1),
  /** The registry entry's version. */
  version: z.string().optional(),
  /** The registry the entry was read from. */
  registryUrl: HttpUrl.optional(),
});
const ImportSource = z.strictObject({
  kind: z.literal('import'),
  /** The dump file the tools were imported from, relative to where the import ran. */
  file: z.string().min(1),
  /** The named dataset the file belongs to, if any (see NOTICE). */
  dataset: z.string().optional(),
  /** Where the dump came from: repository, commit and path. */
  origin: z.string().optional(),
  /** How the definitions were obtained by whoever made the dump. */
  capture: z.enum(['tools-list', 'static-analysis', 'cli-metadata', 'names-only']).optional(),
  /** SPDX identifier of the dump's license (the server's own code may be licensed differently). */
  license: z.string().optional(),
});
/** Where the server's record came from. */
export const ServerSource = z.discriminatedUnion('kind', [NpmSource, PypiSource, RemoteSource, RegistrySource, ImportSource]);
export type ServerSource = z.infer<typeof ServerSource>;

/** How to start the server. Environment variables are recorded by name only: a value is never stored. */
export const Launch = z.strictObject({
  command: z.string().min(1),
  args: z.array(z.string()),
  /** Names of the environment variables the server needs (values are never recorded). */
  env: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name')),
});
export type Launch = z.infer<typeof Launch>;

/** Why a crawl failed, as a class the site and the summary can count. */
export const FailureReason = z.enum([
  'install',
  'spawn',
  'timeout',
  'protocol',
  'crash',
  'output-limit',
  'sandbox',
  'http',
  'invalid-tools',
  'no-tools',
  /** The server kept running after SIGTERM and had to be killed (crawler). */
  'ignored-sigterm',
  /** Processes the server started were still running after it exited (crawler). */
  'left-processes',
]);
export type FailureReason = z.infer<typeof FailureReason>;

/** The outcome of the last attempt to collect the server's tools. */
export const CrawlStatus = z.strictObject({
  /** ok: tools listed by a live server; imported: taken from a dump; listed: known from a registry, not crawled; failed: see reason. */
  status: z.enum(['ok', 'imported', 'listed', 'failed']),
  /** When the tools were collected (ISO 8601). Absent when the source does not say. */
  at: z.iso.datetime({ offset: true }).optional(),
  reason: FailureReason.optional(),
  /** The failure in one line (untrusted text when it quotes the server). */
  message: z.string().max(2000).optional(),
});
export type CrawlStatus = z.infer<typeof CrawlStatus>;

/** A previous value longer than this many characters of JSON is not kept... */
export const PREVIOUS_FIELD_MAX = 8_000;
/** ...except a description, the raw material of the diff, up to this many (22 of the embedded dataset's 29,520 are over 8,000, 5 over 16,000). */
export const PREVIOUS_DESCRIPTION_MAX = 16_000;
/** The most a previous value of `field` may be, in characters of JSON. */
export const previousFieldMax = (field: string): number => (field === 'description' ? PREVIOUS_DESCRIPTION_MAX : PREVIOUS_FIELD_MAX);
/** What one entry keeps of the previous definition, at most, in characters of JSON. */
export const PREVIOUS_TOTAL_MAX = 24_000;
/** How long a value is as JSON: the measure of both bounds above. */
export const jsonLength = (value: unknown): number => JSON.stringify(value)?.length ?? 0;

/**
 * What a history entry keeps of the definition before the change, so a page can show a description
 * diff and recompute the verdict before (verdicts are never stored: the classifier of the build decides).
 */
export const PreviousDefinition = z
  .strictObject({
    /** The previous values, as sent, of the top-level fields that changed (of every field but `_meta` for a removed tool). A changed field in neither this nor `omitted` was absent before. */
    fields: z.record(z.string(), z.json()),
    /** Changed fields whose previous value was too long to keep (over previousFieldMax characters of JSON, or past PREVIOUS_TOTAL_MAX together). */
    omitted: z.array(z.string()).optional(),
  })
  .refine((previous) => Object.entries(previous.fields).every(([field, value]) => jsonLength(value) <= previousFieldMax(field)), {
    message: `a previous value kept in a history entry must be at most ${PREVIOUS_FIELD_MAX} characters of JSON (a description ${PREVIOUS_DESCRIPTION_MAX})`,
  })
  .refine((previous) => Object.values(previous.fields).reduce((sum: number, value) => sum + jsonLength(value), 0) <= PREVIOUS_TOTAL_MAX, {
    message: `the previous values kept in a history entry must be at most ${PREVIOUS_TOTAL_MAX} characters of JSON together`,
  });
export type PreviousDefinition = z.infer<typeof PreviousDefinition>;

/** A change to one tool between two collections: the raw material of the change history and rug-pull flags. */
export const HistoryEntry = z.strictObject({
  at: z.iso.datetime({ offset: true }),
  tool: z.string().min(1),
  change: z.enum(['added', 'changed', 'removed']),
  oldHash: z.string().optional(),
  newHash: z.string().optional(),
  /** Which parts of the definition changed, e.g. `description`, `inputSchema`. */
  fields: z.array(z.string()).optional(),
  /** For `changed` and `removed`: what the definition was before. Absent on entries recorded before the catalog kept it and not recoverable since. */
  before: PreviousDefinition.optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** A package a registry entry says the server ships as (the registry's `server.json`). */
export const RegistryPackage = z.looseObject({
  /** `npm`, `pypi`, `oci`, `nuget`, `mcpb`, ... */
  registryType: z.string(),
  identifier: z.string(),
  version: z.string().optional(),
  /** The transport the package speaks, e.g. `stdio`. */
  transport: z.string().optional(),
  /** Names of the environment variables the entry declares (values are never recorded). */
  environmentVariables: z.array(z.string()).optional(),
});
/** A remote endpoint a registry entry names. */
export const RegistryRemote = z.strictObject({
  type: z.string(),
  url: HttpUrl,
  /** Names of the headers the endpoint needs (values are never recorded). */
  headers: z.array(z.string()).optional(),
});
/** What a registry entry says about where the server can be had; kept so a listed server is a useful catalog entry. */
export const RegistryEntry = z.strictObject({
  packages: z.array(RegistryPackage),
  remotes: z.array(RegistryRemote),
  /** The registry's own status for the entry (`active`, `deprecated`, ...). */
  status: z.string().optional(),
  publishedAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type RegistryEntry = z.infer<typeof RegistryEntry>;

/** The server that answered `initialize`. */
export const ServerInfo = z.looseObject({
  name: z.string(),
  version: z.string().optional(),
  title: z.string().optional(),
});

/** One source that knows the server: what it is called there, where its data lives, what it contributed. */
export const Provenance = z.strictObject({
  /** `crawl` (this project's crawler), an imported dump's dataset, or an open dataset's id (see docs/data.md). */
  source: z.string().min(1),
  /** The source's own name or key for the server (untrusted text). */
  name: z.string().min(1),
  /** The repository the source's data was read from (`owner/name`), for imported datasets. */
  repository: z.string().optional(),
  commit: z.string().optional(),
  /** The file the record came from, relative to that repository (or to where an import ran). */
  path: z.string().optional(),
  /** SPDX identifier of the source data's license. */
  license: z.string().optional(),
  /** When the source's record was made (ISO 8601). */
  at: z.string().optional(),
  /** Which fields of the merged record were taken from this source. */
  fields: z.array(z.string()),
  /** How many tools this source lists for the server; absent when it lists none. */
  tools: z.number().int().nonnegative().optional(),
  /** How this source obtained them: `live` for a server this project crawled itself. */
  capture: z.enum(['live', 'tools-list', 'static-analysis', 'cli-metadata', 'names-only']).optional(),
  /** The crawler's outcome, for `crawl`: a failed crawl is kept here when another source supplies the tools. */
  status: z.enum(['ok', 'imported', 'listed', 'failed']).optional(),
  reason: FailureReason.optional(),
});
export type Provenance = z.infer<typeof Provenance>;

/** A field on which the sources disagree: every value, with the source that gave it. */
export const Conflict = z.strictObject({
  field: z.string().min(1),
  values: z.array(z.strictObject({ source: z.string().min(1), value: z.string() })).min(2),
  /** The value the record shows (from the best source). */
  chosen: z.string(),
});
export type Conflict = z.infer<typeof Conflict>;

export const Server = z
  .strictObject({
    /** Stable, collision-free slug: see src/lib/ids.ts. */
    id: ServerId,
    /** The canonical name the id was made from: npm package, registry name, URL or dataset server name. */
    name: z.string().min(1),
    /** The name shown to people. */
    displayName: z.string().min(1),
    description: z.string().optional(),
    source: ServerSource,
    /** SPDX identifier of the license of the server's code or of the dump its tools came from. */
    license: z.string().optional(),
    repository: HttpUrl.optional(),
    homepage: HttpUrl.optional(),
    /** Credit owed to whoever published the data (kept with the record and in NOTICE). */
    attribution: z.string().optional(),
    launch: Launch.optional(),
    serverInfo: ServerInfo.optional(),
    /** The MCP protocol version negotiated at `initialize`. */
    protocolVersion: z.string().optional(),
    /** The registry entry's packages and remotes, for servers read from an MCP registry. */
    registry: RegistryEntry.optional(),
    crawl: CrawlStatus,
    /** The key the sources were merged on: normalised repository URL (with monorepo folder), else `npm:`/`pypi:`/`oci:` package, else remote URL. */
    identity: z.string().optional(),
    /** Every source that knows the server, the one whose tools are shown first. Absent on records no merge has seen. */
    sources: z.array(Provenance).optional(),
    /** Fields on which those sources disagree. */
    conflicts: z.array(Conflict).optional(),
    /** Tools sorted by name; names are unique within a server. */
    tools: z.array(StoredTool),
    /** Oldest first. */
    history: z.array(HistoryEntry),
  })
  .superRefine((server, ctx) => {
    const seen = new Set<string>();
    server.tools.forEach((tool, index) => {
      const name = tool.definition.name;
      if (seen.has(name)) {
        ctx.addIssue({ code: 'custom', path: ['tools', index, 'definition', 'name'], message: `duplicate tool name "${name}"` });
      }
      seen.add(name);
    });
  });
export type Server = z.infer<typeof Server>;
