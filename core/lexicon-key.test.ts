import { describe, expect, test } from 'vitest';
import { foldSyllable, lexiconKey } from './lexicon-key';

describe('lexicon keys', () => {
  test.each([
    // i/y: the whole vowel after a consonant.
    ['Mỹ', 'mĩ'],
    ['mĩ', 'mĩ'],
    ['KỸ', 'kĩ'],
    ['lý', 'lí'],
    ['tỷ', 'tỉ'],
    ['sỹ', 'sĩ'],
    ['hy', 'hi'],
    ['Thy', 'thi'],
    // Not elsewhere: rhymes ay/ai and uy/ui differ, y alone or first has no i spelling, qu + y.
    ['tay', 'tay'],
    ['tuy', 'tuy'],
    ['quý', 'quý'],
    ['y', 'y'],
    ['yêu', 'yêu'],
    ['Nga', 'nga'],
  ])('%j → %j', (syllable, key) => {
    expect(foldSyllable(syllable)).toBe(key);
  });

  test.each([
    // Tone placement, Unicode form, Ð for Đ, case, hyphens: one key.
    ['Hoà Bình', 'hòa bình'],
    ['ho\u0300a bi\u0300nh', 'hòa bình'],
    ['\u00d0ức', 'đức'],
    ['Kim Jong-un', 'kim jong un'],
    ['thuỷ', 'thủy'],
    ['Mỹ phẩm', 'mĩ phẩm'],
  ])('%j → %j', (form, key) => {
    expect(lexiconKey(form)).toBe(key);
  });

  test('keeps what Vietnamese tells apart', () => {
    expect(new Set(['Nga', 'ngà', 'ngã', 'ngạ'].map(lexiconKey)).size).toBe(4);
    expect(lexiconKey('hòa')).not.toBe(lexiconKey('hóa'));
    expect(lexiconKey('Đức')).not.toBe(lexiconKey('Dúc'));
  });
});
