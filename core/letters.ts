/**
 * Whether text holds a letter, or a letter or digit, as `\p{L}` and `[\p{L}\p{N}]` say, without
 * building those patterns for the text a Vietnamese page is made of.
 *
 * The content script asks this of every text node it walks. A Unicode property pattern costs a
 * few hundred microseconds to build and compile on each page (see `lazy-regexp.ts`), and
 * Vietnamese is written in ASCII and the Latin blocks, where a letter is known from its code, and
 * punctuated with Latin-1 and General Punctuation, where none is: only text whose first other
 * character lies elsewhere (other scripts, symbols, emoji) is left to the pattern, which then gives
 * the same answer it always did.
 */

import { lazyRegExp } from './lazy-regexp';

const LETTER = lazyRegExp(String.raw`\p{L}`, 'u');
const LETTER_OR_DIGIT = lazyRegExp(String.raw`[\p{L}\p{N}]`, 'u');

/**
 * Whether the UTF-16 unit `c` is a letter of Latin-1 (but × and ÷), Latin Extended-A and -B, or
 * Latin Extended Additional (where ạ, ế, ữ live): every code point there is a letter. (`scan`
 * below writes the same test out.)
 */
export function isLatinLetterBeyondAscii(c: number): boolean {
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
}

/**
 * The scan behind both: the first character that decides. Written as one loop of comparisons:
 * it runs over every text node of a page while the content script is still cold (interpreted),
 * where each call of a helper costs. Punctuation that news text puts before its words (curly
 * quotes, dashes, bullets, no-break spaces, «, ©) is passed over, as ASCII punctuation is.
 */
function scan(text: string, digits: boolean, pattern: () => RegExp): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      // A-Z, a-z; 0-9 when digits count.
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (digits && c >= 48 && c <= 57)) return true;
    } else if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) {
      return true;
    } else if (c < 0xc0) {
      // Latin-1's symbols: ª µ º are letters, ¹ ² ³ ¼ ½ ¾ are numbers (\p{N}), the rest neither.
      if (c === 0xaa || c === 0xb5 || c === 0xba) return true;
      if (digits && (c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe))) return true;
    } else if (c === 0xd7 || c === 0xf7 || (c >= 0x2000 && c <= 0x206f)) {
      // × ÷, and General Punctuation (dashes, quotes, bullets, …, spaces): neither.
    } else {
      // Everything before `i` is no letter (nor digit): the pattern decides from here.
      return pattern().test(text.slice(i));
    }
  }
  return false;
}

/** Whether `text` holds a letter (`\p{L}`). */
export function hasLetter(text: string): boolean {
  return scan(text, false, LETTER);
}

/** Whether `text` holds a letter or a digit (`[\p{L}\p{N}]`). */
export function hasLetterOrDigit(text: string): boolean {
  return scan(text, true, LETTER_OR_DIGIT);
}
