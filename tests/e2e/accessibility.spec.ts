/**
 * axe-core on the extension's pages, in light and in dark: no serious or critical violation on
 * the popup (both tabs), the options page, the first-run page, the reader, and a term popover
 * open on a news page.
 */

import type { Page } from '@playwright/test';
import { articlePage, TEMPLATES } from '../../scripts/lib/article-pages';
import { launchWithExtension } from '../../scripts/lib/chromium';
import { loadArticles } from '../../scripts/lib/data-sources';
import { seriousViolations, type AxeScope } from './axe';
import { expect, tabIdOf, test, waitForReady } from './fixtures';
import { restPointer, textBox } from './helpers';
import { importHighlights } from './seed';

const isw = loadArticles().find((a) => a.id === 'isw-north-korean-troops-kursk')!;
const SCHEMES = ['light', 'dark'] as const;

async function expectNoSeriousViolations(page: Page, what: string, scope: AxeScope = 'document'): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // Colours change with a short transition: judge them once it has ended.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    expect(await seriousViolations(page, scope), `${what}, ${colorScheme}`).toEqual([]);
  }
}

test('the popup’s This page tab and its whole-article view', async ({ ext, page, server }) => {
  const url = server.setPage('dantri.com.vn', '/the-gioi/axe.htm', articlePage(TEMPLATES.dantri!, isw));
  await page.goto(url);
  await waitForReady(page);
  const popup = await ext.context.newPage();
  await popup.goto(ext.extensionUrl(`popup.html?tab=${await tabIdOf(ext, url)}`));
  await expect(popup.getByTestId('recognised-article')).toBeVisible();
  await expectNoSeriousViolations(popup, 'This page');
  await popup.getByRole('button', { name: 'Read the whole article in English' }).click();
  await expect(popup.getByTestId('article-reader')).toBeVisible();
  await expectNoSeriousViolations(popup, 'the whole article');
  await popup.close();
});

test('the popup’s Highlights tab, with a card being edited and the export open', async ({ server }) => {
  const ext = await launchWithExtension({ port: server.port });
  try {
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html'));
    await importHighlights(popup);
    await popup.reload();
    await expect(popup.getByTestId('highlight')).toHaveCount(3);
    await expectNoSeriousViolations(popup, 'Highlights');
    await popup.getByTestId('highlight').first().getByRole('button', { name: 'Edit' }).click();
    await popup.getByText('Export or import').click();
    await expectNoSeriousViolations(popup, 'Highlights, editing');
  } finally {
    await ext.close();
  }
});

test('the options page, and its delete-all confirmation', async ({ server }) => {
  const ext = await launchWithExtension({ port: server.port });
  try {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('options.html'));
    await importHighlights(page);
    await page.evaluate(() => chrome.storage.local.set({ viewModes: { 'vnexpress.net': 'english' } }));
    await page.reload();
    await expect(page.getByTestId('highlight-total')).toHaveText('3 highlights saved.');
    await expectNoSeriousViolations(page, 'options');
    await page.getByRole('button', { name: 'Delete all highlights…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSeriousViolations(page, 'options, confirming');
  } finally {
    await ext.close();
  }
});

test('the first-run page and the reader', async ({ ext, page }) => {
  await page.goto(ext.extensionUrl('welcome.html'));
  await expect(page.getByTestId('shortcut-list')).toBeVisible();
  await expectNoSeriousViolations(page, 'first-run page');
  await page.goto(ext.extensionUrl(`reader.html?article=${isw.id}`));
  await expect(page.getByTestId('reader-text')).toBeVisible();
  await expect(page.locator('xpath=/html')).toHaveAttribute('data-vr-state', 'ready');
  await expectNoSeriousViolations(page, 'reader');
});

test('a term popover open on a news page', async ({ page, server }) => {
  const url = server.setPage('dantri.com.vn', '/the-gioi/axe-popover.htm', articlePage(TEMPLATES.dantri!, isw));
  await page.goto(url);
  await waitForReady(page);
  const box = await textBox(page, 'p.Normal', 'Bình Nhưỡng');
  await restPointer(page, box.x, box.y);
  const popover = page.locator('song-ngu-ui').getByTestId('term-popover');
  await expect(popover).toBeVisible();
  await expect(popover).toContainText('Pyongyang');
  // Only the extension's overlay is judged: the rest is the news site's markup.
  await expectNoSeriousViolations(page, 'term popover', {
    include: [[['song-ngu-ui', '[data-testid="term-popover"]']]],
  });
});
