import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { prefetchFirstCards, type ReviewStartApi } from '@/lib/review-start';

// Runs in review.html's <head> as a classic script, ahead of its modules (see the imported module).
export default defineUnlistedScript(() => {
  // The bare extension API rather than `wxt/browser`: the polyfill would make up nearly all of this script.
  const api = (globalThis as unknown as { browser?: ReviewStartApi }).browser ?? (chrome as unknown as ReviewStartApi);
  prefetchFirstCards(api);
});
