/**
 * What a hover sends to be looked up: a bounded window of the hovered text around the pointer,
 * never the whole block (a page may hold a 300,000-character paragraph), cut between words so
 * the syllables at its edges are whole.
 */

import { lazyRegExp } from './lazy-regexp';

/**
 * A hover's window reaches this far either side of the cell of this many characters that holds
 * the hovered one: more than the longest entry of the lexicon.
 */
export const LOOKUP_RADIUS = 64;

/** A window of a text: `text` is `source.slice(start, start + text.length)`, `offset` is in `text`. */
export interface LookupWindow {
  readonly text: string;
  readonly offset: number;
  readonly start: number;
}

const LETTER = lazyRegExp(String.raw`[\p{L}\p{M}\p{N}]`, 'u');

/** True when the character at `i` is part of a word (a letter, a combining mark, a digit). */
export function isWordChar(text: string, i: number): boolean {
  return i >= 0 && i < text.length && LETTER().test(text[i]!);
}

/**
 * The character a caret offset stands for. A caret is placed between characters: over the right
 * half of a word's last letter it comes after the word, so the letter before is the hovered one
 * when the one after is not a letter. Null when neither side is part of a word.
 */
export function hoveredChar(text: string, caret: number): number | null {
  if (isWordChar(text, caret)) return caret;
  if (isWordChar(text, caret - 1)) return caret - 1;
  return null;
}

/**
 * The window a hover on character `offset` sends. The text is cut into cells of `radius`
 * characters, and every character of a cell sends the same window: the cell with up to `radius`
 * characters either side, cut back to the nearest word boundary (never into the cell). So a hover
 * always has at least a radius of text around it, less one syllable, and the words of a whole cell
 * can be looked up ahead of the hover with one reading of one window (lookup-spans.ts), giving
 * exactly the answer the hover would get.
 */
export function hoverWindow(text: string, offset: number, radius = LOOKUP_RADIUS): LookupWindow {
  const cell = offset - (offset % radius);
  const cellEnd = Math.min(text.length, cell + radius);
  let start = Math.max(0, cell - radius);
  let end = Math.min(text.length, cellEnd + radius);
  while (start < cell && isWordChar(text, start - 1) && isWordChar(text, start)) start++;
  while (end > cellEnd && isWordChar(text, end - 1) && isWordChar(text, end)) end--;
  return { text: text.slice(start, end), offset: offset - start, start };
}
