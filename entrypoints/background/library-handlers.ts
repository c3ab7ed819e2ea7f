/** The background's answers to the library's and "Read this site"'s messages. */

import { countByArticle } from '@/core/article-highlights';
import type { Handlers, Protocol } from '@/lib/messaging';
import type { HighlightStore } from './highlight-store';
import { addSite, removeSite } from './site-registration';

type LibraryMessages = 'countArticleHighlights' | 'addSite' | 'removeSite';

export function libraryHandlers(store: HighlightStore): Pick<Handlers<Protocol>, LibraryMessages> {
  return {
    countArticleHighlights: async () => countByArticle(await store.all({})),
    addSite: ({ origin, tabId }) => addSite(origin, tabId),
    removeSite: ({ origin }) => removeSite(origin),
  };
}
