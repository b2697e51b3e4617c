// The site's Content-Security-Policy: one list of directives, written into every page's <meta> (by
// layouts/Base.astro) and into public/_headers for hosts that read one (Netlify, Cloudflare Pages).
// Every script and style sheet is a file under /_astro/ (astro.config.mjs turns inlining off), so the
// policy needs no hashes and no 'unsafe-inline': a page whose markup gained a <script> or an event
// handler from crawled text would have it refused by the browser, whatever the escaping missed.

/** Directives both the header and the <meta> carry, in the order written. */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, ...string[]]> = [
  ['default-src', "'self'"],
  // Pagefind compiles its WebAssembly module (WebAssembly.instantiate on the fetched .wasm), in its
  // worker or the page: without 'wasm-unsafe-eval' Chromium refuses it. It allows WebAssembly, not eval().
  ['script-src', "'self'", "'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self'"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  // Pagefind starts /pagefind/pagefind-worker.js.
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
];

/** Directives a browser ignores in a <meta> (CSP3 §6.1): sent only as a header. */
export const HEADER_ONLY_DIRECTIVES: ReadonlyArray<readonly [string, ...string[]]> = [['frame-ancestors', "'none'"]];

const join = (directives: ReadonlyArray<readonly string[]>) => directives.map((directive) => directive.join(' ')).join('; ');

/** The policy as a <meta http-equiv="Content-Security-Policy"> carries it. */
export const CSP_META = join(CSP_DIRECTIVES);

/** The policy as the Content-Security-Policy header carries it. */
export const CSP_HEADER = join([...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES]);

/** public/_headers: the policy and a few headers a static host does not send by itself, for every path. */
export function headersFile(): string {
  return [
    '# Written from src/site/csp.ts (a test keeps them equal): edit that file, not this one.',
    '/*',
    `  Content-Security-Policy: ${CSP_HEADER}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}
