// The id of a tool's heading inside its server's search record. Pagefind returns it with every
// match in that tool's section, so it carries what the page needs to show and filter the tool
// without fetching anything else: its page's slug (its URL is the server's URL + `tools/<slug>/`),
// its category, its risk and its capability labels.
//   t<category digit><risk digit><labels, 2 hex digits>-<slug>     e.g. `t4305-delete_file`
// A slug is already URL-safe (src/lib/ids.ts toolSlug: letters, digits, `_`, `.`, `-`, `~`), and
// the id is read back as text, never as markup; an id that does not decode is not a tool.
import type { CapabilityLabel, Category, RiskClass } from '../schema';
import { CATEGORIES, LABELS, RISKS } from '../site/taxonomy';

export type ToolTags = { slug: string; category: Category; risk: RiskClass; labels: CapabilityLabel[] };

const SLUG = /^[A-Za-z0-9_.~-]{1,160}$/;
const ANCHOR = /^t([0-9])([0-9])([0-9a-f]{2})-(.+)$/;

export function encodeToolAnchor(tags: ToolTags): string {
  const category = CATEGORIES.indexOf(tags.category);
  const risk = RISKS.indexOf(tags.risk);
  if (category < 0 || risk < 0) throw new Error(`tool anchor: unknown category or risk (${tags.category}, ${tags.risk})`);
  if (!SLUG.test(tags.slug)) throw new Error(`tool anchor: not a URL-safe slug: ${JSON.stringify(tags.slug)}`);
  let mask = 0;
  for (const label of tags.labels) {
    const bit = LABELS.indexOf(label);
    if (bit < 0) throw new Error(`tool anchor: unknown label ${label}`);
    mask |= 1 << bit;
  }
  return `t${category}${risk}${mask.toString(16).padStart(2, '0')}-${tags.slug}`;
}

/** The tags an anchor id encodes, or undefined for anything else (another anchor, a tampered id). */
export function decodeToolAnchor(id: string): ToolTags | undefined {
  const match = ANCHOR.exec(id);
  if (!match) return undefined;
  const category = CATEGORIES[Number(match[1])];
  const risk = RISKS[Number(match[2])];
  const mask = parseInt(match[3]!, 16);
  const slug = match[4]!;
  if (!category || !risk || mask >= 1 << LABELS.length || !SLUG.test(slug)) return undefined;
  return { slug, category, risk, labels: LABELS.filter((_, bit) => (mask & (1 << bit)) !== 0) };
}

/** A tool's page from its server's page URL and its slug (as src/site/catalog.ts toolUrl builds it). */
export function toolPageUrl(serverPageUrl: string, slug: string): string {
  return `${serverPageUrl.endsWith('/') ? serverPageUrl : `${serverPageUrl}/`}tools/${encodeURIComponent(slug)}/`;
}

/** Capability labels as the two hex digits an anchor uses (a server's own labels are kept in its meta the same way). */
export function encodeLabels(labels: readonly CapabilityLabel[]): string {
  let mask = 0;
  for (const label of labels) mask |= 1 << LABELS.indexOf(label);
  return mask.toString(16).padStart(2, '0');
}

export function decodeLabels(code: string | undefined): CapabilityLabel[] {
  if (!code || !/^[0-9a-f]{2}$/.test(code)) return [];
  const mask = parseInt(code, 16);
  return LABELS.filter((_, bit) => (mask & (1 << bit)) !== 0);
}
