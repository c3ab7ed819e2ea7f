/**
 * Review counts kept per UTC day, by quarter hour, beside the review logs: the review page's
 * progress (reviews per day, retention) is read from at most 91 small records instead of every
 * log of the last 90 days. With 100,000 logs, loading them, or even counting them with IndexedDB
 * indexes (which Chromium does entry by entry), held the service worker for seconds.
 *
 * Every time zone in use is a whole number of quarter hours from UTC, so each of the reader's
 * calendar days is a whole number of quarters, and the figures are exactly those counted log by
 * log (core/review-stats.ts, which the tests hold this to).
 */

import { STATE_REVIEW, type ReviewLog } from './review-card';
import { CHART_DAYS, dayOf, startOfDay } from './review-stats';

const DAY = 86_400_000;
export const QUARTER_MS = 900_000;

/** One UTC day's counts. */
export interface ReviewDay {
  /** Days since 1 January 1970, UTC. */
  day: number;
  /**
   * By quarter hour of the day (0–95): [reviews, then the reviews of cards in the review state
   * rated Again, Hard, Good and Easy]. Quarters without reviews are absent.
   */
  quarters: Record<string, number[]>;
}

/** The UTC day a time falls on (the key of its record). */
export function utcDayOf(time: number): number {
  return Math.floor(time / DAY);
}

/** The logs grouped by the UTC day they fall on. */
export function logsByDay(logs: readonly Pick<ReviewLog, 'reviewedAt' | 'rating' | 'before'>[]) {
  const days = new Map<number, (typeof logs)[number][]>();
  for (const l of logs) {
    const day = utcDayOf(l.reviewedAt);
    const list = days.get(day);
    if (list) list.push(l);
    else days.set(day, [l]);
  }
  return days;
}

/** `day`'s record with `logs` (all of that day) counted in, or out when `sign` is -1. */
export function tallied(
  record: ReviewDay | undefined,
  day: number,
  logs: readonly Pick<ReviewLog, 'reviewedAt' | 'rating' | 'before'>[],
  sign: 1 | -1,
): ReviewDay {
  const quarters: Record<string, number[]> = {};
  for (const [q, counts] of Object.entries(record?.quarters ?? {})) quarters[q] = [...counts];
  for (const l of logs) {
    const q = String(Math.floor((l.reviewedAt - day * DAY) / QUARTER_MS));
    const counts = (quarters[q] ??= [0, 0, 0, 0, 0]);
    counts[0]! += sign;
    if (l.before.state === STATE_REVIEW) counts[l.rating]! += sign;
    if (counts.every((n) => n <= 0)) delete quarters[q];
  }
  return { day, quarters };
}

/** The first UTC day whose record the progress at `now` needs. */
export function firstDayNeeded(now: number, offsetMinutes: number): number {
  return utcDayOf(startOfDay(now, offsetMinutes, CHART_DAYS - 1));
}

/**
 * Reviews per day over the chart's days (oldest first, today last) and retention over the last
 * `retentionDays` days, from the days' records, in a zone `offsetMinutes` east of UTC.
 */
export function progressOf(
  days: readonly ReviewDay[],
  now: number,
  offsetMinutes: number,
  retentionDays: number,
): { reviewsPerDay: number[]; retention: { reviews: number; passed: number } } {
  const reviewsPerDay = new Array<number>(CHART_DAYS).fill(0);
  const today = dayOf(now, offsetMinutes);
  const recent = startOfDay(now, offsetMinutes, retentionDays - 1);
  let reviews = 0;
  let again = 0;
  for (const { day, quarters } of days) {
    for (const [q, [n = 0, a = 0, h = 0, g = 0, e = 0]] of Object.entries(quarters)) {
      const start = day * DAY + Number(q) * QUARTER_MS;
      const back = today - dayOf(start, offsetMinutes);
      if (back >= 0 && back < CHART_DAYS) reviewsPerDay[CHART_DAYS - 1 - back]! += n;
      if (start >= recent) {
        reviews += a + h + g + e;
        again += a;
      }
    }
  }
  return { reviewsPerDay, retention: { reviews, passed: reviews - again } };
}
