import { describe, expect, test } from 'vitest';
import {
  isWeakWord,
  parsePointer,
  rankSenses,
  resolveGloss,
  type PointerContext,
  type ResolvedSense,
} from './dictionary-senses';
import type { PartOfSpeech } from './dictionary-source';

describe('pointer glosses', () => {
  test.each([
    [
      'Synonym of sao (“star”), especially a movie star',
      { kind: 'Synonym of', target: 'sao', quote: 'star', tail: ', especially a movie star' },
    ],
    [
      '(colloquial) Short for ba mươi (“thirty ...”).',
      { labels: '(colloquial) ', kind: 'Short for', target: 'ba mươi', quote: 'thirty ...', tail: '' },
    ],
    ['Initialism of uỷ ban nhân dân.', { kind: 'Initialism of', target: 'uỷ ban nhân dân', quote: null }],
    [
      'Initialism of cảnh sát trật tự (“(social) order police”).',
      { target: 'cảnh sát trật tự', quote: '(social) order police' },
    ],
    ['Initialism of Hoa Kỳ (United States)', { target: 'Hoa Kỳ', quote: 'United States' }],
    ['Eggcorn of Da Tô; misspelling of Da Tô.', { kind: 'Eggcorn of', target: 'Da Tô', quote: null }],
    [
      '(literary, endearing) Alternative letter-case form of anh; he/him, the young Ho Chi Minh',
      { kind: 'Alternative letter-case form of', target: 'anh', quote: 'he/him, the young Ho Chi Minh' },
    ],
    [
      '(archaic, literary) Only used in tố nga (“the moon”).',
      { kind: 'Only used in', target: 'tố nga', quote: 'the moon' },
    ],
    ['Sino-Vietnamese reading of 泌', { kind: 'Sino-Vietnamese reading of', target: '泌' }],
  ])('%j', (gloss, expected) => {
    expect(parsePointer(gloss)).toMatchObject(expected);
  });

  test.each([['big sack made from a sedge'], ['to cooperate; to collaborate'], ['Sino-Vietnamese reading of a']])(
    '%j gives a meaning of its own',
    (gloss) => {
      expect(parsePointer(gloss)).toBeNull();
    },
  );

  const glosses: Record<string, string[]> = {
    'uỷ ban nhân dân': ["a people's committee (local executive branch in Vietnam)"],
    'thủy quân lục chiến': ['marine corps', 'marines'],
    'Hà Lan': ['Netherlands'],
    vòng: ['Synonym of thủy quân lục chiến'],
  };
  const context: PointerContext = {
    glossesOf: (headword) => glosses[headword] ?? null,
    hanGloss: (char) => (char === '泌' ? 'to seep out, excrete' : null),
  };
  const resolve = (gloss: string, pos: PartOfSpeech = 'noun') => resolveGloss(gloss, pos, context);

  test.each([
    // A quoted meaning is used as it is, labels kept.
    ['(rare) Synonym of Hà Lan (“Netherlands”)', { text: '(rare) Netherlands', see: 'Hà Lan' }],
    ['Synonym of sao (“star”), especially a movie star', { text: 'star, especially a movie star', see: null }],
    // Without a quote, the target's own glosses (two at most), through chains of pointers.
    [
      'Initialism of uỷ ban nhân dân.',
      { text: "a people's committee (local executive branch in Vietnam)", see: 'uỷ ban nhân dân' },
    ],
    ['Synonym of vòng', { text: 'marine corps; marines', see: 'vòng' }],
    // Where a word occurs rather than what it means.
    [
      '(archaic, literary) Only used in tố nga (“the moon”).',
      { text: '(archaic, literary) in tố nga: the moon', see: null },
    ],
    // A Sino-Vietnamese reading gives the character's meaning.
    ['Sino-Vietnamese reading of 泌', { text: '泌: to seep out, excrete', see: null }],
    // A target the dictionary lacks keeps the pointer, as a reference.
    ['Short for dược liệu học.', { text: 'Short for dược liệu học', see: null }],
    ['Used in personal names', { text: 'Used in personal names', see: null }],
    // A meaning stays as it is.
    ['big sack made from a sedge', { text: 'big sack made from a sedge', see: null }],
  ])('%j → %j', (gloss, expected) => {
    expect(resolve(gloss)).toEqual(expected);
  });
});

const sense = (pos: PartOfSpeech, ...glosses: string[]): ResolvedSense => ({ pos, glosses, see: [], han: [] });
const order = (senses: ResolvedSense[]) => rankSenses(senses).map((s) => `${s.pos}: ${s.glosses[0]}`);

describe('sense ranking', () => {
  test.each([
    [
      'bị: the passive before "big sack"',
      [
        sense('noun', 'big sack made from a sedge', '(chiefly Southern Vietnam) plastic bag'),
        sense(
          'verb',
          'particle denoting the subject is negatively affected by the predicate',
          'be (used to form the passive voice if the subject is negatively affected by the action)',
        ),
      ],
      [
        'verb: particle denoting the subject is negatively affected by the predicate',
        'noun: big sack made from a sedge',
      ],
    ],
    [
      'được: the passive gloss first in its verb row, then the particle, then OK',
      [
        sense(
          'verb',
          '(intransitive) to gain, to win',
          '(transitive) to obtain, to get (passively)',
          '(modal auxiliary) to be (used to form passive tense, positive outcome); to benefit from (an action)',
        ),
        sense('particle', 'particle that expresses ability, possibility'),
        sense('intj', 'OK, alright, all right (acknowledgement or acceptance)'),
      ],
      [
        'verb: (modal auxiliary) to be (used to form passive tense, positive outcome); to benefit from (an action)',
        'particle: particle that expresses ability, possibility',
        'intj: OK, alright, all right (acknowledgement or acceptance)',
      ],
    ],
    [
      'đã: the perfect aspect before "to satisfy"',
      [
        sense('verb', '(colloquial) to satisfy; to pleasure; to refresh'),
        sense('particle', '(before action verb) having completed this action, perfect aspect'),
      ],
      [
        'particle: (before action verb) having completed this action, perfect aspect',
        'verb: (colloquial) to satisfy; to pleasure; to refresh',
      ],
    ],
    [
      'đang, sẽ, chưa: particles first',
      [sense('noun', 'a thing'), sense('particle', 'marks the continuous, imperfect aspect of an action or state')],
      ['particle: marks the continuous, imperfect aspect of an action or state', 'noun: a thing'],
    ],
    ['có thể: an adverb alone stays', [sense('adv', '(before verbs) possibly')], ['adv: (before verbs) possibly']],
    [
      'Anh: the United Kingdom before the given name',
      [
        sense('name', 'a unisex given name from Chinese', 'United Kingdom (a country in Europe)'),
        sense('adj', 'British'),
      ],
      ['name: United Kingdom (a country in Europe)', 'adj: British'],
    ],
    [
      'letters, readings and archaic senses last, Wiktionary’s order otherwise',
      [
        sense('romanization', '泌: to seep out, excrete'),
        sense('noun', '(archaic) a thing'),
        sense('verb', 'to leak'),
        sense('adj', 'leaky'),
      ],
      ['verb: to leak', 'adj: leaky', 'noun: (archaic) a thing', 'romanization: 泌: to seep out, excrete'],
    ],
  ])('%s', (_, senses, expected) => {
    expect(order(senses)).toEqual(expected);
  });

  test('a word without an ordinary sense is weak', () => {
    expect(isWeakWord([sense('noun', '(archaic, literary) in tố nga: the moon', 'in thiên nga: swan')])).toBe(true);
    expect(isWeakWord([sense('noun', '(only in compounds) rule; law')])).toBe(true);
    expect(isWeakWord([sense('character', 'beautiful')])).toBe(true);
    expect(isWeakWord([sense('noun', 'a cheque'), sense('character', 'x')])).toBe(false);
  });
});
