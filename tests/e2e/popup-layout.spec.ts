/**
 * The popup's layout at the widths a toolbar popup gets (Chrome's and Firefox's, and Firefox's
 * narrower overflow menu): nothing overflows sideways, and nothing overlaps anything else.
 */

import type { Page } from '@playwright/test';
import { articlePage, TEMPLATES } from '../../scripts/lib/article-pages';
import { launchWithExtension } from '../../scripts/lib/chromium';
import { loadArticles } from '../../scripts/lib/data-sources';
import { expect, tabIdOf, test, waitForReady } from './fixtures';
import { importHighlights } from './seed';

const isw = loadArticles().find((a) => a.id === 'isw-north-korean-troops-kursk')!;
const WIDTHS = [360, 380, 400, 420];

/** Opens the popup as a page the given width, as a popup that size would lay it out. */
async function popupAt(page: Page, url: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 600 });
  await page.goto(url);
  await page.addStyleTag({ content: `body { width: ${width}px !important }` });
}

/** Pairs of boxes that overlap, among the elements each selector finds (text lines for `p`). */
function overlapsIn(page: Page, container: string, a: string, b: string) {
  return page.evaluate(
    ({ container, a, b }) => {
      const boxes = (el: Element): DOMRect[] => {
        if (el.matches('p, dd, dt, h2, h3, blockquote, span, strong')) {
          const r = document.createRange();
          r.selectNodeContents(el);
          return [...r.getClientRects()].filter((x) => x.width > 0 && x.height > 0);
        }
        return [el.getBoundingClientRect()];
      };
      const hit = (x: DOMRect, y: DOMRect) =>
        x.left < y.right - 0.5 && x.right > y.left + 0.5 && x.top < y.bottom - 0.5 && x.bottom > y.top + 0.5;
      const found: string[] = [];
      for (const c of document.querySelectorAll(container)) {
        for (const ea of c.querySelectorAll(a))
          for (const eb of c.querySelectorAll(b)) {
            if (ea === eb || ea.contains(eb) || eb.contains(ea)) continue;
            if (boxes(ea).some((x) => boxes(eb).some((y) => hit(x, y))))
              found.push(`${ea.textContent.slice(0, 30)} × ${eb.textContent.slice(0, 30)}`);
          }
      }
      return found;
    },
    { container, a, b },
  );
}

const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('the popup fits a toolbar popup: 380 px wide, under the 800 px browsers allow', async ({ ext, page }) => {
  await page.setViewportSize({ width: 1000, height: 600 });
  await page.goto(ext.extensionUrl('popup.html'));
  expect(await page.evaluate(() => document.body.getBoundingClientRect().width)).toBe(380);
});

for (const width of WIDTHS) {
  test(`at ${width} px: nothing overflows or overlaps on This page and in the whole article`, async ({
    ext,
    page,
    server,
  }) => {
    const url = server.setPage('dantri.com.vn', `/the-gioi/layout-${width}.htm`, articlePage(TEMPLATES.dantri!, isw));
    await page.goto(url);
    await waitForReady(page);
    const popup = await ext.context.newPage();
    await popupAt(popup, ext.extensionUrl(`popup.html?tab=${await tabIdOf(ext, url)}`), width);
    await expect(popup.getByTestId('recognised-article')).toBeVisible();
    expect(await sidewaysOverflow(popup)).toBeLessThanOrEqual(0);
    // The header's mark, tabs and settings button sit side by side.
    expect(
      await overlapsIn(
        popup,
        '.app-header',
        '.brand, [role="tablist"], button.icon',
        '.brand, [role="tablist"], button.icon',
      ),
    ).toEqual([]);
    // Every reading mode's name is whole in its segment.
    const clipped = await popup.$$eval('.segmented span', (spans) =>
      spans.filter((s) => s.scrollWidth > s.clientWidth).map((s) => s.textContent),
    );
    expect(clipped).toEqual([]);
    expect(await overlapsIn(popup, '.stats', 'li', 'li')).toEqual([]);

    // The whole article: the "on page" labels never cover the Vietnamese or the English.
    await popup.getByRole('button', { name: 'Read the whole article in English' }).click();
    const reader = popup.getByTestId('article-reader');
    await expect(reader.locator('.badge')).toHaveCount(isw.paragraphs.length);
    expect(await sidewaysOverflow(popup)).toBeLessThanOrEqual(0);
    expect(await overlapsIn(popup, '.pair', '.badge', 'p')).toEqual([]);

    await popup.close();
  });
}

test('the highlights: filters, cards and the edit form fit every width', async ({ server }) => {
  // A profile of its own, with the sample highlights: the other tests' lists stay as they are.
  const ext = await launchWithExtension({ port: server.port });
  try {
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html'));
    expect(await importHighlights(popup)).toMatchObject({ ok: true, value: { ok: true } });
    for (const width of WIDTHS) {
      await popupAt(popup, ext.extensionUrl('popup.html'), width);
      await expect(popup.getByTestId('highlight')).toHaveCount(3);
      const card = popup.getByTestId('highlight').first();
      await card.getByRole('button', { name: 'Edit' }).click();
      await popup.getByText('Export or import').click();
      expect(await sidewaysOverflow(popup), `at ${width} px`).toBeLessThanOrEqual(0);
      const parts = 'select, .search, .check, .summary';
      expect(await overlapsIn(popup, '.filters', parts, parts), `at ${width} px`).toEqual([]);
      // Each colour's swatch sits with its meaning, whole, and no two choices overlap.
      const options = card.locator('.colour-option');
      await expect(options).toHaveCount(5);
      for (const o of await options.all()) {
        const [dot, meaning] = [await o.locator('.dot').boundingBox(), await o.locator('.meaning').boundingBox()];
        expect(Math.abs(dot!.y + dot!.height / 2 - (meaning!.y + meaning!.height / 2))).toBeLessThan(2);
        expect(meaning!.x - (dot!.x + dot!.width)).toBeLessThan(12);
        expect(await o.locator('.meaning').evaluate((m) => m.scrollWidth <= m.clientWidth)).toBe(true);
      }
      expect(await overlapsIn(popup, '.colour-choice', '.colour-option', '.colour-option'), `at ${width} px`).toEqual(
        [],
      );
      const cardParts = 'blockquote, .english, .terms, .note, .meta, .actions, .edit';
      expect(await overlapsIn(popup, '.highlight', cardParts, cardParts), `at ${width} px`).toEqual([]);
      expect(await overlapsIn(popup, '.export-import-body', '.transfer-row', '.transfer-row')).toEqual([]);
    }
  } finally {
    await ext.close();
  }
});
