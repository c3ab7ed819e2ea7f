import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { FIRST_PAGE_SIZE, recentHighlights } from './recent-highlights';

describe('the stored copy of the newest highlights', () => {
  beforeEach(() => fakeBrowser.reset());

  test('reads back what was stored', async () => {
    const copy = { items: SAMPLE_HIGHLIGHTS, next: '1731573000000:h_0001aaaa', total: 3 };
    await recentHighlights.save(copy);
    expect(await recentHighlights.read()).toEqual(copy);
  });

  test('is stored under its own key with the version of its shape', async () => {
    await recentHighlights.save({ items: [], next: null, total: 0 });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({
      recentHighlights: { version: 1, items: [], next: null, total: 0 },
    });
  });

  test('is kept where content scripts cannot read it: nothing of it is in storage.local', async () => {
    await recentHighlights.save({ items: SAMPLE_HIGHLIGHTS, next: null, total: 3 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  test('is null when nothing was stored yet', async () => {
    expect(await recentHighlights.read()).toBeNull();
  });

  const broken: [string, unknown][] = [
    ['not an object', 'recent'],
    ['no version (the shape before versions)', { items: [], next: null, total: 0 }],
    ['another version', { version: 2, items: [], next: null, total: 0 }],
    ['items missing', { version: 1, next: null, total: 1 }],
    ['a negative total', { version: 1, items: [], next: null, total: -1 }],
    [
      'a record without its quote',
      { version: 1, items: [{ ...SAMPLE_HIGHLIGHTS[0], quote: undefined }], next: null, total: 1 },
    ],
    [
      'a record with a non-http URL',
      { version: 1, items: [{ ...SAMPLE_HIGHLIGHTS[0], url: 'javascript:alert(1)' }], next: null, total: 1 },
    ],
    [
      'more records than a first page',
      {
        version: 1,
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
    await fakeBrowser.storage.session.set({ recentHighlights: value });
    expect(await recentHighlights.read()).toBeNull();
  });
});
