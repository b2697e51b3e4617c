// Reviewed verdicts: data/reviews/<server-id>/<tool-slug>.md, one Markdown file per reviewed tool with
// its verdict in the front matter (src/schema/review.ts). Read once per build, keyed by server id and
// tool name; each review is `current` while the tool's hash is the one reviewed and `stale` after.
// The files are edited by people and arrive by pull request: their text is as hostile as a crawl's.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { excerpt } from '../lib/excerpt';
import { toolSlug } from '../lib/ids';
import { ReviewFrontMatter, type Server } from '../schema';
import { listServerIds, readServerFile, serverFile } from '../store/dataset';
import { readFrontMatter } from './front-matter';

export type Review = ReviewFrontMatter & {
  /** The Markdown body: free text, shown escaped, paragraph by paragraph. */
  body: string;
  /** The file, relative to the data folder (`reviews/<server-id>/<tool-slug>.md`). */
  file: string;
  server: string;
  /** The file's name without `.md`: the tool's slug (src/lib/ids.ts toolSlug). */
  slug: string;
};

/** A review as it stands against the tool today. */
export type ReviewState = {
  review: Review;
  /** `current`: the tool's hash is the one reviewed, and its policy follows the review. `stale`: the tool changed since; its policy follows the classifier. */
  status: 'current' | 'stale';
  /** The tool's hash now. */
  hash: string;
  /** For a stale review: when the history last records the tool changing (undefined when it records no change after the review). */
  changedAt?: string;
};

export function reviewsDir(dataDir: string): string {
  return path.join(dataDir, 'reviews');
}

/** Only plain YAML front matter opens with a bare `---` line (readFrontMatter refuses the others too). */
const OPENING = /^---\r?\n/;

/** The value at a zod issue's path in the raw front matter, for the excerpt an error line quotes. */
function valueAt(data: unknown, issuePath: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of issuePath) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function issueLines(error: z.ZodError, where: string, data: unknown): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(front matter)';
    const value = issue.path.length > 0 ? valueAt(data, issue.path) : undefined;
    return `${where}, field ${field}: ${issue.message}${value === undefined ? '' : ` (is ${excerpt(value)})`}`;
  });
}

/** One review file parsed and validated; `where` is how error lines name it. */
export function parseReview(text: string, where: string, server: string, slug: string): { review?: Review; problems: string[] } {
  if (!OPENING.test(text)) return { problems: [`${where}: a review starts with a "---" line and YAML front matter (starts with ${excerpt(text.split('\n')[0] ?? '')})`] };
  let parsed: { data: unknown; content: string };
  try {
    parsed = readFrontMatter(text);
  } catch (error) {
    return { problems: [`${where}: the front matter is not valid YAML: ${excerpt((error as Error).message.split('\n')[0], 120)}`] };
  }
  const result = ReviewFrontMatter.safeParse(parsed.data ?? {});
  if (!result.success) return { problems: issueLines(result.error, where, parsed.data) };
  return { review: { ...result.data, body: parsed.content.trim(), file: where, server, slug }, problems: [] };
}

/** Every review file under `dataDir`/reviews, parsed; `relativeTo` is where error lines' paths start. */
export function readReviews(dataDir: string, relativeTo = dataDir): { reviews: Review[]; problems: string[] } {
  const root = reviewsDir(dataDir);
  const reviews: Review[] = [];
  const problems: string[] = [];
  if (!existsSync(root)) return { reviews, problems };
  const name = (file: string) => path.relative(relativeTo, file) || file;
  for (const server of readdirSync(root).sort()) {
    const dir = path.join(root, server);
    if (!statSync(dir).isDirectory()) {
      if (server !== 'README.md') problems.push(`${name(dir)}: reviews live in a folder per server, data/reviews/<server-id>/<tool-slug>.md`);
      continue;
    }
    for (const entry of readdirSync(dir).sort()) {
      const file = path.join(dir, entry);
      if (!entry.endsWith('.md') || !statSync(file).isFile()) {
        problems.push(`${name(file)}: a review is a file <tool-slug>.md`);
        continue;
      }
      const parsed = parseReview(readFileSync(file, 'utf8'), name(file), server, entry.slice(0, -'.md'.length));
      problems.push(...parsed.problems);
      if (parsed.review) reviews.push(parsed.review);
    }
  }
  return { reviews, problems };
}

/** Where the history last records the tool changing after the review's day. */
function changedAfter(server: Server, tool: string, day: string): string | undefined {
  const changes = server.history.filter((entry) => entry.tool === tool && entry.change !== 'removed' && entry.at.slice(0, 10) >= day);
  return changes.at(-1)?.at;
}

/** Each tool's review as it stands (in the server's tool order; undefined for a tool nobody reviewed). */
export function reviewStates(server: Server, reviews: ReadonlyMap<string, Review> | undefined): Array<ReviewState | undefined> {
  return server.tools.map((tool) => {
    const review = reviews?.get(toolSlug(tool.definition.name));
    if (!review) return undefined;
    if (review.hash === tool.hash) return { review, status: 'current', hash: tool.hash };
    const changedAt = changedAfter(server, tool.definition.name, review.date);
    return { review, status: 'stale', hash: tool.hash, ...(changedAt ? { changedAt } : {}) };
  });
}

export type ReviewCheck = {
  reviews: number;
  /** Invalid input: a malformed file, or a review of a server or tool the dataset does not have. */
  problems: string[];
  /** Reviews of tools that changed since (a warning: the policy falls back to the classifier). */
  stale: Array<{ file: string; server: string; tool: string; reviewed: string; current: string; date: string; changedAt?: string }>;
  /** Reviews that count, keyed by server id then tool slug. */
  byServer: Map<string, Map<string, Review>>;
};

/** Every review validated against the dataset: what `npm run check` and the build run first. */
export function checkReviews(dataDir: string, relativeTo = process.cwd()): ReviewCheck {
  const { reviews, problems } = readReviews(dataDir, relativeTo);
  const byServer = groupByServer(reviews);
  const stale: ReviewCheck['stale'] = [];
  const ids = new Set(listServerIds(dataDir));
  for (const [id, bySlug] of byServer) {
    if (!ids.has(id)) {
      for (const review of bySlug.values()) problems.push(`${review.file}: no server ${excerpt(id)} in data/servers (the folder name is the server id)`);
      continue;
    }
    const server = readServerFile(serverFile(dataDir, id));
    const slugs = new Set(server.tools.map((tool) => toolSlug(tool.definition.name)));
    for (const review of bySlug.values()) {
      if (slugs.has(review.slug)) continue;
      // A file named after the tool's name where the slug differs (capitals, odd characters): say which slug to use.
      const named = server.tools.find((tool) => tool.definition.name === review.slug);
      const hint = named ? `the tool ${excerpt(review.slug)} has the slug ${excerpt(toolSlug(review.slug))}, its page's URL segment` : `its tools include ${[...slugs].slice(0, 5).join(', ') || 'none'}`;
      problems.push(`${review.file}: server ${excerpt(id)} has no tool with slug ${excerpt(review.slug)} (the file name is the tool's slug; ${hint})`);
    }
    reviewStates(server, bySlug).forEach((state, index) => {
      if (state?.status !== 'stale') return;
      const { review } = state;
      stale.push({ file: review.file, server: id, tool: server.tools[index]!.definition.name, reviewed: review.hash, current: state.hash, date: review.date, ...(state.changedAt ? { changedAt: state.changedAt } : {}) });
    });
  }
  return { reviews: reviews.length, problems, stale, byServer };
}

function groupByServer(reviews: readonly Review[]): Map<string, Map<string, Review>> {
  const byServer = new Map<string, Map<string, Review>>();
  for (const review of reviews) {
    let bySlug = byServer.get(review.server);
    if (!bySlug) byServer.set(review.server, (bySlug = new Map()));
    bySlug.set(review.slug, review);
  }
  return byServer;
}

const loaded = new Map<string, Map<string, Map<string, Review>>>();

/**
 * The reviews of a data folder, read once per process (a build reads them once per step). An invalid
 * review throws, naming every bad file and field: the build's own check (scripts/build.ts) stops it
 * earlier with the same lines, so this only fires for a page built by other means.
 */
export function loadReviews(dataDir: string): Map<string, Map<string, Review>> {
  const key = path.resolve(dataDir);
  let byServer = loaded.get(key);
  if (!byServer) {
    const { reviews, problems } = readReviews(dataDir, process.cwd());
    if (problems.length > 0) throw new Error(`invalid reviews in ${path.join(dataDir, 'reviews')}:\n  ${problems.join('\n  ')}`);
    byServer = groupByServer(reviews);
    loaded.set(key, byServer);
  }
  return byServer;
}

/** Everything the reviews of one server say, as a short key: the incremental build rebuilds a server's pages when it changes. */
export function serverReviewsKey(reviews: ReadonlyMap<string, Review> | undefined): string {
  if (!reviews || reviews.size === 0) return '';
  // The map is filled in file-name order (readReviews sorts), so equal reviews give equal keys.
  return JSON.stringify([...reviews.values()]);
}
