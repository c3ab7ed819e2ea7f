import { expect, test } from 'vitest';
import { informativePairs } from './term-pairs';

test.each([
  [{ vi: 'Bình Nhưỡng', en: 'Pyongyang' }, true],
  [{ vi: 'Moscow', en: 'Moscow' }, false],
  [{ vi: 'Kursk', en: 'kursk' }, false],
  [{ vi: 'Lạng Sơn', en: 'Lạng Sơn' }, false],
  [{ vi: 'Lạng Sơn'.normalize('NFD'), en: 'Lạng Sơn' }, false],
  [{ vi: 'Vladimir  Putin', en: 'Vladimir Putin ' }, false],
  [{ vi: 'Hà Nội', en: 'Hanoi' }, true],
  [{ vi: 'Điện Kremlin', en: 'the Kremlin' }, true],
  [{ vi: 'thương mại điện tử', en: 'e-commerce' }, true],
])('%j is listed: %s', (pair, listed) => expect(informativePairs([pair])).toEqual(listed ? [pair] : []));

test('the order of the pairs is kept', () => {
  const pairs = [
    { vi: 'Triều Tiên', en: 'North Korea' },
    { vi: 'Moscow', en: 'Moscow' },
    { vi: 'Bình Nhưỡng', en: 'Pyongyang' },
  ];
  expect(informativePairs(pairs).map((p) => p.en)).toEqual(['North Korea', 'Pyongyang']);
});
