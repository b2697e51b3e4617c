// The one module that decides the site origin: CATALOG_SITE must be an https origin and nothing more,
// else the build stops with the reason; without it the placeholder is used and the build says so.
import { describe, expect, it } from 'vitest';
import { originReport, PLACEHOLDER_ORIGIN, siteOrigin } from '../../src/site/origin';

describe('siteOrigin', () => {
  it('uses the placeholder without CATALOG_SITE (or with a blank one), and says it is one', () => {
    expect(siteOrigin({})).toEqual({ origin: PLACEHOLDER_ORIGIN, placeholder: true });
    expect(siteOrigin({ CATALOG_SITE: '  ' })).toEqual({ origin: PLACEHOLDER_ORIGIN, placeholder: true });
  });

  it('takes an https origin, with or without a trailing slash or a port, lower-casing the host', () => {
    expect(siteOrigin({ CATALOG_SITE: 'https://Catalog.Example.org/' })).toEqual({ origin: 'https://catalog.example.org', placeholder: false });
    expect(siteOrigin({ CATALOG_SITE: 'https://catalog.example.org:8443' }).origin).toBe('https://catalog.example.org:8443');
  });

  it.each([
    ['http://catalog.example.org', /must use https/],
    ['catalog.example.org', /not a URL/],
    ['https://catalog.example.org/mcp/', /no path/],
    ['https://catalog.example.org/?x=1', /no path, query or fragment/],
    ['https://catalog.example.org/#top', /no path, query or fragment/],
    ['https://user:secret@catalog.example.org', /user name or password/],
    ['javascript:alert(1)', /must use https/],
  ])('refuses %s with the reason', (value, reason) => {
    expect(() => siteOrigin({ CATALOG_SITE: value })).toThrow(reason);
  });

  it('reports the origin used, and warns about the placeholder with what to do', () => {
    expect(originReport({ origin: 'https://catalog.example.org', placeholder: false })).toEqual([
      'build: site origin https://catalog.example.org (from CATALOG_SITE): feeds, sitemaps, llms.txt and canonical links point there.',
    ]);
    const warning = originReport(siteOrigin({})).join('\n');
    expect(warning).toContain(`site origin ${PLACEHOLDER_ORIGIN} (the placeholder`);
    expect(warning).toMatch(/WARNING.*CATALOG_SITE=https:\/\/your\.host.*check-deploy/s);
  });
});
