/**
 * A {@link Lexicon} for the aligner from the glossary: the English forms of every glossary term
 * found in a Vietnamese text.
 */

import type { Lexicon } from './align-anchors';
import { GlossaryMatcher } from './glossary-match';
import { normalizeText } from './normalize';

/** What the lexicon needs of a glossary entry. */
export interface LexiconEntry {
  readonly vi: string;
  readonly variants?: readonly string[];
  readonly proper: boolean;
  readonly kind?: string;
  readonly en: readonly string[];
}

/** Builds a lexicon over `entries` (a compiled glossary's, or any list with English forms). */
export function glossaryLexicon(entries: readonly LexiconEntry[], matcher = new GlossaryMatcher(entries)): Lexicon {
  return (vi) => matcher.match(normalizeText(vi)).map((m) => entries[m.entry]!.en);
}
