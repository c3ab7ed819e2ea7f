import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { recentHighlights } from './recent-highlights';
import { opensOnHighlights, prefetchRecentHighlights, takePrefetched } from './recent-highlights-prefetch';

describe('the popup prefetching its stored copy of the newest highlights', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    void takePrefetched(); // nothing left over from another test
  });

  test('hands the read over once: a second taker reads afresh', async () => {
    const copy = { items: SAMPLE_HIGHLIGHTS, next: null, total: 3 };
    await recentHighlights.save(copy);
    prefetchRecentHighlights(fakeBrowser.storage.local);
    const read = takePrefetched();
    expect(read).toBeInstanceOf(Promise);
    expect(takePrefetched()).toBeUndefined();
    expect(await recentHighlights.read(read)).toEqual(copy);
  });

  test('what the prefetch read is validated like any stored copy', async () => {
    await fakeBrowser.storage.local.set({ recentHighlights: { version: 1, items: 'no', next: null, total: 0 } });
    prefetchRecentHighlights(fakeBrowser.storage.local);
    expect(await recentHighlights.read(takePrefetched())).toBeNull();
  });

  test('nothing stored, or a failed read, gives no copy rather than an error', async () => {
    prefetchRecentHighlights(fakeBrowser.storage.local);
    expect(await takePrefetched()).toBeNull();
    prefetchRecentHighlights({ get: () => Promise.reject(new Error('storage is gone')) });
    expect(await takePrefetched()).toBeNull();
  });

  test('without a prefetch there is nothing to take', () => {
    expect(takePrefetched()).toBeUndefined();
  });
});

test.each([
  ['?view=highlights', true],
  ['?view=highlights&hold', true],
  ['?tab=12&view=highlights', true],
  ['', false],
  ['?view=page', false],
  ['?view=Highlights', false],
])('the popup opened with %j opens on the highlights: %s', (search, expected) => {
  expect(opensOnHighlights(search)).toBe(expected);
});
