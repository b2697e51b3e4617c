// An MCP tool exactly as a server sends it in a `tools/list` result (spec 2025-11-25), and the
// record the catalog stores for it. Plain zod: imported by scripts, the classifier, the site and tests.
import { z } from 'zod';

/** JSON Schema objects are kept as sent; only their outer shape is checked here. */
export const JsonObject = z.record(z.string(), z.unknown());
export type JsonObject = z.infer<typeof JsonObject>;

/**
 * Behaviour hints a server's author claims for a tool. All optional; the spec's defaults when a hint
 * is absent are readOnly=false, destructive=true, idempotent=false, openWorld=true. Unknown keys are
 * kept. Servers built on some SDKs send `null` for an unset hint: it is kept as sent, noted, and means absent.
 */
export const ToolAnnotations = z.looseObject({
  /** A human-readable title for the tool. */
  title: z.string().nullish(),
  /** The author claims the tool does not modify its environment. */
  readOnlyHint: z.boolean().nullish(),
  /** The author claims the tool may perform destructive updates (meaningful only when not read-only). */
  destructiveHint: z.boolean().nullish(),
  /** The author claims repeated calls with the same arguments have no additional effect. */
  idempotentHint: z.boolean().nullish(),
  /** The author claims the tool interacts with an open world of external entities. */
  openWorldHint: z.boolean().nullish(),
});
export type ToolAnnotations = z.infer<typeof ToolAnnotations>;

/**
 * An MCP tool definition as sent by the server. Fields the catalog does not know are kept unchanged,
 * so a stored tool is what the server said, not what we understood of it.
 */
export const McpTool = z.looseObject({
  /** The tool's programmatic name, unique within its server. */
  name: z.string().min(1, 'a tool name must not be empty').max(512, 'a tool name must be at most 512 characters'),
  /** Human-readable title. */
  title: z.string().optional(),
  /** What the tool does, written by the server's author (untrusted text). */
  description: z.string().optional(),
  /** JSON Schema of the tool's arguments. MCP requires `type: "object"`; a crawled tool that breaks this is kept with a note. */
  inputSchema: JsonObject,
  /** JSON Schema of the tool's structured result, if it declares one. */
  outputSchema: JsonObject.optional(),
  /** Behaviour hints claimed by the author. `null` (sent by some servers) is treated as absent. */
  annotations: ToolAnnotations.nullish(),
  /** Icons the server offers for the tool (spec 2025-11-25). */
  icons: z.array(z.unknown()).optional(),
  /** Protocol-reserved metadata, kept as sent and left out of the content hash. */
  _meta: JsonObject.optional(),
});
export type McpTool = z.infer<typeof McpTool>;

/** One tool as the catalog stores it: the definition as sent, its content hash and any notes on it. */
export const StoredTool = z.strictObject({
  /** The definition exactly as received (keys sorted when written). */
  definition: McpTool,
  /** sha256 (hex, first 16 digits) of the canonical JSON of the definition without `_meta`: changes when the tool changes. */
  hash: z.string().regex(/^[0-9a-f]{16}$/, 'a tool hash is 16 lowercase hex digits'),
  /** Where the definition breaks the MCP spec or was not sent by a live server (e.g. an inputSchema derived from source code). */
  notes: z.array(z.string()).optional(),
});
export type StoredTool = z.infer<typeof StoredTool>;
