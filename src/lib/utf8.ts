// Reading files that strangers wrote: a byte sequence that is not UTF-8 is an error naming where it
// starts, never silently turned into U+FFFD (which would store a changed description as if it were sent).
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    // Overlong forms, surrogates and code points past U+10FFFF show in the second byte's range.
    const second = bytes[index + 1] ?? 0;
    const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (length > 1 && (second < low || second > high)) return index;
    for (let next = 2; next < length; next += 1) if ((bytes[index + next]! & 0xc0) !== 0x80) return index;
    index += length;
  }
  return -1;
}

export class Utf8Error extends Error {
  constructor(readonly offset: number) {
    super(`not valid UTF-8 (first bad byte at offset ${offset})`);
    this.name = 'Utf8Error';
  }
}

/** The bytes as text; throws Utf8Error when they are not UTF-8. A leading byte order mark is kept, as JSON.parse will say. */
export function decodeUtf8(bytes: Uint8Array): string {
  if (!isUtf8(bytes)) throw new Utf8Error(Math.max(0, firstInvalidUtf8Byte(bytes)));
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** A file's text; throws Utf8Error (or the read's own error) instead of replacing bad bytes. */
export function readUtf8File(file: string): string {
  return decodeUtf8(readFileSync(file));
}
