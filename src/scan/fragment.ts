// A scan's state in the URL fragment, so a shared link re-renders the report with no server: the
// sanitised entries only (never an env or header value: the parsed config holds none), as base64url
// JSON after `#config=`. A fragment is never sent to the server. A link is attacker-controlled too,
// so decoding validates the shape and runs every entry through the same sanitiser as a pasted file.
import { z } from 'zod';
import { sanitizeEntry, ENTRY_MAX } from './config';
import type { ConfigShape, ParsedConfig } from './types';

export const FRAGMENT_PREFIX = '#config=';
/** Longer fragments are refused unread (a config of ENTRY_MAX servers is far below this). */
export const FRAGMENT_MAX = 200_000;

const Text = z.string().max(2000);
const Names = z.array(z.string().max(200)).max(200);
const FragmentEntry = z.strictObject({
  k: z.string().max(200),
  s: z.string().max(1000).optional(),
  t: z.enum(['stdio', 'http', 'sse']),
  c: Text.optional(),
  a: z.array(Text).max(100),
  e: Names,
  h: Names,
  u: Text.optional(),
  r: z.array(z.string().max(300)).max(200),
  d: z.literal(true).optional(),
});
const Fragment = z.strictObject({
  v: z.literal(1),
  f: z.string().max(200).optional(),
  shape: z.enum(['mcpServers', 'vscode', 'claude-json', 'bare', 'unknown']),
  i: Names,
  entries: z.array(FragmentEntry).max(ENTRY_MAX),
});

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** The fragment (with its `#config=`) that re-renders this config's report. */
export function encodeFragment(config: ParsedConfig): string {
  const payload: z.input<typeof Fragment> = {
    v: 1,
    ...(config.file !== undefined ? { f: config.file } : {}),
    shape: config.shape,
    i: config.inputs,
    entries: config.entries.map((entry) => ({
      k: entry.key,
      ...(entry.scope !== undefined ? { s: entry.scope } : {}),
      t: entry.transport,
      ...(entry.command !== undefined ? { c: entry.command } : {}),
      a: entry.args,
      e: entry.env,
      h: entry.headers,
      ...(entry.url !== undefined ? { u: entry.url } : {}),
      r: entry.redactions,
      ...(entry.disabled ? { d: true as const } : {}),
    })),
  };
  return `${FRAGMENT_PREFIX}${toBase64Url(JSON.stringify(payload))}`;
}

/** The config a fragment carries, or why it cannot be read (a message for the page). */
export function decodeFragment(fragment: string): { config: ParsedConfig } | { error: string } {
  if (!fragment.startsWith(FRAGMENT_PREFIX)) return { error: 'The link holds no scan.' };
  const body = fragment.slice(FRAGMENT_PREFIX.length);
  if (body.length > FRAGMENT_MAX) return { error: 'The link is too long to be a scan.' };
  let raw: unknown;
  try {
    raw = JSON.parse(fromBase64Url(body));
  } catch {
    return { error: 'The link is damaged: its scan cannot be decoded.' };
  }
  const parsed = Fragment.safeParse(raw);
  if (!parsed.success) return { error: 'The link is damaged: its scan is not in the expected shape.' };
  const { data } = parsed;
  const entries = data.entries.map((item) => {
    const entry = sanitizeEntry(
      item.k,
      { ...(item.c !== undefined ? { command: item.c } : {}), args: item.a, envNames: item.e, headerNames: item.h, ...(item.u !== undefined ? { url: item.u } : {}), type: item.t, ...(item.d ? { disabled: true } : {}) },
      item.s,
    );
    // What was redacted before the link was made, and anything this pass found on top.
    return { ...entry, redactions: [...new Set([...item.r, ...entry.redactions])] };
  });
  const shape: ConfigShape = data.shape;
  return { config: { ...(data.f !== undefined ? { file: data.f } : {}), shape, entries, errors: [], inputs: data.i } };
}
