/**
 * A news page is not trusted: its scripts share the DOM, `CSS.highlights`, window messages and key
 * events with the extension. These tests play a hostile or careless page in real Chromium and
 * check it cannot turn the extension against its reader, nor break it.
 */

import type { Page } from '@playwright/test';
import { articleElements, articlePage, pageWithBody, TEMPLATES } from '../../scripts/lib/article-pages';
import { loadArticles } from '../../scripts/lib/data-sources';
import { expect, test, waitForReady, root } from './fixtures';
import { selectWithMouse, restPointer, textBox } from './helpers';

const articles = loadArticles();
const isw = articles.find((a) => a.id === 'isw-north-korean-troops-kursk')!;
const QUOTE = 'Moscow và Bình Nhưỡng hiện chưa bình luận';

const overlay = (page: Page) => page.locator('song-ngu-ui');
const toolbar = (page: Page) => overlay(page).getByTestId('selection-toolbar');
const popover = (page: Page) => overlay(page).getByTestId('term-popover');

let n = 0;
async function open(page: Page, server: { setPage(h: string, p: string, b: string): string }, body?: string) {
  const url = server.setPage(
    'dantri.com.vn',
    `/the-gioi/hostile-${Date.now()}-${n++}.htm`,
    body ?? articlePage(TEMPLATES.dantri!, isw),
  );
  await page.goto(url);
  await waitForReady(page);
  return url;
}

async function hover(page: Page, text: string) {
  const box = await textBox(page, 'p.Normal', text);
  await restPointer(page, box.x, box.y);
  return box;
}

test("the page's synthetic clicks on the toolbar save nothing; the reader's click does", async ({ page, server }) => {
  await open(page, server);
  await selectWithMouse(page, 'p.Normal', QUOTE);
  await expect(toolbar(page)).toBeVisible();
  await page.evaluate(() => {
    const shadow = document.querySelector('song-ngu-ui')!.shadowRoot!;
    for (const b of shadow.querySelectorAll<HTMLButtonElement>('[data-testid="selection-toolbar"] button')) {
      b.click();
      b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    }
  });
  await page.waitForTimeout(800);
  await expect(root(page)).toHaveAttribute('data-vr-highlights', '0');
  await expect(overlay(page).getByTestId('note-editor')).toHaveCount(0);
  await toolbar(page).getByRole('button', { name: 'Highlight', exact: true }).click();
  await expect(root(page)).toHaveAttribute('data-vr-highlights', '1');
});

test('what the reader types into a note never reaches the page, even capture-phase listeners', async ({
  page,
  server,
}) => {
  await open(page, server);
  await page.evaluate(() => {
    const heard: string[] = ((window as unknown as { heard: string[] }).heard = []);
    for (const target of [window, document]) {
      for (const type of ['keydown', 'keypress', 'keyup', 'input', 'beforeinput']) {
        target.addEventListener(type, (e) => heard.push(`${type}:${(e as KeyboardEvent).key ?? ''}`), true);
      }
    }
  });
  await selectWithMouse(page, 'p.Normal', QUOTE);
  await toolbar(page).getByRole('button', { name: 'Add note' }).click();
  const editor = overlay(page).getByTestId('note-editor').contentFrame();
  await expect(editor.getByLabel('Note')).toBeFocused();
  await page.keyboard.type('secret reading note');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(root(page)).toHaveAttribute('data-vr-highlights', '1');
  expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
  // …nor can the page read it out of the DOM.
  expect(await page.content()).not.toContain('secret reading note');
});

test("no window message carries the extension's id, and a forged 'script started' does not stop it", async ({
  page,
  ext,
  server,
}) => {
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
    addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
  });
  await open(page, server);
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(seen.filter((m) => m.includes(ext.extensionId))).toEqual([]);

  // The page knows the id (a store extension's id is public) and forges WXT's restart signal both ways.
  await page.evaluate((id) => {
    const type = `${id}:content:wxt:content-script-started`;
    const detail = { contentScriptName: 'content', messageId: 'forged' };
    window.postMessage({ type, ...detail }, '*');
    document.dispatchEvent(new CustomEvent(type, { detail }));
  }, ext.extensionId);
  await page.waitForTimeout(300);
  // Still reading the page: a paragraph the page takes away and puts back is recognised again.
  const matched = await root(page).getAttribute('data-vr-matched');
  await page.evaluate(() => {
    const p = document.querySelectorAll('p.Normal')[3]!;
    (window as unknown as { taken: Element }).taken = p;
    p.remove();
  });
  await waitForReady(page);
  await expect(root(page)).toHaveAttribute('data-vr-matched', String(Number(matched) - 1));
  await page.evaluate(() => {
    const w = window as unknown as { taken: Element };
    const next = document.querySelectorAll('p.Normal')[3]!;
    next.before(w.taken);
  });
  await waitForReady(page);
  await expect(root(page)).toHaveAttribute('data-vr-matched', String(matched));
  await selectWithMouse(page, 'p.Normal', QUOTE);
  await expect(toolbar(page)).toBeVisible();
});

test('a paragraph of 300,000 characters is not fatal: the page is read, highlights work', async ({ page, server }) => {
  const huge = 'Người dân địa phương cho biết tình hình đã ổn định trở lại sau nhiều ngày. '.repeat(4100);
  expect(huge.length).toBeGreaterThan(300_000);
  const body = pageWithBody(TEMPLATES.dantri!, isw.title.vi, (doc) => {
    const p = doc.createElement('p');
    p.className = 'Huge';
    p.textContent = huge;
    return [...articleElements(doc, isw), p];
  });
  await open(page, server, body);
  await expect(root(page)).toHaveAttribute('data-vr-matched', String(isw.paragraphs.length));
  // Its terms are found too (Bình Nhưỡng is not in it, but "tình hình" is not a term: any count will do).
  await expect(root(page)).toHaveAttribute('data-vr-terms', /^\d+$/);
  await selectWithMouse(page, 'p.Normal', QUOTE);
  await toolbar(page).getByRole('button', { name: 'Highlight', exact: true }).click();
  await expect(root(page)).toHaveAttribute('data-vr-highlights', '1');
});

test('a page that clones our renderings while re-rendering ends with one rendering per block', async ({
  page,
  server,
}) => {
  await open(page, server);
  const renderings = () => page.locator('vr-translation').count();
  const expected = await renderings();
  expect(expected).toBeGreaterThan(10);
  // A framework re-rendering from its own copy of the markup: our elements come back as plain copies.
  await page.evaluate(() => {
    const container = document.querySelector('p.Normal')!.parentElement!;
    const copy = container.cloneNode(true) as Element;
    container.replaceWith(copy);
  });
  await waitForReady(page);
  await expect.poll(renderings).toBe(expected);
  expect(await page.evaluate(() => [...document.querySelectorAll('vr-translation')].every((el) => el.shadowRoot))).toBe(
    true,
  );
  // Each matched block is followed by exactly one rendering at most.
  expect(
    await page.evaluate(() =>
      [...document.querySelectorAll('vr-translation')].some(
        (el) => el.nextElementSibling?.tagName === 'VR-TRANSLATION',
      ),
    ),
  ).toBe(false);
});

test("Escape stays the page's while the popover is only hovered; synthetic pointer events open nothing", async ({
  page,
  server,
}) => {
  await open(page, server);
  await page.evaluate(() => {
    const keys: string[] = ((window as unknown as { keys: string[] }).keys = []);
    document.addEventListener('keydown', (e) => keys.push(e.key));
  });
  const box = await textBox(page, 'p.Normal', 'Bình Nhưỡng');
  // The page moves "the pointer" itself: nothing opens.
  await page.evaluate(({ x, y }) => {
    const target = document.elementFromPoint(x, y)!;
    for (const type of ['mousemove', 'mousedown', 'mouseup', 'click']) {
      target.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: x, clientY: y }));
    }
  }, box);
  await page.waitForTimeout(500);
  await expect(popover(page)).toHaveCount(0);
  await hover(page, 'Bình Nhưỡng');
  await expect(popover(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(popover(page)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { keys: string[] }).keys)).toEqual(['Escape']);
});

test("typing in the page's own widgets (inside its shadow roots) never drives the popover", async ({
  page,
  server,
}) => {
  await open(page, server);
  await hover(page, 'Bình Nhưỡng');
  await expect(popover(page)).toBeVisible();
  // The page adds its widget while the popover is open: that is not a change to the paragraph,
  // and the popover stays.
  await page.evaluate(() => {
    const host = document.createElement('div');
    host.id = 'page-search';
    const input = document.createElement('input');
    input.setAttribute('aria-label', 'Site search');
    host.attachShadow({ mode: 'open' }).append(input);
    document.body.prepend(host);
  });
  await expect(root(page)).toHaveAttribute('data-vr-state', 'ready');
  await expect(popover(page)).toBeVisible();
  // Focused without scrolling: the word stays under the pointer, so only the key can matter.
  await page.evaluate(() =>
    document.querySelector('#page-search')!.shadowRoot!.querySelector('input')!.focus({ preventScroll: true }),
  );
  await page.keyboard.type('p');
  await page.waitForTimeout(200);
  await expect(popover(page)).toBeVisible();
  await expect(popover(page)).not.toHaveClass(/pinned/);
});

test("clicks in the extension's UI do not bubble into the page's listeners", async ({ page, server }) => {
  await open(page, server);
  await page.evaluate(() => {
    const clicks: string[] = ((window as unknown as { clicks: string[] }).clicks = []);
    document.addEventListener('click', (e) => clicks.push((e.target as Element).tagName));
    document.addEventListener('mousedown', (e) => clicks.push(`down:${(e.target as Element).tagName}`));
  });
  await selectWithMouse(page, 'p.Normal', QUOTE);
  await page.evaluate(() => ((window as unknown as { clicks: string[] }).clicks.length = 0));
  await toolbar(page).getByRole('button', { name: 'Highlight', exact: true }).click();
  await expect(root(page)).toHaveAttribute('data-vr-highlights', '1');
  expect(await page.evaluate(() => (window as unknown as { clicks: string[] }).clicks)).toEqual([]);
});

test('the page sees no User Timing of ours after a save', async ({ page, server }) => {
  await open(page, server);
  await selectWithMouse(page, 'p.Normal', QUOTE);
  await toolbar(page).getByRole('button', { name: 'Highlight', exact: true }).click();
  await expect(root(page)).toHaveAttribute('data-vr-highlights', '1');
  expect(await page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name))).toEqual([]);
});

test('an open page repaints when the popup recolours, deletes or restores one of its highlights', async ({
  page,
  ext,
  server,
}) => {
  // A quote no other test saves, so the popup's list has one row for it.
  const QUOTE = 'huấn luyện quân đội Triều Tiên về pháo binh';
  await open(page, server);
  await selectWithMouse(page, 'p.Normal', QUOTE);
  await toolbar(page).getByRole('button', { name: 'Highlight', exact: true }).click();
  await expect(root(page)).toHaveAttribute('data-vr-highlights', '1');
  const painted = (name: string) => page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name);

  const popup = await ext.context.newPage();
  await popup.goto(ext.extensionUrl('popup.html'));
  const item = popup.getByTestId('highlight').filter({ hasText: QUOTE });
  await item.getByRole('button', { name: 'Edit' }).click();
  await item.getByLabel('New word').check();
  await item.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => painted('vr-highlight-green')).toBe(1);
  expect(await painted('vr-highlight-yellow')).toBe(0);

  await item.getByRole('button', { name: 'Delete' }).click();
  await expect(root(page)).toHaveAttribute('data-vr-highlights', '0');
  expect(await painted('vr-highlight-green')).toBe(0);

  // The popup closes; undo is still offered when it opens again, and the page repaints.
  await popup.close();
  const again = await ext.context.newPage();
  await again.goto(ext.extensionUrl('popup.html'));
  await again.getByRole('button', { name: 'Undo' }).click();
  await expect(root(page)).toHaveAttribute('data-vr-highlights', '1');
  await expect.poll(() => painted('vr-highlight-green')).toBe(1);
  await again.close();
});
