/**
 * The key a word is looked up by: what two spellings of one Vietnamese word have in common.
 *
 * Folded (text already passed through `normalizeText`, so Unicode form, Ð/Đ and tone-mark
 * placement hoà/hòa, khoẻ/khỏe, thuỷ/thủy are settled before this):
 * - letter case: Anh and anh share a key (the lookup tells them apart afterwards);
 * - i/y as the whole vowel of a syllable after a consonant: mỹ/mĩ, kỹ/kĩ, lý/lí, tỷ/tỉ, sỹ/sĩ,
 *   hy/hi. Vietnamese spells that sound either way, and the dictionary mostly writes i where news
 *   sites write y. Nowhere else: ai/ay (tai "ear", tay "hand") and ui/uy (tui "I", tuy "though")
 *   are different rhymes, y alone or first (y tế, yêu) has no i spelling, and qu/gi + y (quý)
 *   keep the y as part of the rhyme.
 * Kept: every diacritic and tone (Nga ≠ ngà, hòa ≠ hóa, Đức ≠ Dúc).
 */

import { normalizeText } from './normalize';
import { tokenize } from './tokenize';

const Y_TO_I = new Map([
  ['y', 'i'],
  ['ý', 'í'],
  ['ỳ', 'ì'],
  ['ỷ', 'ỉ'],
  ['ỹ', 'ĩ'],
  ['ỵ', 'ị'],
]);
const CONSONANTS = new Set('bcdđghklmnpqrstvxfjwz');

/** UTF-16 units of the toned y letters, mapped to the i letter with the same tone (0 elsewhere). */
export const Y_UNIT_TO_I = new Uint16Array(0x2000);
/** 1 for the lower-case consonant letters after which a final y folds to i. */
export const CONSONANT_UNIT = new Uint8Array(0x2000);
for (const [y, i] of Y_TO_I) Y_UNIT_TO_I[y.charCodeAt(0)] = i.charCodeAt(0);
for (const c of CONSONANTS) CONSONANT_UNIT[c.charCodeAt(0)] = 1;

/**
 * Folds one syllable of normalised text: lower case, and a final y after a consonant to i.
 * "Mỹ" → "mĩ", "KỸ" → "kĩ", "quý" → "quý", "tay" → "tay".
 */
export function foldSyllable(syllable: string): string {
  const s = syllable.toLowerCase();
  const n = s.length;
  if (n < 2) return s;
  const last = s.charCodeAt(n - 1);
  const prev = s.charCodeAt(n - 2);
  const i = last < 0x2000 ? Y_UNIT_TO_I[last]! : 0;
  if (i !== 0 && prev < 0x2000 && CONSONANT_UNIT[prev]) return s.slice(0, n - 1) + String.fromCharCode(i);
  return s;
}

/** The syllables of a word or phrase as the lexicon reads them: normalised, split on spaces and hyphens. */
export function lexiconSyllables(form: string): string[] {
  const text = normalizeText(form);
  return tokenize(text).map((t) => text.slice(t.start, t.end));
}

/** The key of a word: its syllables folded and joined by spaces ("Hoà Bình" → "hòa bình"). */
export function lexiconKey(form: string): string {
  return lexiconSyllables(form).map(foldSyllable).join(' ');
}
