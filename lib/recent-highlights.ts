/**
 * The newest highlights, copied into extension storage by the background after every change.
 *
 * Opening the popup usually wakes the service worker (Chromium stops it after 30 s without
 * events), which then has to open the database before it can answer: about 200 ms before any row
 * appears. Extension storage needs neither, so the popup shows this copy at once and replaces it
 * with the background's answer when that arrives. The copy is only ever a head start: everything
 * the popup does still goes through the message protocol.
 */

import { storage } from 'wxt/utils/storage';
import { highlightValidator, type HighlightRecord } from '@/core/highlight-record';
import { array, nullable, number, object, string, validate } from '@/core/validate';

/** Rows in the popup's first page: enough to fill it a few times over, few enough to draw at once. */
export const FIRST_PAGE_SIZE = 20;

export interface RecentHighlights {
  /** The first page of the unfiltered list, newest first. */
  items: HighlightRecord[];
  /** The cursor for the page after it, as `listHighlights` returns it. */
  next: string | null;
  /** How many highlights are stored. */
  total: number;
}

const recentValidator = object({
  items: array(highlightValidator, { max: FIRST_PAGE_SIZE }),
  next: nullable(string({ max: 200 })),
  total: number({ int: true, min: 0 }),
});

export const recentHighlights = storage.defineItem<RecentHighlights | null>('local:recentHighlights', {
  fallback: null,
  version: 1,
});

/** The stored copy, or null when there is none or it does not validate (then the popup just waits). */
export async function readRecentHighlights(): Promise<RecentHighlights | null> {
  const value = await recentHighlights.getValue().catch(() => null);
  if (value === null) return null;
  const checked = validate(recentValidator, value, 'recentHighlights');
  return checked.ok ? checked.value : null;
}
