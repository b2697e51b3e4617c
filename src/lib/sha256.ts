// SHA-256, synchronous, for code that runs in the browser too (tool slugs and server ids are hashed
// while the /scan/ page builds a policy; node:crypto is not there, and WebCrypto's digest is async).
// @noble/hashes (audited, no dependencies) does the hashing; Node paths that hash whole files keep
// node:crypto (lib/hash.ts); a test keeps the two equal.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** The hex SHA-256 of `text` encoded as UTF-8 (lone surrogates become U+FFFD, as Node's Buffer does). */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(text)));
}
