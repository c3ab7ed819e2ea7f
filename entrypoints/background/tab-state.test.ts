import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetTab, loadTabState, saveTabState, setPendingFlash, tabNavigated, takePendingFlash } from './tab-state';

const A = 'https://dantri.com.vn/the-gioi/a.htm';
const B = 'https://dantri.com.vn/the-gioi/b.htm';
const state = (url: string) => ({
  url,
  title: 't',
  state: 'ready' as const,
  matched: 1,
  terms: 0,
  highlights: 0,
  orphans: 0,
  articles: [],
});

beforeEach(() => fakeBrowser.reset());

test('a tab that goes to another page forgets the old page state and a flash meant for it', async () => {
  await saveTabState(1, state(A));
  await setPendingFlash(1, { id: 'h_00000001', url: A });
  await tabNavigated(1, B);
  expect(await loadTabState(1)).toBeNull();
  expect(await takePendingFlash(1, B)).toBeNull();
});

test("a flash set for the page a tab is opening survives that page's own load, and is taken once", async () => {
  await setPendingFlash(2, { id: 'h_00000002', url: A });
  await tabNavigated(2, `${A}#comments`);
  expect(await takePendingFlash(2, A)).toBe('h_00000002');
  expect(await takePendingFlash(2, A)).toBeNull();
});

test('a reload or a fragment change keeps the state; a flash is never taken by another page', async () => {
  await saveTabState(3, state(A));
  await tabNavigated(3, `${A}?utm_source=x#top`);
  expect((await loadTabState(3))?.url).toBe(A);
  await setPendingFlash(3, { id: 'h_00000003', url: A });
  expect(await takePendingFlash(3, B)).toBeNull();
});

test('a closed tab is forgotten', async () => {
  await saveTabState(4, state(A));
  await setPendingFlash(4, { id: 'h_00000004', url: A });
  await forgetTab(4);
  expect(await loadTabState(4)).toBeNull();
  expect(await takePendingFlash(4, A)).toBeNull();
});
