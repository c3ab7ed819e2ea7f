import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openFirstRunPage } from './first-run';

beforeEach(() => fakeBrowser.reset());

const welcomeTabs = async () =>
  (await fakeBrowser.tabs.query({})).filter((t) => t.url?.endsWith('/welcome.html')).length;

test('the first-run page opens once per profile, however often the install is reported', async () => {
  expect(await openFirstRunPage()).toBe(true);
  expect(await welcomeTabs()).toBe(1);
  expect(await openFirstRunPage()).toBe(false);
  expect(await welcomeTabs()).toBe(1);
});

test('a profile whose storage was cleared (the extension uninstalled, then installed) sees it again', async () => {
  await openFirstRunPage();
  await fakeBrowser.storage.local.clear();
  expect(await openFirstRunPage()).toBe(true);
  expect(await welcomeTabs()).toBe(2);
});
