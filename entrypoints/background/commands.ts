/** Keyboard shortcuts (commands API), forwarded to the content script of the tab they were pressed in. */

import { browser, type Browser } from 'wxt/browser';
import { sendTabMessage } from '@/lib/messaging';

async function targetTab(tab: Browser.tabs.Tab | undefined): Promise<number | undefined> {
  if (tab?.id !== undefined) return tab.id;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

export async function runCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  const tabId = await targetTab(tab);
  if (tabId === undefined) return;
  try {
    if (command === 'cycle-view-mode') await sendTabMessage(tabId, 'cycleViewMode', {});
    else if (command === 'show-term') await sendTabMessage(tabId, 'showTermAtCaret', {});
    else if (command === 'highlight-selection') await sendTabMessage(tabId, 'highlightSelection', {});
  } catch {
    // Not a page the content script runs on: nothing to do.
  }
}

export function listenForCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => void runCommand(command, tab));
}
