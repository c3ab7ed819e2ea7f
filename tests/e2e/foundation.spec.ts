import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension } from '../../scripts/lib/chromium';
import { REPO_ROOT } from '../../scripts/lib/paths';
import { expect, fixturePage, tabIdOf, test, waitForReady, root } from './fixtures';

/** Whether the page can fetch a URL at all (no-cors: an opaque answer still counts). */
const reachable = (page: Page, url: string) =>
  page.evaluate(
    (u) =>
      fetch(u, { mode: 'no-cors' }).then(
        () => true,
        () => false,
      ),
    url,
  );

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

test('the content script also runs on subdomains', async ({ page, server }) => {
  const url = server.setPage('e.vnexpress.net', '/news/x.html', fixturePage('vnexpress1.html'));
  await page.goto(url);
  await waitForReady(page);
});

test('both builds run content scripts, and ask for host access, on HTTPS pages only', () => {
  for (const build of ['chrome-mv3', 'firefox-mv2']) {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, '.output', build, 'manifest.json'), 'utf8')) as {
      content_scripts: { matches: string[] }[];
      host_permissions?: string[];
      permissions?: string[];
    };
    const matches = manifest.content_scripts.flatMap((c) => c.matches);
    expect(matches.length, build).toBeGreaterThan(20);
    expect(
      matches.filter((m) => !m.startsWith('https://')),
      build,
    ).toEqual([]);
    const hosts = (manifest.host_permissions ?? manifest.permissions ?? []).filter((p) => p.includes('://'));
    expect(
      hosts.filter((m) => !m.startsWith('https://')),
      build,
    ).toEqual([]);
  }
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

test('nothing but the served news hosts can be reached, with either guard', async ({ page, server }) => {
  // localhost is served by the same server, so only the guard stands between the page and it.
  const url = server.setPage('dantri.com.vn', '/the-gioi/guard.htm', fixturePage('dantri1.html'));
  const other = `https://localhost:${server.port}/the-gioi/guard.htm`;
  await page.goto(url);
  expect(await reachable(page, 'https://vnexpress.net/anything')).toBe(true);
  expect(await reachable(page, other)).toBe(false);

  const bench = await launchWithExtension({ port: server.port, guard: 'resolver' });
  try {
    const p = await bench.context.newPage();
    await p.goto(url);
    expect(await reachable(p, 'https://vnexpress.net/anything')).toBe(true);
    expect(await reachable(p, other)).toBe(false);
  } finally {
    await bench.close();
  }
  expect(server.requests).toContain('https://vnexpress.net/anything');
  expect(server.requests.filter((r) => r.startsWith('https://localhost'))).toEqual([]);
});
