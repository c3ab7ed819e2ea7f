/** The background's answers to {@link Protocol} messages. */

import { browser } from 'wxt/browser';
import type { Handlers, Protocol } from '@/lib/messaging';
import { analyzeBlocks, getArticle, getEntries } from './engine';
import { highlightHandlers } from './highlight-handlers';
import type { HighlightStore } from './highlight-store';
import { loadTabState, saveTabState } from './tab-state';

export function createHandlers(store: HighlightStore): Handlers<Protocol> {
  return {
    ping: ({ from }) => ({ version: browser.runtime.getManifest().version, receivedFrom: from }),

    reportPageState: async (state, sender) => {
      if (sender.tabId === undefined) throw new Error('reportPageState comes from a tab');
      await saveTabState(sender.tabId, state);
      return null;
    },

    getTabState: ({ tabId }) => loadTabState(tabId),

    analyzeBlocks: ({ texts }) => analyzeBlocks(texts),

    getEntries: ({ ids }) => getEntries(ids),

    getArticle: ({ articleId }) => getArticle(articleId),

    ...highlightHandlers(store),
  };
}
