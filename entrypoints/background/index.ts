import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openFirstRunPage } from '@/lib/first-run';
import { handleMessages } from '@/lib/handle-messages';
import { recentHighlights } from '@/lib/recent-highlights';
import { listenForCommands } from './commands';
import { createContextMenu, listenForContextMenu } from './context-menu';
import { createHandlers } from './handlers';
import { HighlightStore } from './highlight-store';
import { updateBadges } from './page-notify';
import { keepRecentHighlights } from './recent-highlights';
import { warmLookups } from './engine';
import { listenForWarmth } from './lookup-warmth';
import { keepSitesInStep } from './site-registration';
import { forgetTab, tabNavigated } from './tab-state';
import { createReviewStores } from './word-handlers';

export default defineBackground(() => {
  const store = new HighlightStore();
  const recent = keepRecentHighlights(store);
  const refreshRecent = () => void recent.refresh().catch(() => undefined);
  store.onChange = (urls) => {
    void updateBadges(store, urls).catch(() => undefined);
    refreshRecent();
  };
  store.onBlocked = () =>
    console.warn('Song ngữ: the highlights database is waiting for an older copy of the extension to close.');
  const review = createReviewStores();
  review.connection.onBlocked = store.onBlocked;
  handleMessages(createHandlers(store, review));
  // Errors surface to whoever asks for highlights; here there is nobody to tell.
  void store.open().catch(() => undefined);
  // The popup's head-start copy lives in session storage, which the browser empties when it
  // closes: write it again whenever the service worker finds it missing (a browser start).
  void recentHighlights.read().then((copy) => copy ?? refreshRecent());
  listenForWarmth(warmLookups);
  listenForCommands();
  keepSitesInStep();
  listenForContextMenu();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void createContextMenu();
    // The first-run page: on a new install only, never on an update or a browser restart.
    if (reason === 'install') void openFirstRunPage().catch(() => undefined);
  });
  browser.runtime.onStartup.addListener(() => void createContextMenu());
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) void tabNavigated(tabId, change.url);
  });
});
