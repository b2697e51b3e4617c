// The Content-Security-Policy is one list (src/site/csp.ts); the committed public/_headers and every
// page's <meta> are written from it. The browser side is tests/hostile/site-browser.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, CSP_HEADER, CSP_META, headersFile } from '../../src/site/csp';

const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.split(' ')[0] === name);

describe('Content-Security-Policy', () => {
  it('is what public/_headers holds (regenerate it from src/site/csp.ts when this fails)', () => {
    expect(readFileSync('public/_headers', 'utf8')).toBe(headersFile());
  });

  it("allows scripts and styles from the site only: no 'unsafe-inline', no 'unsafe-eval', no host", () => {
    for (const policy of [CSP_META, CSP_HEADER]) {
      expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*|https?:|data:|blob:/);
      expect(directive(policy, 'default-src')).toBe("default-src 'self'");
      expect(directive(policy, 'script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
      expect(directive(policy, 'object-src')).toBe("object-src 'none'");
      expect(directive(policy, 'base-uri')).toBe("base-uri 'none'");
    }
  });

  it('keeps frame-ancestors out of the <meta>, where browsers ignore it, and in the header', () => {
    expect(directive(CSP_META, 'frame-ancestors')).toBeUndefined();
    expect(directive(CSP_HEADER, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(CSP_DIRECTIVES.every(([name]) => directive(CSP_HEADER, name) !== undefined)).toBe(true);
  });

  it('is written into the page frame from the same list', () => {
    const base = readFileSync('src/layouts/Base.astro', 'utf8');
    expect(base).toMatch(/<meta charset="utf-8" \/>\s*<meta http-equiv="Content-Security-Policy" content=\{CSP_META\} \/>/);
  });
});
