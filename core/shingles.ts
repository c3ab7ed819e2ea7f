/**
 * Text fingerprints for paragraph matching: hashed syllable trigrams of normalised, lower-cased
 * text. Trigrams survive inline markup, typography and tone-placement differences (all folded
 * by normalisation) and lose only three shingles per edited word.
 */

import { normalizeText } from './normalize';
import { syllables } from './tokenize';

/** Syllables per shingle. */
export const SHINGLE_SIZE = 3;

/** 32-bit FNV-1a over the UTF-16 units of `s`. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The syllables of `text` as matching sees them: normalised and lower-cased. */
export function matchSyllables(text: string): string[] {
  return syllables(normalizeText(text));
}

/**
 * The distinct shingle hashes of a syllable sequence, sorted ascending. A text shorter than a
 * shingle gives one shingle of all its syllables.
 */
export function shingleHashes(syls: readonly string[]): Uint32Array {
  const out = new Set<number>();
  if (syls.length > 0 && syls.length < SHINGLE_SIZE) out.add(fnv1a(syls.join(' ')));
  for (let i = 0; i + SHINGLE_SIZE <= syls.length; i++) {
    out.add(fnv1a(syls.slice(i, i + SHINGLE_SIZE).join(' ')));
  }
  return Uint32Array.from(out).sort();
}

/** Shingle hashes of raw text. */
export function shinglesOf(text: string): Uint32Array {
  return shingleHashes(matchSyllables(text));
}

/** Size of the intersection of two sorted hash arrays. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}
