/**
 * Highlights are stored as selectors, not DOM paths: a text-quote selector (the exact text and
 * about 32 characters either side) and a text-position selector (offsets in the page's text).
 * On each visit they are anchored again: by the exact quote, then by position, then by the quote
 * after normalisation, then by a fuzzy quote that tolerates small edits. A quote that cannot be
 * placed with confidence is an orphan; we never paint the wrong text.
 */

import search from 'approx-string-match';
import { normalize, normalizeText, toSourceRange, type NormalizedText } from './normalize';

export const CONTEXT_CHARS = 32;

export interface TextQuoteSelector {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

export interface TextPositionSelector {
  readonly start: number;
  readonly end: number;
}

export interface AnchorResult {
  readonly start: number;
  readonly end: number;
  readonly method: 'exact' | 'position' | 'normalized' | 'fuzzy';
}

/** The selectors describing [start, end) of `text`. */
export function describe(
  text: string,
  start: number,
  end: number,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    position: { start, end },
  };
}

/**
 * How closely `a` and `b` agree, 0 to 1: one minus their edit distance (estimated by matching
 * the shorter inside the longer, the rest of the longer counting as edits) over the longer length.
 */
function similarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 1 : 0;
  const [pattern, text] = a.length <= b.length ? [a, b] : [b, a];
  const matches = search(text, pattern, pattern.length);
  const errors = Math.min(...matches.map((m) => m.errors), pattern.length) + (text.length - pattern.length);
  return Math.max(0, 1 - errors / text.length);
}

/** How well the text around [start, end) of `text` agrees with the selector's context. */
function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  const p = prefix ? similarity(before, prefix) : 0.5;
  const s = suffix ? similarity(after, suffix) : 0.5;
  return (p + s) / 2;
}

/** Closeness to the stored position, 0 to 1. */
function positionScore(start: number, hint: number | undefined, length: number): number {
  if (hint === undefined) return 0;
  return 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, length));
}

const MAX_OCCURRENCES = 1000;

function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = haystack.indexOf(needle); i >= 0 && out.length < MAX_OCCURRENCES; i = haystack.indexOf(needle, i + 1)) {
    out.push(i);
  }
  return out;
}

/** Picks the occurrence whose context and position agree best with the selectors. */
function best(
  text: string,
  starts: readonly number[],
  length: number,
  quote: TextQuoteSelector,
  positionHint: number | undefined,
): number {
  if (starts.length === 1) return starts[0]!;
  let bestStart = starts[0]!;
  let bestScore = -Infinity;
  for (const s of starts) {
    const score =
      contextScore(text, s, s + length, quote.prefix, quote.suffix) * 2 + positionScore(s, positionHint, text.length);
    if (score > bestScore) {
      bestScore = score;
      bestStart = s;
    }
  }
  return bestStart;
}

/** A fuzzy match must be at least this similar to the quote… */
const FUZZY_MIN = 0.8;
/** …and this similar when its context does not agree. */
const FUZZY_MIN_WITHOUT_CONTEXT = 0.9;
const CONTEXT_AGREES = 0.5;
/** Below this length one edit changes a name (Kim Jong-un → Kim Jong-ui): the context must agree. */
const SHORT_QUOTE = 24;
/** Quotes longer than this are not searched fuzzily (the cost grows with the quote). */
const FUZZY_MAX_QUOTE = 4000;

/**
 * Anchors selectors in `text` (the page's text, as the selectors were made from). Pass a
 * precomputed `normalized` of the same text when anchoring many highlights on one page.
 */
export function anchor(
  text: string,
  quote: TextQuoteSelector,
  position?: TextPositionSelector,
  normalized: NormalizedText = normalize(text),
): AnchorResult | null {
  if (!quote.exact) return null;
  // 1. The exact quote.
  const exact = occurrences(text, quote.exact);
  if (exact.length > 0) {
    const start = best(text, exact, quote.exact.length, quote, position?.start);
    return { start, end: start + quote.exact.length, method: 'exact' };
  }
  // 2. The stored position, if its text still reads as the quote.
  if (position && position.end <= text.length && position.start < position.end) {
    if (normalizeText(text.slice(position.start, position.end)) === normalizeText(quote.exact)) {
      return { ...position, method: 'position' };
    }
  }
  // 3. The quote after normalisation (NFC/NFD, tone placement, spaces, quotes and dashes).
  const n = normalized;
  const q = normalizeText(quote.exact).trim();
  if (!q) return null;
  const nq: TextQuoteSelector = { exact: q, prefix: normalizeText(quote.prefix), suffix: normalizeText(quote.suffix) };
  const hint = position ? toNormalizedOffset(n, position.start) : undefined;
  const normalizedHits = occurrences(n.text, q);
  if (normalizedHits.length > 0) {
    const s = best(n.text, normalizedHits, q.length, nq, hint);
    const [start, end] = toSourceRange(n, s, s + q.length);
    return { start, end, method: 'normalized' };
  }
  // 4. A fuzzy quote: small edits inside or around it.
  if (q.length > FUZZY_MAX_QUOTE) return null;
  const maxErrors = Math.floor(q.length * (1 - FUZZY_MIN));
  if (maxErrors < 1) return null;
  let chosen: { start: number; end: number; score: number } | null = null;
  for (const m of search(n.text, q, maxErrors)) {
    const quoteSim = 1 - m.errors / q.length;
    const context = contextScore(n.text, m.start, m.end, nq.prefix, nq.suffix);
    const contextAgrees = context >= CONTEXT_AGREES;
    const acceptable =
      (quoteSim >= FUZZY_MIN_WITHOUT_CONTEXT && (q.length >= SHORT_QUOTE || contextAgrees)) ||
      (quoteSim >= FUZZY_MIN && contextAgrees);
    if (!acceptable) continue;
    const score = quoteSim * 50 + context * 20 + positionScore(m.start, hint, n.text.length) * 2;
    if (!chosen || score > chosen.score) chosen = { start: m.start, end: m.end, score };
  }
  if (!chosen) return null;
  const [start, end] = toSourceRange(n, chosen.start, chosen.end);
  return { start, end, method: 'fuzzy' };
}

function toNormalizedOffset(n: NormalizedText, sourceOffset: number): number {
  let lo = 0;
  let hi = n.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (n.starts[mid]! < sourceOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
