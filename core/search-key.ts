/**
 * Accent-folded search keys, for search boxes only: "trieu tien" finds "Triều Tiên". Never use
 * them for term or corpus matching, where hòa and hóa, Nga and ngã must stay apart.
 */

import { lazyRegExp } from './lazy-regexp';

/**
 * Marks, and the invisible characters that can sit inside a word on news pages (soft hyphen,
 * zero-width space and joiners, word joiner, BOM): dropped, not turned into word breaks.
 */
const DROPPED = lazyRegExp(String.raw`[\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]`, 'gu');
/** Runs of what is neither a letter nor a digit: one space each. */
const NOT_WORD = lazyRegExp(String.raw`[^\p{L}\p{N}]+`, 'gu');

/**
 * Folds `text` to lower case without diacritics, đ (and the look-alike ð) as d, punctuation and
 * spacing as single spaces. Stripping every mark after NFD makes tone placement irrelevant, so
 * the full `normalizeText` is not needed here (it about doubled the cost of each record on import).
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(DROPPED(), '')
    .replace(/[đĐðÐ]/g, 'd')
    .toLowerCase()
    .replace(NOT_WORD(), ' ')
    .trim();
}

/**
 * A matcher for one query: true when every word of the query occurs in a {@link searchKey}, in any
 * order, each as the start of a word: "trieu tien" matches "Triều Tiên", "tien" matches "tiến",
 * "ien" does not. Build it once and run it over many keys.
 */
export function searchMatcher(query: string): (haystackKey: string) => boolean {
  const words = searchKey(query)
    .split(' ')
    .filter(Boolean)
    .map((w) => ` ${w}`);
  if (words.length === 0) return () => true;
  return (haystackKey) => {
    const padded = ` ${haystackKey}`;
    return words.every((w) => padded.includes(w));
  };
}

/** {@link searchMatcher} for a single key. */
export function matchesSearch(haystackKey: string, query: string): boolean {
  return searchMatcher(query)(haystackKey);
}
