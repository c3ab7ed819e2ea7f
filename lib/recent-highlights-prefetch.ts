/**
 * The popup's earliest start on its first rows. `popup-prefetch.js`, a classic script in the
 * popup's head, starts reading the stored copy of the newest highlights (lib/recent-highlights.ts)
 * before the popup's modules are even fetched, and the popup's module picks the read up here. On a
 * cold start that overlaps the storage read (25–40 ms measured) with loading and evaluating the
 * interface (30–45 ms) instead of running one after the other.
 *
 * No imports: this is bundled into that script, which has to stay tiny to be worth it.
 */

/** The key of the stored copy in `storage.local`. */
export const RECENT_HIGHLIGHTS_KEY = 'recentHighlights';

const HANDOFF = '__songNguRecentHighlights';

interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
}

type Handoff = { [HANDOFF]?: Promise<unknown> };

/** Whether the popup, opened with this query string, opens on the highlights (and so prefetches). */
export function opensOnHighlights(search: string): boolean {
  return new URLSearchParams(search).get('view') === 'highlights';
}

/** Starts reading the stored copy; its raw value (unvalidated) waits for {@link takePrefetched}. */
export function prefetchRecentHighlights(area: StorageArea): void {
  (globalThis as Handoff)[HANDOFF] = area.get(RECENT_HIGHLIGHTS_KEY).then(
    (found) => found[RECENT_HIGHLIGHTS_KEY] ?? null,
    () => null,
  );
}

/** The prefetched raw value, to one taker only: whoever asks later reads afresh. */
export function takePrefetched(): Promise<unknown> | undefined {
  const handoff = globalThis as Handoff;
  const read = handoff[HANDOFF];
  delete handoff[HANDOFF];
  return read;
}
