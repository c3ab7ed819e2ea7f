/**
 * Progress for the review page, read in one transaction from counts alone: no review log and no
 * word is loaded. With 100,000 logs, loading them took seconds of the service worker's time, and
 * every other message (the popup's due count, the next card) waited behind it.
 *
 * - Reviews per day: one count of the `reviewedAt` index per day of the chart.
 * - Retention: one count per rating of the `tested` index ([state before, rating, time]) over the
 *   retention window, for the reviews of cards in the review state.
 * - Words known over time: the `knownAt` index (only known words have a knownAt), counted before
 *   the chart and per day.
 */

import { STATE_REVIEW, type ReviewRating } from '@/core/review-card';
import { CHART_DAYS, RETENTION_DAYS, startOfDay, streak } from '@/core/review-stats';
import { WORD_STATUSES, type WordStatus } from '@/core/saved-word';
import type { ReviewProgress } from '@/lib/protocol';
import type { Connection } from './db-connection';
import { dueRange } from './word-store';

const RATINGS: readonly ReviewRating[] = [1, 2, 3, 4];

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

/** The review page's progress at `now`, in a time zone `offsetMinutes` east of UTC. */
export async function readProgress(
  connection: Connection,
  now: number,
  offsetMinutes: number,
): Promise<ReviewProgress> {
  const db = await connection.database();
  const tx = db.transaction(['reviewLogs', 'words', 'cards']);
  const days = dayRanges(now, offsetMinutes);
  const logsAt = tx.objectStore('reviewLogs').index('reviewedAt');
  const tested = tx.objectStore('reviewLogs').index('tested');
  const knownAt = tx.objectStore('words').index('knownAt');
  const recent = startOfDay(now, offsetMinutes, RETENTION_DAYS - 1);
  const [reviewsPerDay, byRating, knownBefore, knownAdded, counts, cards, due] = await Promise.all([
    Promise.all(days.map((d) => logsAt.count(d))),
    Promise.all(
      RATINGS.map((r) => tested.count(IDBKeyRange.bound([STATE_REVIEW, r, recent], [STATE_REVIEW, r, Infinity]))),
    ),
    knownAt.count(IDBKeyRange.upperBound(startOfDay(now, offsetMinutes, CHART_DAYS - 1), true)),
    Promise.all(days.map((d) => knownAt.count(d))),
    Promise.all(WORD_STATUSES.map((s) => tx.objectStore('words').index('status').count(s))),
    tx.objectStore('cards').count(),
    tx.objectStore('cards').index('queue').count(dueRange(now)),
  ]);
  await tx.done;
  const reviews = byRating.reduce((a, b) => a + b, 0);
  let running = knownBefore;
  return {
    reviewsPerDay,
    knownPerDay: knownAdded.map((n) => (running += n)),
    retention: { reviews, passed: reviews - byRating[0]!, days: RETENTION_DAYS },
    streak: streak(reviewsPerDay),
    words: Object.fromEntries(WORD_STATUSES.map((s, i) => [s, counts[i]!])) as Record<WordStatus, number>,
    cards,
    due,
  };
}
