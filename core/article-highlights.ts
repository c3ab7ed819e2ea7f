/**
 * How many of the reader's highlights belong to each article, for the library: a highlight
 * belongs to an article when it lies inside one of the article's paragraphs (on any page), or on
 * the article's reader page. Counted once per article even when both hold.
 */

import type { HighlightRecord } from './highlight-record';
import { READER_PAGE_URL } from './page-url';

/** The article a reader page URL shows, or null for any other URL. */
export function articleOfReaderUrl(url: string): string | null {
  if (!READER_PAGE_URL.test(url)) return null;
  return new URL(url).searchParams.get('article');
}

/** Highlights per article id. */
export function countByArticle(records: Iterable<Pick<HighlightRecord, 'url' | 'corpus'>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const h of records) {
    const ids = new Set([h.corpus?.articleId, articleOfReaderUrl(h.url)]);
    for (const id of ids) if (id) counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}
