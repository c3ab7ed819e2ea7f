// @vitest-environment jsdom
import { render } from 'preact';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { DueCount } from '@/lib/protocol';
import { recentHighlights, type RecentHighlights } from '@/lib/recent-highlights';
import { popupTab, type PopupTab } from '@/lib/settings';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { rowIds, usePopupHost } from './test-host';
import { App, openingTab, type AboutTab } from './App';

const host = usePopupHost();

beforeEach(() => {
  // The background never answers: only the stored copy can fill the list.
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((() => new Promise(() => {})) as never);
});

const tabs = () => [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
const tab = (name: string) => tabs().find((b) => b.textContent === name)!;
const selected = () => tabs().find((b) => b.getAttribute('aria-selected') === 'true')?.textContent;

const NEWS: AboutTab = { id: 4, url: 'https://dantri.com.vn/the-gioi/a.htm' };

function open(
  about: AboutTab | null,
  last: PopupTab = 'page',
  copy?: RecentHighlights,
  due: Promise<DueCount | null> = new Promise(() => {}),
) {
  render(
    <App
      about={Promise.resolve(about)}
      lastTab={Promise.resolve(last)}
      highlightsCopy={copy ? Promise.resolve(copy) : recentHighlights.read()}
      due={due}
    />,
    host(),
  );
}

describe('the popup opens where the reader is', () => {
  test.each<[string, AboutTab | null, PopupTab, PopupTab]>([
    ['a news page, first time', NEWS, 'page', 'page'],
    ['a news page, highlights chosen last', NEWS, 'highlights', 'highlights'],
    ['another site', { id: 5, url: 'https://example.org/' }, 'page', 'highlights'],
    ['a new tab', { id: 6, url: 'chrome://newtab/' }, 'page', 'highlights'],
    ['the popup opened as a tab of its own', { id: 7, url: 'chrome-extension://x/popup.html' }, 'page', 'highlights'],
    ['the same site over plain http', { id: 8, url: 'http://dantri.com.vn/a.htm' }, 'page', 'highlights'],
    ['no tab at all', null, 'page', 'highlights'],
  ])('%s', (_name, about, last, expected) => expect(openingTab(about, last)).toBe(expected));

  test('the review line shows the due count counted before the popup loaded, and nothing until then', async () => {
    let answer: (d: DueCount) => void = () => undefined;
    open(NEWS, 'page', undefined, new Promise((resolve) => (answer = resolve)));
    await vi.waitFor(() => expect(selected()).toBe('This page'));
    expect(document.querySelector('[data-testid="popup-due"]')).toBeNull();
    answer({ due: 12, next: null });
    await vi.waitFor(() =>
      expect(document.querySelector('[data-testid="popup-due"]')?.textContent).toContain('12 cards due'),
    );
  });

  test('a due count that could not be had leaves the review line out', async () => {
    open(NEWS, 'page', undefined, Promise.resolve(null));
    await vi.waitFor(() => expect(selected()).toBe('This page'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.querySelector('[data-testid="popup-due"]')).toBeNull();
  });

  test('anywhere but a news page: the highlights list, with the caret in its search box', async () => {
    open({ id: 5, url: 'https://example.org/' }, 'page', { items: SAMPLE_HIGHLIGHTS, next: null, total: 3 });
    await vi.waitFor(() => expect(rowIds()).toHaveLength(3));
    expect(selected()).toBe('Highlights');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Search highlights');
  });

  test('on a news page the tab chosen is remembered for next time; elsewhere it is not', async () => {
    open(NEWS);
    await vi.waitFor(() => expect(selected()).toBe('This page'));
    tab('Highlights').click();
    await vi.waitFor(() => expect(selected()).toBe('Highlights'));
    await vi.waitFor(async () => expect(await popupTab.getValue()).toBe('highlights'));

    render(null, host());
    await popupTab.setValue('page');
    open({ id: 5, url: 'https://example.org/' });
    await vi.waitFor(() => expect(selected()).toBe('Highlights'));
    tab('This page').click();
    await vi.waitFor(() => expect(selected()).toBe('This page'));
    expect(await popupTab.getValue()).toBe('page');
    expect(document.body.textContent).toContain('this tab is not one of them');
  });

  test('arrow keys, Home and End move between the tabs (WAI-ARIA tabs)', async () => {
    open(NEWS);
    await vi.waitFor(() => expect(selected()).toBe('This page'));
    expect(tabs().map((t) => t.tabIndex)).toEqual([0, -1]);
    const key = (k: string) =>
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    tab('This page').focus();
    key('ArrowRight');
    await vi.waitFor(() => expect(selected()).toBe('Highlights'));
    expect(document.activeElement).toBe(tab('Highlights'));
    expect(tabs().map((t) => t.tabIndex)).toEqual([-1, 0]);
    key('ArrowRight');
    await vi.waitFor(() => expect(selected()).toBe('This page'));
    key('End');
    await vi.waitFor(() => expect(selected()).toBe('Highlights'));
    key('Home');
    await vi.waitFor(() => expect(selected()).toBe('This page'));
    key('ArrowLeft');
    await vi.waitFor(() => expect(selected()).toBe('Highlights'));
    const panel = document.querySelector('[role="tabpanel"]')!;
    expect(panel.getAttribute('aria-labelledby')).toBe(tab('Highlights').id);
    expect(tab('Highlights').getAttribute('aria-controls')).toBe(panel.id);
  });

  test('the copy read at opening is shown once; coming back to the highlights reads the copy afresh', async () => {
    const atOpening: RecentHighlights = { items: SAMPLE_HIGHLIGHTS, next: null, total: 3 };
    await recentHighlights.save({ items: [SAMPLE_HIGHLIGHTS[2]!], next: null, total: 1 });
    open({ id: 5, url: 'https://example.org/' }, 'page', atOpening);
    await vi.waitFor(() => expect(rowIds()).toEqual(['h_0003cccc', 'h_0002bbbb', 'h_0001aaaa']));
    tab('This page').click();
    await vi.waitFor(() => expect(rowIds()).toEqual([]));
    tab('Highlights').click();
    await vi.waitFor(() => expect(rowIds()).toEqual(['h_0003cccc']));
  });
});
