// @vitest-environment jsdom
import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { HighlightRecord } from '@/core/highlight-record';
import type { HighlightQuery } from '@/lib/protocol';
import { recentHighlights, type RecentHighlights } from '@/lib/recent-highlights';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { rowIds, usePopupHost } from './test-host';
import { HighlightsTab } from './HighlightsTab';

type Page = { items: HighlightRecord[]; next: string | null; total: number };

/**
 * Answers the popup's messages; `listHighlights` waits until the test calls `answer`.
 * `rowsWhenAsked` holds how many rows were on screen each time the list was asked for.
 */
function background() {
  let answer: (page: Page) => void = () => {};
  const pending = new Promise<Page>((r) => (answer = r));
  const rowsWhenAsked: number[] = [];
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
    if (message.type === 'listHighlights') {
      rowsWhenAsked.push(rowIds().length);
      return { ok: true, value: await pending };
    }
    if (message.type === 'highlightFacets') return { ok: true, value: { total: 0, orphans: 0, tags: [], sites: [] } };
    if (message.type === 'listDeletions') return { ok: true, value: [] };
    return { ok: false, error: `unexpected ${message.type}` };
  }) as never);
  return { answer: (page: Page) => answer(page), rowsWhenAsked };
}

const count = () => document.querySelector('[data-testid="highlight-count"]')?.textContent;
const COPY: RecentHighlights = { items: SAMPLE_HIGHLIGHTS, next: null, total: 3 };
const LIVE: Page = { items: [SAMPLE_HIGHLIGHTS[2]!], next: null, total: 1 };

describe('the highlights list opens on the stored copy of the newest highlights', () => {
  const host = usePopupHost();

  test('shows the copy while the background has not answered, then its answer', async () => {
    await recentHighlights.save(COPY);
    const bg = background();
    render(<HighlightsTab />, host());
    await vi.waitFor(() => expect(rowIds()).toEqual(['h_0003cccc', 'h_0002bbbb', 'h_0001aaaa']));
    expect(count()).toBe('3 highlights');
    bg.answer(LIVE);
    await vi.waitFor(() => expect(rowIds()).toEqual(['h_0003cccc']));
    expect(count()).toBe('1 highlight');
  });

  test('the background is asked only once the copy is on screen', async () => {
    await recentHighlights.save(COPY);
    const bg = background();
    render(<HighlightsTab />, host());
    await vi.waitFor(() => expect(bg.rowsWhenAsked).toHaveLength(1));
    expect(bg.rowsWhenAsked).toEqual([3]);
  });

  test('a copy whose read began before the list mounted is used as it is', async () => {
    await recentHighlights.save({ items: [SAMPLE_HIGHLIGHTS[1]!], next: null, total: 1 });
    const read = vi.spyOn(recentHighlights, 'read');
    background();
    render(<HighlightsTab copy={Promise.resolve(COPY)} />, host());
    await vi.waitFor(() => expect(rowIds()).toEqual(['h_0003cccc', 'h_0002bbbb', 'h_0001aaaa']));
    expect(read).not.toHaveBeenCalled();
  });

  test('a copy that takes too long to read is skipped: the background is asked regardless', async () => {
    let release: (v: RecentHighlights) => void = () => {};
    vi.spyOn(recentHighlights, 'read').mockReturnValue(new Promise((r) => (release = r)));
    const bg = background();
    render(<HighlightsTab />, host());
    await vi.waitFor(() => expect(browser.runtime.sendMessage).toHaveBeenCalled(), { timeout: 1000 });
    bg.answer(LIVE);
    await vi.waitFor(() => expect(rowIds()).toEqual(['h_0003cccc']));
    release(COPY);
    await new Promise((r) => setTimeout(r, 20));
    expect(rowIds()).toEqual(['h_0003cccc']);
    expect(count()).toBe('1 highlight');
  });

  test('the filters and the undo list are asked for only once the background has answered', async () => {
    await recentHighlights.save(COPY);
    const bg = background();
    render(<HighlightsTab />, host());
    await vi.waitFor(() => expect(rowIds()).toHaveLength(3));
    await new Promise((r) => setTimeout(r, 20));
    const types = () =>
      vi.mocked(browser.runtime.sendMessage).mock.calls.map(([m]) => (m as unknown as { type: string }).type);
    expect(types()).toEqual(['listHighlights']);
    bg.answer(LIVE);
    await vi.waitFor(() => expect(types()).toEqual(['listHighlights', 'highlightFacets', 'listDeletions']));
  });

  test('without a copy it waits for the background', async () => {
    const bg = background();
    render(<HighlightsTab />, host());
    await vi.waitFor(() => expect(bg.rowsWhenAsked).toEqual([0]));
    expect(rowIds()).toEqual([]);
    expect(count()).toBe('Loading…');
    bg.answer(LIVE);
    await vi.waitFor(() => expect(rowIds()).toEqual(['h_0003cccc']));
  });
});

describe('further pages continue the list on screen', () => {
  const host = usePopupHost({ endInView: true });
  const [a, b, c] = SAMPLE_HIGHLIGHTS as [HighlightRecord, HighlightRecord, HighlightRecord];

  /** A background that answers at once; `asked` records each list request's colour and cursor. */
  function answering(answer: (q: HighlightQuery, cursor: string | null) => Page | Promise<Page>) {
    const asked: string[] = [];
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(((message: {
      type: string;
      params: { query: HighlightQuery; cursor: string | null };
    }) => {
      if (message.type === 'listHighlights') {
        const { query, cursor } = message.params;
        asked.push(`${query.color ?? 'all'}@${cursor ?? 'start'}`);
        return Promise.resolve(answer(query, cursor)).then((value) => ({ ok: true, value }));
      }
      if (message.type === 'highlightFacets')
        return Promise.resolve({ ok: true, value: { total: 3, orphans: 0, tags: [], sites: [] } });
      if (message.type === 'listDeletions') return Promise.resolve({ ok: true, value: [] });
      return Promise.resolve({ ok: false, error: `unexpected ${message.type}` });
    }) as never);
    return asked;
  }

  test("the background's first page replaces a stale copy, and paging follows its cursor, not the copy's", async () => {
    await recentHighlights.save({ items: [{ ...c, id: 'h_stale000' }], next: 'copy-cursor', total: 9 });
    const asked = answering((_, cursor) =>
      cursor === null ? { items: [c, b], next: 'live-cursor', total: 3 } : { items: [a], next: null, total: 3 },
    );
    render(<HighlightsTab />, host());
    await vi.waitFor(() => expect(rowIds()).toEqual(['h_0003cccc', 'h_0002bbbb', 'h_0001aaaa']));
    expect(asked).toEqual(['all@start', 'all@live-cursor']);
  });

  test("a filter chosen with more pages pending shows the filter's rows, not the next page of the old list", async () => {
    // The unfiltered list has a page beyond its second that is still on its way when the filter
    // changes; the green list's first page takes a moment.
    const asked = answering((q, cursor) => {
      if (q.color === 'green') {
        return new Promise<Page>((r) => setTimeout(() => r({ items: cursor ? [a] : [b], next: null, total: 1 }), 60));
      }
      if (cursor === null) return { items: [c], next: 'p1', total: 3 };
      if (cursor === 'p1') return { items: [a], next: 'p2', total: 3 };
      return new Promise<Page>(() => {});
    });
    render(<HighlightsTab />, host());
    await vi.waitFor(() => expect(asked).toContain('all@p2'));
    const colour = document.querySelector<HTMLSelectElement>('select[aria-label="Colour"]')!;
    colour.value = 'green';
    colour.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(count()).toBe('1 highlight found'));
    await new Promise((r) => setTimeout(r, 100));
    expect(rowIds()).toEqual(['h_0002bbbb']);
    expect(asked).toEqual(['all@start', 'all@p1', 'all@p2', 'green@start']);
  });
});

describe('undo and import, from the list', () => {
  const host = usePopupHost();
  const DELETION = {
    undoId: 'u_00000000-0000-4000-8000-000000000000',
    deletedAt: 1,
    count: 1,
    quote: 'Moscow và Bình Nhưỡng',
  };

  function backgroundWith(handlers: Record<string, (params: unknown) => unknown>) {
    const sent: string[] = [];
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (message: { type: string; params: unknown }) => {
      sent.push(message.type);
      const handler = handlers[message.type];
      if (!handler) return { ok: false, error: `unexpected ${message.type}` };
      try {
        return { ok: true, value: await handler(message.params) };
      } catch (e) {
        return { ok: false, error: `${message.type}: ${(e as Error).message}` };
      }
    }) as never);
    return sent;
  }

  test('a delete made in an earlier popup can be undone, and a failed undo says why', async () => {
    let deletions = [DELETION];
    const sent = backgroundWith({
      listHighlights: () => LIVE,
      highlightFacets: () => ({ total: 1, orphans: 0, tags: [], sites: [] }),
      listDeletions: () => deletions,
      undoDeletion: () => {
        deletions = [];
        return { restored: 1 };
      },
    });
    render(<HighlightsTab />, host());
    const undo = await vi.waitFor(() => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Undo');
      expect(b).toBeDefined();
      return b!;
    });
    expect(document.querySelector('.undo-list')?.textContent).toContain('Moscow và Bình Nhưỡng');
    undo.click();
    await vi.waitFor(() => expect(document.querySelector('.undo-list')).toBeNull());
    expect(sent).toContain('undoDeletion');

    render(null, host());
    deletions = [DELETION];
    backgroundWith({
      listHighlights: () => LIVE,
      highlightFacets: () => ({ total: 1, orphans: 0, tags: [], sites: [] }),
      listDeletions: () => deletions,
      undoDeletion: () => {
        throw new Error('That delete can no longer be undone: deleted highlights are kept for 10 minutes.');
      },
    });
    render(<HighlightsTab />, host());
    const again = await vi.waitFor(() => {
      const button = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Undo');
      expect(button).toBeDefined();
      return button!;
    });
    again.click();
    await vi.waitFor(() =>
      expect(document.querySelector('[role="alert"]')?.textContent).toMatch(/kept for 10 minutes/),
    );
  });

  test('a file too large to import is refused before it is read', async () => {
    backgroundWith({
      listHighlights: () => LIVE,
      highlightFacets: () => ({ total: 1, orphans: 0, tags: [], sites: [] }),
      listDeletions: () => [],
    });
    render(<HighlightsTab />, host());
    await vi.waitFor(() => expect(rowIds()).toEqual(['h_0003cccc']));
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File(['{}'], 'huge.json', { type: 'application/json' });
    Object.defineProperty(file, 'size', { value: 500_000_000 });
    const read = vi.spyOn(file, 'text');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() =>
      expect(document.querySelector('[data-testid="import-result"]')?.textContent).toMatch(
        /too large to import \(500\.0 MB/,
      ),
    );
    expect(read).not.toHaveBeenCalled();
  });
});
