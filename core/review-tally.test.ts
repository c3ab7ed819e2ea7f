import { describe, expect, test } from 'vitest';
import { seededRandom } from '@/scripts/lib/variations';
import type { CardState, ReviewLog, ReviewRating } from './review-card';
import { perDay, retention, startOfDay } from './review-stats';
import { firstDayNeeded, logsByDay, progressOf, tallied, type ReviewDay } from './review-tally';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 3, 7);

type Log = Pick<ReviewLog, 'reviewedAt' | 'rating' | 'before'>;
const log = (reviewedAt: number, rating: number, state: number): Log =>
  ({ reviewedAt, rating: rating as ReviewRating, before: { state: state as CardState } }) as Log;

function daysOf(logs: readonly Log[]): ReviewDay[] {
  return [...logsByDay(logs)].map(([day, ofDay]) => tallied(undefined, day, ofDay, 1));
}

describe('review counts per UTC day by quarter hour', () => {
  test('a log counts in its quarter, and in its rating when the card was in review', () => {
    const day = Math.floor(NOW / DAY);
    const at = day * DAY + 3 * 3_600_000 + 20 * 60_000; // 03:20 UTC: quarter 13
    expect(tallied(undefined, day, [log(at, 3, 2), log(at + 60_000, 1, 2), log(at, 4, 0)], 1)).toEqual({
      day,
      quarters: { '13': [3, 1, 0, 1, 0] },
    });
  });

  test('counting out what was counted in leaves nothing', () => {
    const day = Math.floor(NOW / DAY);
    const logs = [log(day * DAY + 5, 2, 2), log(day * DAY + DAY - 1, 4, 1)];
    const record = tallied(undefined, day, logs, 1);
    expect(Object.keys(record.quarters)).toEqual(['0', '95']);
    expect(tallied(record, day, logs, -1)).toEqual({ day, quarters: {} });
    expect(tallied(record, day, [logs[0]!], -1).quarters).toEqual({ '95': [1, 0, 0, 0, 0] });
  });

  // UTC, Hanoi, New York, Kathmandu (+5:45), St John's (−3:30), Chatham (+12:45), Baker Island (−12).
  test.each([0, 420, -300, 345, -210, 765, -720])(
    'reviews per day and retention agree with the log-by-log figures at offset %i',
    (offset) => {
      const random = seededRandom(offset + 7);
      const logs = Array.from({ length: 800 }, (_, i) =>
        log(
          NOW - Math.floor(random() * 95 * DAY) + (i % 100 === 0 ? DAY : 0),
          1 + Math.floor(random() * 4),
          Math.floor(random() * 4),
        ),
      );
      // Only the records the progress read asks for.
      const days = daysOf(logs).filter((d) => d.day >= firstDayNeeded(NOW, offset));
      const recent = startOfDay(NOW, offset, 29);
      expect(progressOf(days, NOW, offset, 30)).toEqual({
        reviewsPerDay: perDay(
          logs.map((l) => l.reviewedAt),
          NOW,
          offset,
        ),
        retention: retention(logs.filter((l) => l.reviewedAt >= recent)),
      });
    },
  );
});
