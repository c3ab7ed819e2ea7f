/**
 * The page's side of the answers read ahead (core/lookup-spans.ts computes them in the
 * background): their shape on the wire, and the answer for one character. Nothing here reads the
 * lexicon, so the content script carries none of it.
 */

import type { LookupEntry, LookupResult } from './lexicon-lookup';

/** An entry as the answers share it: everything but whether its capitals fit, which is per word. */
export type SharedEntry<G, S> =
  LookupEntry<G, S> extends infer E ? (E extends unknown ? Omit<E, 'caseFits'> : never) : never;

/**
 * A word of an answer, as numbers: start, end, 1 if it reads as a person's name (else 0), then
 * its entries, each `2 × its index in the table + (its capitals fit ? 1 : 0)`. Its text is the
 * text's own, from start to end.
 */
export type PackedWord = number[];

/** A hover's answer, its entries by number; offsets relative to the start of its syllable. */
export interface PackedAnswer {
  readonly start: number;
  readonly end: number;
  readonly words: PackedWord[];
}

/**
 * The answers for a list of texts. `spans[t]` lists text `t`'s syllables as flat triples: start,
 * end (in the text), and the index of its answer in `answers`. One word met many times on a page
 * is one answer (its offsets are relative to its syllable), and one entry met in many answers is
 * one entry of `entries`: what a screen of news text needs is a few hundred of each.
 */
export interface SpanAnswers<G, S> {
  readonly entries: SharedEntry<G, S>[];
  readonly answers: PackedAnswer[];
  readonly spans: number[][];
}

/**
 * The answer read ahead for character `offset` of `text`, whose flat triples are `spans`, with its
 * offsets in that text; null when that character was not read ahead.
 */
export function spanAnswerAt<G, S>(
  read: Pick<SpanAnswers<G, S>, 'entries' | 'answers'>,
  spans: readonly number[],
  text: string,
  offset: number,
): LookupResult<G, S> | null {
  // Triples ascend by start: a binary search for the last one starting at or before `offset`.
  let lo = 0;
  let hi = spans.length / 3 - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[3 * mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0 || offset >= spans[3 * found + 1]!) return null;
  const answer = read.answers[spans[3 * found + 2]!];
  if (!answer) return null;
  const base = spans[3 * found]!;
  const words: LookupResult<G, S>['words'][number][] = [];
  for (const [start = 0, end = 0, personName, ...numbers] of answer.words) {
    const entries: LookupEntry<G, S>[] = [];
    for (const n of numbers) {
      const shared = read.entries[n >> 1];
      if (!shared) return null;
      entries.push({ ...shared, caseFits: (n & 1) === 1 } as LookupEntry<G, S>);
    }
    const [from, to] = [base + start, base + end];
    words.push({ start: from, end: to, text: text.slice(from, to), personName: personName === 1, entries });
  }
  return { start: base + answer.start, end: base + answer.end, words };
}
