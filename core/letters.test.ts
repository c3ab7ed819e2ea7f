import { describe, expect, it } from 'vitest';
import { hasLetter, hasLetterOrDigit, isLatinLetterBeyondAscii } from './letters';

const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

describe('letters', () => {
  it('isLatinLetterBeyondAscii says yes only of letters (every code unit of the BMP checked)', () => {
    for (let c = 0; c <= 0xffff; c++) {
      if (isLatinLetterBeyondAscii(c)) expect(LETTER.test(String.fromCharCode(c)), c.toString(16)).toBe(true);
    }
    // …and covers what Vietnamese is written in.
    for (const ch of 'ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐ') {
      expect(isLatinLetterBeyondAscii(ch.charCodeAt(0)), ch).toBe(true);
    }
  });

  it.each([
    ['', false, false],
    ['   ', false, false],
    ['Triều Tiên', true, true],
    ['ở', true, true],
    ['— 2024 —', false, true],
    ['(10.000)', false, true],
    ['× ÷ · •', false, false],
    ['²', false, true],
    ['½', false, true],
    ['٣', false, true],
    ['朝鮮', true, true],
    ['Москва', true, true],
    ['🙂 👍', false, false],
    ['🙂 a', true, true],
    ['\u0301', false, false],
    ['…', false, false],
    ['“Nga', true, true],
    ['\u00a0– 2024', false, true],
    ['« ½ »', false, true],
    ['º', true, true],
    ['\u00a0\u00a0', false, false],
    ['𝐀', true, true],
  ])('%j: letter %s, letter or digit %s, as the patterns say', (text, letter, letterOrDigit) => {
    expect(hasLetter(text)).toBe(letter);
    expect(hasLetterOrDigit(text)).toBe(letterOrDigit);
    expect(LETTER.test(text)).toBe(letter);
    expect(LETTER_OR_DIGIT.test(text)).toBe(letterOrDigit);
  });

  it('agrees with the patterns on every BMP character, alone, after punctuation and before a letter or digit', () => {
    // Disagreements collected and compared once: half a million expect() calls took over 5 s on a
    // slow machine.
    const disagreements: string[] = [];
    let checked = 0;
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      // Alone, after ASCII punctuation, and before a letter or a digit (where passing over it matters).
      for (const text of [ch, `, ${ch}`, `${ch}a`, `${ch}5`]) {
        checked++;
        if (hasLetter(text) !== LETTER.test(text)) disagreements.push(`hasLetter ${JSON.stringify(text)}`);
        if (hasLetterOrDigit(text) !== LETTER_OR_DIGIT.test(text))
          disagreements.push(`hasLetterOrDigit ${JSON.stringify(text)}`);
      }
    }
    expect(disagreements.slice(0, 20)).toEqual([]);
    expect(checked).toBe(4 * (0x10000 - 0x800));
  });
});
