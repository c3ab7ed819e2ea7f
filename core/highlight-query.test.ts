import { describe, expect, test } from 'vitest';
import {
  compareNewestFirst,
  isPlainQuery,
  pageCursor,
  parsePageCursor,
  queryMatcher,
  type QueryableHighlight,
} from './highlight-query';
import { searchKey } from './search-key';

const h = (over: Partial<QueryableHighlight> = {}): QueryableHighlight => ({
  color: 'yellow',
  tags: ['Ngữ pháp'],
  site: 'dantri.com.vn',
  url: 'https://dantri.com.vn/a.htm',
  orphan: false,
  searchText: searchKey('Triều Tiên điều quân sang Nga'),
  ...over,
});

describe('queryMatcher', () => {
  test.each([
    [{}, true],
    [{ search: 'trieu tien' }, true],
    [{ search: 'tien trieu' }, true],
    [{ search: 'ien' }, false],
    [{ color: 'yellow' as const }, true],
    [{ color: 'green' as const }, false],
    [{ tag: 'ngữ pháp' }, true],
    [{ tag: 'ngữ' }, false],
    [{ site: 'dantri.com.vn' }, true],
    [{ site: 'vnexpress.net' }, false],
    [{ url: 'https://dantri.com.vn/a.htm' }, true],
    [{ url: 'https://dantri.com.vn/b.htm' }, false],
    [{ orphans: false }, true],
    [{ orphans: true }, false],
  ])('%j → %s', (query, expected) => expect(queryMatcher(query)(h())).toBe(expected));
});

test('isPlainQuery', () => {
  expect(isPlainQuery({})).toBe(true);
  expect(isPlainQuery({ search: '' })).toBe(true);
  expect(isPlainQuery({ orphans: false })).toBe(false);
  expect(isPlainQuery({ tag: 'x' })).toBe(false);
});

test('newest first, ties by id larger first, in code-unit order', () => {
  const items = [
    { createdAt: 1, id: 'b' },
    { createdAt: 2, id: 'a' },
    { createdAt: 1, id: 'c' },
    { createdAt: 1, id: 'B' },
  ];
  expect(items.sort(compareNewestFirst).map((x) => `${x.createdAt}${x.id}`)).toEqual(['2a', '1c', '1b', '1B']);
});

test('page cursors round-trip and reject junk', () => {
  expect(parsePageCursor(pageCursor({ createdAt: 17, id: 'h_1:2' }))).toEqual({ createdAt: 17, id: 'h_1:2' });
  expect(parsePageCursor(null)).toBeNull();
  expect(parsePageCursor('x:1')).toBeNull();
  expect(parsePageCursor(':1')).toBeNull();
});
