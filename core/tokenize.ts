/**
 * Syllable tokeniser. Vietnamese writes one syllable per space-separated unit, so a token is a run
 * of letters, combining marks and digits; a number keeps its thousands and decimal separators
 * (10.000, 81,9). JavaScript's `\b` only knows ASCII letters, so boundaries come from Unicode
 * properties instead.
 */

import { lazyRegExp } from './lazy-regexp';

/** A token: the half-open range [start, end) of the text it was read from. */
export interface Token {
  readonly start: number;
  readonly end: number;
}

const TOKEN = lazyRegExp(String.raw`\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{M}\p{N}]+`, 'gu');
const LETTER = lazyRegExp(String.raw`[\p{L}\p{M}\p{N}]`, 'u');

/** Splits `text` into syllable tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN())) {
    tokens.push({ start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** The tokens' text, lower-cased: the form syllables are compared in. */
export function syllables(text: string): string[] {
  return (text.match(TOKEN()) ?? []).map((s) => s.toLowerCase());
}

/**
 * True when [start, end) of `text` starts and ends on syllable boundaries: the characters just
 * outside the range are not letters, marks or digits. "Nga" in "Ngay" is not on a boundary.
 */
export function isOnSyllableBoundary(text: string, start: number, end: number): boolean {
  const before = start > 0 ? String.fromCodePoint(text.codePointAt(start - 1)!) : '';
  const lowSurrogateBefore = start > 1 && /[\uDC00-\uDFFF]/.test(text[start - 1]!);
  const prev = lowSurrogateBefore ? text.slice(start - 2, start) : before;
  const next = end < text.length ? String.fromCodePoint(text.codePointAt(end)!) : '';
  return !(prev && LETTER().test(prev)) && !(next && LETTER().test(next));
}
