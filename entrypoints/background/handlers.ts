/** The background's answers to {@link Protocol} messages. */

import { browser } from 'wxt/browser';
import type { Handlers, Protocol } from '@/lib/messaging';
import { findTerms, getArticle, matchBlocks } from './engine';
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

    matchBlocks: ({ texts }) => matchBlocks(texts),

    findTerms: ({ texts }) => findTerms(texts),

    getArticle: ({ articleId }) => getArticle(articleId),

    ...highlightHandlers(store),
  };
}
