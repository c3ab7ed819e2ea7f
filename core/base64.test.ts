import { describe, expect, test } from 'vitest';
import { base64ToBytes, base64ToUint32, bytesToBase64, uint32ToBase64 } from './base64';

/** `Uint8Array.fromBase64` as browsers have it: whitespace skipped, anything else outside the alphabet refused. */
const browserDecoder = (s: string): Uint8Array => {
  const clean = s.replace(/[\t\n\f\r ]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new SyntaxError('invalid base64');
  return new Uint8Array(Buffer.from(clean, 'base64'));
};
const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);

describe('base64', () => {
  test.each([0, 1, 2, 3, 4, 5, 254, 255, 256, 1000])('%i bytes round-trip, with and without a native decoder', (n) => {
    const b = bytes(n);
    const s = bytesToBase64(b);
    expect(s).toBe(Buffer.from(b).toString('base64'));
    expect(base64ToBytes(s, null)).toEqual(b);
    expect(base64ToBytes(s, browserDecoder)).toEqual(b);
  });

  test.each([
    ['a length that is not a multiple of 4', 'QUJD=', 'base64: length is not a multiple of 4'],
    ['a character outside the alphabet', 'QU*D', 'base64: bad character at 2'],
    ['whitespace, which a native decoder would skip', 'QU D', 'base64: bad character at 2'],
    ['a character beyond ASCII', 'QUĐD', 'base64: bad character at 2'],
  ])('refuses %s the same way whichever decodes', (_, s, message) => {
    expect(() => base64ToBytes(s, null)).toThrow(message);
    expect(() => base64ToBytes(s, browserDecoder)).toThrow(message);
  });

  test('a native decoder is used when it reads the whole input', () => {
    let calls = 0;
    const counting = (s: string) => (calls++, browserDecoder(s));
    expect(base64ToBytes('QUJD', counting)).toEqual(new Uint8Array([65, 66, 67]));
    expect(calls).toBe(1);
  });

  test('32-bit values round-trip', () => {
    const a = Uint32Array.of(0, 1, 0xffffffff, 0x80000000, 123456789);
    expect(base64ToUint32(uint32ToBase64(a))).toEqual(a);
  });
});
