// The browser-safe SHA-256 (src/lib/sha256.ts) must give exactly node:crypto's digests: tool slugs and
// server ids hashed in the /scan/ page must equal the ones the build wrote.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/lib/sha256';

const nodeSha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sha256Hex (plain TypeScript)', () => {
  it('gives the published test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('equals node:crypto on any text, block boundaries and non-ASCII included', () => {
    for (const length of [55, 56, 63, 64, 65, 119, 120, 1000]) expect(sha256Hex('x'.repeat(length))).toBe(nodeSha('x'.repeat(length)));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => sha256Hex(text) === nodeSha(text)), { numRuns: 500 });
  });
});
