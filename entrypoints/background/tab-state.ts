/**
 * What the background remembers about each tab, in session storage so it survives the service
 * worker being stopped: the page state its content script last reported, and a highlight the
 * popup asked to flash once the page has loaded. Both belong to one page: they are dropped when
 * the tab closes or goes to another page.
 */

import { storage } from 'wxt/utils/storage';
import { normalizePageUrl } from '@/core/page-url';
import type { PageState, TabState } from '@/lib/protocol';

const stateKey = (tabId: number) => `session:tab-state:${tabId}` as const;
const flashKey = (tabId: number) => `session:pending-flash:${tabId}` as const;

/** A highlight to flash on a page once it has loaded. */
interface PendingFlash {
  id: string;
  /** The normalised URL of the page the highlight is on. */
  url: string;
}

export async function saveTabState(tabId: number, state: PageState): Promise<void> {
  await storage.setItem<TabState>(stateKey(tabId), { ...state, reportedAt: Date.now() });
}

export async function loadTabState(tabId: number): Promise<TabState | null> {
  return storage.getItem<TabState>(stateKey(tabId));
}

export async function setPendingFlash(tabId: number, flash: PendingFlash): Promise<void> {
  await storage.setItem<PendingFlash>(flashKey(tabId), flash);
}

/** The flash waiting for this tab's page, taken once; none when the tab shows another page. */
export async function takePendingFlash(tabId: number, pageUrl: string): Promise<string | null> {
  const flash = await storage.getItem<PendingFlash>(flashKey(tabId));
  if (!flash) return null;
  await storage.removeItem(flashKey(tabId));
  return flash.url === normalizePageUrl(pageUrl) ? flash.id : null;
}

/** The tab closed: forget everything about it. */
export async function forgetTab(tabId: number): Promise<void> {
  await storage.removeItems([stateKey(tabId), flashKey(tabId)]);
}

/**
 * The tab went to `url`: its old page state is stale, and a pending flash meant for another page
 * must not fire on this one (a flash set for the page being opened survives its own load).
 */
export async function tabNavigated(tabId: number, url: string): Promise<void> {
  const state = await loadTabState(tabId);
  if (state && normalizePageUrl(state.url) !== normalizePageUrl(url)) await storage.removeItem(stateKey(tabId));
  const flash = await storage.getItem<PendingFlash>(flashKey(tabId));
  if (flash && flash.url !== normalizePageUrl(url)) await storage.removeItem(flashKey(tabId));
}
