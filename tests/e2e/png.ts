/** Reads PNG files for tests: the size from the header, and the pixels of 8-bit RGBA images. */

import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

export interface RgbaImage {
  width: number;
  height: number;
  /** Row after row, four bytes a pixel: red, green, blue, alpha. */
  rgba: Uint8Array;
}

function* chunks(png: Buffer): Generator<{ type: string; data: Buffer }, void> {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: wrong signature');
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    yield { type: png.toString('latin1', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) };
    at += 12 + length;
  }
}

/** The IHDR chunk's data, which a PNG must have first. */
function header(png: Buffer): Buffer {
  const first = chunks(png).next();
  if (first.done === true || first.value.type !== 'IHDR') throw new Error('not a PNG: no IHDR first');
  return first.value.data;
}

/** Width and height from the PNG's header. */
export function readPngSize(png: Buffer): { width: number; height: number } {
  const ihdr = header(png);
  return { width: ihdr.readUInt32BE(0), height: ihdr.readUInt32BE(4) };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes a non-interlaced 8-bit RGBA PNG (the kind Chromium's screenshots are); throws on others. */
export function decodeRgbaPng(png: Buffer): RgbaImage {
  const { width, height } = readPngSize(png);
  const ihdr = header(png);
  // Bit depth 8, colour type 6 (RGBA), interlace method 0 (none).
  if (ihdr[8] !== 8 || ihdr[9] !== 6 || ihdr[12] !== 0) {
    throw new Error('only non-interlaced 8-bit RGBA PNGs are read here');
  }
  const raw = inflateSync(Buffer.concat([...chunks(png)].filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * 4;
  const rgba = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? (rgba[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (rgba[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (rgba[(y - 1) * stride + x - 4] ?? 0) : 0;
      const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? -1];
      if (predicted === undefined) throw new Error(`unknown PNG row filter ${filter}`);
      rgba[y * stride + x] = ((raw[y * (stride + 1) + 1 + x] ?? 0) + predicted) & 0xff;
    }
  }
  return { width, height, rgba };
}
