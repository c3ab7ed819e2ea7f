// @vitest-environment jsdom
/**
 * The popup's "Read this site": the permission is asked for in the click itself, for that one
 * origin, and the background is told only once the browser granted it. A headless browser cannot
 * answer the browser's prompt (see tests/e2e/read-this-site.spec.ts), so the prompt's answers are
 * given here.
 */

import { render } from 'preact';
import { expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { SiteAccess } from './SiteAccess';
import { usePopupHost } from './test-host';

const host = usePopupHost();

const ABOUT = { id: 9, url: 'https://tin.example:8443/the-gioi/bai.html?x=1' };

function setUp(answer: Promise<boolean>) {
  const request = vi.spyOn(browser.permissions, 'request').mockImplementation((() => answer) as never);
  const send = vi
    .spyOn(browser.runtime, 'sendMessage')
    .mockImplementation((() => Promise.resolve({ ok: true, value: ['https://tin.example:8443'] })) as never);
  render(<SiteAccess about={ABOUT} access="addable" />, host());
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Read this site')!;
  const status = () => document.querySelector('[data-testid="site-access-status"]');
  return { request, send, button, status };
}

test('the click asks for this origin only, in the click itself, and then has the background add it', async () => {
  const { request, send, button, status } = setUp(Promise.resolve(true));
  button.click();
  // Asked synchronously in the click: a prompt needs the user gesture, which an await would lose.
  expect(request).toHaveBeenCalledExactlyOnceWith({ origins: ['https://tin.example/*'] });
  await vi.waitFor(() => expect(status()?.textContent).toBe('Song ngữ now reads tin.example.'));
  expect(send).toHaveBeenCalledExactlyOnceWith({
    type: 'addSite',
    params: { origin: 'https://tin.example:8443', tabId: 9 },
  });
  expect(status()?.getAttribute('role')).toBe('status');
});

test('refused in the prompt: the background is not told, and the reader is', async () => {
  const { send, button, status } = setUp(Promise.resolve(false));
  button.click();
  await vi.waitFor(() => expect(status()?.textContent).toBe('Song ngữ was not allowed on this site.'));
  expect(send).not.toHaveBeenCalled();
});

test('a failed request is shown as an alert', async () => {
  const { send, button, status } = setUp(Promise.reject(new Error('Permissions: the prompt was dismissed')));
  button.click();
  await vi.waitFor(() => expect(status()?.getAttribute('role')).toBe('alert'));
  expect(status()?.textContent).toBe('the prompt was dismissed');
  expect(send).not.toHaveBeenCalled();
});
