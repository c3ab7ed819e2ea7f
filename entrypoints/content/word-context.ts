/**
 * Where a looked-up word was met: its sentence (core/sentences.ts), the page, and the English
 * of that point when it is inside a recognised corpus paragraph. What "Save word" stores and the
 * lookup history records.
 */

import type { ContextEnglish, WordContext } from '@/core/saved-word';
import { splitSentences } from '@/core/sentences';
import type { PageBlock } from './blocks';
import type { PageSnapshot } from './page-snapshot';

/**
 * The sizes a saved word's context may have (core/saved-word.ts WORD_LIMITS, which the background
 * checks): repeated here so the content script does not load the validators with them.
 */
export const CONTEXT_LIMITS = { sentence: 2_000, english: 20_000, title: 1_000 } as const;

/** A word on the page: [start, end) of one text node. */
export interface WordSpot {
  readonly node: Text;
  readonly start: number;
  readonly end: number;
}

/** The page block a word is in, and where in its text: null outside the blocks the page model reads. */
function blockOf(snapshot: PageSnapshot, spot: WordSpot): { block: PageBlock; local: number } | null {
  for (let el = spot.node.parentElement; el; el = el.parentElement) {
    const block = snapshot.blockOf(el);
    if (!block) continue;
    const segment = block.segments.find((s) => s.node === spot.node);
    return segment ? { block, local: segment.start + spot.start } : null;
  }
  return null;
}

/**
 * The English context of a point on the page: inside a recognised corpus paragraph, that
 * paragraph's English; elsewhere null. The one place to refine once sentences are aligned (the
 * aligned English sentence, kind `sentence`).
 */
export function englishContextAt(snapshot: PageSnapshot, spot: WordSpot): ContextEnglish | null {
  const located = blockOf(snapshot, spot);
  if (!located) return null;
  const english = snapshot
    .englishOf(located.block)
    .map((p) => p.en)
    .join('\n\n');
  return english ? { text: english.slice(0, CONTEXT_LIMITS.english), kind: 'paragraph' } : null;
}

/**
 * The sentence a word is in, with the word's place in it. In a page block the block's text is
 * split into sentences; elsewhere (a menu item, a link the page model does not read) the text
 * node's own text stands for the sentence.
 */
export function sentenceAt(snapshot: PageSnapshot, spot: WordSpot): { sentence: string; start: number; end: number } {
  let text = spot.node.data;
  let start = spot.start;
  const located = blockOf(snapshot, spot);
  if (located) {
    text = located.block.text;
    start = located.local;
  }
  const length = spot.end - spot.start;
  const span = splitSentences(text, 'vi').find((s) => s.start <= start && start + length <= s.end) ?? {
    start: 0,
    end: text.length,
  };
  let sentence = text.slice(span.start, span.end);
  let from = start - span.start;
  // A sentence longer than a stored one may be: keep a window around the word.
  if (sentence.length > CONTEXT_LIMITS.sentence) {
    const cut = Math.max(0, Math.min(from - CONTEXT_LIMITS.sentence / 2, sentence.length - CONTEXT_LIMITS.sentence));
    sentence = sentence.slice(cut, cut + CONTEXT_LIMITS.sentence);
    from -= cut;
  }
  return { sentence, start: from, end: from + length };
}

/** The whole context a saved word keeps. */
export function wordContext(snapshot: PageSnapshot, spot: WordSpot): Omit<WordContext, 'at'> {
  return {
    ...sentenceAt(snapshot, spot),
    url: location.href,
    title: document.title.slice(0, CONTEXT_LIMITS.title),
    english: englishContextAt(snapshot, spot),
  };
}
