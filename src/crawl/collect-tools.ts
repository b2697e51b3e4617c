// Lists a connected server's tools (following nextCursor) and turns each raw tool into a stored one.
// The request uses a permissive result schema, so a tool the SDK's own schema rejects (an inputSchema
// without `type`, say) is still read as sent and stored with a note, instead of failing the whole list.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ToolSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { McpTool, type StoredTool } from '../schema';
import { toolHash } from '../lib/hash';
import { specNotes } from '../import/parse-dump';

const ToolsPage = z.looseObject({
  tools: z.array(z.unknown()),
  nextCursor: z.string().optional(),
});

/** A server that pages forever (or in circles) stops here. */
const MAX_PAGES = 100;

export type CollectedTools = {
  tools: StoredTool[];
  /** Tools that could not be stored at all, one line each. */
  rejected: string[];
  /** Tools as they came, before any check. */
  rawCount: number;
  /** Paging problems worth a line in the crawl message. */
  warnings: string[];
};

function firstIssue(error: z.ZodError | { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(tool)';
  return `${where}: ${issue.message}`;
}

/** Checks one raw tool against the SDK and the catalog schema; returns the stored tool or why it cannot be. */
export function storeRawTool(raw: unknown): { tool: StoredTool } | { error: string } {
  const name = raw !== null && typeof raw === 'object' && typeof (raw as { name?: unknown }).name === 'string' ? (raw as { name: string }).name : undefined;
  const parsed = McpTool.safeParse(raw);
  if (!parsed.success) return { error: `tool ${name !== undefined ? `"${name}"` : '(unnamed)'}: ${firstIssue(parsed.error)}` };
  const definition = parsed.data;
  const notes = specNotes(definition);
  const sdk = ToolSchema.safeParse(raw);
  if (!sdk.success) notes.unshift(`the MCP SDK client rejects this tool (${firstIssue(sdk.error)}); recorded from the raw tools/list message`);
  return { tool: { definition, hash: toolHash(definition), ...(notes.length > 0 ? { notes } : {}) } };
}

/** `tools/list` until the server stops sending a cursor. */
export async function collectTools(client: Client, timeoutMs: number): Promise<CollectedTools> {
  const byName = new Map<string, StoredTool>();
  const rejected: string[] = [];
  const warnings: string[] = [];
  const cursors = new Set<string>();
  let rawCount = 0;
  let cursor: string | undefined;
  for (let page = 0; ; page += 1) {
    if (page >= MAX_PAGES) {
      warnings.push(`stopped after ${MAX_PAGES} pages of tools/list`);
      break;
    }
    const result = await client.request({ method: 'tools/list', params: cursor !== undefined ? { cursor } : {} }, ToolsPage, { timeout: timeoutMs });
    for (const raw of result.tools) {
      rawCount += 1;
      const stored = storeRawTool(raw);
      if ('error' in stored) {
        rejected.push(stored.error);
      } else if (byName.has(stored.tool.definition.name)) {
        rejected.push(`tool "${stored.tool.definition.name}": listed twice; the first definition is kept`);
      } else {
        byName.set(stored.tool.definition.name, stored.tool);
      }
    }
    cursor = result.nextCursor;
    if (cursor === undefined || cursor === '') break;
    if (cursors.has(cursor)) {
      warnings.push('tools/list sent a cursor it had sent before; paging stopped');
      break;
    }
    cursors.add(cursor);
  }
  return { tools: [...byName.values()], rejected, rawCount, warnings };
}
