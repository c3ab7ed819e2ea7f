/**
 * Finds glossary terms in normalised text with the glossary alone: whole syllables, the
 * segmentation of `lexicon.ts` (a compound beats the names inside it), diacritic-sensitive and
 * case-aware for one-syllable names. The shipped pipeline paints with the whole lexicon
 * (`page-analysis.ts`), where the dictionary's words also stop names from being painted inside
 * them; this matcher serves where only the glossary is at hand: the build's occurrence counts,
 * the benchmarks' baseline, the glossary's own tests.
 */

import { Lexicon, type LexiconGlossaryEntry, type PaintedTerm } from './lexicon';

/** What the matcher needs of an entry. */
export type MatchableEntry = LexiconGlossaryEntry;

/** One term found: [start, end) in the text given to {@link GlossaryMatcher.match}. */
export type TermMatch = PaintedTerm;

export class GlossaryMatcher {
  private readonly lexicon: Lexicon;

  constructor(entries: readonly MatchableEntry[]) {
    this.lexicon = Lexicon.build(entries, [], null);
  }

  /** Number of distinct syllables in the glossary's forms. */
  get size(): number {
    return this.lexicon.index.syllables.length;
  }

  /**
   * Finds terms in `text`, which must already be normalised (`normalizeText`), left to right,
   * never overlapping. `entry` is the position of the entry in the list the matcher was built from.
   */
  match(text: string): TermMatch[] {
    return this.lexicon.paint(text);
  }
}
