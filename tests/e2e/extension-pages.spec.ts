/**
 * The extension's own pages in Chromium with the built extension: the first-run page (opened on
 * install only), the reader page, and the options page's sections.
 */

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import {
  copyOfBuild,
  launchWithExtension,
  prependToBackground,
  type ExtensionBrowser,
} from '../../scripts/lib/chromium';
import { loadArticles } from '../../scripts/lib/data-sources';
import { expect, test } from './fixtures';
import { importHighlights } from './seed';

const articles = loadArticles();
const article = (id: string) => articles.find((a) => a.id === id)!;

/** What the test uses of chrome://extensions' own API (the page's reload button). */
interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
  reload(id: string, options: { failQuietly: boolean }): Promise<void>;
}

/** The first-run page's tabs, as the background sees them. */
/**
 * The tabs showing the first-run page, as the browser has them. (Not `chrome.tabs.query` by URL
 * from the worker: in Chromium 150, Debian's here, an extension without the "tabs" permission
 * does not see the URL even of its own pages, so that query finds none.)
 */
const welcomeTabs = (ext: ExtensionBrowser) =>
  ext.context.pages().filter((p) => p.url() === ext.extensionUrl('welcome.html')).length;

/** Imports the sample highlights (three) from an extension page. */
async function importSample(page: Page): Promise<void> {
  expect(await importHighlights(page)).toMatchObject({ ok: true, value: { ok: true } });
}

test.describe('the first-run page', () => {
  test('opens on install; not on a browser restart, nor on an update', async ({ server }) => {
    // A copy of the build whose service worker first records every onInstalled reason, and
    // whose version can be raised to make Chrome update it in place.
    const dir = copyOfBuild('song-ngu-install-');
    prependToBackground(
      dir,
      `chrome.runtime.onInstalled.addListener(({ reason }) => {
  void chrome.storage.local.get('installReasons').then(({ installReasons = [] }) => chrome.storage.local.set({ installReasons: [...installReasons, reason] }));
});`,
    );
    const profile = mkdtempSync(join(tmpdir(), 'song-ngu-install-profile-'));
    const reasons = (ext: ExtensionBrowser) =>
      ext.serviceWorker.evaluate(
        async () => ((await chrome.storage.local.get('installReasons')).installReasons as string[]) ?? [],
      );

    // A fresh profile: installed, and the first-run page opens, once.
    let ext = await launchWithExtension({ port: server.port, extensionDir: dir, userDataDir: profile });
    try {
      await expect.poll(() => reasons(ext)).toEqual(['install']);
      await expect.poll(() => welcomeTabs(ext)).toBe(1);
      const welcomePage = () => ext.context.pages().find((p) => p.url().endsWith('/welcome.html'));
      await expect.poll(() => welcomePage()?.url()).toBe(ext.extensionUrl('welcome.html'));
      await expect(welcomePage()!.getByRole('heading', { level: 1 })).toHaveText(
        'Read Vietnamese news with the English beside it',
      );
    } finally {
      await ext.close();
    }

    // The same profile again: a browser restart. Chrome reports an extension loaded from the
    // command line as installed anew at every start (a store install reports nothing on a
    // restart), which is why the page remembers it was shown: nothing opens.
    ext = await launchWithExtension({ port: server.port, extensionDir: dir, userDataDir: profile });
    try {
      await expect.poll(() => reasons(ext)).toEqual(['install', 'install']);
      const page = await ext.context.newPage();
      await page.goto(ext.extensionUrl('options.html'));
      await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();
      expect(welcomeTabs(ext)).toBe(0);

      // An update: a new version on disk, reloaded as chrome://extensions reloads an unpacked
      // extension (Chrome then reports onInstalled 'update' with the previous version, as for a
      // store update; a reload needs developer mode). The record of the page having been shown
      // is dropped first, so only the reason keeps the page closed.
      const manifestFile = join(dir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version: string };
      writeFileSync(manifestFile, JSON.stringify({ ...manifest, version: `${manifest.version}.1` }));
      await ext.serviceWorker.evaluate(() => chrome.storage.local.remove('firstRunShown'));
      const extensions = await ext.context.newPage();
      await extensions.goto('chrome://extensions');
      await extensions.evaluate(async (id) => {
        const dev = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
        await dev.updateProfileConfiguration({ inDeveloperMode: true });
        await dev.reload(id, { failQuietly: false });
      }, ext.extensionId);
      // The worker of the new version. Not simply a worker other than the first: the old version's
      // own worker, stopped while idle and started again, is another worker object too.
      const version = async (w: Worker) => w.evaluate(() => chrome.runtime.getManifest().version).catch(() => 'gone');
      const updated = async () => {
        for (const w of ext.context.serviceWorkers()) if ((await version(w)) === `${manifest.version}.1`) return w;
        return undefined;
      };
      const found: { worker?: Worker } = {};
      await expect.poll(async () => (found.worker = await updated()) !== undefined).toBe(true);
      const worker = found.worker!;
      const reasonsNow = () =>
        worker.evaluate(
          async () => ((await chrome.storage.local.get('installReasons')).installReasons as string[]) ?? [],
        );
      await expect.poll(reasonsNow).toEqual(['install', 'install', 'update']);
      // A tab the update opened would be there by now: the page is opened in the same event.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(welcomeTabs(ext)).toBe(0);
      expect(await worker.evaluate(async () => (await chrome.storage.local.get('firstRunShown')).firstRunShown)).toBe(
        undefined,
      );
    } finally {
      await ext.close();
    }
  });

  test('shows the sites, the shortcuts as set, the attributions, and opens a bundled article', async ({
    ext,
    page,
    consoleErrors,
  }) => {
    await page.goto(ext.extensionUrl('welcome.html'));
    const sites = page.getByRole('list', { name: 'Supported news sites' }).getByRole('listitem');
    await expect(sites).toHaveCount(23);
    await expect(sites.first()).toHaveText('dantri.com.vn');
    const commands = await ext.serviceWorker.evaluate(() => chrome.commands.getAll());
    const list = page.getByTestId('shortcut-list');
    for (const c of commands.filter((x) => !x.name!.startsWith('_'))) {
      const row = list.locator(`[data-command="${c.name}"]`);
      await expect(row).toContainText(c.description!);
      await expect(row.locator('dd')).toHaveText(c.shortcut || 'Not set');
    }
    const credits = page.getByTestId('data-credits');
    await expect(credits).toContainText('Dictionary data from Wiktionary, CC BY-SA 3.0');
    await expect(credits).toContainText('Wiktionary contributors, English Wiktionary');
    await expect(credits).toContainText('Unicode CLDR');
    await expect(credits).toContainText('Unihan');

    const opened = ext.context.waitForEvent('page');
    await page.getByRole('button', { name: 'Change shortcuts…' }).click();
    const shortcutsPage = await opened;
    await expect.poll(() => shortcutsPage.url()).toBe('chrome://extensions/shortcuts');
    await shortcutsPage.close();

    await page.getByTestId('try-article').click();
    await expect(page).toHaveURL(/\/reader\.html\?article=ukraine-war-warms-russia-north-korea-ties$/);
    const a = article('ukraine-war-warms-russia-north-korea-ties');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(a.title.en);
    await expect(page.locator('xpath=/html')).toHaveAttribute('data-vr-matched', String(a.paragraphs.length));
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('the reader page', () => {
  test('shows a bundled article: title, source facts, each paragraph in Vietnamese then English', async ({
    ext,
    page,
  }) => {
    const a = article('isw-north-korean-troops-kursk');
    await page.goto(ext.extensionUrl(`reader.html?article=${a.id}`));
    const reader = page.getByTestId('reader-text');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(a.title.en);
    await expect(reader.locator('.title-vi')).toHaveText(a.title.vi);
    await expect(page.locator('.facts')).toContainText('Ukrainska Pravda');
    await expect(page).toHaveTitle(`${a.title.en} · Song ngữ`);
    // The Vietnamese as a document, each paragraph followed by its English rendering (the page pipeline's).
    await expect(page.locator('xpath=/html')).toHaveAttribute('data-vr-matched', String(a.paragraphs.length));
    const paragraphs = reader.locator('.para:not(.title-vi)');
    await expect(paragraphs).toHaveCount(a.paragraphs.length);
    for (const i of [0, 7, a.paragraphs.length - 1]) {
      await expect(paragraphs.nth(i)).toHaveText(a.paragraphs[i]!.vi);
      await expect(paragraphs.nth(i).locator('xpath=following-sibling::*[1]')).toHaveText(a.paragraphs[i]!.en);
      expect(
        await paragraphs
          .nth(i)
          .locator('xpath=following-sibling::*[1]')
          .evaluate((e) => e.localName),
      ).toBe('vr-translation');
    }
  });

  test('an unknown article says so', async ({ ext, page }) => {
    await page.goto(ext.extensionUrl('reader.html?article=no-such-article'));
    await expect(page.getByRole('alert')).toContainText(
      'None of the articles in your library is called “no-such-article”',
    );
  });
});

test.describe('the options page', () => {
  test('the underline setting is saved and read back', async ({ ext, page }) => {
    await page.goto(ext.extensionUrl('options.html'));
    const group = page.getByRole('group', { name: 'Underline on the page' });
    await expect(group.getByLabel('Names and terms')).toBeChecked();
    await group.getByLabel('Names only').check();
    await expect(page.getByTestId('underline-status')).toHaveText('Saved.');
    const stored = () => page.evaluate(async () => (await chrome.storage.local.get('termUnderline')).termUnderline);
    expect(await stored()).toBe('names');
    await page.reload();
    await expect(page.getByRole('group', { name: 'Underline on the page' }).getByLabel('Names only')).toBeChecked();
    await page.getByLabel('Nothing').check();
    await expect.poll(stored).toBe('none');
    await page.getByLabel('Names and terms').check();
    await expect.poll(stored).toBe('names-and-terms');
  });

  test('reading modes chosen per site are listed, changed and reset', async ({ ext, page }) => {
    await page.goto(ext.extensionUrl('options.html'));
    await page.evaluate(() =>
      chrome.storage.local.set({ viewModes: { 'vnexpress.net': 'english', 'kenh14.vn': 'original' } }),
    );
    const list = page.getByTestId('site-modes');
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list.getByRole('listitem').first()).toContainText('kenh14.vn');
    await page.getByLabel('Reading mode on vnexpress.net').selectOption('original');
    const modes = () => page.evaluate(async () => (await chrome.storage.local.get('viewModes')).viewModes);
    await expect.poll(modes).toEqual({ 'vnexpress.net': 'original', 'kenh14.vn': 'original' });
    await page.getByRole('button', { name: 'Reset kenh14.vn' }).click();
    await page.getByRole('button', { name: 'Reset vnexpress.net' }).click();
    await expect.poll(modes).toEqual({});
    await expect(list).toContainText('Every site opens in Bilingual');
  });

  test('shortcuts as set now, and the button opens Chrome’s shortcuts page', async ({ ext, page }) => {
    await page.goto(ext.extensionUrl('options.html'));
    const commands = await ext.serviceWorker.evaluate(() => chrome.commands.getAll());
    const rows = page.getByTestId('shortcut-list').locator('[data-command]');
    await expect(rows).toHaveCount(commands.length);
    const opened = ext.context.waitForEvent('page');
    await page.getByRole('button', { name: 'Change shortcuts…' }).click();
    const shortcutsPage = await opened;
    await expect.poll(() => shortcutsPage.url()).toBe('chrome://extensions/shortcuts');
    await shortcutsPage.close();
  });

  test('about: the version, the full dictionary attribution, the way back to the first-run page', async ({
    ext,
    page,
  }) => {
    await page.goto(ext.extensionUrl('options.html'));
    const version = await ext.serviceWorker.evaluate(() => chrome.runtime.getManifest().version);
    await expect(page.getByTestId('version')).toHaveText(`Version ${version}`);
    const about = page.getByRole('region', { name: 'About' });
    await expect(about).toContainText(
      'Vietnamese–English dictionary data: Wiktionary contributors, English Wiktionary (https://en.wiktionary.org)',
    );
    await expect(about).toContainText('Licensed under CC BY-SA 3.0');
    // The notice shipped beside the dictionary, with what was changed.
    const noticeOpened = ext.context.waitForEvent('page');
    await about.getByRole('link', { name: 'Full notice' }).click();
    const notice = await noticeOpened;
    await expect(notice.locator('body')).toContainText('Modified: the data was shortened');
    await expect(notice.locator('body')).toContainText('https://creativecommons.org/licenses/by-sa/3.0/');
    await notice.close();
    const opened = ext.context.waitForEvent('page');
    await about.getByRole('link', { name: 'Show the welcome page again' }).click();
    const welcome = await opened;
    await expect(welcome.getByRole('heading', { level: 1 })).toHaveText(
      'Read Vietnamese news with the English beside it',
    );
    await welcome.close();
  });

  test('delete all highlights, behind a confirmation, as one delete that one undo restores', async ({ server }) => {
    // A profile of its own: the other tests' highlights stay out of it.
    const ext = await launchWithExtension({ port: server.port });
    try {
      const page = await ext.context.newPage();
      await page.goto(ext.extensionUrl('options.html'));
      await importSample(page);
      await page.reload();
      const data = page.getByRole('region', { name: 'Data' });
      await expect(data.getByTestId('highlight-total')).toHaveText('3 highlights saved.');

      // Cancel deletes nothing.
      await data.getByRole('button', { name: 'Delete all highlights…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete all 3 highlights?' });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(data.getByTestId('highlight-total')).toHaveText('3 highlights saved.');

      await data.getByRole('button', { name: 'Delete all highlights…' }).click();
      await dialog.getByRole('button', { name: 'Delete all', exact: true }).click();
      await expect(data.getByTestId('data-status')).toHaveText('Deleted 3 highlights.');
      await expect(data.getByTestId('highlight-total')).toHaveText('0 highlights saved.');
      // One delete in the background's trash, offered for undo here and in the popup.
      const deletions = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'listDeletions', params: {} }));
      expect(deletions).toMatchObject({ ok: true, value: [{ count: 3 }] });
      await expect(data.getByRole('status').filter({ hasText: 'Deleted 3 highlights.' }).last()).toBeVisible();

      await data.getByRole('button', { name: 'Undo' }).click();
      await expect(data.getByTestId('data-status')).toHaveText('Restored 3 highlights.');
      await expect(data.getByTestId('highlight-total')).toHaveText('3 highlights saved.');
      await expect(data.getByRole('button', { name: 'Undo' })).toHaveCount(0);
    } finally {
      await ext.close();
    }
  });
});
