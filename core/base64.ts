/**
 * Typed arrays to and from base64, for compiled indexes stored as JSON. Written out rather than
 * using Buffer or atob so the same code runs in Node, service workers and pages.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Uint8Array(128).fill(255);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    const n = (a << 16) | (b << 8) | c;
    chunk +=
      ALPHABET[(n >> 18) & 63]! +
      ALPHABET[(n >> 12) & 63]! +
      (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=') +
      (i + 2 < bytes.length ? ALPHABET[n & 63]! : '=');
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** A native base64 decoder (`Uint8Array.fromBase64`: Chromium 140+, Firefox 133+), where there is one. */
type Decoder = (s: string) => Uint8Array;
const NATIVE: Decoder | undefined = (Uint8Array as unknown as { fromBase64?: Decoder }).fromBase64?.bind(Uint8Array);

/**
 * Decodes base64. The service worker decodes the half-megabyte lexicon index when it starts, on
 * the way to a cold start's first answer: the native decoder does it in a fraction of the time
 * this loop takes before it is compiled. Whatever the native decoder refuses, or reads to another
 * length (it skips whitespace), goes to the loop, so both give the same bytes and the same errors.
 */
export function base64ToBytes(s: string, native: Decoder | null = NATIVE ?? null): Uint8Array {
  if (s.length % 4 !== 0) throw new Error('base64: length is not a multiple of 4');
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const length = (s.length / 4) * 3 - pad;
  if (native) {
    try {
      const bytes = native(s);
      if (bytes.length === length) return bytes;
    } catch {
      // The loop says where the bad character is.
    }
  }
  const out = new Uint8Array(length);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const ch = s.charCodeAt(i + k);
      const v = ch === 61 /* = */ ? 0 : ch < 128 ? LOOKUP[ch]! : 255;
      if (v === 255) throw new Error(`base64: bad character at ${i + k}`);
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** Encodes a Uint32Array (little-endian, as every platform we run on stores it). */
export function uint32ToBase64(a: Uint32Array): string {
  return bytesToBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

export function base64ToUint32(s: string): Uint32Array {
  const bytes = base64ToBytes(s);
  if (bytes.length % 4 !== 0) throw new Error('base64: not a whole number of 32-bit values');
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}
