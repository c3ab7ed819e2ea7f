import { describe, expect, test } from 'vitest';
import { BELOW_BEFORE_STOP, hasBox, walkBand, type BandWalk, type VerticalExtent } from './vertical-band';

/** Items of height 100 stacked from y = 0, with the given exceptions. */
const stacked = (count: number, overrides: Record<number, VerticalExtent> = {}) =>
  Array.from(
    { length: count },
    (_, i): VerticalExtent => (i in overrides ? overrides[i]! : { top: i * 100, bottom: i * 100 + 100 }),
  );

describe('walkBand', () => {
  const cases: { name: string; items: VerticalExtent[]; from: number; to: number; expected: BandWalk }[] = [
    {
      name: 'a band in the middle of a long list',
      items: stacked(1000),
      from: 25_050,
      to: 25_350,
      expected: { inBand: [250, 251, 252, 253], unmeasured: [], above: 249, below: 254 },
    },
    {
      name: 'a band at the top',
      items: stacked(1000),
      from: -500,
      to: 150,
      expected: { inBand: [0, 1], unmeasured: [], above: null, below: 2 },
    },
    {
      name: 'a band past the end',
      items: stacked(10),
      from: 5_000,
      to: 6_000,
      expected: { inBand: [], unmeasured: [], above: 9, below: null },
    },
    {
      name: 'a band above everything',
      items: stacked(10),
      from: -900,
      to: -100,
      expected: { inBand: [], unmeasured: [], above: null, below: 0 },
    },
    {
      name: 'an empty list',
      items: [],
      from: 0,
      to: 100,
      expected: { inBand: [], unmeasured: [], above: null, below: null },
    },
    {
      name: 'edges touching count',
      items: stacked(10),
      from: 300,
      to: 400,
      expected: { inBand: [2, 3, 4], unmeasured: [], above: 1, below: 5 },
    },
    {
      name: 'boxless items are skipped in the search and named in the walk; the edges have boxes',
      items: stacked(1000, { 248: null, 249: null, 250: null, 251: null, 254: null }),
      from: 25_050,
      to: 25_350,
      expected: { inBand: [252, 253], unmeasured: [248, 249, 250, 251, 254], above: 247, below: 255 },
    },
    {
      name: 'only boxless items',
      items: [null, null, null],
      from: 0,
      to: 100,
      expected: { inBand: [], unmeasured: [0, 1, 2], above: null, below: null },
    },
    {
      name: 'an item out of order just below the band does not end the walk',
      items: stacked(1000, { 254: { top: 90_000, bottom: 90_100 } }),
      from: 25_050,
      to: 25_550,
      expected: { inBand: [250, 251, 252, 253, 255], unmeasured: [], above: 249, below: 256 },
    },
    {
      name: 'an item out of order far above the band, after its items, is not in it',
      items: [...stacked(20), { top: 250, bottom: 260 }],
      from: 1_850,
      to: 10_000,
      expected: { inBand: [18, 19], unmeasured: [], above: 17, below: null },
    },
    {
      name: 'an item out of order above the band, at the end, does not hide the one below it',
      items: [...stacked(10), { top: 50, bottom: 60 }],
      from: 0,
      to: 650,
      expected: { inBand: [0, 1, 2, 3, 4, 5, 6, 10], unmeasured: [], above: null, below: 7 },
    },
    {
      name: 'a side column after the article in the document, as long as it, at the top: found by measuring all',
      items: [...stacked(30), ...Array.from({ length: 40 }, (_, i) => ({ top: i * 20, bottom: i * 20 + 20 }))],
      from: 2_550,
      to: 2_950,
      expected: { inBand: [25, 26, 27, 28, 29], unmeasured: [], above: 24, below: null },
    },
    {
      name: 'a column before the article in the document, placed below it: found by measuring all',
      items: [
        ...Array.from({ length: 40 }, (_, i) => ({ top: 5_000 + i * 20, bottom: 5_020 + i * 20 })),
        ...stacked(30),
      ],
      from: 1_050,
      to: 1_250,
      expected: { inBand: [50, 51, 52], unmeasured: [], above: 49, below: 53 },
    },
  ];
  test.each(cases)('$name', ({ items, from, to, expected }) => {
    expect(walkBand(items.length, (i) => items[i]!, from, to)).toEqual(expected);
  });

  test('measures a few items, not all of them', () => {
    const items = stacked(10_000);
    let asked = 0;
    const walk = walkBand(10_000, (i) => (asked++, items[i]!), 500_000, 500_400);
    expect(walk.inBand).toEqual([4999, 5000, 5001, 5002, 5003, 5004]);
    expect(asked).toBeLessThanOrEqual(Math.ceil(Math.log2(10_000)) + walk.inBand.length + BELOW_BEFORE_STOP + 2);
  });

  test('measures every item only when the walk finds none in the band', () => {
    const items = stacked(10_000);
    let asked = 0;
    const walk = walkBand(10_000, (i) => (asked++, items[i]!), 2_000_000, 2_000_100);
    expect(walk).toEqual({ inBand: [], unmeasured: [], above: 9999, below: null });
    expect(asked).toBe(10_000);
  });

  test('asks for each item at most once', () => {
    const items = stacked(300, { 100: null, 101: null, 150: null });
    const counts = new Map<number, number>();
    walkBand(300, (i) => (counts.set(i, (counts.get(i) ?? 0) + 1), items[i]!), 10_000, 12_000);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });
});

describe('hasBox', () => {
  test.each([
    [{ width: 0, height: 0 }, false],
    [{ width: 120, height: 0 }, true],
    [{ width: 0, height: 18 }, true],
    [{ width: 120, height: 18 }, true],
  ])('%o: %s', (rect, expected) => {
    expect(hasBox(rect)).toBe(expected);
  });
});
