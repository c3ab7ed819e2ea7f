/**
 * Character tables for reading syllables out of normalised text without building strings:
 * which UTF-16 units belong to a syllable (letters, marks, digits; surrogates too, as halves of
 * astral letters), each one's lower-case unit, and which are upper case.
 *
 * The tables cover the whole Basic Multilingual Plane but are filled lazily outside the Latin and
 * Vietnamese ranges: testing 65,536 characters against a Unicode regular expression costs tens of
 * milliseconds in a freshly started service worker, before its first answer.
 */

import { lazyRegExp } from './lazy-regexp';

const UNKNOWN = 0xffff;
const FOLD = new Uint16Array(0x10000).fill(UNKNOWN);
const UPPER = new Uint8Array(0x10000);
const LETTER = lazyRegExp(String.raw`[\p{L}\p{M}\p{N}]`, 'u');

function resolve(c: number): number {
  let f = 0;
  if (c >= 0xd800 && c <= 0xdfff) {
    f = c;
  } else if (c !== UNKNOWN) {
    const ch = String.fromCharCode(c);
    if (LETTER().test(ch)) {
      const l = ch.toLowerCase();
      f = l.length === 1 ? l.charCodeAt(0) : c;
      if (l !== ch) UPPER[c] = 1;
    }
  }
  FOLD[c] = f;
  return f;
}

// Latin, combining marks and Latin Extended Additional (Vietnamese letters with their tones).
for (const [from, to] of [
  [0, 0x24f],
  [0x300, 0x36f],
  [0x1e00, 0x1eff],
]) {
  for (let c = from!; c <= to!; c++) resolve(c);
}

/** The lower-case unit of a syllable character, or 0 for a separator. */
export function foldUnit(c: number): number {
  const f = FOLD[c]!;
  return f === UNKNOWN ? resolve(c) : f;
}

/** True for an upper-case letter unit. */
export function isUpperUnit(c: number): boolean {
  if (FOLD[c] === UNKNOWN) resolve(c);
  return UPPER[c] === 1;
}

/** The fold table itself, for hot loops: {@link UNKNOWN_UNIT} entries must go through {@link foldUnit}. */
export const FOLD_TABLE: Readonly<Uint16Array> = FOLD;
export const UNKNOWN_UNIT = UNKNOWN;

export const isDigitUnit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Between two syllables of one word the text may have spaces and hyphens, and a full stop after
 * an initial or abbreviation ("Jean H. Lee", "TS. Vũ Đăng Minh"); nothing else, so a word never
 * runs across a sentence or a comma.
 */
export function isJoiner(text: string, from: number, to: number, previousLength: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 45) continue;
    if (c === 46 && i === from && previousLength <= 2) continue;
    return false;
  }
  return true;
}
