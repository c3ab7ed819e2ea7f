/**
 * Vietnamese tone marks and their canonical placement.
 *
 * Vietnamese writes one of five tone marks on one vowel of a syllable. Two conventions coexist for
 * where it goes in open syllables with oa, oe and uy: the older one writes hòa, khỏe, thủy, the
 * newer one hoà, khoẻ, thuỷ. Sloppy typing adds more (qúy for quý, gìa for già). Text is only
 * comparable once every syllable carries its tone in one agreed place; we use the older placement,
 * which most Vietnamese news sites print.
 */

/** Combining tone marks, in the order of {@link Tone}. */
const TONE_MARKS = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'] as const;

/** 0 = level tone (no mark), 1 huyền, 2 sắc, 3 ngã, 4 hỏi, 5 nặng. */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

/** The vowel letters after the tone is taken off (lower case), including the modified ones. */
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
/** Vowels carrying a breve, circumflex or horn: they take the tone whenever present. */
const MODIFIED_VOWELS = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);
/** Every letter a Vietnamese syllable can be spelled with, tone removed (lower case). */
const VIETNAMESE_LETTERS = new Set([...VOWELS, ...'bcdđghklmnpqrstvx', 'f', 'j', 'w', 'z']);

function toneOfMark(mark: string): Tone {
  switch (mark) {
    case '\u0300':
    case '\u0340': // deprecated combining grave tone mark
      return 1;
    case '\u0301':
    case '\u0341': // deprecated combining acute tone mark
      return 2;
    case '\u0303':
      return 3;
    case '\u0309':
      return 4;
    case '\u0323':
      return 5;
    default:
      return 0;
  }
}

/** A letter split into its toneless form (NFC) and its tone. */
export interface ToneSplit {
  readonly base: string;
  readonly tone: Tone;
}

const splitCache = new Map<string, ToneSplit | null>();

/**
 * Splits one letter cluster (a base letter and any combining marks, NFC or NFD) into its toneless
 * NFC form and its tone. Returns null when the cluster carries more than one tone mark, which no
 * Vietnamese letter does.
 */
export function splitTone(cluster: string): ToneSplit | null {
  const cached = splitCache.get(cluster);
  if (cached !== undefined) return cached;
  let tone: Tone = 0;
  let rest = '';
  let valid = true;
  for (const ch of cluster.normalize('NFD')) {
    const t = toneOfMark(ch);
    if (t === 0) {
      rest += ch;
    } else if (tone === 0) {
      tone = t;
    } else {
      valid = false;
    }
  }
  const result = valid ? { base: rest.normalize('NFC'), tone } : null;
  if (splitCache.size < 4096) splitCache.set(cluster, result);
  return result;
}

const composeCache = new Map<string, string>();

/** Puts `tone` on a toneless letter and returns the NFC result. */
export function applyTone(base: string, tone: Tone): string {
  if (tone === 0) return base;
  const key = base + tone;
  let composed = composeCache.get(key);
  if (composed === undefined) {
    composed = (base.normalize('NFD') + TONE_MARKS[tone]).normalize('NFC');
    composeCache.set(key, composed);
  }
  return composed;
}

/**
 * Where the tone mark belongs in a syllable, given its toneless letters in lower case (one string
 * per letter). Returns the letter index, or -1 when the letters do not spell one Vietnamese
 * syllable (a loanword, two syllables run together), in which case the caller leaves the word alone.
 *
 * Rules, with the older placement for open oa/oe/uy:
 * - qu and gi before a vowel are the onset, so their u/i never take the tone (quý, già; but gìn);
 * - a vowel with a breve, circumflex or horn takes it, the last one if there are two (người);
 * - otherwise, with a final consonant, the last vowel takes it (hoàng, toán);
 * - otherwise one vowel takes it, of two the first (hòa, khỏe, thủy, của), of three the middle (ngoài).
 */
export function tonePosition(letters: readonly string[]): number {
  const n = letters.length;
  if (n === 0) return -1;
  for (const letter of letters) {
    if (!VIETNAMESE_LETTERS.has(letter)) return -1;
  }
  const isVowel = (k: number): boolean => k < n && VOWELS.has(letters[k]!);
  let i = 0;
  if (
    n > 2 &&
    isVowel(2) &&
    ((letters[0] === 'q' && letters[1] === 'u') || (letters[0] === 'g' && letters[1] === 'i'))
  ) {
    i = 2;
  } else {
    while (i < n && !isVowel(i)) i++;
  }
  const vowelStart = i;
  while (i < n && isVowel(i)) i++;
  const vowelEnd = i;
  if (vowelEnd === vowelStart) return -1;
  for (let k = vowelEnd; k < n; k++) {
    if (isVowel(k)) return -1; // a second vowel group: not one syllable
  }
  for (let k = vowelEnd - 1; k >= vowelStart; k--) {
    if (MODIFIED_VOWELS.has(letters[k]!)) return k;
  }
  if (vowelEnd < n) return vowelEnd - 1;
  switch (vowelEnd - vowelStart) {
    case 1:
    case 2:
      return vowelStart;
    case 3:
      return vowelStart + 1;
    default:
      return -1;
  }
}
