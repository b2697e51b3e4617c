// The one place that decides the site's absolute origin: the feed, the sitemaps, llms.txt and every
// page's canonical link read it (through astro.config.mjs's `site`, or directly in the post-build
// step). CATALOG_SITE sets it; without it the build uses a placeholder that works for a local
// preview and that the deploy check (src/site/deploy-check.ts) refuses to publish.

/** The origin a build without CATALOG_SITE uses: reserved (`.example`), so it can never be someone's site. */
export const PLACEHOLDER_ORIGIN = 'https://mcp-risk-catalog.example';

export type SiteOrigin = {
  /** `https://host[:port]`, no trailing slash. */
  origin: string;
  /** True when CATALOG_SITE was not set and the placeholder is used. */
  placeholder: boolean;
};

/** Why `value` is not an https origin with no path, or undefined when it is. */
export function originProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'it is not a URL';
  }
  if (url.protocol !== 'https:') return `it must use https, not ${url.protocol.replace(':', '')}`;
  if (url.username || url.password) return 'it must not carry a user name or password';
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(value)) return 'it must be an origin only, with no path, query or fragment (e.g. https://catalog.example.org)';
  if (!/^https:\/\/[^/]+\/?$/i.test(value)) return 'it must be written as https://host, without anything after the host';
  return undefined;
}

/** The origin of this build, from CATALOG_SITE (validated: a bad value stops the build with the reason) or the placeholder. */
export function siteOrigin(env: Record<string, string | undefined> = process.env): SiteOrigin {
  const value = env['CATALOG_SITE']?.trim();
  if (!value) return { origin: PLACEHOLDER_ORIGIN, placeholder: true };
  const problem = originProblem(value);
  if (problem) throw new Error(`CATALOG_SITE="${value}" is not a site origin: ${problem}.`);
  return { origin: new URL(value).origin, placeholder: false };
}

/** The lines the build ends with: which origin it used, and a warning when it is the placeholder. */
export function originReport(site: SiteOrigin): string[] {
  if (!site.placeholder) return [`build: site origin ${site.origin} (from CATALOG_SITE): feeds, sitemaps, llms.txt and canonical links point there.`];
  return [
    `build: site origin ${site.origin} (the placeholder: CATALOG_SITE is not set).`,
    'build: WARNING: feeds, sitemaps, llms.txt and canonical links point at a placeholder that is no one\'s site. Fine for a local preview;',
    'build: WARNING: to publish, build with CATALOG_SITE=https://your.host and run `npm run check-deploy` (docs/deploy.md).',
  ];
}
