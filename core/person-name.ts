/**
 * When a one-syllable country name is a person's name. Nga, Mỹ, Đức, Pháp are also common given
 * names: "bà Nga" is Mrs Nga, not Russia, and "Nguyễn Minh Đức" is a man, not Germany.
 */

import { isUpperUnit } from './syllable-scan';
import { splitTone, tonePosition } from './vietnamese-tone';

/**
 * Personal titles and kinship words that put a given name after them: ông Đức, bà Nga, chị Mỹ,
 * cô Mỹ, bé Nga, vợ Nga. Words that also name an office, a trade or a kind of person (bác sĩ,
 * ca sĩ, Tổng thống, Đại sứ, cô gái, chàng trai) are not here: "ca sĩ Mỹ", "Đại sứ Nga" and
 * "cô gái Nga" are as often an American singer, the Russian ambassador and a Russian girl.
 */
export const HONORIFICS: ReadonlySet<string> = new Set([
  // titles of address
  'ông',
  'bà',
  'anh',
  'chị',
  'em',
  'cô',
  'chú',
  'bác',
  'cháu',
  'cụ',
  'dì',
  'cậu',
  'mợ',
  'thím',
  'dượng',
  'ngài',
  'thầy',
  'chàng',
  'nàng',
  'bé',
  // kinship
  'bố',
  'mẹ',
  'cha',
  'má',
  'vợ',
  'chồng',
  'con',
  'chắt',
]);

/**
 * True when the syllable [start, end) of `text` reads as part of a person's name: it follows, after
 * one space, an honorific (bà Nga) or a capitalised syllable (Nguyễn Minh Đức, Lê Thị Nga). A
 * capital in an ALL-CAPS headline or on a single letter says nothing.
 */
export function inPersonName(text: string, previousStart: number, previousEnd: number, start: number): boolean {
  if (previousStart < 0) return false;
  for (let k = previousEnd; k < start; k++) if (text.charCodeAt(k) !== 32) return false;
  const previous = text.slice(previousStart, previousEnd);
  if (HONORIFICS.has(previous.toLowerCase())) return true;
  return previous.length > 1 && isUpperUnit(previous.charCodeAt(0)) && previous !== previous.toUpperCase();
}

/**
 * True when syllable `k` of `text` is coordinated with a given name: "Nga và My", "Yến và Nga",
 * where the other capitalised syllable is a Vietnamese syllable (not Ukraine, Gazprom) that is no
 * name the lexicon knows and no part of a longer word (`isKnownName` says when it is). "Nga và Mỹ"
 * is two countries; "Nga và My" two women.
 */
export function coordinatedWithGivenName(
  text: string,
  starts: Int32Array,
  ends: Int32Array,
  count: number,
  k: number,
  isKnownName: (syllable: number) => boolean,
): boolean {
  const word = (i: number) => text.slice(starts[i], ends[i]);
  const spaced = (i: number) => {
    for (let c = ends[i]!; c < starts[i + 1]!; c++) if (text.charCodeAt(c) !== 32) return false;
    return true;
  };
  const givenName = (i: number) => {
    const w = word(i);
    return (
      w.length > 1 &&
      isUpperUnit(w.charCodeAt(0)) &&
      w !== w.toUpperCase() &&
      isVietnameseSyllable(w) &&
      !isKnownName(i)
    );
  };
  if (k + 2 < count && spaced(k) && spaced(k + 1) && word(k + 1) === 'và' && givenName(k + 2)) return true;
  return k >= 2 && spaced(k - 2) && spaced(k - 1) && word(k - 1) === 'và' && givenName(k - 2);
}

/** True when `word` spells one Vietnamese syllable (My, Yến, Thủy; not Ukraine, Kazan, Apple). */
export function isVietnameseSyllable(word: string): boolean {
  const letters: string[] = [];
  for (const ch of word
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '')
    .normalize('NFC')
    .toLowerCase()) {
    const split = splitTone(ch);
    if (!split) return false;
    letters.push(split.base);
  }
  return tonePosition(letters) >= 0;
}
