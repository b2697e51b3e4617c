// The check a deploy job runs over a built site before publishing it: the files that carry absolute
// links (pages' canonical links, the feed, the sitemaps, llms.txt) must point at a real origin, not the
// placeholder a build without CATALOG_SITE uses. It reads the built files, not the variable: an
// output folder kept from an earlier build, or a build run with other settings, is caught too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PLACEHOLDER_ORIGIN } from './origin';

/** Files of a built site that must exist and carry the origin. */
export const ORIGIN_FILES = ['index.html', 'changes.xml', 'llms.txt', 'sitemap.xml'];
/** Where absolute links live: pages, feeds and sitemaps, text files. Data files (JSON, CSV, policies) hold no site link. */
const SCANNED = new Set(['.html', '.xml', '.txt']);

export type DeployCheck = {
  ok: boolean;
  /** The origin of the home page's canonical link. */
  origin: string | undefined;
  /** Files scanned. */
  files: number;
  /** Files that name the placeholder origin, by path relative to the output folder (the first 20). */
  placeholderFiles: string[];
  placeholderCount: number;
  /** Why the site must not be published, one sentence each. */
  problems: string[];
};

function* builtFiles(dir: string, base = dir): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // Pagefind's index holds no links of ours.
    if (entry.isDirectory()) {
      if (!(dir === base && entry.name === 'pagefind')) yield* builtFiles(full, base);
    } else if (SCANNED.has(path.extname(entry.name))) yield path.relative(base, full);
  }
}

/** Checks a built output folder; `expected` (CATALOG_SITE of the deploy job, when set) must then be the origin the pages carry. */
export function checkDeploy(outDir: string, expected?: string): DeployCheck {
  const problems: string[] = [];
  const missing = ORIGIN_FILES.filter((file) => !existsSync(path.join(outDir, file)));
  if (missing.length > 0) problems.push(`${outDir} is not a built site: ${missing.join(', ')} missing (run npm run build first).`);
  let origin: string | undefined;
  if (existsSync(path.join(outDir, 'index.html'))) {
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(path.join(outDir, 'index.html'), 'utf8'))?.[1];
    origin = canonical ? new URL(canonical).origin : undefined;
    if (!origin) problems.push('index.html has no canonical link, so the origin it was built for cannot be read.');
  }
  const placeholderFiles: string[] = [];
  let placeholderCount = 0;
  let files = 0;
  if (existsSync(outDir)) {
    for (const file of builtFiles(outDir)) {
      files += 1;
      if (readFileSync(path.join(outDir, file), 'utf8').includes(PLACEHOLDER_ORIGIN)) {
        placeholderCount += 1;
        if (placeholderFiles.length < 20) placeholderFiles.push(file.split(path.sep).join('/'));
      }
    }
  }
  if (placeholderCount > 0) {
    problems.push(
      `${placeholderCount.toLocaleString('en-US')} built file${placeholderCount === 1 ? '' : 's'} link to the placeholder origin ${PLACEHOLDER_ORIGIN} (e.g. ${placeholderFiles.slice(0, 3).join(', ')}): rebuild with CATALOG_SITE=https://your.host (docs/deploy.md).`,
    );
  }
  if (expected && origin && origin !== new URL(expected).origin) {
    problems.push(`the pages were built for ${origin}, not for CATALOG_SITE=${expected}: rebuild with it set.`);
  }
  return { ok: problems.length === 0, origin, files, placeholderFiles, placeholderCount, problems };
}
