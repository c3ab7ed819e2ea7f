/** The background's answers to {@link Protocol} messages. */

import { browser } from 'wxt/browser';
import { RateLimiter } from '@/core/rate-limit';
import type { LiveCorpus } from '@/core/user-corpus';
import { sendTabMessage, type Handlers, type Protocol, type SenderInfo } from '@/lib/messaging';
import { articleHandlers } from './article-handlers';
import { analyzeBlocks, articleStore, getArticle, getCorpus, getEntries, lookupSpans, lookupWord } from './engine';
import { highlightHandlers } from './highlight-handlers';
import { libraryHandlers } from './library-handlers';
import type { HighlightStore } from './highlight-store';
import { countPageWords, notePageTexts } from './page-words';
import { loadTabState, saveTabState } from './tab-state';
import { createReviewStores, wordHandlers, type ReviewStores } from './word-handlers';

/**
 * Characters of page text a tab may have analysed: a 1 MB page's first pass fits in the burst,
 * and a page that keeps producing new text is slowed to this rate instead of keeping the service
 * worker busy. (The content script retries what was refused, later.)
 */
export const ANALYSIS_LIMIT = { burst: 2_000_000, perSecond: 250_000 } as const;

/**
 * Hover lookups a tab may ask for: the content script debounces the pointer, so a reader makes a
 * few a second at most; a page script cannot send them (it has no access to the messaging).
 */
export const LOOKUP_LIMIT = { burst: 60, perSecond: 20 } as const;

/**
 * Characters of text a tab may have read ahead for hovers: the content script asks for a screen
 * or two at a time, and only while the reader is active.
 */
export const SPAN_LIMIT = { burst: 200_000, perSecond: 20_000 } as const;

/** Takes the characters of `texts` from the sender's tab's allowance in `limiter`, or refuses. */
function ration(limiter: RateLimiter, sender: SenderInfo, texts: readonly string[], refusal: string): void {
  const chars = texts.reduce((n, t) => n + t.length, 0);
  if (!limiter.take(sender.tabId ?? -1, Date.now(), chars)) throw new Error(`rate limited: ${refusal}`);
}

/** `corpus` is the live corpus (the engine's; tests give their own). */
export function createHandlers(
  store: HighlightStore,
  review: ReviewStores = createReviewStores(),
  corpus: () => Promise<LiveCorpus> = getCorpus,
): Handlers<Protocol> {
  const analysis = new RateLimiter(ANALYSIS_LIMIT);
  const lookups = new RateLimiter(LOOKUP_LIMIT);
  const spans = new RateLimiter(SPAN_LIMIT);
  return {
    reportPageState: async (state, sender) => {
      if (sender.tabId === undefined) throw new Error('reportPageState comes from a tab');
      await saveTabState(sender.tabId, state);
      return null;
    },

    getTabState: ({ tabId }) => loadTabState(tabId),

    analyzeBlocks: ({ texts }, sender) => {
      ration(analysis, sender, texts, 'this page asked for too much analysis at once; try again shortly');
      notePageTexts(sender, texts);
      return analyzeBlocks(texts);
    },

    getEntries: ({ ids }) => getEntries(ids),

    getArticle: ({ articleId }) => getArticle(articleId),

    lookupWord: ({ text, offset }, sender) => {
      if (!lookups.take(sender.tabId ?? -1, Date.now(), 1)) throw new Error('rate limited: too many lookups at once');
      return lookupWord(text, offset);
    },

    lookupSpans: ({ texts }, sender) => {
      ration(spans, sender, texts, 'too much text read ahead');
      return lookupSpans(texts);
    },

    openAbout: async () => {
      const url = (browser.runtime.getURL as (p: string) => string).call(browser.runtime, '/options.html#about');
      await browser.tabs.create({ url });
      return null;
    },

    loadOverlay: async (_params, sender) => {
      if (sender.tabId === undefined) throw new Error('loadOverlay comes from a page in a tab');
      // Into the content script's own isolated world: nothing web-accessible is needed.
      await browser.scripting.executeScript({
        target: { tabId: sender.tabId, frameIds: [sender.frameId ?? 0] },
        files: ['/overlay-ui.js'],
      });
      return null;
    },

    ...highlightHandlers(store),
    ...wordHandlers(review, store, corpus),
    ...libraryHandlers(store),
    ...articleHandlers({
      store: articleStore,
      corpus,
      pageParagraphs: (tabId) => sendTabMessage(tabId, 'pageParagraphs', {}),
    }),

    countPageWords: ({ tabId }) => countPageWords(tabId, review.words),
  };
}
