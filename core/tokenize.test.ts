import { describe, expect, test } from 'vitest';
import { normalizeText } from './normalize';
import { isOnSyllableBoundary, syllables, tokenize } from './tokenize';

const words = (text: string) => tokenize(text).map((t) => text.slice(t.start, t.end));

describe('tokenize', () => {
  test.each([
    ['Triều Tiên', ['Triều', 'Tiên']],
    ['Bình Nhưỡng, Mát-xcơ-va.', ['Bình', 'Nhưỡng', 'Mát', 'xcơ', 'va']],
    ['Kim Jong-un', ['Kim', 'Jong', 'un']],
    ['hơn 10.000 binh sĩ', ['hơn', '10.000', 'binh', 'sĩ']],
    ['81,9 tỷ CAD (58,92 tỷ USD)', ['81,9', 'tỷ', 'CAD', '58,92', 'tỷ', 'USD']],
    ['ngày 13/11', ['ngày', '13', '11']],
    ['G20 và APEC', ['G20', 'và', 'APEC']],
    ['“Nga”–Ukraine', ['Nga', 'Ukraine']],
    ['Thứ nhất,việc', ['Thứ', 'nhất', 'việc']],
    ['93%', ['93']],
    ['1.2.', ['1.2']],
    ['朝鮮 Triều', ['朝鮮', 'Triều']],
    ['', []],
    ['... – !', []],
  ])('%j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  test('NFD text keeps combining marks inside the token', () => {
    const text = 'Trie\u0302\u0300u Tie\u0302n';
    expect(words(text)).toEqual(['Trie\u0302\u0300u', 'Tie\u0302n']);
  });

  test('syllables are lower-cased', () => {
    expect(syllables('ĐIỆN Kremlin')).toEqual(['điện', 'kremlin']);
  });
});

describe('isOnSyllableBoundary', () => {
  test.each([
    ['Nga và Ukraine', 0, 3, true],
    ['Ngay lập tức', 0, 3, false],
    ['tại Nga.', 4, 7, true],
    ['thẩm mỹ', 5, 7, true],
    ['Mỹ-Nhật-Hàn', 3, 7, true],
    ['ANga', 1, 4, false],
    ['Nga1', 0, 3, false],
    ['(Nga)', 1, 4, true],
  ] as const)('%j [%i,%i) → %s', (text, start, end, expected) => {
    expect(isOnSyllableBoundary(normalizeText(text), start, end)).toBe(expected);
  });
});
