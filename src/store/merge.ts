// Merging a fresh snapshot of a server's tools into what the store already holds, recording what
// changed. Shared by the importer and the crawler, so both keep history the same way.
import type { HistoryEntry, Server, StoredTool } from '../schema';
import { canonicalJsonCompact, compareCodePoints } from '../lib/canonical-json';

/** Top-level parts of two definitions that differ (`_meta` is not part of what a model sees). */
export function changedFields(before: StoredTool['definition'], after: StoredTool['definition']): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete('_meta');
  return [...keys]
    .filter((key) => canonicalJsonCompact(before[key]) !== canonicalJsonCompact(after[key]))
    .sort(compareCodePoints);
}

/** What happened to each tool between two snapshots, as history entries stamped `at`. */
export function diffTools(before: readonly StoredTool[], after: readonly StoredTool[], at: string): HistoryEntry[] {
  const old = new Map(before.map((tool) => [tool.definition.name, tool]));
  const entries: HistoryEntry[] = [];
  for (const tool of after) {
    const previous = old.get(tool.definition.name);
    old.delete(tool.definition.name);
    if (!previous) {
      entries.push({ at, tool: tool.definition.name, change: 'added', newHash: tool.hash });
    } else if (previous.hash !== tool.hash) {
      entries.push({
        at,
        tool: tool.definition.name,
        change: 'changed',
        oldHash: previous.hash,
        newHash: tool.hash,
        fields: changedFields(previous.definition, tool.definition),
      });
    }
  }
  for (const [name, tool] of old) entries.push({ at, tool: name, change: 'removed', oldHash: tool.hash });
  return entries;
}

/**
 * The record to store after a new snapshot. A first snapshot starts the history empty (its tools are
 * dated by `crawl.at`). A failed attempt keeps the tools already collected and only updates the status.
 */
export function mergeSnapshot(existing: Server | undefined, incoming: Server, at: string): Server {
  if (!existing) return incoming;
  if (incoming.crawl.status === 'failed' || incoming.crawl.status === 'listed') {
    if (existing.tools.length > 0) return { ...existing, ...incoming, tools: existing.tools, history: existing.history };
  }
  const changes = diffTools(existing.tools, incoming.tools, at);
  return { ...existing, ...incoming, history: [...existing.history, ...changes] };
}
