import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessages } from '@/lib/messaging';
import { listenForCommands } from './commands';
import { createContextMenu, listenForContextMenu } from './context-menu';
import { createHandlers } from './handlers';
import { updateBadges } from './highlight-handlers';
import { HighlightStore } from './highlight-store';
import { forgetTabState } from './tab-state';

export default defineBackground(() => {
  const store = new HighlightStore();
  store.onChange = (urls) => void updateBadges(store, urls).catch(() => undefined);
  store.onBlocked = () =>
    console.warn('Song ngữ: the highlights database is waiting for an older copy of the extension to close.');
  handleMessages(createHandlers(store));
  listenForCommands();
  listenForContextMenu();
  browser.runtime.onInstalled.addListener(() => void createContextMenu());
  browser.runtime.onStartup.addListener(() => void createContextMenu());
  browser.tabs.onRemoved.addListener((tabId) => void forgetTabState(tabId));
});
