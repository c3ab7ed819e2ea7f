import { describe, expect, test } from 'vitest';
import { WordMatcher } from './word-occurrences';

/** The occurrences as "text:status". */
function found(words: ConstructorParameters<typeof WordMatcher>[0], text: string): string[] {
  return new WordMatcher(words).find(text).map((o) => `${text.slice(o.start, o.end)}:${o.status}`);
}

describe('finding the reader’s words in a page', () => {
  test.each<[Record<string, 'new' | 'learning' | 'known'>, string, string[]]>([
    [{ 'binh sĩ': 'known' }, 'Binh sĩ Nga và binh sĩ Mỹ.', ['Binh sĩ:known', 'binh sĩ:known']],
    // The longest word wins, and words never overlap.
    [
      { 'hợp tác': 'learning', 'hợp tác xã': 'new', 'xã hội': 'known' },
      'hợp tác xã và xã hội, hợp tác',
      ['hợp tác xã:new', 'xã hội:known', 'hợp tác:learning'],
    ],
    // Whole syllables only: "sĩ" is not found inside "sĩnh", "quân" not across a comma.
    [{ sĩ: 'new', 'quân sự': 'known' }, 'sĩnh quân, sự', []],
    // A name only as written; a hyphen joins syllables as a space does.
    [{ Nga: 'known', 'Kim Jong-un': 'learning' }, 'thiên nga, Nga, Kim Jong un', ['Nga:known', 'Kim Jong un:learning']],
  ])('%j in %s', (words, text, expected) => expect(found(words, text)).toEqual(expected));

  test('decomposed text and the other tone placement are found, with offsets in the text as given', () => {
    const text = 'Hoà bình và hòa bình'.normalize('NFD');
    const occurrences = new WordMatcher({ 'hòa bình': 'learning' }).find(text);
    expect(occurrences.map((o) => text.slice(o.start, o.end))).toEqual([
      'Hoà bình'.normalize('NFD'),
      'hòa bình'.normalize('NFD'),
    ]);
  });

  test('no words, nothing found', () => {
    expect(new WordMatcher({}).find('binh sĩ')).toEqual([]);
  });
});
