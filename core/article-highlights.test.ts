import { expect, test } from 'vitest';
import { articleOfReaderUrl, countByArticle } from './article-highlights';

test.each([
  [
    'chrome-extension://abcdefghijklmnop/reader.html?article=lang-son-cross-border-ecommerce',
    'lang-son-cross-border-ecommerce',
  ],
  ['moz-extension://0b6c6c3e-1f2a-4c1e-9d1c-7b0e5f1b2a3c/reader.html?article=a-1', 'a-1'],
  ['chrome-extension://abc/reader.html?article=a&x=1', null],
  ['chrome-extension://abc/library.html?article=a', null],
  ['https://example.org/reader.html?article=a', null],
  ['not a url', null],
])('articleOfReaderUrl(%s) = %s', (url, id) => expect(articleOfReaderUrl(url)).toBe(id));

const link = (articleId: string) => ({ articleId, paragraphIndex: 0, english: 'E', terms: [] });

test('countByArticle counts paragraph links and reader pages, once per article', () => {
  const reader = (id: string) => `chrome-extension://abc/reader.html?article=${id}`;
  expect(
    countByArticle([
      { url: 'https://dantri.com.vn/a.htm', corpus: link('a') },
      { url: 'https://dantri.com.vn/a.htm', corpus: null },
      { url: reader('a'), corpus: link('a') },
      { url: reader('b'), corpus: null },
      { url: reader('b'), corpus: link('c') },
    ]),
  ).toEqual({ a: 2, b: 2, c: 1 });
  expect(countByArticle([])).toEqual({});
});
