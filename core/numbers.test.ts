import { describe, expect, test } from 'vitest';
import {
  compareNumbers,
  englishNumbers,
  parseEnglishNumber,
  parseVietnameseNumber,
  vietnameseNumbers,
} from './numbers';

describe('reading numbers', () => {
  test.each([
    ['10.000', 10000],
    ['100.000', 100000],
    ['1.234.567', 1234567],
    ['81,9', 81.9],
    ['58,92', 58.92],
    ['2024', 2024],
    ['1.2.3', NaN],
    ['10.00', NaN],
  ])('Vietnamese %s → %d', (s, n) => expect(parseVietnameseNumber(s)).toBe(n));

  test.each([
    ['10,000', 10000],
    ['81.9', 81.9],
    ['1,234,567.5', 1234567.5],
    ['10.000', 10],
    ['1,2', NaN],
  ])('English %s → %d', (s, n) => expect(parseEnglishNumber(s)).toBe(n));

  test('dates and months are told apart from plain numbers', () => {
    expect(vietnameseNumbers('ngày 13/11 và tháng 6/2024, ngày 7-11, sau 4 năm, tháng 4 năm 2019')).toEqual([
      '13',
      'month:11',
      '7',
      'month:11',
      'month:6',
      '2024',
      'month:4',
      '4',
      '2019',
    ]);
    expect(englishNumbers('On 13 November 2024, four years after the first May meeting; may not')).toEqual({
      digits: ['13', '2024'],
      words: ['month:11', '4', '1', 'month:5'],
    });
  });
});

describe('compareNumbers', () => {
  test.each([
    ['hơn 10.000 binh sĩ', 'more than 10,000 troops'],
    ['ngày 13/11', 'on 13 November'],
    ['vào ngày 20/1 tới', 'on 20 January'],
    ['tháng 6/2024', 'June 2024'],
    ['sau 4 năm', 'in four years'],
    ['đứng thứ 2 toàn quốc', 'second in the country'],
    ['81,9 tỷ CAD', 'CAD 81.9 billion'],
    ['nhóm G20', 'the G20'],
    ['ngày 5 tháng 11 năm 2025', 'on 5 November 2025'],
    ['đạt 93%', 'reached 93%'],
  ])('%j ≈ %j', (vi, en) => expect(compareNumbers(vi, en)).toEqual([]));

  test.each([
    ['hơn 10.000 binh sĩ', 'more than 10.000 troops', /10000 from the Vietnamese is missing|not in English format/],
    ['hơn 10.000 binh sĩ', 'more than 1,000 troops', /10000 from the Vietnamese is missing/],
    ['ngày 13/11', 'on 13/11', /the Vietnamese way/],
    ['ngày 13/11', 'on 13 October', /month November/],
    ['sau 4 năm', 'after five years', /number 4/],
    ['hai nước', 'the 2 countries', /English has 2/],
    ['vào tháng 6', 'in June 2024', /English has 2024/],
  ])('%j vs %j is a problem', (vi, en, message) => {
    expect(compareNumbers(vi, en).join('\n')).toMatch(message);
  });
});
