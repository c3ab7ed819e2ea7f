/**
 * Progress for the review page: reviews per day over the last {@link CHART_DAYS} days, retention,
 * and how many words were known at the end of each of those days. Days are the reader's calendar
 * days: times are shifted by the time zone's offset before being cut into days.
 *
 * The background counts the same figures from IndexedDB indexes without loading a log
 * (entrypoints/background/progress-store.ts); {@link retention} and {@link knownOverTime} are the
 * definitions it is tested against, log by log.
 */

import { STATE_REVIEW, type ReviewLog, type ReviewRating } from './review-card';

export const CHART_DAYS = 90;
/** Retention is measured over this many days, as Anki's statistics do by default. */
export const RETENTION_DAYS = 30;
const DAY = 86_400_000;

/** The day a time falls on, as days since 1 January 1970 in a zone `offsetMinutes` east of UTC. */
export function dayOf(time: number, offsetMinutes: number): number {
  return Math.floor((time + offsetMinutes * 60_000) / DAY);
}

/** The first millisecond of the day `days` days before the day of `now` (0 = today). */
export function startOfDay(now: number, offsetMinutes: number, daysBack = 0): number {
  return (dayOf(now, offsetMinutes) - daysBack) * DAY - offsetMinutes * 60_000;
}

/** Counts per day over the last `days` days, oldest first, today last. */
export function perDay(times: Iterable<number>, now: number, offsetMinutes: number, days = CHART_DAYS): number[] {
  const counts = new Array<number>(days).fill(0);
  const today = dayOf(now, offsetMinutes);
  for (const t of times) {
    const back = today - dayOf(t, offsetMinutes);
    if (back >= 0 && back < days) counts[days - 1 - back]!++;
  }
  return counts;
}

/**
 * Retention as FSRS means it: of the reviews of cards that were in the review state (learning
 * steps are not memory tests), the share not rated Again.
 */
export function retention(logs: Iterable<Pick<ReviewLog, 'rating'> & { before: { state: number } }>): {
  reviews: number;
  passed: number;
} {
  let reviews = 0;
  let passed = 0;
  for (const l of logs) {
    if (l.before.state !== STATE_REVIEW) continue;
    reviews++;
    if (l.rating !== (1 as ReviewRating)) passed++;
  }
  return { reviews, passed };
}

/**
 * How many of today's known words were already known at the end of each of the last `days` days,
 * oldest first (a word that was known and lapsed is counted from when it became known again).
 */
export function knownOverTime(
  knownAts: readonly number[],
  now: number,
  offsetMinutes: number,
  days = CHART_DAYS,
): number[] {
  const added = perDay(knownAts, now, offsetMinutes, days);
  const firstDay = startOfDay(now, offsetMinutes, days - 1);
  let running = knownAts.filter((t) => t < firstDay).length;
  return added.map((n) => (running += n));
}

/** Days in a row, up to today (or yesterday, if today has none yet), with at least one review. */
export function streak(counts: readonly number[]): number {
  let i = counts.length - 1;
  if (i >= 0 && counts[i] === 0) i--;
  let n = 0;
  while (i >= 0 && counts[i]! > 0) {
    n++;
    i--;
  }
  return n;
}
