// Merging a fresh snapshot of a server's tools into what the store already holds, recording what
// changed. Shared by the importer and the crawler, so both keep history the same way.
import { jsonLength, previousFieldMax, PREVIOUS_TOTAL_MAX, type HistoryEntry, type PreviousDefinition, type Server, type StoredTool } from '../schema';
import { canonicalJsonCompact, compareCodePoints } from '../lib/canonical-json';

/** Top-level parts of two definitions that differ (`_meta` is not part of what a model sees). */
export function changedFields(before: StoredTool['definition'], after: StoredTool['definition']): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete('_meta');
  return [...keys]
    .filter((key) => canonicalJsonCompact(before[key]) !== canonicalJsonCompact(after[key]))
    .sort(compareCodePoints);
}

/** Kept first when the bound is reached: what a page diffs and what the verdict most depends on. */
const KEEP_FIRST = ['description', 'annotations', 'title', 'name', 'inputSchema', 'outputSchema'];

/**
 * The previous values of `fields` (every field but `_meta` when none are named: a removed tool), bounded:
 * a value over previousFieldMax characters of JSON, or past PREVIOUS_TOTAL_MAX together, is named in `omitted` instead.
 */
export function previousDefinition(before: StoredTool['definition'], fields?: readonly string[]): PreviousDefinition {
  const names = (fields ?? Object.keys(before).filter((key) => key !== '_meta')).filter((key) => key !== '_meta');
  const rank = (key: string) => (KEEP_FIRST.includes(key) ? KEEP_FIRST.indexOf(key) : KEEP_FIRST.length);
  const kept: Record<string, PreviousDefinition['fields'][string]> = {};
  const omitted: string[] = [];
  let total = 0;
  for (const key of [...names].sort((a, b) => rank(a) - rank(b) || compareCodePoints(a, b))) {
    const value = before[key];
    if (value === undefined) continue;
    const length = jsonLength(value);
    if (length > previousFieldMax(key) || total + length > PREVIOUS_TOTAL_MAX) omitted.push(key);
    else {
      kept[key] = value as PreviousDefinition['fields'][string];
      total += length;
    }
  }
  return { fields: kept, ...(omitted.length > 0 ? { omitted: omitted.sort(compareCodePoints) } : {}) };
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
      const fields = changedFields(previous.definition, tool.definition);
      entries.push({
        at,
        tool: tool.definition.name,
        change: 'changed',
        oldHash: previous.hash,
        newHash: tool.hash,
        fields,
        before: previousDefinition(previous.definition, fields),
      });
    }
  }
  for (const [name, tool] of old) entries.push({ at, tool: name, change: 'removed', oldHash: tool.hash, before: previousDefinition(tool.definition) });
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
