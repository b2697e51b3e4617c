// Whether an incremental rebuild left the same site as a clean build of the same data: the same
// pages, and byte-identical HTML on the pages compared.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { builtPages } from './sitemap';

export type BuildComparison = {
  /** Pages in one build and not the other. */
  onlyIn: { rebuilt: string[]; clean: string[] };
  /** Pages whose HTML was compared, and those of them that differ. */
  compared: number;
  different: string[];
  /** Other files compared byte for byte (paths relative to the build), and those that differ or are missing. */
  filesCompared: number;
  filesDifferent: string[];
};

function sameBytes(a: string, b: string): boolean {
  return existsSync(a) && existsSync(b) && readFileSync(a).equals(readFileSync(b));
}

/** The pages of one server in a build: its page and its tools' pages. */
export function serverPages(pages: readonly string[], id: string): string[] {
  const prefix = `/servers/${id}/`;
  return pages.filter((page) => page.startsWith(prefix));
}

/** Compares two built folders: the page lists in full, and the HTML of `pick`'s pages (all pages when absent). */
export function compareBuilds(rebuilt: string, clean: string, pick?: (page: string) => boolean, files: readonly string[] = []): BuildComparison {
  const rebuiltPages = builtPages(rebuilt, new Set());
  const cleanPages = builtPages(clean, new Set());
  const inRebuilt = new Set(rebuiltPages);
  const inClean = new Set(cleanPages);
  const file = (dir: string, page: string) => path.join(dir, ...page.split('/').filter(Boolean), 'index.html');
  const compared = cleanPages.filter((page) => inRebuilt.has(page) && (pick ? pick(page) : true));
  const different = compared.filter((page) => !sameBytes(file(rebuilt, page), file(clean, page)));
  return {
    onlyIn: { rebuilt: rebuiltPages.filter((page) => !inClean.has(page)), clean: cleanPages.filter((page) => !inRebuilt.has(page)) },
    compared: compared.length,
    different,
    filesCompared: files.length,
    filesDifferent: files.filter((relative) => !sameBytes(path.join(rebuilt, relative), path.join(clean, relative))),
  };
}
