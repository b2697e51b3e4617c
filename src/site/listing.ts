// Counts and orderings for listing pages, computed from server summaries (never from whole records).
import type { ServerSummary } from './catalog';

export function datasetCounts(summaries: readonly ServerSummary[]): { servers: number; tools: number } {
  return { servers: summaries.length, tools: summaries.reduce((sum, server) => sum + server.toolCount, 0) };
}

/** Servers by display name, case-insensitively, ties broken by id so the order is stable. */
export function sortByDisplayName(summaries: readonly ServerSummary[]): ServerSummary[] {
  return [...summaries].sort((a, b) => {
    const left = a.displayName.toLowerCase();
    const right = b.displayName.toLowerCase();
    return left < right ? -1 : left > right ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
