/**
 * Sentence links between a page block and the corpus paragraphs it shows: where each aligned
 * Vietnamese sentence of those paragraphs lies in the block's own text, and which English
 * sentences it pairs with. The corpus spans are in the corpus's text, and the page re-types it
 * (another Unicode form, tone placement, spaces, quotes), so each sentence is found again in the
 * block through normalisation. A block holding only part of a paragraph (the page split it) links
 * the sentences it holds; a sentence the page reworded is not linked rather than guessed.
 */

import type { SentencePair, TextSpan } from './corpus-format';
import { normalize, normalizeText, toSourceRange } from './normalize';

/** A corpus paragraph with its sentence alignment, as the content script receives it. */
export interface ParagraphSentences {
  /** `articleId:index`. */
  readonly key: string;
  readonly vi: string;
  readonly en: string;
  readonly sentences: readonly SentencePair[];
}

/** One Vietnamese sentence of a corpus paragraph, found in a block's text. */
export interface LinkedSentence {
  /** [start, end) in the block's text. */
  readonly start: number;
  readonly end: number;
  /** The paragraph's key, `articleId:index`. */
  readonly key: string;
  /** The sentence pair's index in the paragraph. */
  readonly pair: number;
  /** The pair's English sentences: spans of the paragraph's English. */
  readonly en: readonly TextSpan[];
  /** Their text, joined by a space ('' when the English has no counterpart). */
  readonly english: string;
}

/**
 * Finds the paragraphs' Vietnamese sentences in `blockText`, in order. Each sentence is looked
 * for after the previous one found, so a repeated sentence links to its own occurrence.
 */
export function linkSentences(blockText: string, paragraphs: readonly ParagraphSentences[]): LinkedSentence[] {
  const page = normalize(blockText);
  const out: LinkedSentence[] = [];
  let from = 0;
  for (const p of paragraphs) {
    p.sentences.forEach((pair, index) => {
      const english = pair.en.map(([s, e]) => p.en.slice(s, e)).join(' ');
      for (const [s, e] of pair.vi) {
        const needle = normalizeText(p.vi.slice(s, e));
        if (needle.length === 0) continue;
        const at = page.text.indexOf(needle, from);
        if (at < 0) continue;
        const [start, end] = toSourceRange(page, at, at + needle.length);
        out.push({ start, end, key: p.key, pair: index, en: pair.en, english });
        from = at + needle.length;
      }
    });
  }
  return out;
}

/** The linked sentence at an offset of the block's text (its end counts as outside). */
export function sentenceAt(sentences: readonly LinkedSentence[], offset: number): LinkedSentence | undefined {
  return sentences.find((s) => s.start <= offset && offset < s.end);
}

/** The index of the sentence pair whose English holds `offset` of the paragraph's English. */
export function pairAtEnglish(pairs: readonly SentencePair[], offset: number): number {
  return pairs.findIndex((p) => p.en.some(([s, e]) => s <= offset && offset < e));
}

/**
 * The English context of [start, end) of a recognised block's text: the English sentences aligned
 * with every Vietnamese sentence the range touches, in order, each once. An empty range takes the
 * sentence it is in. '' when the range touches no linked sentence or those have no English.
 */
export function alignedEnglish(sentences: readonly LinkedSentence[], start: number, end: number): string {
  const touched = sentences.filter((s) =>
    end > start ? s.start < end && start < s.end : s.start <= start && start < s.end,
  );
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const s of touched) {
    const id = `${s.key}#${s.pair}`;
    if (seen.has(id) || !s.english) continue;
    seen.add(id);
    parts.push(s.english);
  }
  return parts.join(' ');
}

/**
 * The English sentences covering [start, end) of a paragraph's own English (a highlight on the
 * rendering), in order; '' when the alignment has none there.
 */
export function englishSentencesCovering(
  p: Pick<ParagraphSentences, 'en' | 'sentences'>,
  start: number,
  end: number,
): string {
  const spans = p.sentences
    .flatMap((pair) => pair.en)
    .filter(([s, e]) => (end > start ? s < end && start < e : s <= start && start < e));
  return spans.map(([s, e]) => p.en.slice(s, e)).join(' ');
}
