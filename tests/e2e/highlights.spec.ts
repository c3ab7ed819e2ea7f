/**
 * Highlights in real Chromium: saving from a mouse or keyboard selection, restoring on every
 * visit (also after the page changed or the browser restarted), orphans, the popup's list,
 * search, edit, delete with undo, open-and-flash, export and import, and concurrent saves.
 */

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { articlePage, TEMPLATES } from '../../scripts/lib/article-pages';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { loadArticles } from '../../scripts/lib/data-sources';
import { expect, tabIdOf, test, waitForReady, root } from './fixtures';
import { escapeClosing, paintedTexts, selectWithMouse, watchPainted } from './helpers';

const articles = loadArticles();
const isw = articles.find((a) => a.id === 'isw-north-korean-troops-kursk')!;
const QUOTE = 'Moscow và Bình Nhưỡng hiện chưa bình luận';

const toolbar = (page: Page) => page.locator('song-ngu-ui').getByTestId('selection-toolbar');
const html = (page: Page) => root(page);

let pageNo = 0;
/** Serves the ISW article at a fresh URL (each test its own page, so highlights don't mix). */
function serveArticle(
  server: { setPage(h: string, p: string, b: string): string },
  body = articlePage(TEMPLATES.dantri!, isw),
) {
  return server.setPage('dantri.com.vn', `/the-gioi/isw-highlights-${Date.now()}-${pageNo++}.htm`, body);
}

/** Serves the ISW article at a fresh URL, opens it and waits until the extension is ready. */
async function openArticle(page: Page, server: Parameters<typeof serveArticle>[0]): Promise<string> {
  const url = serveArticle(server);
  await page.goto(url);
  await waitForReady(page);
  return url;
}

async function highlight(page: Page, text: string, how: 'button' | { colour: string } = 'button') {
  await selectWithMouse(page, 'p.Normal', text);
  await expect(toolbar(page)).toBeVisible();
  const before = Number(await html(page).getAttribute('data-vr-highlights'));
  await watchToolbarStatuses(page);
  if (how === 'button') await toolbar(page).getByRole('button', { name: 'Highlight', exact: true }).click();
  else
    await toolbar(page)
      .getByRole('button', { name: new RegExp(`\\(${how.colour}\\)`) })
      .click();
  await expect(html(page)).toHaveAttribute('data-vr-highlights', String(before + 1));
  await expectToolbarShowed(page, 'Saved.');
}

/**
 * "Saved." shows for about a second: record every status the toolbar shows from now on, so a
 * slow machine's assertion polling cannot miss it.
 */
async function watchToolbarStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { statusWatch?: MutationObserver; statuses: string[] };
    w.statusWatch?.disconnect();
    const shadow = document.querySelector('song-ngu-ui')!.shadowRoot!;
    const seen: string[] = (w.statuses = []);
    w.statusWatch = new MutationObserver(() => {
      for (const s of shadow.querySelectorAll('[data-testid="selection-toolbar"] [role="status"]'))
        seen.push(s.textContent ?? '');
    });
    w.statusWatch.observe(shadow, { subtree: true, childList: true, characterData: true });
  });
}

async function expectToolbarShowed(page: Page, status: string): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { statuses: string[] }).statuses))
    .toContain(status);
}

/** Opens the popup as a tab of its own: it shows the highlights, as it does off the news sites. */
async function openPopup(ext: ExtensionBrowser, query = '') {
  const popup = await ext.context.newPage();
  await popup.goto(ext.extensionUrl(`popup.html${query ? `?${query}` : ''}`));
  return popup;
}

/**
 * Opens the popup's "Export or import" panel with a click on its summary, again if it did not
 * open: a reader would click again. Once in a dozen runs the panel was found closed 20 s after the
 * click, with nothing in the console and the list on screen. Unexplained; what differs in the
 * popup then: the list above the summary grows while it loads, and another test's deletion can
 * leave an undo line stuck to the bottom of the view just above it.
 */
async function openExportPanel(popup: Page): Promise<void> {
  const panel = popup.locator('details.export-import');
  await expect(async () => {
    if (!(await panel.evaluate((d: HTMLDetailsElement) => d.open))) await popup.getByText('Export or import').click();
    await expect(popup.getByRole('button', { name: 'JSON', exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** The note editor frame the toolbar's "Add note" opens on the page. */
const noteEditor = (page: Page) => page.locator('song-ngu-ui').getByTestId('note-editor').contentFrame();

test('select with the mouse, click Highlight, reload: the highlight is restored', async ({ page, ext, server }) => {
  const url = await openArticle(page, server);
  await highlight(page, QUOTE);
  await expect(html(page)).toHaveAttribute('data-vr-highlights', '1');
  expect(await paintedTexts(page, 'vr-highlight-yellow')).toEqual([QUOTE]);
  // The toolbar badge counts the page's highlights.
  const tabId = await tabIdOf(ext, url);
  await expect
    .poll(() => ext.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId))
    .toBe('1');

  await page.reload();
  await waitForReady(page);
  await expect(html(page)).toHaveAttribute('data-vr-highlights', '1');
  await expect(html(page)).toHaveAttribute('data-vr-orphans', '0');
  expect(await paintedTexts(page, 'vr-highlight-yellow')).toEqual([QUOTE]);
});

test('a colour with its meaning and a note; the corpus paragraph and its terms are stored', async ({
  page,
  ext,
  server,
}) => {
  const url = await openArticle(page, server);
  await selectWithMouse(page, 'p.Normal', 'Bình Nhưỡng hiện chưa bình luận');
  await toolbar(page).getByRole('button', { name: 'Add note' }).click();
  // The note is typed in the extension's own frame, with the caret already in it.
  const editor = noteEditor(page);
  await expect(editor.getByLabel('Note')).toBeFocused();
  await page.keyboard.type('Standard no-comment line');
  await editor.getByLabel('Tags (comma-separated)').fill('diplomacy, #quotes');
  await editor.getByLabel('Name or place').check();
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('song-ngu-ui').getByTestId('note-editor')).toHaveCount(0);
  await expect(html(page)).toHaveAttribute('data-vr-highlights', '1');
  expect(await paintedTexts(page, 'vr-highlight-blue')).toEqual(['Bình Nhưỡng hiện chưa bình luận']);

  const popup = await openPopup(ext);
  const item = popup.getByTestId('highlight').filter({ hasText: 'Standard no-comment line' });
  await expect(item).toHaveCount(1);
  await expect(item.locator('blockquote')).toHaveText('Bình Nhưỡng hiện chưa bình luận');
  await expect(item.locator('.note')).toHaveText('Standard no-comment line');
  await expect(item.locator('.english')).toHaveText(isw.paragraphs[7]!.en);
  await expect(item.locator('.terms')).toContainText('Bình Nhưỡng = Pyongyang');
  await expect(item).toContainText('Name or place');
  await expect(item.locator('.tag')).toHaveText(['#diplomacy', '#quotes']);
  await popup.close();

  // Cancelling the note editor saves nothing.
  await selectWithMouse(page, 'p.Normal', 'Điện Kremlin dường như');
  await toolbar(page).getByRole('button', { name: 'Add note' }).click();
  await expect(noteEditor(page).getByLabel('Note')).toBeFocused();
  await page.keyboard.type('never mind');
  await escapeClosing(page, () => expect(page.locator('song-ngu-ui').getByTestId('note-editor')).toHaveCount(0));
  await expect(html(page)).toHaveAttribute('data-vr-highlights', '1');
  void url;
});

test('the page changed around the quote: still restored; the quote removed: an orphan', async ({
  page,
  ext,
  server,
}) => {
  const path = `/the-gioi/isw-changing-${Date.now()}.htm`;
  const url = server.setPage('dantri.com.vn', path, articlePage(TEMPLATES.dantri!, isw));
  await page.goto(url);
  await waitForReady(page);
  await highlight(page, QUOTE);

  // New text around the quote, a paragraph inserted before it, NFD and new tone placement.
  const changed = articlePage(TEMPLATES.dantri!, {
    ...isw,
    paragraphs: [
      { vi: 'Cập nhật: bài viết đã được bổ sung thông tin mới lúc 10 giờ sáng.', en: 'x' },
      ...isw.paragraphs.map((p, i) =>
        i === 7
          ? {
              ...p,
              vi: `Theo tin mới nhất, ${p.vi.replace('về thông tin này', 'về các báo cáo trên')}`.normalize('NFD'),
            }
          : p,
      ),
    ],
  });
  server.setPage('dantri.com.vn', path, changed);
  await page.reload();
  await waitForReady(page);
  await expect(html(page)).toHaveAttribute('data-vr-highlights', '1');
  expect((await paintedTexts(page, 'vr-highlight-yellow')).map((t) => t.normalize('NFC'))).toEqual([QUOTE]);

  // The paragraph is gone: the highlight is an orphan, and nothing else is painted instead.
  server.setPage('dantri.com.vn', path, articlePage(TEMPLATES.dantri!, isw, { omit: [7] }));
  await page.reload();
  await waitForReady(page);
  await expect(html(page)).toHaveAttribute('data-vr-orphans', '1');
  await expect(html(page)).toHaveAttribute('data-vr-highlights', '0');
  expect(await paintedTexts(page, 'vr-highlight-yellow')).toEqual([]);

  const popup = await openPopup(ext);
  await popup.getByLabel('Orphans only').check();
  const orphan = popup.getByTestId('highlight').filter({ hasText: QUOTE });
  await expect(orphan).toHaveCount(1);
  await expect(orphan.locator('.orphan-badge')).toHaveText('orphan');
  await popup.close();
});

test('in the popup: list, search without diacritics, edit, delete with undo, open and flash', async ({
  page,
  ext,
  server,
}) => {
  await openArticle(page, server);
  await highlight(page, 'Điện Kremlin dường như không muốn nhượng bộ');
  await highlight(page, 'tình báo Mỹ xác nhận', { colour: 'green' });

  const popup = await openPopup(ext);
  const items = popup.getByTestId('highlight');
  await expect(items.first()).toBeVisible();
  // Newest first, grouped under the page's title.
  const group = popup.locator('.page-group').filter({ hasText: isw.title.vi });
  await expect(group.getByTestId('highlight').first()).toContainText('tình báo Mỹ xác nhận');

  const search = popup.getByRole('searchbox', { name: 'Search highlights' });
  const count = popup.getByTestId('highlight-count');
  await expect(count).toHaveText(/^\d+ highlights$/);
  await search.fill('dien kremlin');
  // While the search runs, the count does not claim the unfiltered total was "found".
  await expect(count).toHaveText(/^(Searching…|1 highlight found)$/);
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Điện Kremlin');
  await expect(count).toHaveText('1 highlight found');
  await search.fill('TINH BAO MY');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('tình báo Mỹ');
  await search.fill('');

  // Edit the note, colour and tags.
  const kremlin = items.filter({ hasText: 'Điện Kremlin' });
  await kremlin.getByRole('button', { name: 'Edit' }).click();
  await kremlin.getByLabel('Note').fill('ISW assessment');
  await kremlin.getByLabel('Tags (comma-separated)').fill('kremlin, talks');
  await kremlin.getByLabel('Question').check();
  await kremlin.getByRole('button', { name: 'Save' }).click();
  await expect(kremlin.locator('.note')).toHaveText('ISW assessment');
  await expect(kremlin.locator('.tag')).toHaveText(['#kremlin', '#talks']);
  await popup.getByLabel('Tag').selectOption('talks');
  await expect(items).toHaveCount(1);
  await popup.getByLabel('Tag').selectOption('');
  await expect.poll(() => items.count()).toBeGreaterThan(1);

  // Delete, then undo.
  const before = await items.count();
  await items.filter({ hasText: 'tình báo Mỹ' }).getByRole('button', { name: 'Delete' }).click();
  await expect(items).toHaveCount(before - 1);
  await popup.getByRole('button', { name: 'Undo' }).click();
  await expect(items).toHaveCount(before);

  // Open: the page comes to the front, scrolled to the highlight, which flashes.
  await page.evaluate(() => window.scrollTo(0, 0));
  const flashed = await watchPainted(page, 'vr-flash');
  await items.filter({ hasText: 'Điện Kremlin' }).getByRole('button', { name: 'Open' }).click();
  await expect.poll(flashed).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
  // After a reload, the page shows the edited colour.
  await page.reload();
  await waitForReady(page);
  expect(await paintedTexts(page, 'vr-highlight-pink')).toEqual(['Điện Kremlin dường như không muốn nhượng bộ']);
});

test('the popup opens on a stored copy of the newest highlights, kept in step with every change', async ({
  page,
  ext,
  server,
}) => {
  await openArticle(page, server);
  await highlight(page, 'Điện Kremlin dường như không muốn nhượng bộ');
  await highlight(page, 'tình báo Mỹ xác nhận');

  const view = await openPopup(ext);
  const copyIds = () =>
    view.evaluate(async () => {
      const { recentHighlights: r } = await chrome.storage.session.get('recentHighlights');
      return (r as { items: { id: string }[] } | undefined)?.items.map((h) => h.id) ?? null;
    });
  const liveIds = () =>
    view.evaluate(async () => {
      const reply = await chrome.runtime.sendMessage({
        type: 'listHighlights',
        params: { query: {}, cursor: null, limit: 10 },
      });
      return (reply as { value: { items: { id: string }[] } }).value.items.map((h) => h.id);
    });
  const live = await liveIds();
  await expect.poll(copyIds).toEqual(live);
  await view.evaluate((id) => chrome.runtime.sendMessage({ type: 'deleteHighlights', params: { ids: [id] } }), live[0]);
  const after = await liveIds();
  expect(after).not.toContain(live[0]);
  await expect.poll(copyIds).toEqual(after);
  // Nothing of the highlights is where content scripts on news pages could read it.
  expect(JSON.stringify(await view.evaluate(() => chrome.storage.local.get(null)))).not.toContain('Kremlin');
  await view.close();

  // Hold the background's answer back: the rows come from the copy meanwhile. Count the copy's
  // reads too: popup-prefetch.js starts the only one.
  await ext.context.addInitScript(() => {
    if (location.protocol !== 'chrome-extension:' || !location.search.includes('hold')) return;
    const get = chrome.storage.session.get.bind(chrome.storage.session) as (...a: unknown[]) => unknown;
    (chrome.storage.session as { get: unknown }).get = (...args: unknown[]) => {
      const g = globalThis as { copyReads?: string[] };
      if (JSON.stringify(args[0]).includes('recentHighlights')) {
        (g.copyReads ??= []).push(document.currentScript?.getAttribute('src') ?? 'module');
      }
      return get(...args);
    };
    const send = chrome.runtime.sendMessage.bind(chrome.runtime) as (...a: unknown[]) => unknown;
    (chrome.runtime as { sendMessage: unknown }).sendMessage = (...args: unknown[]) => {
      const late = (args[0] as { type?: string }).type === 'listHighlights';
      if (!late) return send(...args);
      (globalThis as { listHeld?: boolean }).listHeld = true;
      setTimeout(() => send(...args), 3000);
      return undefined;
    };
  });
  const held = await openPopup(ext, 'hold');
  await expect(held.getByTestId('highlight')).toHaveCount(after.length, { timeout: 2000 });
  expect(await held.evaluate(() => (globalThis as { listHeld?: boolean }).listHeld)).toBe(true);
  expect(await held.evaluate(() => (globalThis as { copyReads?: string[] }).copyReads)).toEqual(['/popup-prefetch.js']);
  await held.close();
});

test('opening a highlight of a closed page opens it and flashes the highlight', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const url = await openArticle(page, server);
  await highlight(page, 'lễ nhậm chức của Tổng thống đắc cử Mỹ Donald Trump');
  await page.close();
  const popup = await openPopup(ext);
  const opened = ext.context.waitForEvent('page');
  await popup
    .getByTestId('highlight')
    .filter({ hasText: 'lễ nhậm chức' })
    .getByRole('button', { name: 'Open' })
    .click();
  const tab = await opened;
  await waitForReady(tab);
  const flashed = await watchPainted(tab, 'vr-flash');
  await expect.poll(flashed).toBe(true);
  expect(tab.url()).toBe(url);
  await tab.close();
});

test('a selection made without the mouse shows the toolbar, and the shortcut highlights it', async ({
  page,
  ext,
  server,
}) => {
  const url = await openArticle(page, server);
  await page.evaluate(() => {
    const p = [...document.querySelectorAll('p.Normal')].find((e) => e.textContent.includes('Vladimir Putin'))!;
    const node = p.firstChild as Text;
    const i = node.data.indexOf('Vladimir Putin');
    (p as HTMLElement).scrollIntoView({ block: 'center' });
    // As caret browsing (F7) and Shift+arrows, or a screen reader, would: no mouse involved.
    getSelection()!.setBaseAndExtent(node, i, node, i + 'Vladimir Putin'.length);
  });
  await expect(toolbar(page)).toBeVisible();
  const tabId = await tabIdOf(ext, url);
  const manifest = await ext.serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.commands?.['highlight-selection']).toBeDefined();
  // The command and the context-menu item both send this message to the tab.
  expect(
    await ext.serviceWorker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: 'highlightSelection', params: {} }),
      tabId,
    ),
  ).toEqual({
    ok: true,
    value: true,
  });
  expect(await paintedTexts(page, 'vr-highlight-yellow')).toEqual(['Vladimir Putin']);
  await expect(html(page)).toHaveAttribute('data-vr-highlights', '1');
});

test('two tabs saving at once lose nothing', async ({ ext, server }) => {
  const [a, b] = [await ext.context.newPage(), await ext.context.newPage()];
  const [urlA, urlB] = [serveArticle(server), serveArticle(server)];
  await Promise.all([a.goto(urlA), b.goto(urlB)]);
  await Promise.all([waitForReady(a), waitForReady(b)]);
  const select = (p: Page, text: string) =>
    p.evaluate((t) => {
      const el = [...document.querySelectorAll('p.Normal')].find((e) => e.textContent.includes(t))!;
      const node = el.firstChild as Text;
      const i = node.data.indexOf(t);
      getSelection()!.setBaseAndExtent(node, i, node, i + t.length);
    }, text);
  const quotes = ['hơn 10.000 binh sĩ', 'khu vực Kursk', 'pháo binh', 'bộ binh cơ bản', 'Hạm đội Biển Đen'];
  const ids = await Promise.all([tabIdOf(ext, urlA), tabIdOf(ext, urlB)]);
  for (const q of quotes) {
    await Promise.all([select(a, q), select(b, q)]);
    const results = await Promise.all(
      ids.map((id) =>
        ext.serviceWorker.evaluate((t) => chrome.tabs.sendMessage(t, { type: 'highlightSelection', params: {} }), id),
      ),
    );
    expect(results).toEqual([
      { ok: true, value: true },
      { ok: true, value: true },
    ]);
  }
  for (const [p, url] of [
    [a, urlA],
    [b, urlB],
  ] as const) {
    await p.goto(url);
    await waitForReady(p);
    await expect(html(p)).toHaveAttribute('data-vr-highlights', String(quotes.length));
    await p.close();
  }
});

test('export, then import into a fresh profile: all highlights come back', async ({ page, ext, server }) => {
  await openArticle(page, server);
  await highlight(page, 'Hiệp ước Đối tác Chiến lược Toàn diện');
  const popup = await openPopup(ext);
  await openExportPanel(popup);
  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: 'JSON', exact: true }).click(),
  ]);
  const file = join(mkdtempSync(join(tmpdir(), 'export-')), 'highlights.json');
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8')) as {
    format: string;
    highlights: { quote: { exact: string } }[];
  };
  expect(exported.format).toBe('song-ngu-highlights');
  expect(exported.highlights.some((h) => h.quote.exact === 'Hiệp ước Đối tác Chiến lược Toàn diện')).toBe(true);
  for (const format of ['Markdown', 'CSV', 'Anki']) {
    const [d] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: format, exact: true }).click(),
    ]);
    expect(d.suggestedFilename()).toMatch(/^song-ngu-highlights-\d{4}-\d{2}-\d{2}\.(md|csv|txt)$/);
  }
  await popup.close();

  const fresh = await launchWithExtension({ port: server.port });
  try {
    const p = await fresh.context.newPage();
    await p.goto(fresh.extensionUrl('popup.html'));
    await expect(p.getByTestId('highlight-count')).toHaveText('0 highlights');
    await p.getByText('Export or import').click();
    await p.getByLabel('Import a JSON export').setInputFiles(file);
    const n = exported.highlights.length;
    await expect(p.getByTestId('import-result')).toHaveText(`Imported ${n} new highlight${n === 1 ? '' : 's'}.`);
    await expect(p.getByTestId('highlight-count')).toHaveText(`${n} highlight${n === 1 ? '' : 's'}`);
    // The list shows them all as the reader scrolls down it.
    await expect
      .poll(async () => {
        await p.mouse.wheel(0, 2000);
        return p.getByTestId('highlight').count();
      })
      .toBe(n);
    // A bad file changes nothing and says why.
    await p.getByLabel('Import a JSON export').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"song-ngu-highlights","version":1,"highlights":[{"id":"x"}]}'),
    });
    await expect(p.getByTestId('import-result')).toContainText('Nothing was imported');
    await expect(p.getByTestId('highlight')).toHaveCount(exported.highlights.length);
  } finally {
    await fresh.close();
  }
});

test('a highlight survives a browser restart with the same profile', async ({ server }) => {
  const profile = mkdtempSync(join(tmpdir(), 'song-ngu-restart-'));
  const url = serveArticle(server);
  let browser = await launchWithExtension({ port: server.port, userDataDir: profile });
  try {
    const page = await browser.context.newPage();
    await page.goto(url);
    await waitForReady(page);
    await highlight(page, 'Hạm đội Biển Đen');
  } finally {
    await browser.close();
  }
  browser = await launchWithExtension({ port: server.port, userDataDir: profile });
  try {
    const page = await browser.context.newPage();
    await page.goto(url);
    await waitForReady(page);
    await expect(root(page)).toHaveAttribute('data-vr-highlights', '1');
    expect(await paintedTexts(page, 'vr-highlight-yellow')).toEqual(['Hạm đội Biển Đen']);
  } finally {
    await browser.close();
  }
});

test('colour meanings renamed on the options page label the toolbar and the popup', async ({ page, ext, server }) => {
  const options = await ext.context.newPage();
  await options.goto(ext.extensionUrl('options.html'));
  await options.getByLabel('Meaning of green').fill('Vocabulary');
  await options.getByRole('button', { name: 'Save colours' }).click();
  await expect(options.getByRole('region', { name: 'Highlights' }).getByRole('status')).toHaveText('Saved.');
  await options.close();
  await openArticle(page, server);
  await selectWithMouse(page, 'p.Normal', 'chiến hào');
  await expect(toolbar(page).getByRole('button', { name: 'Highlight as Vocabulary (green)' })).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Highlight as Vocabulary (green)' }).click();
  await expect(toolbar(page).getByRole('status')).toHaveText('Saved.');
  const popup = await openPopup(ext);
  await popup.getByLabel('Colour').selectOption('green');
  await expect(popup.getByTestId('highlight').first()).toContainText('Vocabulary');
  await popup.close();
});
