/**
 * The newest highlights, copied into extension session storage by the background after every
 * change and when the browser starts.
 *
 * Opening the popup usually wakes the service worker (Chromium stops it after 30 s without
 * events), which then has to open the database before it can answer: about 200 ms before any row
 * appears. Extension storage needs neither, so the popup shows this copy at once and replaces it
 * with the background's answer when that arrives. The copy is only ever a head start: everything
 * the popup does still goes through the message protocol.
 *
 * Session storage, not local: content scripts can read `storage.local`, and the text of the
 * reader's highlights must not be readable from every news page the content script runs on.
 * `storage.session` is open to the extension's own pages and the background only.
 *
 * Plain `storage.getItem`/`setItem` rather than a `storage.defineItem`: a defined item reads its
 * value once as soon as the module loads (migrations or not), and that extra read of the same
 * records would compete with the popup's own read of them.
 */

import { storage } from 'wxt/utils/storage';
import { highlightValidator, type HighlightRecord } from '@/core/highlight-record';
import { array, literal, nullable, number, object, string, validate } from '@/core/validate';
import { RECENT_HIGHLIGHTS_KEY } from './popup-start';

/**
 * Rows in the popup's first page: more than its 600 px show, few enough to draw at once. Drawing
 * each row costs about a millisecond in a freshly started extension process (measured: 20 rows
 * 13–26 ms, 10 rows 6–12 ms), so the page after it is fetched as the reader scrolls instead.
 */
export const FIRST_PAGE_SIZE = 10;

export interface RecentHighlights {
  /** The first page of the unfiltered list, newest first. */
  items: HighlightRecord[];
  /** The cursor for the page after it, as `listHighlights` returns it. */
  next: string | null;
  /** How many highlights are stored. */
  total: number;
}

const KEY = `session:${RECENT_HIGHLIGHTS_KEY}` as const;
/** Changes with the stored shape: a copy written by another version is ignored until rewritten. */
const COPY_VERSION = 1;

const storedValidator = object({
  version: literal(COPY_VERSION),
  items: array(highlightValidator, { max: FIRST_PAGE_SIZE }),
  next: nullable(string({ max: 200 })),
  total: number({ int: true, min: 0 }),
});

export const recentHighlights = {
  /**
   * The stored copy, or null when there is none or it does not validate (then the popup just
   * waits). `stored` is the raw value when its read was started elsewhere (lib/popup-start.ts).
   */
  async read(stored?: Promise<unknown>): Promise<RecentHighlights | null> {
    const value = await (stored ?? storage.getItem<unknown>(KEY)).catch(() => null);
    if (value === null) return null;
    const checked = validate(storedValidator, value, 'recentHighlights');
    if (!checked.ok) return null;
    const { items, next, total } = checked.value;
    return { items, next, total };
  },

  /** Replaces the stored copy (the background does, after every change). */
  async save(copy: RecentHighlights): Promise<void> {
    await storage.setItem(KEY, { version: COPY_VERSION, ...copy });
  },
};
