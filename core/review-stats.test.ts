import { describe, expect, test } from 'vitest';
import { dayOf, knownOverTime, perDay, retention, startOfDay, streak } from './review-stats';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 5 January 2026, 09:00 in Hanoi (UTC+7) is 02:00 UTC.
const NOW = Date.UTC(2026, 0, 5, 2, 0);
const HANOI = 7 * 60;

describe('days in the reader’s time zone', () => {
  test('a review at 23:30 UTC on the 4th is on the 5th in Hanoi, on the 4th in London', () => {
    const t = Date.UTC(2026, 0, 4, 23, 30);
    expect(dayOf(t, HANOI) - dayOf(t, 0)).toBe(1);
    expect(startOfDay(NOW, HANOI)).toBe(Date.UTC(2026, 0, 4, 17, 0));
    expect(startOfDay(NOW, HANOI, 1)).toBe(Date.UTC(2026, 0, 3, 17, 0));
  });

  test('reviews per day: today last, the oldest day first, nothing outside the window', () => {
    const today = startOfDay(NOW, HANOI);
    const times = [today + 1, today + 2 * HOUR, today - 1, today - 3 * DAY + HOUR, today - 10 * DAY, NOW + DAY];
    expect(perDay(times, NOW, HANOI, 5)).toEqual([0, 1, 0, 1, 2]);
  });
});

describe('retention', () => {
  test('only reviews of cards in the review state count; Again fails, the rest pass', () => {
    const log = (rating: 1 | 2 | 3 | 4, state: number) => ({ rating, before: { state } });
    expect(retention([log(3, 2), log(1, 2), log(2, 2), log(4, 2), log(1, 0), log(3, 1), log(1, 3)])).toEqual({
      reviews: 4,
      passed: 3,
    });
  });
});

describe('progress', () => {
  test('words known over time: those known before the window, then each day’s additions', () => {
    const today = startOfDay(NOW, HANOI);
    const knownAts = [
      today - 30 * DAY,
      today - 2 * DAY + HOUR,
      today - DAY + HOUR,
      today - DAY + 2 * HOUR,
      today + HOUR,
    ];
    expect(knownOverTime(knownAts, NOW, HANOI, 4)).toEqual([1, 2, 4, 5]);
  });

  test.each([
    [[0, 1, 1, 1], 3],
    [[1, 1, 1, 0], 3],
    [[1, 0, 1, 1], 2],
    [[1, 1, 0, 0], 0],
    [[], 0],
  ])('streak of %j is %i', (counts, n) => {
    expect(streak(counts)).toBe(n);
  });
});
