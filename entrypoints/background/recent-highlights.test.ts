import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HighlightRecord } from '@/core/highlight-record';
import { FIRST_PAGE_SIZE, recentHighlights } from '@/lib/recent-highlights';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { DB_NAME } from './db';
import { HighlightStore } from './highlight-store';
import { keepRecentHighlights } from './recent-highlights';

const make = (i: number): HighlightRecord => ({
  ...SAMPLE_HIGHLIGHTS[i % SAMPLE_HIGHLIGHTS.length]!,
  id: `h_${String(i).padStart(8, '0')}`,
  createdAt: Date.UTC(2025, 0, 1) + i * 1000,
  updatedAt: Date.UTC(2025, 0, 1) + i * 1000,
});

const newestIds = (from: number, n: number) =>
  Array.from({ length: n }, (_, k) => `h_${String(from - k).padStart(8, '0')}`);

let store: HighlightStore;

beforeEach(() => {
  fakeBrowser.reset();
  store = new HighlightStore();
});

afterEach(async () => {
  await store.close();
  await new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = req.onerror = req.onblocked = resolve;
  });
});

describe('the copy of the newest highlights kept for the popup', () => {
  test('holds the first page of the list after saves and deletes', async () => {
    const recent = keepRecentHighlights(store);
    await store.put(Array.from({ length: 30 }, (_, i) => make(i)));
    await recent.refresh();
    let copy = await recentHighlights.read();
    expect(copy?.total).toBe(30);
    expect(copy?.items.map((h) => h.id)).toEqual(newestIds(29, FIRST_PAGE_SIZE));
    // Its cursor continues the list where the copy ends.
    const rest = await store.list({}, copy!.next, 50);
    expect(rest.items.map((h) => h.id)).toEqual(newestIds(29 - FIRST_PAGE_SIZE, 30 - FIRST_PAGE_SIZE));

    await store.delete(['h_00000029', 'h_00000028'], Date.now());
    await recent.refresh();
    copy = await recentHighlights.read();
    expect(copy?.total).toBe(28);
    expect(copy?.items[0]?.id).toBe('h_00000027');
  });

  test('changes arriving during a write are folded into one more write that reflects the last', async () => {
    // A store whose answers the test hands out one by one.
    const answers: ((page: Awaited<ReturnType<HighlightStore['list']>>) => void)[] = [];
    const list = vi.fn(() => new Promise<Awaited<ReturnType<HighlightStore['list']>>>((r) => answers.push(r)));
    const recent = keepRecentHighlights({ list });
    const write = vi.spyOn(recentHighlights, 'save');
    const done = Promise.all([recent.refresh(), recent.refresh(), recent.refresh()]);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    answers[0]!({ items: [make(1)], next: null, total: 1 });
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    answers[1]!({ items: [make(3), make(2), make(1)], next: null, total: 3 });
    await done;
    expect(list).toHaveBeenCalledTimes(2);
    expect(write).toHaveBeenCalledTimes(2);
    expect((await recentHighlights.read())?.items.map((h) => h.id)).toEqual(newestIds(3, 3));
  });

  test('with nothing stored the copy says so', async () => {
    await keepRecentHighlights(store).refresh();
    expect(await recentHighlights.read()).toEqual({ items: [], next: null, total: 0 });
  });
});
