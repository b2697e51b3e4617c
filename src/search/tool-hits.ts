// Turns the server records Pagefind found into the results the page lists: each tool whose section
// matched (and the server itself when its own text did), scored from Pagefind's per-word locations
// and from how many of the query's terms the section, with its server's name, covers. Runs on the
// fragments Pagefind's `data()` returns, so it needs no fetch of its own; everything read from a
// fragment is hostile text and leaves here as plain text (the excerpt as text runs).
import type { CapabilityLabel, Category, RiskClass } from '../schema';
import type { ExcerptPart } from './excerpt';
import type { SearchFilters } from './query';
import { decodeLabels, decodeToolAnchor, toolPageUrl } from './tool-anchor';
import { nameWords } from './words';

/** The part of a Pagefind fragment (`result.data()`) read here. */
export type Fragment = {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  anchors: Array<{ element: string; id: string; location: number; text: string }>;
  weighted_locations: Array<{ weight: number; balanced_score: number; location: number }>;
};

export type Hit = {
  kind: 'tool' | 'server';
  url: string;
  /** A tool's name as written, or the server's display name. */
  title: string;
  server: string;
  /** The server's page. */
  serverUrl: string;
  category?: Category;
  risk?: RiskClass;
  labels: CapabilityLabel[];
  excerpt: ExcerptPart[];
  /** How many distinct query terms the section and its server's name hold. */
  covered: number;
  /** Per query term, Pagefind's best score of a matched word in the section, summed. */
  score: number;
  /** The server's rank among Pagefind's results (ties keep Pagefind's order). */
  rank: number;
};

/** Pagefind's word boundaries in a fragment's content (its `word_separators`), so locations index the same words. */
const SEPARATORS = /[^\S\uFEFF]+/;
/** Words an excerpt shows. */
export const EXCERPT_WORDS = 30;

const RISKS: readonly string[] = ['Low', 'Medium', 'High', 'Critical'];

/** A word as compared with query terms: lower case, letters and digits only. */
function bare(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A light stem (Pagefind stems too, so "pods" finds "pod"): enough to tell which terms a section holds. */
export function stem(word: string): string {
  const stemmed = word.replace(/(ies|ing|ed|es|s|e)$/, '');
  return stemmed.length >= 3 ? stemmed : word;
}

/**
 * Whether a word of the text is an occurrence of the term: the same stem, or the term's stem and a
 * short ending ("screenshot" in "screenshots", "delete" in "deleted"), not any longer word it
 * begins ("new" is not in "newrelic").
 */
export function wordMatches(word: string, term: string): boolean {
  if (!word || !term) return false;
  const a = stem(word);
  const b = stem(term);
  return a === b || (b.length >= 3 && word.startsWith(b) && word.length - b.length <= 3);
}

/** The distinct terms that some word of `words` matches. */
export function coveredTerms(words: string[], terms: string[]): Set<string> {
  const found = new Set<string>();
  for (const term of terms) if (words.some((word) => wordMatches(word, term))) found.add(term);
  return found;
}

/** The text of words [from, to) as runs, the words at `marks` marked, around the first marked word. */
export function excerptOf(words: string[], from: number, to: number, marks: Set<number>): ExcerptPart[] {
  if (to <= from) return [];
  const first = [...marks].filter((at) => at >= from && at < to).sort((a, b) => a - b)[0];
  let start = first === undefined ? from : Math.max(from, first - 6);
  const end = Math.min(to, start + EXCERPT_WORDS);
  start = Math.max(from, Math.min(start, end - EXCERPT_WORDS));
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  if (start > from) push('… ', false);
  for (let at = start; at < end; at += 1) {
    if (at > start) push(' ', false);
    push(words[at]!, marks.has(at));
  }
  if (end < to) push(' …', false);
  return parts;
}

function passes(hit: Pick<Hit, 'kind' | 'category' | 'risk' | 'labels'>, filters: SearchFilters): boolean {
  const type = filters['type'];
  if (type && type !== hit.kind) return false;
  const category = filters['category'];
  if (category && hit.category !== category) return false;
  const risk = filters['risk'];
  if (risk && hit.risk !== risk) return false;
  const label = filters['label'];
  if (label && !hit.labels.includes(label as CapabilityLabel)) return false;
  return true;
}

/**
 * The hits of one server record. `fragments` are the `data()` of that record from each search that
 * found it (one, or one per term of a relaxed query: their locations are merged); with no terms
 * (filters alone) every tool that passes the filters is a hit. `filters` are the page's, applied
 * tool by tool (`type` tool/server included).
 */
export function hitsOfRecord(fragments: Fragment[], terms: string[], filters: SearchFilters, rank: number): Hit[] {
  const fragment = fragments[0];
  if (!fragment) return [];
  const words = fragment.content.split(SEPARATORS);
  const bareWords = words.map(bare);
  const scores = new Map<number, number>();
  for (const each of fragments) {
    for (const location of each.weighted_locations) scores.set(location.location, Math.max(scores.get(location.location) ?? 0, location.balanced_score));
  }
  const server = fragment.meta['title'] ?? fragment.url;
  // The name as written ("GitHub") and split ("git hub"), as the record indexes it.
  const serverWords = [...server.split(SEPARATORS).map(bare), ...nameWords(server).split(' ')].filter(Boolean);
  const tools = fragment.anchors
    .map((anchor) => ({ anchor, tags: decodeToolAnchor(anchor.id) }))
    .filter((entry) => entry.tags !== undefined)
    .sort((a, b) => a.anchor.location - b.anchor.location);
  const hits: Hit[] = [];
  const section = (from: number, to: number, bodyFrom: number, headingWords: string[] = []) => {
    // Per term, the best-scored matched word (a long description repeating a word does not outweigh
    // a name that holds it once); a location that matches no term by our stem still counts once.
    const best = new Map<string, number>();
    const marks = new Set<number>();
    for (const [location, value] of scores) {
      if (location < from || location >= to) continue;
      marks.add(location);
      const word = bareWords[location] ?? '';
      const parts = location === from ? [word, ...headingWords] : [word];
      const matched = terms.filter((term) => parts.some((part) => wordMatches(part, term)));
      for (const key of matched.length > 0 ? matched : [`@${location}`]) best.set(key, Math.max(best.get(key) ?? 0, value));
    }
    const score = [...best.values()].reduce((sum, value) => sum + value, 0);
    const covered = coveredTerms([...bareWords.slice(from, to), ...headingWords, ...serverWords], terms).size;
    return { score, marks, covered, excerpt: excerptOf(words, bodyFrom, to, marks) };
  };
  const serverEnd = tools[0]?.anchor.location ?? words.length;
  const own = section(0, serverEnd, 0);
  const serverRisk = RISKS.includes(fragment.meta['risk'] ?? '') ? (fragment.meta['risk'] as RiskClass) : undefined;
  const serverHit = { kind: 'server' as const, labels: decodeLabels(fragment.meta['labels']), ...(serverRisk ? { risk: serverRisk } : {}) };
  // The server itself is a result when the query names it (or for filters alone); a match in its
  // description only says which tools to look at.
  const named = terms.length === 0 || coveredTerms(serverWords, terms).size > 0;
  if (named && (terms.length === 0 || own.marks.size > 0) && passes(serverHit, filters)) {
    hits.push({ ...serverHit, url: fragment.url, title: server, server, serverUrl: fragment.url, excerpt: own.excerpt, covered: own.covered, score: own.score, rank });
  }
  tools.forEach(({ anchor, tags }, index) => {
    const to = tools[index + 1]?.anchor.location ?? words.length;
    const headingLength = anchor.text.split(SEPARATORS).filter(Boolean).length;
    // The name's parts, as Pagefind indexes them at the heading (`CloneContainerToECR` → clone container to ecr).
    const nameParts = nameWords(anchor.text).split(' ').filter(Boolean);
    const tool = { kind: 'tool' as const, category: tags!.category, risk: tags!.risk, labels: tags!.labels };
    if (!passes(tool, filters)) return;
    const found = section(anchor.location, to, Math.min(to, anchor.location + headingLength), nameParts);
    if (terms.length > 0 && found.marks.size === 0) return;
    hits.push({ ...tool, url: toolPageUrl(fragment.url, tags!.slug), title: anchor.text, server, serverUrl: fragment.url, excerpt: found.excerpt, covered: found.covered, score: found.score, rank });
  });
  return hits;
}

/** Best first: more of the query's terms covered, then the larger score, then the server's rank, then the record's order. */
export function compareHits(a: Hit, b: Hit): number {
  return b.covered - a.covered || b.score - a.score || a.rank - b.rank;
}
