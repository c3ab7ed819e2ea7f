/**
 * What the background reads in a page's blocks, as one pure function that the service worker and
 * the tests both call: each block scored against the corpus, and its glossary terms found with the
 * whole lexicon (offsets in the block's text as given, whatever its Unicode form).
 */

import type { Corpus } from './corpus-format';
import { scoreBlock } from './corpus-match';
import type { Candidate } from './corpus-resolve';
import type { ParagraphKind } from './corpus-schema';
import type { Lexicon, LexiconGlossaryEntry, LexiconSupplementEntry, TermClass } from './lexicon';
import { normalize, toSourceRange } from './normalize';

/** A glossary entry painted in a block: [start, end) in the block's text, the entry's id and class. */
export interface TermHit {
  readonly start: number;
  readonly end: number;
  /** The glossary entry's `id`. */
  readonly entry: number;
  /** `name` for proper glossary entries, `term` for common words: the reader chooses what to paint. */
  readonly class: TermClass;
}

/** One block's corpus candidates and painted terms. */
export interface BlockReading {
  readonly candidates: Candidate[];
  readonly terms: TermHit[];
}

/** The English of a candidate paragraph. */
export interface ParagraphEnglish {
  readonly en: string;
  readonly kind: ParagraphKind | 'text';
}

/** Finds the glossary terms to paint in one block's text. */
export function paintBlock(
  lexicon: Lexicon<LexiconGlossaryEntry & { readonly id: number }, LexiconSupplementEntry>,
  text: string,
): TermHit[] {
  const n = normalize(text);
  return lexicon.paint(n.text).map((m) => {
    const [start, end] = toSourceRange(n, m.start, m.end);
    return { start, end, entry: lexicon.glossary[m.entry]!.id, class: m.class };
  });
}

/**
 * Reads page blocks: scores each against the corpus and finds its glossary terms. Returns per
 * block its candidates and terms, and the English of every candidate paragraph.
 */
export function analyzeTexts(
  corpus: Corpus,
  lexicon: Lexicon<LexiconGlossaryEntry & { readonly id: number }, LexiconSupplementEntry>,
  texts: readonly string[],
): { results: BlockReading[]; paragraphs: Record<string, ParagraphEnglish> } {
  const { articles, index } = corpus;
  const paragraphs: Record<string, ParagraphEnglish> = {};
  const results = texts.map((text) => {
    const score = scoreBlock(index, text);
    const candidates = score.candidates.map((c) => {
      const article = articles[c.article]!;
      const key = `${article.id}:${c.index}`;
      const p = article.paragraphs[c.index]!;
      paragraphs[key] ??= { en: p.en, kind: p.kind ?? 'text' };
      return {
        articleId: article.id,
        index: c.index,
        hits: c.hits,
        coverage: c.coverage,
        purity: c.purity,
        paragraphShingles: c.paragraphShingles,
      };
    });
    return { candidates, terms: paintBlock(lexicon, text) };
  });
  return { results, paragraphs };
}
