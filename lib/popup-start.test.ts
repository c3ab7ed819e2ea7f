import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { unwrap } from './messaging';
import { prefetchPopupStart, startPopupReads, takePopupStart, type StartApi } from './popup-start';
import { recentHighlights } from './recent-highlights';

const api = () => fakeBrowser as unknown as StartApi;

describe('the popup starting its first reads before its modules load', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    void takePopupStart(); // nothing left over from another test
  });

  test('hands the reads over once: a second taker reads afresh', async () => {
    const copy = { items: SAMPLE_HIGHLIGHTS, next: null, total: 3 };
    await recentHighlights.save(copy);
    await fakeBrowser.storage.local.set({ popupTab: 'highlights' });
    prefetchPopupStart(api());
    const start = takePopupStart();
    expect(start).toBeDefined();
    expect(takePopupStart()).toBeUndefined();
    expect(await recentHighlights.read(start!.recentHighlights)).toEqual(copy);
    expect(await start!.lastTab).toBe('highlights');
  });

  test('the active tab of the current window is read', async () => {
    const asked: unknown[] = [];
    const start = startPopupReads({
      ...api(),
      tabs: {
        query: (info) => {
          asked.push(info);
          return Promise.resolve([{ id: 5, url: 'https://dantri.com.vn/a.htm' }]);
        },
      },
    });
    expect(await start.activeTab).toEqual({ id: 5, url: 'https://dantri.com.vn/a.htm' });
    expect(asked).toEqual([{ active: true, currentWindow: true }]);
  });

  test('the due count is asked of the background with the protocol message countDue', async () => {
    const sent: unknown[] = [];
    const reply = { ok: true, value: { due: 3, next: null } };
    const start = startPopupReads({
      ...api(),
      runtime: {
        sendMessage: (m) => {
          sent.push(m);
          return Promise.resolve(reply);
        },
      },
    });
    expect(await start.dueCount).toEqual(reply);
    expect(sent).toEqual([{ type: 'countDue', params: {} }]);
    expect(unwrap(await start.dueCount, 'countDue')).toEqual({ due: 3, next: null });
  });

  test('failed reads settle to null rather than fail the popup', async () => {
    const failing = { get: () => Promise.reject(new Error('storage is gone')) };
    const start = startPopupReads({
      tabs: { query: () => Promise.reject(new Error('no tabs')) },
      storage: { local: failing, session: failing },
      runtime: { sendMessage: () => Promise.reject(new Error('no background')) },
    });
    expect(await Promise.all([start.activeTab, start.lastTab, start.recentHighlights, start.dueCount])).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  test('without a prefetch there is nothing to take', () => {
    expect(takePopupStart()).toBeUndefined();
  });
});
