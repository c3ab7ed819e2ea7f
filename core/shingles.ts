/**
 * Text fingerprints for paragraph matching: hashed syllable trigrams of normalised, lower-cased
 * text. Trigrams survive inline markup, typography and tone-placement differences (all folded
 * by normalisation) and lose only three shingles per edited word.
 */

import { avalanche, FNV_OFFSET, FNV_PRIME } from './hash';
import { latinSyllables } from './latin-syllables';
import { normalizeText } from './normalize';
import { syllables } from './tokenize';

/** Syllables per shingle. */
export const SHINGLE_SIZE = 3;

/** 32-bit FNV-1a over the UTF-16 units of `s`. */
export function fnv1a(s: string, seed = FNV_OFFSET >>> 0): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** The syllables of `text` as matching sees them: normalised and lower-cased. */
export function matchSyllables(text: string): string[] {
  return latinSyllables(text) ?? syllables(normalizeText(text));
}

/**
 * The distinct shingle hashes of a syllable sequence, sorted ascending: each syllable hashed
 * once, each run of SHINGLE_SIZE combined (no strings built). A text shorter than a shingle gives
 * one shingle of all its syllables.
 */
export function shingleHashes(syls: readonly string[]): Uint32Array {
  const n = syls.length;
  if (n === 0) return new Uint32Array(0);
  const each = syls.map((s) => fnv1a(s));
  const combine = (from: number, to: number) => {
    let h = 0x811c9dc5 ^ (to - from);
    for (let i = from; i < to; i++) h = Math.imul(h ^ each[i]!, 0x01000193);
    return avalanche(h);
  };
  if (n < SHINGLE_SIZE) return Uint32Array.of(combine(0, n));
  const out = new Uint32Array(n - SHINGLE_SIZE + 1);
  for (let i = 0; i + SHINGLE_SIZE <= n; i++) out[i] = combine(i, i + SHINGLE_SIZE);
  out.sort();
  // Drop repeats in place.
  let w = 0;
  for (let r = 0; r < out.length; r++) if (r === 0 || out[r] !== out[r - 1]) out[w++] = out[r]!;
  return out.slice(0, w);
}

/** Shingle hashes of raw text. */
export function shinglesOf(text: string): Uint32Array {
  return shingleHashes(matchSyllables(text));
}
