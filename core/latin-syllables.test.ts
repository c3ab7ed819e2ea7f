import { describe, expect, it } from 'vitest';
import { loadArticles } from '@/scripts/lib/data-sources';
import { foreignNews, sameTopicNews } from '@/scripts/lib/matching-cases';
import { latinSyllables } from './latin-syllables';
import { normalizeText } from './normalize';
import { matchSyllables } from './shingles';
import { syllables } from './tokenize';
import { seededRandom } from '@/tests/fixtures/seeded-random';

/** The definition: the whole text normalised, then tokenised. */
const slow = (text: string) => syllables(normalizeText(text));

describe('latinSyllables', () => {
  it.each([
    ['Vietnamese words, tone placement folded', 'Hoà bình, QÚY khách', ['hòa', 'bình', 'quý', 'khách']],
    ['Đ look-alikes', 'Ðà Nẵng và ðường', ['đà', 'nẵng', 'và', 'đường']],
    ['numbers keep their separators', 'Có 100.000 quân, tăng 81,9%', ['có', '100.000', 'quân', 'tăng', '81,9']],
    ['a number then letters', '1.000km và 12,x và 3.5.7', ['1.000', 'km', 'và', '12', 'x', 'và', '3.5.7']],
    ['letters and digits together', 'COVID-19, F16 và Su-35S', ['covid', '19', 'f16', 'và', 'su', '35s']],
    ['typographic punctuation and spaces', '“Nga”\u00a0–\u2009Triều…Tiên', ['nga', 'triều', 'tiên']],
    ['tabs, new lines and controls', 'a\tb\nc\u0001d', ['a', 'b', 'c', 'd']],
    ['case with a special lower case', 'İstanbul ǅenan', ['i̇stanbul', 'ǆenan']],
  ])('%s', (_, text, expected) => {
    expect(latinSyllables(text)).toEqual(expected);
    expect(slow(text)).toEqual(expected);
  });

  it.each([
    ['a zero-width space, which joins what it separates', 'Triều\u200bTiên'],
    ['a soft hyphen', 'hợp\u00adtác'],
    ['combining marks', 'Ha\u0300 No\u0302\u0323i'],
    ['a vulgar fraction, a number', 'thêm ½ phần'],
    ['another script', 'Москва và 朝鮮'],
    ['an astral character', 'vui 😀 lắm'],
  ])('leaves %s to normalisation, which gives the same as before', (_, text) => {
    expect(latinSyllables(text)).toBeNull();
    expect(matchSyllables(text)).toEqual(slow(text));
  });

  it('gives what normalising the whole text gives, on real news and the corpus', () => {
    const texts = [
      ...foreignNews(),
      ...sameTopicNews(),
      ...loadArticles().flatMap((a) => [a.title.vi, ...a.paragraphs.map((p) => p.vi)]),
    ];
    let fast = 0;
    for (const text of texts) {
      const answer = latinSyllables(text);
      if (answer === null) continue;
      fast++;
      expect(answer, text).toEqual(slow(text));
    }
    // Nearly all of it takes this path.
    expect(fast / texts.length).toBeGreaterThan(0.95);
  });

  it('classes every character of the Basic Multilingual Plane as normalisation and the pattern do', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      // Alone, between letters, between digits, and before a separator and a digit.
      for (const text of [ch, `a${ch}b`, `1${ch}2`, `${ch}.5`]) {
        const answer = latinSyllables(text);
        if (answer !== null && JSON.stringify(answer) !== JSON.stringify(slow(text))) wrong.push(text);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('agrees with normalisation on random mixtures of the characters it handles', () => {
    const alphabet = [...'aAzZđĐðÐơƠưạẠếỄ019.,  -–—“”‘’…\u00a0\t\n!?%/()×'];
    const next = seededRandom(7);
    for (let k = 0; k < 5_000; k++) {
      const text = Array.from({ length: 1 + next(30) }, () => alphabet[next(alphabet.length)]).join('');
      expect(latinSyllables(text), JSON.stringify(text)).toEqual(slow(text));
    }
  });
});
