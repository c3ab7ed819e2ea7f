/**
 * Progress for the review page, read in one transaction: reviews per day and retention from the
 * logs of the chart's window (one key range of the time index), words known over time from the
 * known words, and the counts by status.
 */

import { CHART_DAYS, knownOverTime, perDay, RETENTION_DAYS, retention, startOfDay, streak } from '@/core/review-stats';
import { WORD_STATUSES, type WordStatus } from '@/core/saved-word';
import type { ReviewProgress } from '@/lib/protocol';
import type { Connection } from './db-connection';
import { dueRange } from './word-store';

/** The review page's progress at `now`, in a time zone `offsetMinutes` east of UTC. */
export async function readProgress(
  connection: Connection,
  now: number,
  offsetMinutes: number,
): Promise<ReviewProgress> {
  const db = await connection.database();
  const tx = db.transaction(['reviewLogs', 'words', 'cards']);
  const since = startOfDay(now, offsetMinutes, CHART_DAYS - 1);
  const [logs, known, counts, cards, due] = await Promise.all([
    tx.objectStore('reviewLogs').index('reviewedAt').getAll(IDBKeyRange.lowerBound(since)),
    tx.objectStore('words').index('status').getAll('known'),
    Promise.all(WORD_STATUSES.map((s) => tx.objectStore('words').index('status').count(s))),
    tx.objectStore('cards').count(),
    tx.objectStore('cards').index('queue').count(dueRange(now)),
  ]);
  await tx.done;
  const reviewsPerDay = perDay(
    logs.map((l) => l.reviewedAt),
    now,
    offsetMinutes,
  );
  const recent = startOfDay(now, offsetMinutes, RETENTION_DAYS - 1);
  return {
    reviewsPerDay,
    knownPerDay: knownOverTime(
      known.map((w) => w.knownAt ?? w.updatedAt),
      now,
      offsetMinutes,
    ),
    retention: { ...retention(logs.filter((l) => l.reviewedAt >= recent)), days: RETENTION_DAYS },
    streak: streak(reviewsPerDay),
    words: Object.fromEntries(WORD_STATUSES.map((s, i) => [s, counts[i]!])) as Record<WordStatus, number>,
    cards,
    due,
  };
}
