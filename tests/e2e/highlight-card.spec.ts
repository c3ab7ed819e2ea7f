/**
 * Highlights you can touch, and overlays that keep out of the reading: a painted highlight opens
 * its card (note, colour, tags; edit, delete with undo, copy); a highlight with a note is marked;
 * the English renderings can be highlighted; the toolbar shows colour meanings as text and keeps
 * clear of the English; popovers keep clear of the English too, and a selection closes them.
 */

import type { Page } from '@playwright/test';
import { articlePage, TEMPLATES } from '../../scripts/lib/article-pages';
import { loadArticles } from '../../scripts/lib/data-sources';
import { expect, test, waitForReady, root } from './fixtures';
import { escapeClosing, paintedTexts, selectWithMouse, restPointer, textBox } from './helpers';

const isw = loadArticles().find((a) => a.id === 'isw-north-korean-troops-kursk')!;
const overlay = (page: Page) => page.locator('song-ngu-ui');
const toolbar = (page: Page) => overlay(page).getByTestId('selection-toolbar');

let n = 0;
async function open(page: Page, server: { setPage(h: string, p: string, b: string): string }) {
  const url = server.setPage(
    'dantri.com.vn',
    `/the-gioi/touch-${Date.now()}-${n++}.htm`,
    articlePage(TEMPLATES.dantri!, isw),
  );
  await page.goto(url);
  await waitForReady(page);
  return url;
}

async function highlight(page: Page, selector: string, text: string) {
  const before = Number(await root(page).getAttribute('data-vr-highlights'));
  await selectWithMouse(page, selector, text);
  await toolbar(page).getByRole('button', { name: 'Highlight', exact: true }).click();
  await expect(root(page)).toHaveAttribute('data-vr-highlights', String(before + 1));
}

const boxOf = (page: Page, locator: ReturnType<Page['locator']>) =>
  locator.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
const overlapping = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

test('clicking a highlight opens its card: edit its note, delete it, undo', async ({ page, server }) => {
  await open(page, server);
  const QUOTE = 'máy bay không người lái';
  await highlight(page, 'p.Normal', QUOTE);
  expect(await paintedTexts(page, 'vr-noted')).toEqual([]);
  await page.mouse.click(1, 1);
  // "Saved." goes with the reader's next press, well before its own 1.4 s: the card about to open
  // must not sit under it.
  await expect(toolbar(page)).toHaveCount(0, { timeout: 500 });

  const box = await textBox(page, 'p.Normal', QUOTE);
  await page.mouse.click(box.x, box.y);
  const card = overlay(page).getByTestId('highlight-card').contentFrame();
  await expect(card.getByTestId('card')).toBeVisible();
  await expect(card.getByText('No note.')).toBeVisible();
  // The click was about the highlight: the pointer resting there since opens no term popover
  // (its delay is 60 ms).
  await page.waitForTimeout(300);
  await expect(overlay(page).getByTestId('term-popover')).toHaveCount(0);

  // Edit: a note, typed in the card's own frame; the page then marks the highlight as noted.
  // The hand comes to the button, then presses: the card is an extension frame in its own process,
  // and Chromium routes the first press into such a frame only once the pointer's arrival there has
  // been hit-tested. A press sent together with the move (a bare click) could land on the page.
  await card.getByRole('button', { name: 'Edit' }).hover();
  await page.waitForTimeout(100);
  await card.getByRole('button', { name: 'Edit' }).click();
  await card.getByLabel('Note').fill('UAV = máy bay không người lái');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByTestId('card-note')).toHaveText('UAV = máy bay không người lái');
  await expect.poll(() => paintedTexts(page, 'vr-noted')).toEqual([QUOTE]);
  expect(await page.content()).not.toContain('UAV = máy bay');

  // Delete, then undo, from the card.
  await card.getByRole('button', { name: 'Delete' }).click();
  await expect(card.getByTestId('card-deleted')).toBeVisible();
  await expect(root(page)).toHaveAttribute('data-vr-highlights', '0');
  await card.getByRole('button', { name: 'Undo' }).click();
  await expect(root(page)).toHaveAttribute('data-vr-highlights', '1');
  await expect(card.getByTestId('card-note')).toHaveText('UAV = máy bay không người lái');

  // Esc in the card closes it.
  await card.getByTestId('card').focus();
  await escapeClosing(page, () => expect(overlay(page).getByTestId('highlight-card')).toHaveCount(0));
});

test('resting the pointer on a highlight opens its card; moving away closes it', async ({ page, server }) => {
  await open(page, server);
  await highlight(page, 'p.Normal', 'các hoạt động bộ binh cơ bản');
  await page.mouse.click(1, 1);
  const box = await textBox(page, 'p.Normal', 'hoạt động bộ binh');
  await page.mouse.move(box.x, box.y, { steps: 2 });
  await expect(overlay(page).getByTestId('highlight-card')).toBeVisible();
  // Away to the page's corner: straight down may be where the card sits, below the English it keeps clear of.
  await page.mouse.move(2, 2, { steps: 4 });
  await expect(overlay(page).getByTestId('highlight-card')).toHaveCount(0);
});

test('the English rendering can be highlighted too, and the highlight comes back on the English', async ({
  page,
  ext,
  server,
}) => {
  await open(page, server);
  const EN = 'basic infantry operations';
  await highlight(page, 'vr-translation', EN);
  expect(await paintedTexts(page, 'vr-highlight-yellow')).toEqual([EN]);
  await page.reload();
  await waitForReady(page);
  await expect(root(page)).toHaveAttribute('data-vr-highlights', '1');
  expect(await paintedTexts(page, 'vr-highlight-yellow')).toEqual([EN]);
  const stored = await ext.serviceWorker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('song-ngu');
      r.onsuccess = () => resolve(r.result);
    });
    const all = await new Promise<{ on?: string; quote: { exact: string }; corpus: { paragraphIndex: number } }[]>(
      (resolve) => {
        const r = db.transaction('highlights').objectStore('highlights').getAll();
        r.onsuccess = () => resolve(r.result as never);
      },
    );
    db.close();
    return all.filter((h) => h.on === 'english').map((h) => [h.quote.exact, h.corpus.paragraphIndex]);
  });
  expect(stored).toContainEqual([EN, 3]);
});

test('the toolbar names its colours as text and keeps clear of the English; a selection closes a popover', async ({
  page,
  server,
}) => {
  await open(page, server);
  // A popover open on a term…
  const term = await textBox(page, 'p.Normal', 'Bình Nhưỡng');
  await restPointer(page, term.x, term.y);
  const popover = overlay(page).getByTestId('term-popover');
  await expect(popover).toBeVisible();
  // …keeps clear of its paragraph's English.
  const rendering = page.locator(`vr-translation[data-vr-translation="${isw.id}:7"]`);
  expect(overlapping(await boxOf(page, popover), await boxOf(page, rendering))).toBe(false);
  // …and closes as soon as the reader starts selecting.
  await selectWithMouse(page, 'p.Normal', 'Moscow và Bình Nhưỡng hiện chưa');
  await expect(popover).toHaveCount(0);
  await expect(toolbar(page)).toBeVisible();
  expect(overlapping(await boxOf(page, toolbar(page)), await boxOf(page, rendering))).toBe(false);

  // The meaning of a colour shows as text on keyboard focus.
  await toolbar(page)
    .getByRole('button', { name: /\(green\)/ })
    .focus();
  await expect(toolbar(page).locator('.swatch-hint')).toHaveText('New word');
});
