import { describe, expect, test } from 'vitest';
import { HONORIFICS, inPersonName, isVietnameseSyllable } from './person-name';

/** Whether the last word of `text` reads as part of a person's name after the word before it. */
function last(text: string): boolean {
  const start = text.lastIndexOf(' ') + 1;
  const before = text.slice(0, start).trimEnd();
  const previousStart = before.lastIndexOf(' ') + 1;
  return inPersonName(text, before ? previousStart : -1, before.length, start);
}

describe('person names', () => {
  test.each([
    ['bà Nga', true],
    ['Bà Nga', true],
    ['chị Nga', true],
    ['cô Mỹ', true],
    ['ông Đức', true],
    ['bé Mỹ', true],
    ['vợ Nga', true],
    ['ngài Putin', true],
    ['Lê Thị Nga', true],
    ['Nguyễn Minh Đức', true],
    // Offices, trades and kinds of people are often nationalities: not names.
    ['Tổng thống Nga', false],
    ['ca sĩ Mỹ', false],
    ['cô gái Nga', false],
    ['người Mỹ', false],
    // An ALL-CAPS word or a single letter says nothing.
    ['TIN NGA', false],
    ['H Nga', false],
    ['Nga', false],
  ])('%j → %j', (text, expected) => {
    expect(last(text)).toBe(expected);
  });

  test('the honorifics are lower-case single syllables', () => {
    for (const h of HONORIFICS) expect(h).toMatch(/^[\p{Ll}]+$/u);
  });

  test.each([
    ['My', true],
    ['Yến', true],
    ['Thủy', true],
    ['Nguyễn', true],
    ['Ukraine', false],
    ['Kazan', false],
    ['Apple', false],
  ])('%j is one Vietnamese syllable: %j', (word, expected) => {
    expect(isVietnameseSyllable(word)).toBe(expected);
  });
});
