/**
 * The distinct words of a page, as the lexicon's segmentation reads them: what the popup's "This
 * page" counts ("412 words, 18% known"). Each word is named by its headword in the lexicon (the
 * glossary's, the supplement's or the dictionary's spelling, the one a saved word is keyed by), so
 * "Binh sĩ" opening a sentence and "binh sĩ" later are one word. Syllables the lexicon does not
 * know (numbers, foreign names, typos) are not words here.
 */

import type { Lexicon, LexiconGlossaryEntry, LexiconSupplementEntry } from './lexicon';
import { itemIndex, itemSource } from './lexicon';
import { normalizeText } from './normalize';

/** The most distinct words collected from one page: a long page has a few thousand. */
export const MAX_PAGE_WORDS = 20_000;

/** The headword of the first item at `node`; null when its dictionary senses are not loaded. */
function headwordAt<G extends LexiconGlossaryEntry, S extends LexiconSupplementEntry>(
  lexicon: Lexicon<G, S>,
  node: number,
): string | null {
  const [lo, hi] = lexicon.index.itemRange(node);
  if (lo >= hi) return null;
  const item = lexicon.index.items[lo]!;
  const i = itemIndex(item);
  switch (itemSource(item)) {
    case 'glossary':
      return lexicon.glossary[i]?.vi ?? null;
    case 'supplement':
      return lexicon.supplement[i]?.vi ?? null;
    default:
      return lexicon.dictionary?.headword(i) ?? null;
  }
}

/**
 * Adds the headwords of the words in `texts` to `into` (at most {@link MAX_PAGE_WORDS}); returns
 * `into`. Texts may be in any Unicode form.
 */
export function collectPageWords<G extends LexiconGlossaryEntry, S extends LexiconSupplementEntry>(
  lexicon: Lexicon<G, S>,
  texts: Iterable<string>,
  into: Set<string> = new Set(),
): Set<string> {
  for (const text of texts) {
    const t = normalizeText(text);
    const sy = lexicon.index.scan(t);
    for (let a = 0; a < sy.count && into.size < MAX_PAGE_WORDS; ) {
      const b = lexicon.clauseEnd(t, sy, a);
      for (const s of lexicon.segment(sy, a, b)) {
        if (s.node === 0) continue;
        const headword = headwordAt(lexicon, s.node);
        if (headword !== null) into.add(headword);
      }
      a = b;
    }
  }
  return into;
}
