/**
 * The shipped lexicon: the compiled glossary, supplement and dictionary, and the index over all
 * three that the build stores in the dictionary file.
 */

import { checkDictionary, Dictionary, type CompiledDictionary } from './dictionary-format';
import { loadGlossary, type GlossaryEntry } from './glossary-format';
import { Lexicon } from './lexicon';
import { LexiconIndex } from './lexicon-index';
import { loadSupplement, type SupplementEntry } from './supplement-format';

/** The lexicon the extension ships: glossary entries and supplement entries as compiled. */
export type ShippedLexicon = Lexicon<GlossaryEntry, SupplementEntry>;

/**
 * Builds the lexicon of the three compiled parts and stores its index in the dictionary (at build
 * time: the extension then only decodes it). Returns the dictionary with its index.
 */
export function indexDictionary(
  dictionary: CompiledDictionary,
  glossary: readonly GlossaryEntry[],
  supplement: readonly SupplementEntry[],
): { dictionary: CompiledDictionary; lexicon: ShippedLexicon } {
  const lexicon = Lexicon.build(glossary, supplement, new Dictionary(dictionary.words, dictionary));
  return {
    dictionary: {
      ...dictionary,
      index: lexicon.index.toJSON(),
      indexed: { glossary: glossary.length, supplement: supplement.length },
    },
    lexicon,
  };
}

/** Loads the lexicon from the three compiled files as parsed JSON; throws when they do not belong together. */
export function loadLexicon(glossary: unknown, supplement: unknown, dictionary: unknown): ShippedLexicon {
  const g = loadGlossary(glossary);
  const s = loadSupplement(supplement);
  const d = checkDictionary(dictionary);
  if (!d.index || !d.indexed) throw new Error('the compiled dictionary has no lexicon index');
  if (d.indexed.glossary !== g.length || d.indexed.supplement !== s.length)
    throw new Error(
      `the dictionary's index was built for ${d.indexed.glossary} glossary and ${d.indexed.supplement} supplement entries, not ${g.length} and ${s.length}: rebuild the data`,
    );
  return new Lexicon(LexiconIndex.fromJSON(d.index), g, s, new Dictionary(d.words, d));
}
