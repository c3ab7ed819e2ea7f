/**
 * What each tab's content script last reported, kept in session storage so it survives the
 * service worker being stopped, and dropped when the tab closes or navigates.
 */

import { storage } from 'wxt/utils/storage';
import type { PageState } from '@/lib/protocol';

export type StoredTabState = PageState & { reportedAt: number };

const key = (tabId: number) => `session:tab-state:${tabId}` as const;

export async function saveTabState(tabId: number, state: PageState): Promise<void> {
  await storage.setItem<StoredTabState>(key(tabId), { ...state, reportedAt: Date.now() });
}

export async function loadTabState(tabId: number): Promise<StoredTabState | null> {
  return storage.getItem<StoredTabState>(key(tabId));
}

export async function forgetTabState(tabId: number): Promise<void> {
  await storage.removeItem(key(tabId));
}
