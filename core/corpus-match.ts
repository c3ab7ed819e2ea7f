/**
 * Scoring one page block against the corpus index: which corpus paragraphs it might be, and how
 * much of each it covers. Deciding which of those to claim is {@link ./corpus-resolve.ts}'s job,
 * because that needs the rest of the page.
 */

import { EXPOSED_COVERAGE } from './added-paragraphs';
import type { CorpusIndex } from './corpus-index';
import { matchSyllables, shingleHashes } from './shingles';

/** A corpus paragraph a block may be (all or part of). */
export interface BlockCandidate {
  /** Global paragraph number in the index. */
  readonly paragraph: number;
  /** Position of the article in the corpus. */
  readonly article: number;
  /** Position of the paragraph in its article. */
  readonly index: number;
  /** Shared shingles. */
  readonly hits: number;
  /** Share of the paragraph's shingles found in the block: how much of the paragraph it covers. */
  readonly coverage: number;
  /** Share of the block's shingles found in the paragraph: how much of the block it explains. */
  readonly purity: number;
  /** The paragraph's informative shingle count: short paragraphs need more care. */
  readonly paragraphShingles: number;
}

/** What the index says about one block. */
export interface BlockScore {
  readonly shingles: number;
  readonly candidates: BlockCandidate[];
}

/**
 * Candidates below both of these are noise: a shared stock phrase, a name. The resolver never
 * claims a paragraph on less coverage than this (a short one in its slot) without the purity of a
 * clean part; and the index looks readers' articles up quickly down to this floor only
 * (`EXPOSED_COVERAGE`): a lower one would walk every posting list.
 */
const MIN_COVERAGE = EXPOSED_COVERAGE;
const MIN_PURITY = 0.5;
/** At most this many candidates are kept per block (merged blocks need several). */
const MAX_CANDIDATES = 8;

/** Scores a block's text against the index (given its syllables, if they were read already). */
export function scoreBlock(index: CorpusIndex, text: string, syllables = matchSyllables(text)): BlockScore {
  const shingles = shingleHashes(syllables);
  if (shingles.length === 0) return { shingles: 0, candidates: [] };
  // Most paragraphs sharing a shingle or two are noise: the index drops them before sorting.
  const candidates = index.candidates(shingles, {
    // A one-shingle block (a three-word credit line) can only ever share one shingle.
    minHits: shingles.length < 4 ? 1 : 2,
    minCoverage: MIN_COVERAGE,
    minPurity: MIN_PURITY,
  });
  const out: BlockCandidate[] = [];
  for (const c of candidates) {
    const paragraphShingles = index.paragraphShingles(c.paragraph);
    const coverage = Math.min(1, c.hits / paragraphShingles);
    const purity = c.hits / shingles.length;
    const { article, index: paragraphIndex } = index.ref(c.paragraph);
    out.push({
      paragraph: c.paragraph,
      article,
      index: paragraphIndex,
      hits: c.hits,
      coverage,
      purity,
      paragraphShingles,
    });
    if (out.length >= MAX_CANDIDATES) break;
  }
  return { shingles: shingles.length, candidates: out };
}
