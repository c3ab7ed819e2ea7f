/** The background's answers to the library's and "Read this site"'s messages. */

import { countByArticle } from '@/core/article-highlights';
import type { CorpusArticle } from '@/core/corpus-schema';
import type { Handlers, Protocol } from '@/lib/messaging';
import type { ArticleSummary } from '@/lib/protocol';
import { getCorpus } from './engine';
import type { HighlightStore } from './highlight-store';
import { addSite, removeSite } from './site-registration';

type LibraryMessages = 'listArticles' | 'countArticleHighlights' | 'addSite' | 'removeSite';

/** What the library lists of an article. */
export function summaryOf(article: CorpusArticle, user: boolean): ArticleSummary {
  const source = article.source as CorpusArticle['source'] & { url?: string | null };
  return {
    id: article.id,
    title: article.title,
    outlet: source.outlet,
    date: source.published,
    url: source.url ?? null,
    paragraphs: article.paragraphs.length,
    user,
  };
}

export function libraryHandlers(store: HighlightStore): Pick<Handlers<Protocol>, LibraryMessages> {
  return {
    // The bundled articles; the reader's own join them where the article store lives.
    listArticles: async () => (await getCorpus()).articles.map((a) => summaryOf(a, false)),
    countArticleHighlights: async () => countByArticle(await store.all({})),
    addSite: ({ origin, tabId }) => addSite(origin, tabId),
    removeSite: ({ origin }) => removeSite(origin),
  };
}
