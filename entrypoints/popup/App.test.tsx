// @vitest-environment jsdom
import { render } from 'preact';
import { beforeEach, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { recentHighlights, type RecentHighlights } from '@/lib/recent-highlights';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { rowIds, usePopupHost } from './test-host';
import { App } from './App';

const host = usePopupHost();

beforeEach(() => {
  // The background never answers: only the stored copy can fill the list.
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((() => new Promise(() => {})) as never);
});

const tab = (name: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((b) => b.textContent === name)!;

test('the copy read at opening is shown once; coming back to the highlights reads the copy afresh', async () => {
  const atOpening: RecentHighlights = { items: SAMPLE_HIGHLIGHTS, next: null, total: 3 };
  await recentHighlights.save({ items: [SAMPLE_HIGHLIGHTS[2]!], next: null, total: 1 });
  render(<App initialTab="highlights" highlightsCopy={Promise.resolve(atOpening)} />, host());
  await vi.waitFor(() => expect(rowIds()).toEqual(['h_0003cccc', 'h_0002bbbb', 'h_0001aaaa']));

  tab('This page').click();
  await vi.waitFor(() => expect(rowIds()).toEqual([]));
  tab('Highlights').click();
  await vi.waitFor(() => expect(rowIds()).toEqual(['h_0003cccc']));
});
