/**
 * The library and the reader page: every article listed, and one read offline on the extension's
 * own page through the same pipeline as a news page (English renderings, glossary popovers,
 * highlights), in each layout.
 */

import type { Page } from '@playwright/test';
import { loadArticles } from '../../scripts/lib/data-sources';
import { expect, root, test, waitForReady } from './fixtures';
import { paintedTexts, selectWithMouse, restPointer, textBox } from './helpers';

const articles = loadArticles();
const ID = 'ukraine-war-warms-russia-north-korea-ties';
const article = articles.find((a) => a.id === ID)!;

const readerText = (page: Page) => page.getByTestId('reader-text');

test('the library lists every bundled article and opens one offline, with its English', async ({
  page,
  ext,
  consoleErrors,
}) => {
  await page.goto(ext.extensionUrl('library.html'));
  const items = page.getByTestId('library-article');
  await expect(items).toHaveCount(articles.length);
  const item = page.locator(`[data-article-id="${ID}"]`);
  await expect(item).toContainText(article.title.en);
  await expect(item).toContainText(article.title.vi);
  await expect(item).toContainText('VNF');
  await expect(item).toContainText('6 September 2023');
  await expect(item).toContainText(`${article.paragraphs.length} paragraphs`);
  await expect(item.getByTestId('article-highlights')).toHaveText('0 highlights');
  // No seed gives a source address, so none is shown (and none made up).
  await expect(page.getByTestId('article-source')).toHaveCount(0);

  await ext.context.setOffline(true);
  try {
    await item.getByRole('link', { name: article.title.en }).click();
    await expect(page).toHaveURL(ext.extensionUrl(`reader.html?article=${ID}`));
    await waitForReady(page);
    // Every paragraph recognised, as on its news page, and its English rendered after it.
    await expect(root(page)).toHaveAttribute('data-vr-matched', String(article.paragraphs.length));
    // (The headline's English may render after the title: the paragraph's is the one after it.)
    const firstPara = readerText(page).locator('.para:not(.title-vi)').first();
    await expect(firstPara.locator('xpath=following-sibling::*[1]')).toHaveText(article.paragraphs[0]!.en);
    expect(Number(await root(page).getAttribute('data-vr-terms'))).toBeGreaterThan(0);
    // The glossary popover, from the page's own overlay code.
    const box = await textBox(page, '[data-testid="reader-text"] p', 'Triều Tiên');
    await restPointer(page, box.x, box.y, box.left - 60);
    await expect(page.locator('song-ngu-ui').getByTestId('term-popover')).toContainText('North Korea');
  } finally {
    await ext.context.setOffline(false);
  }
  expect(consoleErrors).toEqual([]);
});

test('the reader lays out interleaved, side by side or English on hover, and remembers it', async ({ page, ext }) => {
  await page.goto(ext.extensionUrl(`reader.html?article=${ID}`));
  await waitForReady(page);
  const firstVi = readerText(page).locator('.para:not(.title-vi)').first();
  const firstEn = firstVi.locator('xpath=following-sibling::vr-translation[1]');
  const layout = page.getByTestId('reader-layout');

  // Interleaved: the English under its paragraph.
  let vi = (await firstVi.boundingBox())!;
  let en = (await firstEn.boundingBox())!;
  expect(en.y).toBeGreaterThan(vi.y + vi.height - 1);

  await layout.getByRole('radio', { name: 'Side by side' }).check();
  await expect(page.getByTestId('reader-layout-root')).toHaveAttribute('data-layout', 'side-by-side');
  await expect
    .poll(async () => (await firstEn.boundingBox())!.x)
    .toBeGreaterThan((await firstVi.boundingBox())!.x + 100);
  vi = (await firstVi.boundingBox())!;
  en = (await firstEn.boundingBox())!;
  expect(Math.abs(en.y - vi.y)).toBeLessThan(40);

  await layout.getByRole('radio', { name: 'English on hover' }).check();
  await expect(root(page)).toHaveAttribute('data-vr-view', 'original');
  await expect(firstEn).toBeHidden();

  // Remembered: a new reader page opens in the last layout.
  await page.reload();
  await waitForReady(page);
  await expect(page.getByTestId('reader-layout-root')).toHaveAttribute('data-layout', 'hover');
  await expect(root(page)).toHaveAttribute('data-vr-view', 'original');
  await page.getByTestId('reader-layout').getByRole('radio', { name: 'Interleaved' }).check();
  await expect(root(page)).toHaveAttribute('data-vr-view', 'bilingual');
});

test('a highlight made in the reader is kept under the reader page and counted in the library', async ({
  page,
  ext,
}) => {
  const url = ext.extensionUrl(`reader.html?article=${ID}`);
  await page.goto(url);
  await waitForReady(page);
  const quote = 'Triều Tiên sẽ nhận được viện trợ về kinh tế';
  await selectWithMouse(page, '[data-testid="reader-text"] p', quote);
  const toolbar = page.locator('song-ngu-ui').getByTestId('selection-toolbar');
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('button', { name: 'Highlight', exact: true }).click();
  await expect(root(page)).toHaveAttribute('data-vr-highlights', '1');

  await page.reload();
  await waitForReady(page);
  await expect(root(page)).toHaveAttribute('data-vr-highlights', '1');
  expect(await paintedTexts(page, 'vr-highlight-yellow')).toEqual([quote]);

  await page.goto(ext.extensionUrl('library.html'));
  await expect(page.locator(`[data-article-id="${ID}"]`).getByTestId('article-highlights')).toHaveText('1 highlight');
});
