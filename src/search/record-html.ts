// The tiny HTML document Pagefind indexes for a record: HTML rather than a custom record only
// because per-field weights (`data-pagefind-weight`) exist only for HTML. Nothing else is on it:
// meta and filters are attributes, so no hidden text can reach an excerpt.
import type { SearchRecord } from './records';

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Field weights (Pagefind's scale: 0–10, body text 1): a word of a tool's name outranks one in a
 * description. A server's own name weighs less than a tool's: most searches describe an action, and
 * a server called "WebSearch" should not push the tools that search the web off the first page.
 */
export const WEIGHTS = {
  tool: { name: 10, words: 8, description: 1, server: 2 },
  server: { name: 4, words: 3, description: 1, server: 1 },
} as const;

export function recordHtml(record: SearchRecord): string {
  const { fields, meta, filters } = record;
  const weights = WEIGHTS[meta.type];
  const metaKeys = Object.entries(meta).filter(([, value]) => value !== undefined) as Array<[string, string]>;
  // `key[data-m-key]` makes Pagefind read the value from an attribute, so a value may hold any
  // character (a `:` or `,` in a server's name would break Pagefind's inline `key:value` form).
  const metaAttr = metaKeys.map(([key]) => `${key}[data-m-${key}]`).join(', ');
  const metaValues = metaKeys.map(([key, value]) => ` data-m-${key}="${escapeHtml(value)}"`).join('');
  const filterSpans = Object.entries(filters)
    .flatMap(([key, values]) => (values as string[]).map((value) => `<span data-pagefind-filter="${escapeHtml(key)}[data-f]" data-f="${escapeHtml(value)}"></span>`))
    .join('');
  const block = (weight: number, text: string) => (text ? `<p data-pagefind-weight="${weight}">${escapeHtml(text)}</p>` : '');
  return (
    `<!doctype html><html lang="en"><head><title>${escapeHtml(meta.title)}</title></head><body>` +
    `<div data-pagefind-meta="${metaAttr}"${metaValues}>${filterSpans}</div>` +
    // The description comes first so that excerpts, cut around the matched words, show what the
    // tool does rather than its name again.
    block(weights.description, fields.description) +
    block(weights.name, fields.name) +
    block(weights.words, fields.words) +
    block(weights.server, fields.server) +
    '</body></html>'
  );
}
