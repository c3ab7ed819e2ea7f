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

import { FNV_OFFSET, fnvStep } from './hash';
import { hasLetterOrDigit } from './letters';
import { LATIN_UNITS, latinUnitKind, normalizeWord, UNIT_DROPPED, UNIT_LETTER, UNIT_OTHER } from './normalize';
import { RunCache } from './run-cache';
import { isDigitUnit } from './syllable-scan';

const SEPARATOR = 0;
const LETTER = 1;
const DIGIT = 2;
/** A character this path does not handle. */
const OTHER = 3;

let kinds: Uint8Array | null = null;

/**
 * What each UTF-16 unit is to this path, from what normalisation's fast path makes of it: a unit
 * normalisation leaves to its full path, or drops (joining what it separates), is OTHER here too;
 * so is a numeral other than an ASCII digit (¹ ½), which the tokeniser reads as part of a
 * syllable but this path does not.
 */
function kindTable(): Uint8Array {
  if (kinds) return kinds;
  const t = new Uint8Array(LATIN_UNITS);
  for (let c = 0; c < LATIN_UNITS; c++) {
    const unit = latinUnitKind(c);
    if (unit === UNIT_LETTER) t[c] = LETTER;
    else if (unit === UNIT_OTHER || unit === UNIT_DROPPED) t[c] = OTHER;
    else if (isDigitUnit(c)) t[c] = DIGIT;
    else t[c] = hasLetterOrDigit(String.fromCharCode(c)) ? OTHER : SEPARATOR;
  }
  return (kinds = t);
}

const kindOf = (table: Uint8Array, c: number): number => (c < LATIN_UNITS ? table[c]! : OTHER);

/** Each raw syllable seen, as `syllables` gives it. */
const seen = new RunCache<string>(50_000);

/** One raw syllable normalised and lower-cased: its letter runs normalised as words, digits kept. */
function syllableOf(raw: string): string {
  const table = kindTable();
  let out = '';
  let i = 0;
  while (i < raw.length) {
    let j = i;
    const letters = kindOf(table, raw.charCodeAt(i)) === LETTER;
    while (j < raw.length && (kindOf(table, raw.charCodeAt(j)) === LETTER) === letters) j++;
    out += letters ? normalizeWord(raw.slice(i, j)) : raw.slice(i, j);
    i = j;
  }
  return out.toLowerCase();
}

/**
 * The syllables of `text` as matching sees them (normalised, lower-cased), or null when the text
 * holds a character this path leaves to normalisation. A syllable is what `tokenize.ts`'s pattern
 * matches: a number with its thousands and decimal separators (10.000, 81,9), else a run of
 * letters and digits.
 */
export function latinSyllables(text: string): string[] | null {
  const table = kindTable();
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const kind = kindOf(table, text.charCodeAt(i));
    if (kind === OTHER) return null;
    if (kind === SEPARATOR) {
      i++;
      continue;
    }
    let end = i;
    if (kind === DIGIT) {
      // A number with separators, if one starts here (the pattern's first choice).
      let j = i + 1;
      while (j < n && isDigitUnit(text.charCodeAt(j))) j++;
      let groups = 0;
      while (
        j + 1 < n &&
        (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 44) &&
        isDigitUnit(text.charCodeAt(j + 1))
      ) {
        j += 2;
        while (j < n && isDigitUnit(text.charCodeAt(j))) j++;
        groups++;
      }
      if (groups > 0) end = j;
    }
    if (end === i) {
      end = i + 1;
      for (let k = kindOf(table, text.charCodeAt(end)); end < n && (k === LETTER || k === DIGIT); ) {
        end++;
        if (end < n) k = kindOf(table, text.charCodeAt(end));
      }
    }
    let hash = FNV_OFFSET;
    for (let k = i; k < end; k++) hash = fnvStep(hash, text.charCodeAt(k));
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
