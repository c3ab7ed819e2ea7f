import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessages } from '@/lib/messaging';
import { listenForCommands } from './commands';
import { createHandlers } from './handlers';
import { forgetTabState } from './tab-state';

export default defineBackground(() => {
  handleMessages(createHandlers());
  listenForCommands();
  browser.tabs.onRemoved.addListener((tabId) => void forgetTabState(tabId));
});
