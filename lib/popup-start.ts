/**
 * The popup's earliest start. `popup-prefetch.js`, a classic script in the popup's head, starts
 * the reads the popup's first screen depends on before the popup's modules are even fetched:
 * which tab the reader is on, which popup tab they chose last, the stored copy of the newest
 * highlights (lib/recent-highlights.ts), and how many review cards are due (the `countDue`
 * message: an IndexedDB count in the background, which then runs while the popup's modules load).
 * The popup's module picks them up here. On a cold
 * start that overlaps the reads (25–40 ms measured) with loading and evaluating the interface
 * (30–45 ms) instead of running them one after the other.
 *
 * No imports: this is bundled into that script, which has to stay tiny to be worth it.
 */

/** The key of the stored copy of the newest highlights, in `storage.session`. */
export const RECENT_HIGHLIGHTS_KEY = 'recentHighlights';
/** The key of the popup tab the reader chose last, in `storage.local`. */
export const POPUP_TAB_KEY = 'popupTab';

const HANDOFF = '__songNguPopupStart';

interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
}

/** What the prefetch needs of the extension API (Chrome's `chrome` and Firefox's `browser` both fit). */
export interface StartApi {
  tabs: { query(info: { active: boolean; currentWindow: boolean }): Promise<{ id?: number; url?: string }[]> };
  storage: { local: StorageArea; session: StorageArea };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/** The reads, raw (the popup validates them). Each settles, to null when its read failed. */
export interface PopupStart {
  activeTab: Promise<{ id?: number; url?: string } | null>;
  lastTab: Promise<unknown>;
  recentHighlights: Promise<unknown>;
  /** The background's raw reply to `countDue` (lib/messaging.ts unwraps it). */
  dueCount: Promise<unknown>;
}

type Handoff = { [HANDOFF]?: PopupStart };

const value = (area: StorageArea, key: string) =>
  area.get(key).then(
    (found) => found[key] ?? null,
    () => null,
  );

/** Starts the reads. */
export function startPopupReads(api: StartApi): PopupStart {
  return {
    activeTab: api.tabs.query({ active: true, currentWindow: true }).then(
      (tabs) => tabs[0] ?? null,
      () => null,
    ),
    lastTab: value(api.storage.local, POPUP_TAB_KEY),
    recentHighlights: value(api.storage.session, RECENT_HIGHLIGHTS_KEY),
    // The message as lib/messaging.ts sends it (no import: see above).
    dueCount: api.runtime.sendMessage({ type: 'countDue', params: {} }).catch(() => null),
  };
}

/** The classic script: starts the reads and leaves them for {@link takePopupStart}. */
export function prefetchPopupStart(api: StartApi): void {
  (globalThis as Handoff)[HANDOFF] = startPopupReads(api);
}

/** The prefetched reads, to one taker only: whoever asks later reads afresh. */
export function takePopupStart(): PopupStart | undefined {
  const handoff = globalThis as Handoff;
  const start = handoff[HANDOFF];
  delete handoff[HANDOFF];
  return start;
}
