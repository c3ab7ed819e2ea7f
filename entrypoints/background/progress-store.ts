/**
 * Progress for the review page, read in one transaction without loading a review log: reviews
 * per day and retention from the per-day counts kept beside the logs (`reviewDays`, at most 91
 * small records; core/review-tally.ts), words known over time from counts of the `knownAt` index
 * (only known words have one), and the counts by status.
 */

import { CHART_DAYS, RETENTION_DAYS, startOfDay, streak } from '@/core/review-stats';
import { firstDayNeeded, progressOf } from '@/core/review-tally';
import { WORD_STATUSES, type WordStatus } from '@/core/saved-word';
import type { DueCount, ReviewProgress } from '@/lib/protocol';
import type { Connection } from './db-connection';

/** The key range of each of the chart's days, oldest first, today last. */
function dayRanges(now: number, offsetMinutes: number): IDBKeyRange[] {
  return Array.from({ length: CHART_DAYS }, (_, i) => {
    const back = CHART_DAYS - 1 - i;
    return IDBKeyRange.bound(
      startOfDay(now, offsetMinutes, back),
      startOfDay(now, offsetMinutes, back - 1),
      false,
      true,
    );
  });
}

/**
 * The review page's progress at `now`, in a time zone `offsetMinutes` east of UTC. The due count
 * comes from `countDue` (the word store's kept count) rather than a count of the queue here.
 */
export async function readProgress(
  connection: Connection,
  now: number,
  offsetMinutes: number,
  countDue: (now: number) => Promise<DueCount>,
): Promise<ReviewProgress> {
  const db = await connection.database();
  const tx = db.transaction(['reviewDays', 'words', 'cards']);
  const knownAt = tx.objectStore('words').index('knownAt');
  const [days, knownBefore, knownAdded, counts, cards, due] = await Promise.all([
    tx.objectStore('reviewDays').getAll(IDBKeyRange.lowerBound(firstDayNeeded(now, offsetMinutes))),
    knownAt.count(IDBKeyRange.upperBound(startOfDay(now, offsetMinutes, CHART_DAYS - 1), true)),
    Promise.all(dayRanges(now, offsetMinutes).map((d) => knownAt.count(d))),
    Promise.all(WORD_STATUSES.map((s) => tx.objectStore('words').index('status').count(s))),
    tx.objectStore('cards').count(),
    countDue(now),
  ]);
  await tx.done;
  const { reviewsPerDay, retention } = progressOf(days, now, offsetMinutes, RETENTION_DAYS);
  let running = knownBefore;
  return {
    reviewsPerDay,
    knownPerDay: knownAdded.map((n) => (running += n)),
    retention: { ...retention, days: RETENTION_DAYS },
    streak: streak(reviewsPerDay),
    words: Object.fromEntries(WORD_STATUSES.map((s, i) => [s, counts[i]!])) as Record<WordStatus, number>,
    cards,
    due: due.due,
  };
}
