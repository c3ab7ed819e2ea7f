import { expect, fixturePage, tabIdOf, test, waitForReady, root } from './fixtures';

test('the content script runs on a real news page served under its own hostname', async ({ page, server }) => {
  const url = server.setPage('dantri.com.vn', '/the-gioi/bai-viet-20130101.htm', fixturePage('dantri1.html'));
  await page.goto(url);
  await waitForReady(page);
  const html = root(page);
  await expect(html).toHaveAttribute('data-vr-matched', '0');
  await expect(html).toHaveAttribute('data-vr-terms', /^\d+$/);
  await expect(html).toHaveAttribute('data-vr-highlights', '0');
  await expect(html).toHaveAttribute('data-vr-orphans', '0');
});

test('the content script also runs on subdomains and over http', async ({ page, server }) => {
  const url = server.setPage('e.vnexpress.net', '/news/x.html', fixturePage('vnexpress1.html'));
  await page.goto(url);
  await waitForReady(page);
});

test('a message goes from the content script to the background and on to the popup', async ({ page, ext, server }) => {
  const url = server.setPage('nld.com.vn', '/thoi-su/round-trip.htm', fixturePage('nld1.html'));
  await page.goto(url);
  await waitForReady(page);
  const title = await page.title();
  const tabId = await tabIdOf(ext, url);

  const popup = await ext.context.newPage();
  await popup.goto(ext.extensionUrl(`popup.html?tab=${tabId}`));
  await expect(popup.getByTestId('page-title')).toHaveText(title);
  await popup.close();
});

test('the background refuses privileged messages from a content script', async ({ page, ext, server }) => {
  // A content script cannot be driven from Playwright, so send from the page's isolated world the
  // way a compromised page script would try: it cannot reach chrome.runtime at all.
  const url = server.setPage('vnexpress.net', '/privileged.html', fixturePage('vnexpress3.html'));
  await page.goto(url);
  await waitForReady(page);
  const canMessage = await page.evaluate(
    () => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
  );
  expect(canMessage).not.toBe('function');
  // From an extension page the same privileged message is answered.
  const popup = await ext.context.newPage();
  await popup.goto(ext.extensionUrl('popup.html'));
  const reply = await popup.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'getTabState', params: { tabId: 999999 } }),
  );
  expect(reply).toEqual({ ok: true, value: null });
  const bad = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'getTabState', params: { tabId: 'x' } }));
  expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('invalid getTabState') });
  await popup.close();
});
