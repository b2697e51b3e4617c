// The Atom feed of tool changes. Every crawled string is XML-escaped; the feed is built from the
// same recent-changes list as the changes page.
import type { ChangeRef } from './catalog';

export function xmlEscape(text: string): string {
  // Characters XML 1.0 forbids are dropped: a hostile description must not make the feed unparsable.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** One sentence per change, used by the feed and the changes page alike. */
export function describeChange(change: Pick<ChangeRef, 'change' | 'tool' | 'serverName' | 'fields'>): string {
  switch (change.change) {
    case 'added':
      return `${change.tool} was added to ${change.serverName}.`;
    case 'removed':
      return `${change.tool} was removed from ${change.serverName}.`;
    case 'changed':
      return `${change.tool} on ${change.serverName} changed its ${change.fields && change.fields.length > 0 ? change.fields.join(', ') : 'definition'}${
        change.fields?.includes('description') ? ' (a description that changes after a tool was first seen deserves a second look)' : ''
      }.`;
  }
}

/** `content`: markup of what changed (the changes page's), sent XML-escaped as Atom's `type="html"`. */
export type FeedEntry = { change: ChangeRef; url: string; content?: string };

export function atomFeed(site: URL, entries: readonly FeedEntry[], updated: string): string {
  const self = new URL('/changes.xml', site).href;
  const items = entries.map(({ change, url, content }) => {
    const link = new URL(url, site).href;
    const id = `${link}#${change.change}-${change.newHash ?? change.oldHash ?? ''}-${change.at}`;
    const title = `${change.change}: ${change.tool} on ${change.serverName}`;
    return [
      '  <entry>',
      `    <id>${xmlEscape(id)}</id>`,
      `    <title>${xmlEscape(title)}</title>`,
      `    <updated>${xmlEscape(change.at)}</updated>`,
      `    <link href="${xmlEscape(link)}"/>`,
      `    <summary>${xmlEscape(describeChange(change))}</summary>`,
      ...(content ? [`    <content type="html" xml:base="${xmlEscape(new URL('/', site).href)}">${xmlEscape(content)}</content>`] : []),
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    '  <title>MCP Risk Catalog: tool changes</title>',
    `  <id>${xmlEscape(self)}</id>`,
    `  <link rel="self" href="${xmlEscape(self)}"/>`,
    `  <link href="${xmlEscape(new URL('/changes/', site).href)}"/>`,
    `  <updated>${xmlEscape(updated)}</updated>`,
    '  <author><name>MCP Risk Catalog</name></author>',
    ...items,
    '</feed>',
    '',
  ].join('\n');
}
