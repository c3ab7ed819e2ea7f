import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { opensOnHighlights, prefetchRecentHighlights } from '@/lib/recent-highlights-prefetch';

// Runs in the popup's <head> as a classic script, ahead of its modules (see the imported module).
export default defineUnlistedScript(() => {
  if (!opensOnHighlights(location.search)) return;
  // The bare extension API rather than `wxt/browser`: the polyfill would make up nearly all of this
  // script, and both Chrome's `chrome.storage` and Firefox's `browser.storage` return promises.
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  prefetchRecentHighlights(api.storage.local);
});
