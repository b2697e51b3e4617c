// What the site shows of a tool change: the definitions on either side (rebuilt from the server's
// current tools and the `before` its history entries keep), the verdict of each (recomputed by this
// build's classifier, never stored), and whether a tool's description changed after it was first seen.
import { classifyTool } from '../classify';
import type { Classification, HistoryEntry, McpTool, Server } from '../schema';
import { toolSlug } from '../lib/ids';

/** A history entry with its server and the definitions either side of it, as far as the record allows. */
export type ChangeRef = Omit<HistoryEntry, 'before'> & {
  server: string;
  serverName: string;
  /** The definition before the change: undefined for an addition, `unknown` when the record does not hold it whole. */
  previous?: McpTool | 'unknown';
  /** The description before the change, when known even though the whole definition is not (`unknown`: not kept). */
  previousDescription?: string | 'unknown';
  /** The definition right after the change: undefined for a removal, `unknown` when a later change's previous definition is not known. */
  next?: McpTool | 'unknown';
  /** For a change or removal: whether the entry kept the previous definition at all (entries recorded before the merge kept it did not). */
  kept?: boolean;
  /** Fields whose previous value was too long to keep. */
  omitted?: string[];
};

/** The fragment (on the server page) of one change: its tool, kind and time make it unique in a history. */
export function changeAnchor(change: Pick<HistoryEntry, 'tool' | 'change' | 'at'>): string {
  return `change-${toolSlug(change.tool)}-${change.change}-${change.at.replace(/[^0-9]/g, '')}`;
}

/** The definition before a `changed` entry: the one after it with the kept previous values put back. */
function undo(after: McpTool, entry: HistoryEntry): McpTool | 'unknown' {
  if (!entry.before || (entry.before.omitted?.length ?? 0) > 0) return 'unknown';
  const definition: Record<string, unknown> = { ...after };
  for (const field of entry.fields ?? []) {
    if (field in entry.before.fields) definition[field] = entry.before.fields[field];
    else delete definition[field];
  }
  return definition as McpTool;
}

/** Every entry of the server's history, newest first, each with the definitions either side of it. */
export function serverChanges(server: Server): ChangeRef[] {
  // Walk each tool's entries from now backwards: the state is the definition just after the entry looked at.
  const state = new Map<string, McpTool | 'unknown' | undefined>(server.tools.map((tool) => [tool.definition.name, tool.definition]));
  const out: ChangeRef[] = [];
  for (let index = server.history.length - 1; index >= 0; index -= 1) {
    const entry = server.history[index] as HistoryEntry;
    const { before, ...rest } = entry;
    const next = state.has(entry.tool) ? state.get(entry.tool) : 'unknown';
    let previous: McpTool | 'unknown' | undefined;
    let previousDescription: string | 'unknown' | undefined;
    if (entry.change === 'added') previous = undefined;
    else if (entry.change === 'removed') {
      previous = before && !before.omitted?.length ? (before.fields as McpTool) : 'unknown';
      previousDescription = before ? ((before.fields.description as string | undefined) ?? undefined) : 'unknown';
    } else {
      previous = next && next !== 'unknown' ? undo(next, entry) : 'unknown';
      if (!entry.fields?.includes('description')) previousDescription = next && next !== 'unknown' ? next.description : 'unknown';
      else previousDescription = before && !before.omitted?.includes('description') ? ((before.fields.description as string | undefined) ?? undefined) : 'unknown';
    }
    state.set(entry.tool, previous);
    out.push({
      ...rest,
      server: server.id,
      serverName: server.displayName,
      ...(previous !== undefined ? { previous } : {}),
      ...(previousDescription !== undefined ? { previousDescription } : {}),
      ...(entry.change !== 'removed' && next !== undefined ? { next } : {}),
      ...(entry.change !== 'added' ? { kept: before !== undefined } : {}),
      ...(before?.omitted ? { omitted: before.omitted } : {}),
    });
  }
  return out;
}

/** The verdicts either side of a change (undefined where the side does not exist or is not known). */
export function changeVerdicts(change: ChangeRef): { before?: Classification; after?: Classification } {
  return {
    ...(change.previous && change.previous !== 'unknown' ? { before: classifyTool(change.previous) } : {}),
    ...(change.next && change.next !== 'unknown' ? { after: classifyTool(change.next) } : {}),
  };
}

/** A rug-pull signal: the tool's description changed after the catalog first saw it (the newest such change). */
export type RugPull = { at: string; firstSeen?: string; anchor: string };

export function rugPullOf(server: Server, tool: string): RugPull | undefined {
  let found: HistoryEntry | undefined;
  let firstSeen: string | undefined;
  for (const entry of server.history) {
    if (entry.tool !== tool) continue;
    if (entry.change === 'added' && firstSeen === undefined) firstSeen = entry.at;
    if (entry.change === 'changed' && entry.fields?.includes('description')) found = entry;
  }
  if (!found || !server.tools.some((candidate) => candidate.definition.name === tool)) return undefined;
  return { at: found.at, ...(firstSeen && firstSeen < found.at ? { firstSeen } : {}), anchor: changeAnchor(found) };
}

/** Names of the server's current tools whose description changed after they were first seen. */
export function rugPulledTools(server: Server): Set<string> {
  const current = new Set(server.tools.map((tool) => tool.definition.name));
  return new Set(server.history.filter((entry) => entry.change === 'changed' && entry.fields?.includes('description') && current.has(entry.tool)).map((entry) => entry.tool));
}
