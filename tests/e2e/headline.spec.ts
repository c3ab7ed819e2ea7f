/**
 * The headline on the page, in real Chromium: a recognised article's h1 gets its English title as
 * a rendering (`data-vr-match="<id>:title"`), and it follows each reading mode, checked by what
 * is rendered (computed visibility), not by class names or attributes.
 */

import type { Page } from '@playwright/test';
import { articlePage, pageWithBody, TEMPLATES } from '../../scripts/lib/article-pages';
import { loadArticles } from '../../scripts/lib/data-sources';
import { expect, tabIdOf, test, waitForReady } from './fixtures';

const articles = loadArticles();
const a = articles.find((x) => x.id === 'russia-north-korea-tighten-military-cooperation')!;
const HEADLINE = `h1[data-vr-match="${a.id}:title"]`;
const RENDERING = `vr-translation[data-vr-translation="${a.id}:title"]`;

/** Whether an element is rendered (not display: none up the tree, not visibility: hidden). */
const rendered = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => el.checkVisibility({ visibilityProperty: true }));

test('the headline gets its English and follows each reading mode', async ({ page, ext, server }) => {
  const url = server.setPage('vnexpress.net', '/headline-modes.html', articlePage(TEMPLATES.vnexpress!, a));
  await page.goto(url);
  await waitForReady(page);
  const headline = page.locator(HEADLINE);
  const rendering = page.locator(RENDERING);
  await expect(headline).toHaveText(a.title.vi);
  await expect(rendering).toHaveText(a.title.en);
  // Right after the headline, and the headline is no paragraph: the count stays the paragraphs'.
  expect(await rendering.evaluate((el) => el.previousElementSibling?.tagName)).toBe('H1');
  await expect(page.locator('xpath=/html')).toHaveAttribute('data-vr-matched', String(a.paragraphs.length));

  // Bilingual: both.
  expect(await rendered(page, HEADLINE)).toBe(true);
  expect(await rendered(page, RENDERING)).toBe(true);

  const tabId = await tabIdOf(ext, url);
  const cycle = () =>
    ext.serviceWorker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'cycleViewMode', params: {} }), tabId);
  const peek = (lang: 'english' | 'vietnamese') => page.locator('song-ngu-ui').getByTestId(`${lang}-peek`);

  // Original only: the English is hidden, and hovering the headline peeks at it.
  expect(await cycle()).toEqual({ ok: true, value: 'original' });
  await expect.poll(() => rendered(page, RENDERING)).toBe(false);
  expect(await rendered(page, HEADLINE)).toBe(true);
  await headline.hover();
  await expect(peek('english')).toContainText(a.title.en);
  await page.mouse.move(1, 400);

  // English only: the Vietnamese headline is hidden; hovering the English peeks at it, a click
  // brings it back.
  expect(await cycle()).toEqual({ ok: true, value: 'english' });
  await expect.poll(() => rendered(page, HEADLINE)).toBe(false);
  expect(await rendered(page, RENDERING)).toBe(true);
  await rendering.hover();
  await expect(peek('vietnamese')).toContainText(a.title.vi);
  await rendering.click();
  await expect.poll(() => rendered(page, HEADLINE)).toBe(true);

  expect(await cycle()).toEqual({ ok: true, value: 'bilingual' });
  expect(await rendered(page, RENDERING)).toBe(true);
});

test('a reworded headline gets its English only on a page carrying the article', async ({ page, server }) => {
  // The troops article's title without "lãnh đạo": close, not exact.
  const troops = articles.find((x) => x.id === 'north-korea-may-send-100000-troops')!;
  const reworded = troops.title.vi.replace('lãnh đạo ', '');
  expect(reworded).not.toBe(troops.title.vi);
  const withArticle = server.setPage(
    'vnexpress.net',
    '/headline-close.html',
    articlePage(TEMPLATES.vnexpress!, { ...troops, title: { ...troops.title, vi: reworded } }),
  );
  await page.goto(withArticle);
  await waitForReady(page);
  await expect(page.locator(`vr-translation[data-vr-translation="${troops.id}:title"]`)).toHaveText(troops.title.en);

  // The same headline over an unrelated body: no English.
  const alone = server.setPage(
    'vnexpress.net',
    '/headline-alone.html',
    pageWithBody(TEMPLATES.vnexpress!, reworded, (doc) => {
      const p = doc.createElement('p');
      p.textContent = 'Mọi ngả đường về nhà thờ tắc nghẽn đêm Giáng sinh.';
      return [p];
    }),
  );
  await page.goto(alone);
  await waitForReady(page);
  await expect(page.locator('h1')).toHaveText(reworded);
  await expect(page.locator('h1')).not.toHaveAttribute('data-vr-match');
  await expect(page.locator('vr-translation')).toHaveCount(0);
});
