/**
 * "Read this site" and "Never on this site" through the extension's own code paths, in a
 * Chromium of their own (the permissions and registrations they change are the profile's).
 *
 * What headless Chromium can and cannot drive: `permissions.request` (the popup's "Read this site"
 * click) shows a browser prompt that no page, CDP call or launch flag accepts (tried:
 * `--apps-gallery-install-auto-confirm-for-tests=accept`, a CDP user-gesture evaluate; the request
 * stays pending), and chrome://extensions' `addHostPermission` only restores withheld required
 * hosts, not optional ones. So the grant is made at install: a copy of the build lists the test
 * origin among its host permissions. From there the background's own code paths run for real:
 * `addSite` (the message the popup sends once the browser granted the origin) registers the
 * script, stores the site and runs it at once in the open tab; the registration reads the page on
 * every later visit; a revocation in chrome://extensions' site-access control
 * (`removeHostPermission`) fires `permissions.onRemoved`, which drops and unregisters the site.
 * Not covered here: the prompt itself, and the options page's Remove giving an optional
 * permission back (a permission granted at install cannot be removed by the extension). The unit
 * tests cover those with the browser's answers given: entrypoints/popup/SiteAccess.test.tsx (the
 * click asks for that origin in the gesture, and only a grant reaches the background) and
 * entrypoints/background/site-registration.test.ts (a refused origin, Remove giving the
 * permission back, a revocation, and the start-up sync).
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { copyOfBuild, launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { loadArticles } from '../../scripts/lib/data-sources';
import { expect, root, tabIdOf, test, waitForReady } from './fixtures';

const ORIGIN = 'https://tin.example';
const URL_ON_SITE = `${ORIGIN}/the-gioi/bai-viet.html`;
const article = loadArticles().find((a) => a.id === 'ukraine-war-warms-russia-north-korea-ties')!;
const PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${article.title.vi}</title></head>
<body><article><h1>${article.title.vi}</h1>${article.paragraphs.map((p) => `<p>${p.vi}</p>`).join('')}</article></body></html>`;

interface DeveloperPrivate {
  removeHostPermission(id: string, host: string): Promise<void>;
}

/** Takes the origin's access away as chrome://extensions' own "Site access" control does. */
async function revokeInBrowserUi(ext: ExtensionBrowser): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    async ({ id, host }) => {
      const dev = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
      await dev.removeHostPermission(id, host);
    },
    { id: ext.extensionId, host: `${ORIGIN}/*` },
  );
  await page.close();
}

/** A copy of the build whose manifest grants the test origin at install (see the top of the file). */
function buildGranting(origin: string): string {
  const dir = copyOfBuild('song-ngu-site-');
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push(`${origin}/*`);
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

const registered = (ext: ExtensionBrowser) =>
  ext.serviceWorker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));
const granted = (ext: ExtensionBrowser) =>
  ext.serviceWorker.evaluate((o) => chrome.permissions.contains({ origins: [`${o}/*`] }), ORIGIN);
const stored = (ext: ExtensionBrowser) =>
  ext.serviceWorker.evaluate(async () => (await chrome.storage.local.get('addedSites')).addedSites);

/** True once the content script has marked the page, false if it never does within a few seconds. */
async function scriptRuns(page: Page): Promise<boolean> {
  return page
    .waitForFunction(() => document.documentElement.getAttribute('data-vr-state') === 'ready', null, {
      timeout: 5_000,
    })
    .then(
      () => true,
      () => false,
    );
}

test('Read this site: registered, at once on the open tab, on every visit; dropped when the browser revokes it', async ({
  server,
}) => {
  const ext = await launchWithExtension({ port: server.port, extensionDir: buildGranting(ORIGIN) });
  try {
    await ext.context.route(`${ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE }),
    );
    const page = await ext.context.newPage();
    await page.goto(URL_ON_SITE);
    // Granted, but not chosen: nothing runs until the reader adds the site.
    expect(await granted(ext)).toBe(true);
    expect(await scriptRuns(page)).toBe(false);

    // What the popup sends once the browser granted the origin, from an extension page.
    const tabId = await tabIdOf(ext, URL_ON_SITE);
    const library = await ext.context.newPage();
    await library.goto(ext.extensionUrl('library.html'));
    const reply = await library.evaluate(
      ([origin, tab]) => chrome.runtime.sendMessage({ type: 'addSite', params: { origin, tabId: tab } }),
      [ORIGIN, tabId] as const,
    );
    expect(reply).toEqual({ ok: true, value: [ORIGIN] });
    expect(await stored(ext)).toEqual([ORIGIN]);
    expect(await registered(ext)).toContain(`site:${ORIGIN}`);
    // At once on the open tab, without a reload.
    await waitForReady(page);
    await expect(root(page)).toHaveAttribute('data-vr-matched', String(article.paragraphs.length));
    // And on every later visit, through the registration (once: the tab's first copy is gone).
    await page.reload();
    await waitForReady(page);
    await expect(root(page)).toHaveAttribute('data-vr-matched', String(article.paragraphs.length));

    // Listed on the options page, with Remove.
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await expect(options.getByTestId('added-sites')).toContainText(ORIGIN);
    await expect(options.getByRole('button', { name: `Remove ${ORIGIN}` })).toBeVisible();

    // Revoked in the browser's own UI: dropped from the list, unregistered, not read on the next visit.
    await revokeInBrowserUi(ext);
    await expect.poll(() => stored(ext)).toEqual([]);
    await expect.poll(() => registered(ext)).not.toContain(`site:${ORIGIN}`);
    await expect(options.getByTestId('added-sites')).toContainText('None.');
    await page.reload();
    expect(await scriptRuns(page)).toBe(false);

    // A message alone never makes the extension run where the browser has not granted it.
    const refused = await library.evaluate(
      (origin) => chrome.runtime.sendMessage({ type: 'addSite', params: { origin, tabId: null } }),
      'https://other.example',
    );
    expect(refused).toMatchObject({ ok: false });
  } finally {
    await ext.close();
  }
});

test('Never on this site: the content script stands down on a news site, and comes back', async ({
  page,
  ext,
  server,
}) => {
  const url = server.setPage('vnexpress.net', '/the-gioi/never.htm', PAGE);
  await page.goto(url);
  await waitForReady(page);
  const tabId = await tabIdOf(ext, url);
  const popup = await ext.context.newPage();
  await popup.goto(ext.extensionUrl(`popup.html?tab=${tabId}`));
  await popup.getByRole('button', { name: 'Never on this site' }).click();
  await expect
    .poll(() => ext.serviceWorker.evaluate(async () => (await chrome.storage.local.get('neverSites')).neverSites))
    .toEqual(['vnexpress.net']);
  // The popup reloads the tab; the script stands down there.
  await page.waitForLoadState('load');
  expect(await scriptRuns(page)).toBe(false);
  await popup.reload();
  await popup.getByRole('button', { name: 'Read this site again' }).click();
  await waitForReady(page);
  await ext.serviceWorker.evaluate(() => chrome.storage.local.remove('neverSites'));
});
