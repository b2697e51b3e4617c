// sitemap.xml for a built site: the pages that were actually written, at most 50,000 URLs a file
// (the protocol's limit), with an index file pointing at the parts.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { xmlEscape } from './feed';

export const URLS_PER_SITEMAP = 50_000;

/** Page paths (`/servers/x/`) of every index.html under `dir`, sorted, leaving out pages marked noindex. */
export function builtPages(dir: string, exclude: ReadonlySet<string> = new Set(['/search/', '/404/'])): string[] {
  const pages: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(relative, entry.name));
      else if (entry.name === 'index.html') pages.push(`/${relative ? `${relative.split(path.sep).join('/')}/` : ''}`);
    }
  };
  walk('');
  return pages.filter((page) => !exclude.has(page)).sort();
}

export function sitemapFiles(site: URL, pages: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  const parts = Math.max(1, Math.ceil(pages.length / URLS_PER_SITEMAP));
  for (let part = 0; part < parts; part += 1) {
    const urls = pages
      .slice(part * URLS_PER_SITEMAP, (part + 1) * URLS_PER_SITEMAP)
      // Paths are URL-encoded already where they need to be; only XML-escape them here.
      .map((page) => `  <url><loc>${xmlEscape(new URL(encodeURI(page), site).href)}</loc></url>`);
    files.set(
      `sitemap-${part + 1}.xml`,
      ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n'),
    );
  }
  const index = [...files.keys()].map((name) => `  <sitemap><loc>${xmlEscape(new URL(`/${name}`, site).href)}</loc></sitemap>`);
  files.set(
    'sitemap.xml',
    ['<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...index, '</sitemapindex>', ''].join('\n'),
  );
  return files;
}
