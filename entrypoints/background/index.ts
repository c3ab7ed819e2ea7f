import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessages } from '@/lib/messaging';
import { listenForCommands } from './commands';
import { createContextMenu, listenForContextMenu } from './context-menu';
import { createHandlers } from './handlers';
import { updateBadges } from './highlight-handlers';
import { HighlightStore } from './highlight-store';
import { keepRecentHighlights } from './recent-highlights';
import { forgetTabState } from './tab-state';

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
  handleMessages(createHandlers(store));
  // Errors surface to whoever asks for highlights; here there is nobody to tell.
  void store.open().catch(() => undefined);
  listenForCommands();
  listenForContextMenu();
  browser.runtime.onInstalled.addListener(() => {
    void createContextMenu();
    refreshRecent(); // an update may find highlights saved before the copy existed
  });
  browser.runtime.onStartup.addListener(() => void createContextMenu());
  browser.tabs.onRemoved.addListener((tabId) => void forgetTabState(tabId));
});
