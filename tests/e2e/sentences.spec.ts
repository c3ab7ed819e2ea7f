/**
 * Sentence linking in real Chromium: hovering a Vietnamese sentence of a recognised paragraph
 * lights its aligned English sentence in the rendering (CSS highlight `vr-sentence`), and the
 * other way round, in the reading modes where both sides show; made-up events do nothing.
 */

import type { Page } from '@playwright/test';
import { paragraphSentencePairs } from '../../core/corpus-format';
import { articlePage, TEMPLATES } from '../../scripts/lib/article-pages';
import { loadArticles } from '../../scripts/lib/data-sources';
import { expect, tabIdOf, test, waitForReady } from './fixtures';
import { paintedTexts, selectWithMouse, restPointer, textBox } from './helpers';

const a = loadArticles().find((x) => x.id === 'lang-son-cross-border-ecommerce')!;
const INDEX = 2;
const p = a.paragraphs[INDEX]!;
const pairs = paragraphSentencePairs(p.vi, p.en);
const vi = (k: number) => pairs[k]!.vi.map(([s, e]) => p.vi.slice(s, e)).join('');
const en = (k: number) => pairs[k]!.en.map(([s, e]) => p.en.slice(s, e)).join('');
const BLOCK = `[data-vr-match="${a.id}:${INDEX}"]`;
const RENDERING = `vr-translation[data-vr-translation~="${a.id}:${INDEX}"]`;

/** A few words from the middle of a text, to point at. */
const middle = (text: string) => text.split(' ').slice(3, 5).join(' ');

async function hover(page: Page, selector: string, text: string) {
  const box = await textBox(page, selector, text);
  await restPointer(page, box.x, box.y);
}

const lit = (page: Page) => paintedTexts(page, 'vr-sentence');

async function open(page: Page, server: { setPage(h: string, p: string, b: string): string }, path: string) {
  const url = server.setPage('vnexpress.net', path, articlePage(TEMPLATES.vnexpress!, a));
  await page.goto(url);
  await waitForReady(page);
  return url;
}

test('the paragraph under test has three aligned sentences', () => {
  expect(pairs).toHaveLength(3);
});

test('hovering a Vietnamese sentence lights its English sentence, and the other way round', async ({
  page,
  server,
}) => {
  await open(page, server, '/sentences-bilingual.html');
  await hover(page, BLOCK, middle(vi(1)));
  await expect.poll(() => lit(page)).toEqual([vi(1), en(1)]);
  await hover(page, BLOCK, middle(vi(2)));
  await expect.poll(() => lit(page)).toEqual([vi(2), en(2)]);
  await hover(page, RENDERING, middle(en(0)));
  await expect.poll(() => lit(page)).toEqual([vi(0), en(0)]);
  // Off the text: nothing is lit.
  await page.mouse.move(2, 2);
  await expect.poll(() => lit(page)).toEqual([]);
  // The page's own markup is untouched.
  expect(await page.locator(BLOCK).evaluate((el) => el.children.length)).toBe(0);
});

test('pointer events a page script makes up light nothing', async ({ page, server }) => {
  await open(page, server, '/sentences-untrusted.html');
  const box = await textBox(page, BLOCK, middle(vi(1)));
  await page.evaluate(
    ({ x, y, selector }) => {
      const target = document.querySelector(selector)!;
      for (let i = 0; i < 3; i++) {
        target.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: x + i, clientY: y }));
      }
    },
    { ...box, selector: BLOCK },
  );
  await page.waitForTimeout(300);
  expect(await lit(page)).toEqual([]);
});

test('it follows the reading modes: none in original only, from the English in English only', async ({
  page,
  ext,
  server,
}) => {
  const url = await open(page, server, '/sentences-modes.html');
  const tabId = await tabIdOf(ext, url);
  const cycle = () =>
    ext.serviceWorker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'cycleViewMode', params: {} }), tabId);
  expect(await cycle()).toEqual({ ok: true, value: 'original' });
  await hover(page, BLOCK, middle(vi(1)));
  await page.waitForTimeout(300);
  expect(await lit(page)).toEqual([]);

  expect(await cycle()).toEqual({ ok: true, value: 'english' });
  await expect(page.locator(BLOCK)).toBeHidden();
  await hover(page, RENDERING, middle(en(2)));
  await expect.poll(() => lit(page)).toEqual([vi(2), en(2)]);
  // Brought back in place, the Vietnamese links to the English too.
  await page.locator(RENDERING).click();
  await expect(page.locator(BLOCK)).toBeVisible();
  await hover(page, BLOCK, middle(vi(0)));
  await expect.poll(() => lit(page)).toEqual([vi(0), en(0)]);
  expect(await cycle()).toEqual({ ok: true, value: 'bilingual' });
});

/** The stored highlights of a page, as the background keeps them. */
function storedOn(
  ext: { serviceWorker: { evaluate<R, A>(f: (a: A) => R | Promise<R>, a: A): Promise<R> } },
  url: string,
) {
  return ext.serviceWorker.evaluate(async (u) => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('song-ngu');
      r.onsuccess = () => resolve(r.result);
    });
    const all = await new Promise<
      {
        url: string;
        on?: string;
        quote: { exact: string };
        corpus: { english: string; englishSentence?: string } | null;
      }[]
    >((resolve) => {
      const r = db.transaction('highlights').objectStore('highlights').getAll();
      r.onsuccess = () => resolve(r.result as never);
    });
    db.close();
    return all.filter((h) => h.url === u).map((h) => ({ quote: h.quote.exact, on: h.on ?? 'page', corpus: h.corpus }));
  }, url);
}

test('a highlight keeps the English sentence aligned with its quote, on the Vietnamese and on the English', async ({
  page,
  ext,
  server,
}) => {
  test.setTimeout(120_000);
  const url = await open(page, server, '/sentences-highlight.html');
  const toolbar = page.locator('song-ngu-ui').getByTestId('selection-toolbar');
  const save = async (selector: string, text: string, count: number) => {
    await selectWithMouse(page, selector, text);
    await expect(toolbar).toBeVisible();
    await toolbar.getByRole('button', { name: 'Highlight', exact: true }).click();
    await expect(page.locator('xpath=/html')).toHaveAttribute('data-vr-highlights', String(count));
    // A fresh page for the next selection, as a reader coming back would have.
    await page.reload();
    await waitForReady(page);
  };
  const viQuote = middle(vi(1));
  const enQuote = middle(en(2));
  await save(BLOCK, viQuote, 1);
  await save(RENDERING, enQuote, 2);
  const stored = await storedOn(ext, url);
  expect(stored).toContainEqual({
    quote: viQuote,
    on: 'page',
    corpus: expect.objectContaining({ english: p.en, englishSentence: en(1) }),
  });
  expect(stored).toContainEqual({
    quote: enQuote,
    on: 'english',
    corpus: expect.objectContaining({ english: p.en, englishSentence: en(2) }),
  });
});
