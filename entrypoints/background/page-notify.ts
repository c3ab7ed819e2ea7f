/** Tells open pages, and the toolbar badge, that their highlights changed. */

import { browser } from 'wxt/browser';
import { normalizePageUrl } from '@/core/page-url';
import { sendTabMessage } from '@/lib/messaging';
import type { HighlightStore } from './highlight-store';

/** The open tabs whose page (normalised) is one of `urls`, or every http(s) tab when `urls` is absent. */
async function tabsShowing(urls?: ReadonlySet<string>): Promise<{ id: number; url: string }[]> {
  const tabs = await browser.tabs.query({});
  return tabs.flatMap((t) => {
    if (t.id === undefined || !t.url || !/^https?:/.test(t.url)) return [];
    const url = normalizePageUrl(t.url);
    return !urls || urls.has(url) ? [{ id: t.id, url }] : [];
  });
}

/** Sets the toolbar badge of every open tab showing one of `urls` to its number of highlights. */
export async function updateBadges(store: HighlightStore, urls?: ReadonlySet<string>): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  if (!action) return;
  for (const tab of await tabsShowing(urls)) {
    const n = await store.countForUrl(tab.url);
    await action.setBadgeText({ tabId: tab.id, text: n > 0 ? String(n) : '' });
    if (n > 0) await action.setBadgeBackgroundColor({ tabId: tab.id, color: '#2563eb' });
  }
}

/**
 * Asks every open page showing one of `urls` (but the tab that made the change, which has painted
 * it already) to load its highlights again and repaint.
 */
export async function notifyPages(urls: ReadonlySet<string>, exceptTab?: number): Promise<void> {
  if (urls.size === 0) return;
  for (const tab of await tabsShowing(urls)) {
    if (tab.id === exceptTab) continue;
    // A tab without our content script (still loading, another site) has nothing to repaint.
    await sendTabMessage(tab.id, 'highlightsChanged', {}).catch(() => undefined);
  }
}
