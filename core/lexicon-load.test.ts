import { describe, expect, test } from 'vitest';
import { SAMPLE_GLOSSARY, sampleDictionaryCompiled, sampleSupplement } from '../tests/fixtures/lexicon-sample';
import { Dictionary } from './dictionary-format';
import { GLOSSARY_FORMAT, GLOSSARY_FORMAT_VERSION } from './glossary-format';
import { Lexicon } from './lexicon';
import { attachDictionary, compileLexiconIndex, loadLexicon, loadPaintingLexicon } from './lexicon-load';
import { lookupAt } from './lexicon-lookup';
import { normalizeText } from './normalize';
import { SUPPLEMENT_FORMAT, SUPPLEMENT_FORMAT_VERSION } from './supplement-format';

/** The sample's four files as the build writes them, parsed back. */
function files() {
  const supplement = sampleSupplement();
  const dictionary = sampleDictionaryCompiled();
  const lexicon = Lexicon.build(SAMPLE_GLOSSARY, supplement, new Dictionary(dictionary.words, dictionary));
  const index = compileLexiconIndex(lexicon, {
    glossary: SAMPLE_GLOSSARY.length,
    supplement: supplement.length,
    dictionary: dictionary.words.length,
  });
  return JSON.parse(
    JSON.stringify({
      glossary: { format: GLOSSARY_FORMAT, version: GLOSSARY_FORMAT_VERSION, entries: SAMPLE_GLOSSARY },
      supplement: { format: SUPPLEMENT_FORMAT, version: SUPPLEMENT_FORMAT_VERSION, entries: supplement },
      index,
      dictionary,
    }),
  ) as {
    glossary: unknown;
    supplement: unknown;
    index: { indexed: { glossary: number } };
    dictionary: { words: string[] };
  };
}

describe('the shipped lexicon', () => {
  test('paints from the index alone, and shows the dictionary’s senses once they are attached', () => {
    const f = files();
    const full = loadLexicon(f.glossary, f.supplement, f.index, f.dictionary);
    const painting = loadPaintingLexicon(f.glossary, f.supplement, f.index);
    for (const text of ['Pháp luật và Pháp', 'bà Nga và Nga và My', 'hợp tác quân sự ở Mỹ Latinh']) {
      expect(painting.paint(normalizeText(text))).toEqual(full.paint(normalizeText(text)));
    }
    const sources = (l: typeof full) =>
      lookupAt(l, 'hợp tác quân sự', 4)!.words.flatMap((w) => w.entries.map((e) => e.source));
    expect(new Set(sources(painting))).toEqual(new Set(['glossary']));
    expect(lookupAt(painting, 'bệnh nhân', 1)).toBeNull();
    attachDictionary(painting, f.dictionary);
    expect(sources(painting)).toEqual(sources(full));
    expect(lookupAt(painting, 'bệnh nhân', 1)!.words[0]!.text).toBe('bệnh nhân');
  });

  test('refuses files that do not belong together', () => {
    const f = files();
    f.index.indexed.glossary += 1;
    expect(() => loadPaintingLexicon(f.glossary, f.supplement, f.index)).toThrow(/rebuild the data/);
    const g = files();
    const painting = loadPaintingLexicon(g.glossary, g.supplement, g.index);
    g.dictionary.words.pop();
    expect(() => attachDictionary(painting, g.dictionary)).toThrow(/dictionary words.*rebuild the data/);
    expect(() => loadPaintingLexicon(g.glossary, g.supplement, { format: 'x' })).toThrow(
      /not a compiled Song ngữ lexicon index/,
    );
  });
});
