import { expect, test } from 'vitest';
import { pauseAfter } from './pointer-pause';

test.each([
  { delay: 0, pause: null },
  { delay: 20, pause: null },
  { delay: 40, pause: 20 },
  { delay: 60, pause: 20 },
  { delay: 100, pause: 60 },
  { delay: 300, pause: 260 },
])('a rest delay of $delay ms prepares after a pause of $pause ms', ({ delay, pause }) => {
  expect(pauseAfter(delay)).toBe(pause);
});
