/**
 * Keeps the per-day review counts (core/review-tally.ts) in step with the logs, inside the
 * transaction that writes or deletes the logs: a rating, an undo, a deleted card, an import.
 */

import type { IDBPObjectStore, StoreNames } from 'idb';
import type { ReviewLog } from '@/core/review-card';
import { logsByDay, tallied } from '@/core/review-tally';
import type { SongNguDB } from './db';

type DaysStore = IDBPObjectStore<SongNguDB, ArrayLike<StoreNames<SongNguDB>>, 'reviewDays', 'readwrite'>;

/** Counts `logs` in (`sign` 1, logs written) or out (-1, logs deleted) of their days' records. */
export async function tallyLogs(store: DaysStore, logs: readonly ReviewLog[], sign: 1 | -1): Promise<void> {
  if (logs.length === 0) return;
  await Promise.all(
    [...logsByDay(logs)].map(async ([day, ofDay]) => {
      const next = tallied(await store.get(day), day, ofDay, sign);
      await (Object.keys(next.quarters).length > 0 ? store.put(next) : store.delete(day));
    }),
  );
}
