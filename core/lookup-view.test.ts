import { describe, expect, test } from 'vitest';
import type { DictionarySense } from './dictionary-format';
import { announcement, chosenSense, groupSenses, wordView } from './lookup-view';

const sense = (pos: DictionarySense['pos'], glosses: string[], see: string[] = []): DictionarySense => ({
  pos,
  glosses,
  see,
  han: [],
});

const glossaryEntry = {
  id: 7,
  vi: 'hợp tác',
  variants: [],
  en: ['cooperation', 'to cooperate'],
  kind: 'term' as const,
  proper: false,
  note: 'Often <i>hợp tác quân sự</i>.',
  han: [
    { syllable: 'hợp', char: '合', gloss: 'combine' },
    { syllable: 'tác', char: '作', gloss: 'make' },
  ],
  articles: ['russia-north-korea-tighten-military-cooperation'],
  source: 'hand' as const,
};
const supplementEntry = {
  id: 3,
  vi: 'hợp tác',
  variants: [],
  en: ['to work together'],
  kind: 'term' as const,
  proper: false,
  note: 'Usage note.',
  han: null,
  pos: 'verb' as const,
};
const dictionaryWord = {
  headword: 'hợp tác',
  spellings: ['hiệp tác'],
  senses: [
    sense('verb', ['to cooperate']),
    sense('noun', ['cooperation']),
    sense('verb', ['to collaborate'], ['cộng tác']),
  ],
};

describe('groupSenses', () => {
  test('groups by part of speech in the order each first ranks, without repeats', () => {
    expect(groupSenses([sense('verb', ['a', 'b']), sense('noun', ['c']), sense('verb', ['b', 'd'], ['x'])])).toEqual([
      { pos: 'verb', glosses: ['a', 'b', 'd'], see: ['x'] },
      { pos: 'noun', glosses: ['c'], see: [] },
    ]);
  });
});

describe('wordView', () => {
  test('glossary first, then supplement, then dictionary senses by part of speech; Hán from the glossary', () => {
    const v = wordView({
      start: 0,
      end: 7,
      text: 'hợp tác',
      personName: false,
      entries: [
        { source: 'dictionary', entry: dictionaryWord, caseFits: true },
        { source: 'supplement', entry: supplementEntry, caseFits: true },
        { source: 'glossary', entry: glossaryEntry, caseFits: true, class: 'term' },
      ],
    });
    expect(v.entries.map((e) => [e.source, e.label])).toEqual([
      ['glossary', 'term'],
      ['supplement', 'verb'],
    ]);
    expect(v.senses).toEqual([
      { pos: 'verb', glosses: ['to cooperate', 'to collaborate'], see: ['cộng tác'] },
      { pos: 'noun', glosses: ['cooperation'], see: [] },
    ]);
    expect(v.spellings).toEqual(['hiệp tác']);
    expect(v.han?.map((h) => h.char)).toEqual(['合', '作']);
    expect(v.headword).toBe('hợp tác');
    expect(chosenSense(v)).toEqual({
      pos: 'term',
      gloss: 'cooperation; to cooperate',
      source: 'glossary',
      entryKey: 'g:7',
    });
    expect(announcement(v)).toBe('hợp tác: cooperation, to cooperate');
  });

  test('a dictionary-only word: its first sense is the one saved, its Hán the first spelling', () => {
    const v = wordView({
      start: 0,
      end: 7,
      text: 'Quân sự',
      personName: false,
      entries: [
        {
          source: 'dictionary',
          entry: {
            headword: 'quân sự',
            spellings: [],
            senses: [
              {
                pos: 'adj',
                glosses: ['military'],
                see: [],
                han: [
                  [
                    { syllable: 'quân', char: '軍', gloss: 'army' },
                    { syllable: 'sự', char: '事', gloss: 'affair' },
                  ],
                ],
              },
            ],
          },
          caseFits: true,
        },
      ],
    });
    expect(v.headword).toBe('quân sự');
    expect(v.text).toBe('Quân sự');
    expect(v.entries).toEqual([]);
    expect(v.han?.map((h) => h.char)).toEqual(['軍', '事']);
    expect(chosenSense(v)).toEqual({ pos: 'adj', gloss: 'military', source: 'dictionary', entryKey: 'd:quân sự' });
  });
});
