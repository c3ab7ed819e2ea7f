import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HighlightDraft } from '@/core/highlight-record';
import { validate } from '@/core/validate';
import { PROTOCOL_PARAMS, TRANSFER_CHUNK_CHARS } from '@/lib/protocol';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { DB_NAME } from './db';
import { ANALYSIS_LIMIT, createHandlers, SPAN_LIMIT } from './handlers';
import { SAVE_LIMIT } from './highlight-handlers';
import { HighlightStore } from './highlight-store';

const PAGE = 'https://dantri.com.vn/the-gioi/a.htm';
const fromTab = (tabId: number) => ({ tabId, url: PAGE, isExtensionPage: false });
const POPUP = { tabId: undefined, url: 'chrome-extension://x/popup.html', isExtensionPage: true };
const { id: _i, site: _s, createdAt: _c, updatedAt: _u, orphan: _o, ...draftFields } = SAMPLE_HIGHLIGHTS[0]!;
const draft: HighlightDraft = { ...draftFields, url: PAGE };

let store: HighlightStore;
let handlers: ReturnType<typeof createHandlers>;

beforeEach(() => {
  fakeBrowser.reset();
  store = new HighlightStore();
  handlers = createHandlers(store);
});

afterEach(async () => {
  await store.close();
  await new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = req.onerror = req.onblocked = resolve;
  });
});

describe('what a tab may ask of the background', () => {
  test(`a tab may save ${SAVE_LIMIT.burst} highlights at once, then is slowed down; another tab is not`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 0, 1));
    try {
      for (let i = 0; i < SAVE_LIMIT.burst; i++) await handlers.saveHighlight({ draft }, fromTab(1));
      await expect(handlers.saveHighlight({ draft }, fromTab(1))).rejects.toThrow(/Too many highlights/);
      await expect(handlers.saveHighlight({ draft }, fromTab(2))).resolves.toMatchObject({ url: PAGE });
      vi.setSystemTime(Date.UTC(2026, 0, 1) + 2000);
      await expect(handlers.saveHighlight({ draft }, fromTab(1))).resolves.toMatchObject({ url: PAGE });
    } finally {
      vi.useRealTimers();
    }
  });

  test('a page may only save on its own URL', async () => {
    await expect(
      handlers.saveHighlight({ draft: { ...draft, url: 'https://vnexpress.net/b' } }, fromTab(1)),
    ).rejects.toThrow(/only use its own highlights/);
  });

  test.each([
    // A burst the size of a long page.
    ['analysis', 'analyzeBlocks', 60_000, ANALYSIS_LIMIT.burst],
    // A few screens at once.
    ['reading ahead', 'lookupSpans', 8_000, SPAN_LIMIT.burst],
  ] as const)('%s (%s) is rationed per tab by characters: a burst, then refused', (_what, type, size, burst) => {
    const texts = ['x'.repeat(size)];
    // The answer itself does not matter here (the packaged data is not loaded in unit tests).
    const ask = (tab: number) => void Promise.resolve(handlers[type]({ texts }, fromTab(tab))).catch(() => undefined);
    let accepted = 0;
    let refused: unknown = null;
    while (!refused && accepted < 1000) {
      try {
        ask(9);
        accepted++;
      } catch (e) {
        refused = e;
      }
    }
    expect(String(refused)).toMatch(/rate limited/);
    expect(accepted * size).toBeLessThanOrEqual(burst);
    expect(accepted * size).toBeGreaterThan(burst - size * 2);
    // Another tab has its own allowance.
    expect(() => ask(10)).not.toThrow();
  });
});

describe('a note written in the note editor', () => {
  test('the draft waits for the editor, which saves it with its note, colour and tags', async () => {
    const { token } = await handlers.stageHighlight({ draft }, fromTab(3));
    expect(await handlers.getStagedHighlight({ token }, POPUP)).toEqual({
      quote: draft.quote.exact,
      color: draft.color,
    });
    const saved = await handlers.commitStagedHighlight(
      { token, note: ' Why now? ', color: 'pink', tags: ['#a', '', 'b'] },
      POPUP,
    );
    expect(saved).toMatchObject({ note: 'Why now?', color: 'pink', tags: ['a', 'b'], url: PAGE });
    expect(await store.get(saved.id)).toEqual(saved);
    // Once saved, the token is spent.
    await expect(handlers.getStagedHighlight({ token }, POPUP)).rejects.toThrow(/select the text again/);
  });

  test('a discarded draft saves nothing', async () => {
    const { token } = await handlers.stageHighlight({ draft }, fromTab(3));
    await handlers.discardStagedHighlight({ token }, POPUP);
    await expect(
      handlers.commitStagedHighlight({ token, note: 'x', color: 'yellow', tags: [] }, POPUP),
    ).rejects.toThrow(/select the text again/);
    expect((await store.list({}, null, 10)).total).toBe(0);
  });
});

describe('editing from the popup', () => {
  test('tags as typed ("a, , b,") are accepted and cleaned', async () => {
    await store.put([SAMPLE_HIGHLIGHTS[0]!]);
    const params = { id: SAMPLE_HIGHLIGHTS[0]!.id, patch: { tags: ['a', ' ', ' b', ''] } };
    expect(validate(PROTOCOL_PARAMS.updateHighlight, params).ok).toBe(true);
    expect((await handlers.updateHighlight(params, POPUP)).tags).toEqual(['a', 'b']);
    expect((await handlers.updateHighlight({ id: params.id, patch: { tags: [''] } }, POPUP)).tags).toEqual([]);
  });

  test('an export too large for one message comes in chunks that add up to the whole file', async () => {
    const many = Array.from({ length: 6000 }, (_, i) => ({
      ...SAMPLE_HIGHLIGHTS[i % 3]!,
      id: `h_${String(i).padStart(8, '0')}`,
      note: 'n'.repeat(600),
    }));
    await store.import(many);
    const prepared = await handlers.exportHighlights({ query: {}, format: 'json' }, POPUP);
    expect(prepared.chunks).toBeGreaterThan(1);
    let text = '';
    for (let index = 0; index < prepared.chunks; index++) {
      const chunk = await handlers.exportChunk({ exportId: prepared.exportId, index }, POPUP);
      expect(chunk.length).toBeLessThanOrEqual(TRANSFER_CHUNK_CHARS);
      text += chunk;
    }
    expect((JSON.parse(text) as { highlights: unknown[] }).highlights).toHaveLength(6000);
    // Taken in full, it is released.
    await expect(
      Promise.resolve().then(() => handlers.exportChunk({ exportId: prepared.exportId, index: 0 }, POPUP)),
    ).rejects.toThrow(/export again/);
  }, 60_000);
});
