import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { prefetchPopupStart, type StartApi } from '@/lib/popup-start';

// Runs in the popup's <head> as a classic script, ahead of its modules (see the imported module).
export default defineUnlistedScript(() => {
  // The bare extension API rather than `wxt/browser`: the polyfill would make up nearly all of this
  // script, and both Chrome's `chrome` and Firefox's `browser` return promises for these calls.
  const api = (globalThis as unknown as { browser?: StartApi }).browser ?? (chrome as unknown as StartApi);
  prefetchPopupStart(api);
});
