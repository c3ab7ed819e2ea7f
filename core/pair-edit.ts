/**
 * "Add an English version": the aligned pairs the reader confirms, and the edits they can make
 * before saving: merge two pairs, split one, move English between neighbours, drop a pair. Each
 * side of a pair is a list of paragraphs (the page's, the pasted ones), so an edit never cuts text.
 */

import type { Bead } from './align';
import type { CorpusArticle } from './corpus-schema';
import { splitSentences } from './sentences';
import { lazyRegExp } from './lazy-regexp';

const MARKS = lazyRegExp(String.raw`\p{M}`, 'gu');

/** One confirmed pair: page paragraphs and the English paragraphs that translate them. */
export interface EditPair {
  readonly vi: readonly string[];
  readonly en: readonly string[];
  /** The aligner's confidence, 0–1; an edited pair is the reader's word (1). */
  readonly confidence: number;
}

/** The pairs of an alignment's beads. */
export function pairsOfBeads(vi: readonly string[], en: readonly string[], beads: readonly Bead[]): EditPair[] {
  return beads.map((b) => ({
    vi: vi.slice(b.source[0], b.source[1]),
    en: en.slice(b.target[0], b.target[1]),
    confidence: b.confidence,
  }));
}

const replace = (pairs: readonly EditPair[], k: number, count: number, ...items: EditPair[]) => [
  ...pairs.slice(0, k),
  ...items,
  ...pairs.slice(k + count),
];

/** Joins pair `k` with the next one. */
export function mergePairs(pairs: readonly EditPair[], k: number): EditPair[] {
  const a = pairs[k];
  const b = pairs[k + 1];
  if (!a || !b) return [...pairs];
  return replace(pairs, k, 2, { vi: [...a.vi, ...b.vi], en: [...a.en, ...b.en], confidence: 1 });
}

/** Splits a one-paragraph side in two at the sentence boundary nearest its middle. */
function halves(side: readonly string[], lang: 'vi' | 'en'): [string[], string[]] {
  if (side.length > 1) {
    const cut = Math.ceil(side.length / 2);
    return [side.slice(0, cut), side.slice(cut)];
  }
  const text = side[0];
  if (!text) return [[], []];
  const sentences = splitSentences(text, lang);
  if (sentences.length < 2) return [[text], []];
  let best = sentences[0]!.end;
  for (const s of sentences.slice(0, -1))
    if (Math.abs(s.end - text.length / 2) < Math.abs(best - text.length / 2)) best = s.end;
  return [[text.slice(0, best).trim()], [text.slice(best).trim()]];
}

/** Splits pair `k` in two: each side at its middle paragraph, or one paragraph at a sentence. */
export function splitPair(pairs: readonly EditPair[], k: number): EditPair[] {
  const p = pairs[k];
  if (!p) return [...pairs];
  const [vi1, vi2] = halves(p.vi, 'vi');
  const [en1, en2] = halves(p.en, 'en');
  if (vi2.length === 0 && en2.length === 0) return [...pairs];
  return replace(pairs, k, 1, { vi: vi1, en: en1, confidence: 1 }, { vi: vi2, en: en2, confidence: 1 });
}

/**
 * Moves English between neighbours: `up` gives pair `k`'s first English paragraph to the pair
 * before it; `down` gives its last to the pair after it. A pair left empty on both sides goes.
 */
export function moveEnglish(pairs: readonly EditPair[], k: number, direction: 'up' | 'down'): EditPair[] {
  const p = pairs[k];
  const j = direction === 'up' ? k - 1 : k + 1;
  const q = pairs[j];
  if (!p || !q || p.en.length === 0) return [...pairs];
  const moved = direction === 'up' ? p.en[0]! : p.en[p.en.length - 1]!;
  const rest = direction === 'up' ? p.en.slice(1) : p.en.slice(0, -1);
  const from: EditPair = { vi: p.vi, en: rest, confidence: 1 };
  const to: EditPair = { vi: q.vi, en: direction === 'up' ? [...q.en, moved] : [moved, ...q.en], confidence: 1 };
  const out = [...pairs];
  out[k] = from;
  out[j] = to;
  return out.filter((x) => x.vi.length > 0 || x.en.length > 0);
}

/** Drops pair `k`. */
export function dropPair(pairs: readonly EditPair[], k: number): EditPair[] {
  return replace(pairs, k, 1);
}

/** Pairs with both sides: what a saved article keeps. */
export const isComplete = (p: EditPair): boolean => p.vi.length > 0 && p.en.length > 0;

/** A slug from a title: ASCII letters and digits, single hyphens, at most `max` characters. */
export function slugOf(title: string, max = 80): string {
  const slug = title
    .normalize('NFD')
    .replace(MARKS(), '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '') || 'article';
}

/** The reader's article from the confirmed pairs: complete pairs only, each side's paragraphs joined. */
export function articleOfPairs(
  pairs: readonly EditPair[],
  meta: { title: { vi: string; en: string }; url: string; outlet: string | null },
): CorpusArticle {
  return {
    id: slugOf(meta.title.en || meta.title.vi),
    title: { vi: meta.title.vi.trim(), en: meta.title.en.trim() },
    source: { outlet: meta.outlet, author: null, published: null, credits: [], seed: null, url: meta.url },
    paragraphs: pairs.filter(isComplete).map((p) => ({ vi: p.vi.join(' '), en: p.en.join(' ') })),
  };
}
