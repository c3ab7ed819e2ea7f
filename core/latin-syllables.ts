/**
 * `syllables(normalizeText(text))`, for text in the Latin script, without normalising the whole
 * text first: recognition reads the syllables of every block of every page, and building the
 * normalised text and then matching a Unicode pattern over it was most of the cost of a lookup.
 *
 * For such text, normalisation changes syllables only within a word (tone placement, Đ
 * look-alikes) and changes the rest only between syllables (spaces, quotes, dashes): so the
 * syllables are the raw text's, each word normalised on its own, and each distinct one is worked
 * out once. Anything else (combining marks, characters that normalisation removes and so joins
 * across, letters or digits of other scripts, astral characters) is left to the full path:
 * {@link latinSyllables} answers null. `latin-syllables.test.ts` checks both give the same.
 */

import { normalizeWord } from './normalize';
import { RUN_HASH_START, RunCache, runHash } from './run-cache';

const SEPARATOR = 0;
const LETTER = 1;
const DIGIT = 2;
/** A character this path does not handle. */
const OTHER = 3;

/** What a UTF-16 unit is to this path (see `letters.ts` for the Latin ranges). */
function kindOf(c: number): number {
  if (c < 128) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return LETTER;
    return c >= 48 && c <= 57 ? DIGIT : SEPARATOR;
  }
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) return LETTER;
  if (c < 0xc0) {
    // Latin-1: ª µ º are letters, ¹ ² ³ ¼ ½ ¾ numbers, and the soft hyphen is removed (joining
    // what it separates); the rest separate syllables.
    return c === 0xaa ||
      c === 0xb5 ||
      c === 0xba ||
      c === 0xb2 ||
      c === 0xb3 ||
      c === 0xb9 ||
      c === 0xad ||
      (c >= 0xbc && c <= 0xbe)
      ? OTHER
      : SEPARATOR;
  }
  if (c === 0xd7 || c === 0xf7) return SEPARATOR;
  // General Punctuation (spaces, dashes, quotes, …), but the zero-width and bidi marks that
  // normalisation removes.
  if (c >= 0x2000 && c <= 0x206f) return (c >= 0x200b && c <= 0x200f) || c === 0x2060 ? OTHER : SEPARATOR;
  return OTHER;
}

/** Each raw syllable seen, as `syllables` gives it. */
const seen = new RunCache<string>(50_000);

/** One raw syllable normalised and lower-cased: its letter runs normalised as words, digits kept. */
function syllableOf(raw: string): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    let j = i;
    const letters = kindOf(raw.charCodeAt(i)) === LETTER;
    while (j < raw.length && (kindOf(raw.charCodeAt(j)) === LETTER) === letters) j++;
    out += letters ? normalizeWord(raw.slice(i, j)) : raw.slice(i, j);
    i = j;
  }
  return out.toLowerCase();
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The syllables of `text` as matching sees them (normalised, lower-cased), or null when the text
 * holds a character this path leaves to normalisation. A syllable is what `tokenize.ts`'s pattern
 * matches: a number with its thousands and decimal separators (10.000, 81,9), else a run of
 * letters and digits.
 */
export function latinSyllables(text: string): string[] | null {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const kind = kindOf(text.charCodeAt(i));
    if (kind === OTHER) return null;
    if (kind === SEPARATOR) {
      i++;
      continue;
    }
    let end = i;
    if (kind === DIGIT) {
      // A number with separators, if one starts here (the pattern's first choice).
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      let groups = 0;
      while (j + 1 < n && (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 44) && isDigit(text.charCodeAt(j + 1))) {
        j += 2;
        while (j < n && isDigit(text.charCodeAt(j))) j++;
        groups++;
      }
      if (groups > 0) end = j;
    }
    if (end === i) {
      end = i + 1;
      for (let k = kindOf(text.charCodeAt(end)); end < n && (k === LETTER || k === DIGIT); ) {
        end++;
        if (end < n) k = kindOf(text.charCodeAt(end));
      }
    }
    let hash = RUN_HASH_START;
    for (let k = i; k < end; k++) hash = runHash(hash, text.charCodeAt(k));
    let syllable = seen.get(text, i, end, hash);
    if (syllable === undefined) {
      const raw = text.slice(i, end);
      syllable = syllableOf(raw);
      seen.set(raw, hash, syllable);
    }
    out.push(syllable);
    i = end;
  }
  return out;
}
