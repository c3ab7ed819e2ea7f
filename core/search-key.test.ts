import { describe, expect, test } from 'vitest';
import { matchesSearch, searchKey } from './search-key';

describe('searchKey', () => {
  test.each([
    ['Triều Tiên', 'trieu tien'],
    ['TRIỀU TIÊN', 'trieu tien'],
    ['Trie\u0302\u0300u Tie\u0302n', 'trieu tien'],
    ['Điện Kremlin', 'dien kremlin'],
    ['Ðà Nẵng', 'da nang'],
    ['Bình Nhưỡng – “hoà bình”', 'binh nhuong hoa binh'],
    ['  Kim\u00a0Jong-un  ', 'kim jong un'],
    ['Người phát ngôn', 'nguoi phat ngon'],
    ['Tri\u00adều Ti\u200bên\ufeff', 'trieu tien'],
    ['hoà bình and hòa bình', 'hoa binh and hoa binh'],
    ['ðiện', 'dien'],
    ['Thủ tướng “Kim” — 100.000 quân', 'thu tuong kim 100 000 quan'],
  ])('%j → %j', (input, expected) => {
    expect(searchKey(input)).toBe(expected);
  });
});

describe('matchesSearch', () => {
  const key = searchKey('Quân đội Triều Tiên đã tham gia chiến đấu ở Kursk, hoà bình');
  test.each([
    ['trieu tien', true],
    ['Triều Tiên', true],
    ['TRIEU', true],
    ['kursk trieu', true],
    ['hòa binh', true],
    ['quan doi', true],
    ['ieu', false],
    ['trieu han', false],
    ['', true],
  ])('%j → %s', (query, expected) => {
    expect(matchesSearch(key, query)).toBe(expected);
  });
});
