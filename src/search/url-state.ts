// The search page's state in its address (`?q=…&category=…`), so Back/Forward and a shared link
// restore a search. Only known filters and their known values are read: the address is user input.
import { CATEGORIES, LABELS, RISKS } from '../site/taxonomy';
import type { SearchFilters } from './query';

/** Each filter the page offers: its URL parameter, Pagefind's filter key, and its values. */
export const FILTERS = [
  { param: 'category', key: 'category', label: 'Category', values: CATEGORIES },
  { param: 'risk', key: 'risk', label: 'Risk', values: RISKS },
  { param: 'label', key: 'label', label: 'Capability', values: LABELS },
  { param: 'type', key: 'type', label: 'Type', values: ['tool', 'server'] },
  { param: 'tools', key: 'has tools', label: 'Tools collected', values: ['yes', 'no'] },
] as const satisfies ReadonlyArray<{ param: string; key: string; label: string; values: readonly string[] }>;

export type SearchState = { query: string; filters: SearchFilters };

export function stateFromUrl(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchFilters = {};
  for (const filter of FILTERS) {
    const value = params.get(filter.param);
    if (value !== null && (filter.values as readonly string[]).includes(value)) filters[filter.key] = value;
  }
  return { query: params.get('q') ?? '', filters };
}

/** The query string for a state (with its `?`, or empty), parameters in a fixed order. */
export function urlForState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query.trim());
  for (const filter of FILTERS) {
    const value = state.filters[filter.key];
    if (value !== undefined) params.set(filter.param, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
