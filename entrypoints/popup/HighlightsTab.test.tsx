// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HighlightRecord } from '@/core/highlight-record';
import { recentHighlights, type RecentHighlights } from '@/lib/recent-highlights';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { HighlightsTab } from './HighlightsTab';

type Page = { items: HighlightRecord[]; next: string | null; total: number };

/** Answers the popup's messages; `listHighlights` waits until the test calls `answer`. */
function background() {
  let answer: (page: Page) => void = () => {};
  const pending = new Promise<Page>((r) => (answer = r));
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
    if (message.type === 'listHighlights') return { ok: true, value: await pending };
    if (message.type === 'highlightFacets') return { ok: true, value: { total: 0, orphans: 0, tags: [], sites: [] } };
    return { ok: false, error: `unexpected ${message.type}` };
  }) as never);
  return { answer: (page: Page) => answer(page) };
}

const rows = () => [...document.querySelectorAll('[data-testid="highlight"]')].map((li) => li.getAttribute('data-id'));
const count = () => document.querySelector('[data-testid="highlight-count"]')?.textContent;
const COPY: RecentHighlights = { items: SAMPLE_HIGHLIGHTS, next: null, total: 3 };
const LIVE: Page = { items: [SAMPLE_HIGHLIGHTS[2]!], next: null, total: 1 };

let host: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  // jsdom has no IntersectionObserver; the list only uses it to load further pages.
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
  host = document.createElement('div');
  document.body.append(host);
});

afterEach(() => {
  render(null, host);
  host.remove();
  vi.unstubAllGlobals();
});

describe('the highlights list opens on the stored copy of the newest highlights', () => {
  test('shows the copy while the background has not answered, then its answer', async () => {
    await recentHighlights.setValue(COPY);
    const bg = background();
    render(<HighlightsTab />, host);
    await vi.waitFor(() => expect(rows()).toEqual(['h_0003cccc', 'h_0002bbbb', 'h_0001aaaa']));
    expect(count()).toBe('3 highlights');
    bg.answer(LIVE);
    await vi.waitFor(() => expect(rows()).toEqual(['h_0003cccc']));
    expect(count()).toBe('1 highlight');
  });

  test('a copy that takes too long to read is skipped: the background is asked regardless', async () => {
    let release: (v: RecentHighlights) => void = () => {};
    vi.spyOn(recentHighlights, 'getValue').mockReturnValue(new Promise((r) => (release = r)));
    const bg = background();
    render(<HighlightsTab />, host);
    await vi.waitFor(() => expect(browser.runtime.sendMessage).toHaveBeenCalled(), { timeout: 1000 });
    bg.answer(LIVE);
    await vi.waitFor(() => expect(rows()).toEqual(['h_0003cccc']));
    release(COPY);
    await new Promise((r) => setTimeout(r, 20));
    expect(rows()).toEqual(['h_0003cccc']);
    expect(count()).toBe('1 highlight');
  });

  test('the filters are asked for only once the background has answered', async () => {
    await recentHighlights.setValue(COPY);
    const bg = background();
    render(<HighlightsTab />, host);
    await vi.waitFor(() => expect(rows()).toHaveLength(3));
    await new Promise((r) => setTimeout(r, 20));
    const types = () =>
      vi.mocked(browser.runtime.sendMessage).mock.calls.map(([m]) => (m as unknown as { type: string }).type);
    expect(types()).toEqual(['listHighlights']);
    bg.answer(LIVE);
    await vi.waitFor(() => expect(types()).toEqual(['listHighlights', 'highlightFacets']));
  });

  test('without a copy it waits for the background', async () => {
    const bg = background();
    render(<HighlightsTab />, host);
    await new Promise((r) => setTimeout(r, 20));
    expect(rows()).toEqual([]);
    expect(count()).toBe('Loading…');
    bg.answer(LIVE);
    await vi.waitFor(() => expect(rows()).toEqual(['h_0003cccc']));
  });
});
