/** The "Highlight" item of the page's context menu, on the news sites only, for selected text. */

import { browser } from 'wxt/browser';
import { sendTabMessage } from '@/lib/messaging';
import { NEWS_SITE_MATCHES } from '@/lib/sites';

export const MENU_ID = 'song-ngu-highlight';

export async function createContextMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_ID,
    title: 'Highlight “%s”',
    contexts: ['selection'],
    documentUrlPatterns: NEWS_SITE_MATCHES,
  });
}

export function listenForContextMenu(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    void sendTabMessage(tab.id, 'highlightSelection', {}).catch(() => undefined);
  });
}
