// One test file's built site, served on 127.0.0.1, with Chromium open: the beforeAll/afterAll pair the
// browser tests each wrote out (build, serve, launch; close both, remove the work folder).
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { serveStatic } from './site';

export interface ServedSite {
  /** The site's origin, e.g. http://127.0.0.1:40123 (set once beforeAll has run). */
  readonly url: string;
  readonly browser: Browser;
}

/**
 * Registers the hooks for the calling file: `prepare` (in beforeAll) builds the site and returns its
 * folder, which is then served and opened in Chromium; afterAll closes both and removes `cleanup`.
 */
export function servedSite(prepare: () => string | Promise<string>, options: { cleanup?: string; timeout?: number } = {}): ServedSite {
  let site: { url: string; close: () => Promise<void> } | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveStatic(await prepare());
    browser = await launchBrowser();
  }, options.timeout ?? 600_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (options.cleanup) rmSync(options.cleanup, { recursive: true, force: true });
  });
  return {
    get url() {
      if (!site) throw new Error('the site is served in beforeAll: read its url inside a test');
      return site.url;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is opened in beforeAll: use it inside a test');
      return browser;
    },
  };
}
