// The HTML document Pagefind indexes for a server's record: HTML rather than a custom record because
// per-field weights (`data-pagefind-weight`) and per-heading sub-results exist only for HTML. Meta and
// filters are attributes, so no hidden text can reach an excerpt.
import type { SearchRecord } from './records';

/**
 * Escapes text for an HTML text node or a double-quoted attribute value. A lone surrogate becomes
 * U+FFFD: Pagefind's indexer refuses one in the JSON it is sent, and the whole index build stops.
 */
export function escapeHtml(text: string): string {
  return text.toWellFormed().replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Field weights (Pagefind's scale: 0–10, body text 1): a word of a tool's name outranks one in a
 * description. A server's own name weighs less than a tool's: most searches describe an action, and
 * a server called "WebSearch" should not push the tools that search the web off the first page.
 */
export const WEIGHTS = { toolName: 10, toolWords: 8, description: 1, serverWords: 4 } as const;

export function recordHtml(record: SearchRecord): string {
  const { meta, filters } = record;
  const metaKeys = Object.entries(meta).filter(([, value]) => value !== undefined) as Array<[string, string]>;
  // `key[data-m-key]` makes Pagefind read the value from an attribute, so a value may hold any
  // character (a `:` or `,` in a server's name would break Pagefind's inline `key:value` form).
  const metaAttr = metaKeys.map(([key]) => `${key}[data-m-${key}]`).join(', ');
  const metaValues = metaKeys.map(([key, value]) => ` data-m-${key}="${escapeHtml(value)}"`).join('');
  const filterSpans = Object.entries(filters)
    .flatMap(([key, values]) => (values ?? []).map((value) => `<span data-pagefind-filter="${escapeHtml(key)}[data-f]" data-f="${escapeHtml(value)}"></span>`))
    .join('');
  const block = (weight: number, text: string) => (text ? `<p data-pagefind-weight="${weight}">${escapeHtml(text)}</p>` : '');
  const parts = [
    `<!doctype html><html lang="en"><head><title>${escapeHtml(meta.title)}</title></head><body>`,
    `<div data-pagefind-meta="${metaAttr}"${metaValues}>${filterSpans}</div>`,
    // The description comes first so that an excerpt of the server, cut around the matched words,
    // shows what it does rather than its name again.
    block(WEIGHTS.description, record.server.description),
    block(WEIGHTS.serverWords, record.server.words),
  ];
  for (const tool of record.tools) {
    // The heading's text is the tool's name as written (the result's title); its id the tool's page
    // and verdict. Description before the name's words, for the same reason as above.
    parts.push(
      `<section><h2 id="${escapeHtml(tool.anchor)}" data-pagefind-weight="${WEIGHTS.toolName}">${escapeHtml(tool.name)}</h2>`,
      block(WEIGHTS.description, tool.description),
      block(WEIGHTS.toolWords, tool.words),
      '</section>',
    );
  }
  parts.push('</body></html>');
  return parts.join('');
}
