import { FIRST_PAGE_SIZE, recentHighlights } from '@/lib/recent-highlights';
import type { HighlightStore } from './highlight-store';

/**
 * Keeps the popup's head-start copy of the newest highlights (lib/recent-highlights.ts) in step
 * with the database. Changes arriving while a copy is being written are folded into one more
 * write, so the last one written always reflects the last change.
 */
export function keepRecentHighlights(store: Pick<HighlightStore, 'list'>): { refresh(): Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  const write = async () => {
    do {
      again = false;
      await recentHighlights.save(await store.list({}, null, FIRST_PAGE_SIZE));
    } while (again);
  };
  return {
    refresh() {
      if (running) {
        again = true;
        return running;
      }
      running = write().finally(() => (running = null));
      return running;
    },
  };
}
