import { describe, expect, test } from 'vitest';
import { compileDictionary, loadDictionary, RecentWords, type CompiledDictionary } from './dictionary-format';
import { DICTIONARY_HEADER, parseDictionary } from './dictionary-source';

const TSV = [
  DICTIONARY_HEADER,
  'hoà bình\tnoun\tpeace\t和平',
  'hòa bình\tnoun\tpeace\t和平',
  'mĩ phẩm\tnoun\t(cosmetics, collective) cosmetics; cosmetic products; beauty products\t',
  'mỹ phẩm\tnoun\t(cosmetics, collective) cosmetics; cosmetic products; beauty products\t',
  'thuỷ\tnoun\t(in compounds) water\t水',
  'thủy\tcharacter\tbeginning; start; initial\t始',
  'Anh\tname\ta unisex given name from Chinese | United Kingdom (a country in Europe)\t',
  'anh\tnoun\tan elder brother\t',
  'UBND\tnoun\tInitialism of uỷ ban nhân dân.\t',
  'uỷ ban nhân dân\tnoun\ta people’s committee\t委班人民',
  'BS\tnoun\tdoctor\t博士',
].join('\n');

const DEFINITIONS: Record<string, string> = {
  和: 'harmony, peace; peaceful, calm',
  水: 'water, liquid, lotion, juice',
};

function compiled(): CompiledDictionary {
  const { rows, issues } = parseDictionary(TSV);
  expect(issues).toEqual([]);
  return compileDictionary(rows, (ch) => DEFINITIONS[ch] ?? null);
}

describe('compiled dictionary', () => {
  test('merges spellings the source repeats verbatim, keeps words that only fold alike apart', () => {
    const dictionary = loadDictionary(JSON.parse(JSON.stringify(compiled())));
    const words = Array.from({ length: dictionary.size }, (_, i) => dictionary.word(i));
    const find = (h: string) => words.find((w) => w.headword === h || w.spellings.includes(h));
    expect(find('hòa bình')).toMatchObject({ headword: 'hoà bình', spellings: ['hòa bình'] });
    expect(find('mỹ phẩm')).toMatchObject({ headword: 'mĩ phẩm', spellings: ['mỹ phẩm'] });
    expect(find('thuỷ')!.senses[0]!.glosses).toEqual(['(in compounds) water']);
    expect(find('thủy')!.senses[0]!.glosses).toEqual(['beginning; start; initial']);
    expect(find('Anh')).not.toBe(find('anh'));
    expect(dictionary.size).toBe(9);
  });

  test('decodes senses with their Hán syllable by syllable, Unihan’s gloss beside', () => {
    const dictionary = loadDictionary(compiled());
    const i = Array.from({ length: dictionary.size }, (_, k) => k).find((k) => dictionary.headword(k) === 'hoà bình')!;
    expect(dictionary.word(i).senses).toEqual([
      {
        pos: 'noun',
        glosses: ['peace'],
        see: [],
        han: [
          [
            { syllable: 'hòa', char: '和', gloss: 'harmony, peace; peaceful, calm' },
            { syllable: 'bình', char: '平', gloss: null },
          ],
        ],
      },
    ]);
  });

  test('resolves pointers, ranks senses, marks weak words, drops Hán it cannot align', () => {
    const c = compiled();
    const dictionary = loadDictionary(c);
    const byHeadword = (h: string) => {
      const i = Array.from({ length: dictionary.size }, (_, k) => k).find((k) => dictionary.headword(k) === h)!;
      return { word: dictionary.word(i), weak: dictionary.isWeak(i) };
    };
    expect(byHeadword('UBND').word.senses[0]).toMatchObject({
      glosses: ['a people’s committee'],
      see: ['uỷ ban nhân dân'],
    });
    expect(byHeadword('Anh').word.senses[0]!.glosses[0]).toBe('United Kingdom (a country in Europe)');
    expect(byHeadword('thủy').weak).toBe(true);
    expect(byHeadword('thuỷ').weak).toBe(false);
    expect(byHeadword('BS').word.senses[0]!.han).toEqual([]);
    expect(Object.keys(c.han).sort()).toEqual(['和', '水']);
  });

  test('the words are sorted by lookup key', () => {
    const heads = loadDictionary(compiled());
    const list = Array.from({ length: heads.size }, (_, k) => heads.headword(k));
    expect(list.indexOf('Anh')).toBeLessThan(list.indexOf('hoà bình'));
    expect(list.indexOf('thuỷ')).toBe(list.indexOf('thủy') - 1);
  });

  test('refuses what is not a compiled dictionary', () => {
    expect(() => loadDictionary({ format: 'song-ngu-glossary' })).toThrow(/not a compiled Song ngữ dictionary/);
    expect(() => loadDictionary({ ...compiled(), version: 99 })).toThrow(/unsupported dictionary version 99/);
    expect(() => loadDictionary({ ...compiled(), words: undefined })).toThrow(/lacks its words/);
  });
});

describe('words read recently', () => {
  test('a word read again is the same object; past the bound, all are let go', () => {
    const recent = new RecentWords(2);
    const w = (headword: string) => ({ headword, spellings: [], senses: [] });
    const a = w('a');
    recent.set(1, a);
    recent.set(2, w('b'));
    expect(recent.get(1)).toBe(a);
    recent.set(3, w('c'));
    expect(recent.get(1)).toBeUndefined();
    expect(recent.get(3)?.headword).toBe('c');
  });
});
