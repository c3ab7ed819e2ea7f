import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HighlightRecord } from '@/core/highlight-record';
import { DB_NAME } from '@/entrypoints/background/db';
import { createHandlers } from '@/entrypoints/background/handlers';
import { HighlightStore } from '@/entrypoints/background/highlight-store';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { allHighlightIds, deleteAllHighlights, type Send } from './delete-all';
import type { Protocol } from './protocol';

const OPTIONS_PAGE = { tabId: undefined, url: 'chrome-extension://x/options.html', isExtensionPage: true };

let store: HighlightStore;
let send: Send;
let asked: (keyof Protocol)[];

beforeEach(() => {
  fakeBrowser.reset();
  store = new HighlightStore();
  const handlers = createHandlers(store);
  asked = [];
  // The background's own handlers, as the options page reaches them.
  send = ((type: keyof Protocol, params: unknown) => {
    asked.push(type);
    return Promise.resolve((handlers[type] as (p: unknown, s: typeof OPTIONS_PAGE) => unknown)(params, OPTIONS_PAGE));
  }) as Send;
});

afterEach(async () => {
  await store.close();
  await new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = req.onerror = req.onblocked = resolve;
  });
});

/** `n` distinct highlights, a few seconds apart. */
function many(n: number): HighlightRecord[] {
  const base = SAMPLE_HIGHLIGHTS[0]!;
  return Array.from({ length: n }, (_, i) => ({
    ...base,
    id: `h_${String(i).padStart(8, '0')}`,
    createdAt: base.createdAt + i * 1000,
    updatedAt: base.createdAt + i * 1000,
  }));
}

describe('deleting every highlight', () => {
  test('collects the ids over several pages, deletes them as one delete, and one undo brings all back', async () => {
    // Small pages stand for the real 500, so the test pages without saving thousands.
    const n = 7;
    await store.import(many(n));
    const ids = await allHighlightIds(send, 3);
    expect(ids).toHaveLength(n);
    expect(new Set(ids).size).toBe(n);
    expect(asked.filter((t) => t === 'listHighlights')).toHaveLength(3);

    const deletions = await deleteAllHighlights(send, { page: 3, delete: 100 });
    expect(deletions).toHaveLength(1);
    expect(deletions[0]!.count).toBe(n);
    expect((await store.list({}, null, 10)).total).toBe(0);

    await send('undoDeletion', { undoId: deletions[0]!.undoId });
    expect((await store.list({}, null, 10)).total).toBe(n);
  });

  test('more ids than one delete takes: one delete per batch, each undoable', async () => {
    await store.import(many(5));
    const deletions = await deleteAllHighlights(send, { page: 2, delete: 3 });
    expect(deletions.map((d) => d.count)).toEqual([3, 2]);
    expect((await store.list({}, null, 10)).total).toBe(0);
  });

  test('with nothing saved, nothing is deleted and there is nothing to undo', async () => {
    expect(await deleteAllHighlights(send)).toEqual([]);
    expect(asked).toEqual(['listHighlights']);
  });
});
