/**
 * The shipped lexicon: the compiled glossary, supplement and dictionary, and the index over all
 * three (`lexicon-index.json`), which the build makes so the service worker only decodes it.
 *
 * Painting needs the index, the glossary and the supplement; the dictionary's senses (the
 * biggest part) are only needed to show a lookup, so they are attached later: whole (the build,
 * tests, benches), or as a head whose shards come as lookups want them (the extension).
 */

import { checkDictionary, DICTIONARY_ATTRIBUTION, Dictionary } from './dictionary-format';
import { checkDictionaryHead, ShardedDictionary } from './dictionary-shards';
import { loadGlossary, type GlossaryEntry } from './glossary-format';
import { Lexicon } from './lexicon';
import { LexiconIndex, type CompiledLexiconIndex } from './lexicon-index';
import { loadSupplement, type SupplementEntry } from './supplement-format';

export const LEXICON_INDEX_FORMAT = 'song-ngu-lexicon-index';
export const LEXICON_INDEX_FORMAT_VERSION = 1;

/** The index file: CC BY-SA like the dictionary, since it holds the dictionary's headwords. */
export interface CompiledLexiconIndexFile {
  format: typeof LEXICON_INDEX_FORMAT;
  version: typeof LEXICON_INDEX_FORMAT_VERSION;
  attribution: string;
  index: CompiledLexiconIndex;
  /** How many entries of each source the index was built for: the files must belong together. */
  indexed: { glossary: number; supplement: number; dictionary: number };
}

/** The lexicon the extension ships: glossary entries and supplement entries as compiled. */
export type ShippedLexicon = Lexicon<GlossaryEntry, SupplementEntry>;

/** The index file of a lexicon built from the compiled sources. */
export function compileLexiconIndex(
  lexicon: Lexicon,
  counts: CompiledLexiconIndexFile['indexed'],
): CompiledLexiconIndexFile {
  return {
    format: LEXICON_INDEX_FORMAT,
    version: LEXICON_INDEX_FORMAT_VERSION,
    attribution: DICTIONARY_ATTRIBUTION,
    index: lexicon.index.toJSON(),
    indexed: counts,
  };
}

function checkIndexFile(compiled: unknown): CompiledLexiconIndexFile {
  const c = compiled as Partial<CompiledLexiconIndexFile> | null;
  if (!c || c.format !== LEXICON_INDEX_FORMAT) throw new Error('not a compiled Song ngữ lexicon index');
  if (c.version !== LEXICON_INDEX_FORMAT_VERSION)
    throw new Error(`unsupported lexicon index version ${String(c.version)}`);
  if (!c.index || !c.indexed) throw new Error('compiled lexicon index lacks its index or counts');
  return c as CompiledLexiconIndexFile;
}

/** How many dictionary words each loaded lexicon's index was built for. */
const indexedWords = new WeakMap<object, number>();

/**
 * Loads the lexicon for painting (and for lookups of glossary and supplement entries) from the
 * parsed JSON of the glossary, the supplement and the index; throws when they do not belong
 * together.
 */
export function loadPaintingLexicon(glossary: unknown, supplement: unknown, index: unknown): ShippedLexicon {
  const g = loadGlossary(glossary);
  const s = loadSupplement(supplement);
  const i = checkIndexFile(index);
  if (i.indexed.glossary !== g.length || i.indexed.supplement !== s.length)
    throw new Error(
      `the lexicon index was built for ${i.indexed.glossary} glossary and ${i.indexed.supplement} supplement entries, not ${g.length} and ${s.length}: rebuild the data`,
    );
  const lexicon: ShippedLexicon = new Lexicon(LexiconIndex.fromJSON(i.index), g, s, null);
  indexedWords.set(lexicon, i.indexed.dictionary);
  return lexicon;
}

/** Attaches the dictionary's senses (its parsed JSON) to a lexicon loaded for painting. */
export function attachDictionary(lexicon: ShippedLexicon, dictionary: unknown): void {
  const d = checkDictionary(dictionary);
  const expected = indexedWords.get(lexicon);
  if (expected !== undefined && expected !== d.words.length)
    throw new Error(
      `the lexicon index was built for ${expected} dictionary words, not ${d.words.length}: rebuild the data`,
    );
  lexicon.attachDictionary(new Dictionary(d.words, d));
}

/**
 * Attaches the dictionary's head (its parsed JSON): its words' senses then arrive shard by shard
 * (`ShardedDictionary.add`), as lookups want them.
 */
export function attachDictionaryHead(lexicon: ShippedLexicon, head: unknown): ShardedDictionary {
  const h = checkDictionaryHead(head);
  const expected = indexedWords.get(lexicon);
  if (expected !== undefined && expected !== h.words)
    throw new Error(`the lexicon index was built for ${expected} dictionary words, not ${h.words}: rebuild the data`);
  const dictionary = new ShardedDictionary(h);
  lexicon.attachDictionary(dictionary);
  return dictionary;
}

/** Loads the whole lexicon from the parsed JSON of its four files. */
export function loadLexicon(
  glossary: unknown,
  supplement: unknown,
  index: unknown,
  dictionary: unknown,
): ShippedLexicon {
  const lexicon = loadPaintingLexicon(glossary, supplement, index);
  attachDictionary(lexicon, dictionary);
  return lexicon;
}
