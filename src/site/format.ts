// Small wording helpers shared by pages, feeds and the FAQ, so every page says things the same way.
import type { Server } from '../schema';

/** "a Write tool", "an Execute tool": the article follows the sound of the word. */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** A date for people: "2026-11-01" (UTC), or "unknown" when the source does not say. */
export function formatDate(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : 'unknown';
}

/** Where the server's record came from, in one line. */
export function describeSource(server: Pick<Server, 'source'>): string {
  const source = server.source;
  switch (source.kind) {
    case 'npm':
      return `npm package ${source.package}${source.version ? ` ${source.version}` : ''}`;
    case 'pypi':
      return `PyPI package ${source.package}${source.version ? ` ${source.version}` : ''}`;
    case 'remote':
      return `remote server at ${source.url}${source.transport ? ` (${source.transport})` : ''}`;
    case 'registry':
      return `MCP registry entry ${source.registryName}${source.version ? ` ${source.version}` : ''}`;
    case 'import':
      return `imported from ${source.dataset ? `the ${source.dataset} dataset` : source.file}${source.license ? ` (${source.license})` : ''}`;
  }
}

/** At most `max` characters, cut at a word with an ellipsis; failure messages can be long stack traces. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** How the tools were collected and when, in one line. */
export function describeCollection(server: Pick<Server, 'crawl' | 'source'> & Partial<Pick<Server, 'sources'>>): string {
  const { crawl } = server;
  const when = crawl.at ? ` on ${formatDate(crawl.at)}` : '';
  switch (crawl.status) {
    case 'ok':
      return `Listed by the running server over MCP (tools/list)${when}.`;
    case 'imported': {
      const capture = server.source.kind === 'import' ? server.source.capture : undefined;
      const how =
        capture === 'static-analysis'
          ? 'extracted from the source code by static analysis, not listed by a running server'
          : capture === 'cli-metadata'
            ? "taken from the server's own CLI metadata; input schemas were derived from its options"
            : capture === 'names-only'
              ? "only each tool's name and description are published; their parameters are not known"
              : 'a saved tools/list result';
      return `Imported${when}: ${how}.`;
    }
    case 'listed': {
      const listing = (server.sources ?? []).filter((entry) => entry.source !== 'crawl').length;
      const from = listing > 1 ? `${listing} sources` : listing === 1 ? 'one source' : 'a registry listing';
      return `Not collected yet: known from ${from}${when}, ${listing > 1 ? 'none of which publishes' : 'which does not publish'} its tools.`;
    }
    case 'failed':
      return `The last crawl failed${when}${crawl.reason ? ` (${crawl.reason})` : ''}${crawl.message ? `: ${shorten(crawl.message, 280)}` : ''}.`;
  }
}

// Characters that hide text from a reader: zero-width, bidirectional controls, tag characters.
// Variation selectors are matched one by one on purpose: each is shown, not combined.
// eslint-disable-next-line no-misleading-character-class
const HIDDEN = /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|[\u{E0000}-\u{E007F}]/gu;

/** Shows characters that would otherwise be invisible as ⟨U+XXXX⟩, so a finding's match can be read. */
export function revealHidden(text: string): string {
  return text.replace(HIDDEN, (char) => `⟨U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}
