/**
 * What the background reads in a page's blocks, as one pure function that the service worker and
 * the tests both call: each block scored against the corpus, and its glossary terms found with the
 * whole lexicon (offsets in the block's text as given, whatever its Unicode form).
 */

import type { Corpus, SentencePair } from './corpus-format';
import { scoreBlock } from './corpus-match';
import type { Candidate } from './corpus-resolve';
import type { ParagraphKind } from './corpus-schema';
import type { Lexicon, LexiconGlossaryEntry, LexiconSupplementEntry, TermClass } from './lexicon';
import { normalize, toSourceRange } from './normalize';
import { matchSyllables } from './shingles';
import type { TitleMatch } from './title-match';

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
  /** The corpus article whose title the block reads like, if it does (see `TitleIndex.match`). */
  readonly title?: TitleMatch;
}

/** The English of a candidate paragraph. */
export interface ParagraphEnglish {
  readonly en: string;
  readonly kind: ParagraphKind | 'text' | 'title';
  /** The paragraph's Vietnamese as the corpus has it, which its sentence spans are in. */
  readonly vi?: string;
  /** The paragraph's sentence pairs (spans of `vi` and `en`). */
  readonly sentences?: readonly SentencePair[];
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
  const { articles, index, titles } = corpus;
  const paragraphs: Record<string, ParagraphEnglish> = {};
  const results = texts.map((text) => {
    // Read once, for the paragraphs and the headline both.
    const syllables = matchSyllables(text);
    const score = scoreBlock(index, text, syllables);
    const candidates = score.candidates.map((c) => {
      const article = articles[c.article]!;
      const key = `${article.id}:${c.index}`;
      const p = article.paragraphs[c.index]!;
      paragraphs[key] ??= {
        en: p.en,
        kind: p.kind ?? 'text',
        vi: p.vi,
        sentences: corpus.sentences[c.article]![c.index]!,
      };
      return {
        articleId: article.id,
        index: c.index,
        hits: c.hits,
        coverage: c.coverage,
        purity: c.purity,
        paragraphShingles: c.paragraphShingles,
      };
    });
    const title = titles.match(text, syllables);
    if (title) {
      const article = articles.find((a) => a.id === title.articleId)!;
      paragraphs[`${article.id}:title`] ??= { en: article.title.en, kind: 'title' };
    }
    return { candidates, terms: paintBlock(lexicon, text), ...(title ? { title } : {}) };
  });
  return { results, paragraphs };
}
