/**
 * Counts in the interface's English: "1 highlight", "2 highlights", "1,250 glossary terms". Every
 * count on screen goes through here, so none reads "1 highlights".
 */

/** An English noun's two forms; the plural defaults to the singular plus "s". */
export interface Noun {
  one: string;
  other: string;
}

/** A noun from its singular, and its plural when adding "s" is wrong ("block with English"). */
export function noun(one: string, other = `${one}s`): Noun {
  return { one, other };
}

const digits = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** A count as the interface writes it: digits grouped by thousands with commas (12,500). */
export function formatCount(n: number): string {
  return digits.format(n);
}

/** The form of `word` that goes with `n`: singular for exactly one, plural for everything else (0, 2, 1.5). */
export function nounFor(n: number, word: Noun): string {
  return n === 1 ? word.one : word.other;
}

/** `n` with its noun: "0 highlights", "1 highlight", "1,000 blocks with English". */
export function countOf(n: number, word: Noun): string {
  return `${formatCount(n)} ${nounFor(n, word)}`;
}

/** The nouns the interface counts, in one place. */
export const NOUNS = {
  highlight: noun('highlight'),
  newHighlight: noun('new highlight'),
  paragraph: noun('paragraph'),
  term: noun('glossary term'),
  block: noun('block with English', 'blocks with English'),
  site: noun('site'),
  article: noun('article'),
} as const;
