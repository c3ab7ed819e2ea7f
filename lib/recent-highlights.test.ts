import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { FIRST_PAGE_SIZE, readRecentHighlights, recentHighlights } from './recent-highlights';

describe('the stored copy of the newest highlights', () => {
  beforeEach(() => fakeBrowser.reset());

  test('reads back what was stored', async () => {
    const copy = { items: SAMPLE_HIGHLIGHTS, next: '1731573000000:h_0001aaaa', total: 3 };
    await recentHighlights.setValue(copy);
    expect(await readRecentHighlights()).toEqual(copy);
  });

  test('is null when nothing was stored yet', async () => {
    expect(await readRecentHighlights()).toBeNull();
  });

  const broken: [string, unknown][] = [
    ['not an object', 'recent'],
    ['items missing', { next: null, total: 1 }],
    ['a negative total', { items: [], next: null, total: -1 }],
    ['a record without its quote', { items: [{ ...SAMPLE_HIGHLIGHTS[0], quote: undefined }], next: null, total: 1 }],
    [
      'markup in a note',
      { items: [{ ...SAMPLE_HIGHLIGHTS[0], note: '<img src=x onerror=alert(1)>' }], next: null, total: 1 },
    ],
    [
      'more records than a first page',
      {
        items: Array.from({ length: FIRST_PAGE_SIZE + 1 }, (_, i) => ({
          ...SAMPLE_HIGHLIGHTS[0],
          id: `h_${i}xxxxxxxx`,
        })),
        next: null,
        total: 21,
      },
    ],
  ];
  test.each(broken)('is ignored with %s', async (_, value) => {
    await fakeBrowser.storage.local.set({ recentHighlights: value });
    expect(await readRecentHighlights()).toBeNull();
  });
});
