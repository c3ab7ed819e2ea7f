import { expect, test } from 'vitest';
import { RateLimiter } from './rate-limit';

test('a burst is allowed, then refused until the allowance comes back', () => {
  const limiter = new RateLimiter({ burst: 3, perSecond: 1 });
  expect([1, 2, 3, 4].map(() => limiter.take('tab', 0))).toEqual([true, true, true, false]);
  expect(limiter.take('tab', 500)).toBe(false);
  expect(limiter.take('tab', 1000)).toBe(true);
  expect(limiter.take('tab', 1000)).toBe(false);
});

test('keys are independent, and allowance never exceeds the burst', () => {
  const limiter = new RateLimiter({ burst: 2, perSecond: 10 });
  expect(limiter.take(1, 0, 2)).toBe(true);
  expect(limiter.take(2, 0, 2)).toBe(true);
  expect(limiter.take(1, 60_000, 3)).toBe(false);
  expect(limiter.take(1, 60_000, 2)).toBe(true);
});

test('costs are weighed, and a refused cost spends nothing', () => {
  const limiter = new RateLimiter({ burst: 100, perSecond: 10 });
  expect(limiter.take('t', 0, 80)).toBe(true);
  expect(limiter.take('t', 0, 30)).toBe(false);
  expect(limiter.take('t', 0, 20)).toBe(true);
  limiter.forget('t');
  expect(limiter.take('t', 0, 100)).toBe(true);
});
