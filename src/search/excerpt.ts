// Pagefind's excerpts are record text with <mark> around the matched words. The records are crawled,
// hostile text, so the page never parses an excerpt as HTML: it is cut into plain-text runs, marked
// or not, which become text nodes.

export type ExcerptPart = { text: string; mark: boolean };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#34': '"' };

/** Undoes the escaping Pagefind applies to excerpt text; any other `&…;` stays as written. */
function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#39|#34);/g, (_, name: string) => ENTITIES[name] ?? '');
}

export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') mark = true;
    else if (piece === '</mark>') mark = false;
    else if (piece) parts.push({ text: unescape(piece), mark });
  }
  return parts;
}
