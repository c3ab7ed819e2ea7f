import { expect, test } from 'vitest';
import { loadArticles } from '@/scripts/lib/data-sources';
import { articleIdFromQuery, readerPath } from '../reader/url';
import { FEATURED_ARTICLE_ID } from './featured';

test('the article the first-run page offers is in the corpus, and its reader link names it', () => {
  const article = loadArticles().find((a) => a.id === FEATURED_ARTICLE_ID);
  expect(article?.paragraphs.length).toBeGreaterThan(0);
  const url = new URL(readerPath(FEATURED_ARTICLE_ID), 'chrome-extension://x/');
  expect(url.pathname).toBe('/reader.html');
  expect(articleIdFromQuery(url.search)).toBe(FEATURED_ARTICLE_ID);
});

test.each([
  ['?article=isw-north-korean-troops-kursk', 'isw-north-korean-troops-kursk'],
  ['', null],
  ['?article=', null],
  ['?article=../popup.html', null],
  ['?article=Upper-Case', null],
])('the reader reads %j as the article %j', (search, id) => expect(articleIdFromQuery(search)).toBe(id));
