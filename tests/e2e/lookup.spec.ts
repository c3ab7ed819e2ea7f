/**
 * The hover dictionary in real Chromium with the built extension: ordinary words on a real saved
 * VnExpress page served under vnexpress.net show their English, backward as well as forward;
 * section menus too ("Pháp luật" is law, not France); Save word and S store the word with its
 * sentence; the history counts lookups; the popover keeps off the English rendering, closes when
 * a selection starts, ignores synthetic events, opens from the keyboard shortcut, and passes axe.
 */

import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { articlePage, TEMPLATES } from '../../scripts/lib/article-pages';
import {
  copyOfBuild,
  launchWithExtension,
  prependToBackground,
  type ExtensionBrowser,
} from '../../scripts/lib/chromium';
import { loadArticles } from '../../scripts/lib/data-sources';
import { REPO_ROOT } from '../../scripts/lib/paths';
import { seriousViolations } from './axe';
import { expect, fixturePage, tabIdOf, test, waitForReady } from './fixtures';
import { selectWithMouse, restPointer, textBox } from './helpers';

const dictionary = (page: Page) => page.locator('song-ngu-ui').getByTestId('dictionary-popover');

/**
 * Rests the pointer on the syllable `syllable` of the n-th `text` inside `selector`: on its first
 * letter, at `across` of that letter's width (the middle by default).
 */
async function hover(page: Page, selector: string, text: string, syllable = text, n = 0, across = 0.5) {
  const i = text.indexOf(syllable);
  const box = await textBox(page, selector, text, n);
  const { x, y } = await page.evaluate(
    ({ selector, text, i, n, across }) => {
      let seen = 0;
      for (const el of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node as Text).data.indexOf(text);
          if (at < 0 || seen++ < n) continue;
          const r = document.createRange();
          r.setStart(node, at + i);
          r.setEnd(node, at + i + 1);
          const b = r.getClientRects()[0]!;
          return { x: b.left + b.width * across, y: b.top + b.height / 2 };
        }
      }
      throw new Error(`no ${text}`);
    },
    { selector, text, i, n, across },
  );
  await restPointer(page, x, y);
  return box;
}

async function openVnExpress(page: Page, server: { setPage(h: string, p: string, b: string): string }) {
  const url = server.setPage(
    'vnexpress.net',
    '/dau-bung-keo-dai-phat-hien-ung-thu-lymphoma-ruot-non-4954454.html',
    fixturePage('vnexpress-2025-10-22.html'),
  );
  await page.goto(url);
  await waitForReady(page);
  return url;
}

/** What the test reads of a stored word. */
interface StoredWord {
  headword: string;
  sense: { gloss: string; source: string };
  contexts: { sentence: string; url: string; start: number; end: number }[];
}

/** A saved word as the background stored it (read from its IndexedDB). */
function savedWord(ext: ExtensionBrowser, headword: string) {
  return ext.serviceWorker.evaluate(
    (key) =>
      new Promise<{
        headword: string;
        sense: { gloss: string; source: string };
        contexts: { sentence: string; url: string; start: number; end: number }[];
      } | null>((resolve, reject) => {
        const open = indexedDB.open('song-ngu');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const get = open.result.transaction('words').objectStore('words').get(key);
          get.onsuccess = () => resolve((get.result as StoredWord | undefined) ?? null);
          get.onerror = () => reject(new Error(String(get.error)));
        };
      }),
    headword,
  );
}

test.describe('ordinary words on a real VnExpress page show their English', () => {
  for (const [word, syllable, english] of [
    ['bệnh nhân', 'nhân', 'patient'],
    ['ung thư', 'ung', 'cancer'],
    ['điều trị', 'trị', 'to treat'],
    ['triệu chứng', 'chứng', 'symptom'],
  ] as const) {
    test(`${word} (hovering “${syllable}”) → ${english}`, async ({ page, server }) => {
      await openVnExpress(page, server);
      await hover(page, 'p', word, syllable);
      await expect(dictionary(page)).toBeVisible();
      await expect(dictionary(page).locator('.headword')).toHaveText(word);
      await expect(dictionary(page).getByTestId('dictionary-english').first()).toContainText(english);
      await expect(dictionary(page)).toHaveAttribute('role', 'tooltip');
      await expect(dictionary(page).locator('.credit')).toHaveText('Dictionary data from Wiktionary, CC BY-SA 3.0');
    });
  }
});

/**
 * Runs `body` in a browser with a copy of the build whose background notes every file it fetches
 * from the package (`self.__read`) and the type of every message it receives (`self.__asked`),
 * afresh at each start; the VnExpress page is open in `page`.
 */
async function withNotingBackground(
  server: { port: number; setPage(h: string, p: string, b: string): string },
  body: (ext: ExtensionBrowser, page: Page) => Promise<void>,
): Promise<void> {
  const dir = copyOfBuild('song-ngu-noting-');
  prependToBackground(
    dir,
    `{ const f = self.fetch; self.__read = []; self.__asked = [];
  self.fetch = (input, init) => { self.__read.push(new URL(input instanceof Request ? input.url : String(input)).pathname); return f.call(self, input, init); };
  chrome.runtime.onMessage.addListener((m) => { if (m && typeof m.type === 'string') self.__asked.push(m.type); }); }`,
  );
  const ext = await launchWithExtension({ port: server.port, extensionDir: dir });
  try {
    const page = await ext.context.newPage();
    await openVnExpress(page, server);
    await body(ext, page);
  } finally {
    await ext.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the running background noted (see `withNotingBackground`). */
function noted(ext: ExtensionBrowser, what: '__read' | '__asked'): Promise<string[]> {
  return ext.serviceWorker.evaluate((key) => (self as unknown as Record<string, string[]>)[key]!, what);
}

/** Waits until the background has received no new message for a second: the reading ahead is done. */
async function quiet(ext: ExtensionBrowser): Promise<void> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const n = (await noted(ext, '__asked')).length;
        const same = n === last;
        last = n;
        return same;
      },
      { intervals: [1000], timeout: 20_000 },
    )
    .toBe(true);
}

/** Stops the service worker as the browser stops an idle one (after 30 s without events). */
async function stopper(page: Page, ext: ExtensionBrowser) {
  const cdp = await ext.context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) =>
    statuses.push(...versions.map((v) => v.runningStatus)),
  );
  await cdp.send('ServiceWorker.enable');
  return {
    status: () => statuses.at(-1),
    stop: async () => {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await expect.poll(() => statuses.at(-1)).toBe('stopped');
      // The port's disconnection reaches the content script (a reader's next move comes seconds later).
      await page.waitForTimeout(200);
    },
  };
}

test('a stopped background is started, and loads the lookup data, as the reader’s pointer moves or the page is scrolled: before any word is hovered', async ({
  server,
}) => {
  await withNotingBackground(server, async (ext, page) => {
    // A paragraph in one text node longer than a read-ahead message: its words are left to the
    // hovers (next test), so hovering one below asks the background.
    await page.evaluate(() => {
      const long = document.createElement('p');
      long.id = 'long';
      const filler = 'Bác sĩ khám cho người bệnh. '.repeat(100);
      long.textContent = `${filler}Bác sĩ khám cho bệnh nhân. ${filler}`;
      document.querySelector('p.Normal')!.after(long);
    });
    // The first move loads the overlay and opens the port, and reads the words around the view
    // ahead (next test): done before the stop, so the start below is the move's alone.
    await page.mouse.move(1270, 600);
    await expect(page.locator('song-ngu-ui')).toBeAttached();
    await expect.poll(() => noted(ext, '__asked')).toContain('lookupSpans');
    await quiet(ext);
    const worker = await stopper(page, ext);
    await worker.stop();
    // The hand moves in the page's empty right margin: no word is under it, nothing is looked up.
    await page.mouse.move(1270, 500, { steps: 4 });
    await expect.poll(worker.status).toBe('running');
    // What the new background has fetched (the prepended lines run again as it starts).
    const shards = async () => (await noted(ext, '__read')).filter((p) => /^\/data\/dictionary\/\d+\.json$/.test(p));
    await expect
      .poll(() => noted(ext, '__read'))
      .toEqual(
        expect.arrayContaining(['/data/glossary.json', '/data/lexicon-index.json', '/data/dictionary/head.json']),
      );
    // Nothing was read ahead again: the words around the view were read before the stop.
    expect(await noted(ext, '__asked')).not.toContain('lookupSpans');
    expect(await shards()).toEqual([]);
    // The next word hovered where nothing was read ahead is answered, with the shard it needs.
    await page.evaluate(() => document.getElementById('long')!.scrollIntoView({ block: 'center' }));
    await hover(page, '#long', 'bệnh nhân', 'nhân');
    await expect(dictionary(page).locator('.headword')).toHaveText('bệnh nhân');
    expect(await noted(ext, '__asked')).toContain('lookupWord');
    expect((await shards()).length).toBeGreaterThan(0);

    // Reading on with the wheel starts it too.
    await worker.stop();
    await page.mouse.wheel(0, 200);
    await expect.poll(worker.status).toBe('running');
    await expect
      .poll(() => noted(ext, '__read'))
      .toEqual(expect.arrayContaining(['/data/lexicon-index.json', '/data/dictionary/head.json']));
  });
});

test('the words around the view, the section menu’s too, are read ahead as the reader moves: once the background has stopped, a hover there is answered in the page, not asked of it', async ({
  server,
}) => {
  await withNotingBackground(server, async (ext, page) => {
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((x) => x.textContent.includes('bệnh nhân'))!;
      p.scrollIntoView({ block: 'center' });
    });
    // Nothing is read ahead on a page left alone.
    await page.waitForTimeout(600);
    expect(await noted(ext, '__asked')).not.toContain('lookupSpans');
    // The reader moves in the margin: what is around the view is read.
    await page.mouse.move(1270, 300, { steps: 3 });
    await expect.poll(() => noted(ext, '__asked')).toContain('lookupSpans');
    await quiet(ext);
    const worker = await stopper(page, ext);
    await worker.stop();

    await hover(page, 'p', 'bệnh nhân', 'nhân');
    await expect(dictionary(page).locator('.headword')).toHaveText('bệnh nhân');
    await expect(dictionary(page).getByTestId('dictionary-english').first()).toContainText('patient');
    // The move started the background again, and the popover asked it for the word's saved
    // status: it is this new background's log that is read, and it was never asked for the word.
    await expect.poll(worker.status).toBe('running');
    await expect.poll(() => noted(ext, '__asked')).toContain('wordStatus');
    expect(await noted(ext, '__asked')).not.toContain('lookupWord');

    // The section menu is read ahead too, once it is near the view as the reader moves. (The
    // popover closed first: an open popover at the top could take the pointer.)
    await page.mouse.move(1270, 300);
    await expect(dictionary(page)).toBeHidden();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(1270, 350, { steps: 3 });
    await quiet(ext);
    await worker.stop();
    await hover(page, 'nav', 'Pháp luật', 'Pháp');
    await expect(dictionary(page).locator('.headword')).toHaveText(/^pháp luật$/i);
    await expect.poll(worker.status).toBe('running');
    await expect.poll(() => noted(ext, '__asked')).toContain('wordStatus');
    expect(await noted(ext, '__asked')).not.toContain('lookupWord');
  });
});

test('the right half of a letter finds its word too: the caret falls after that letter there', async ({
  page,
  server,
}) => {
  await openVnExpress(page, server);
  // “bệnh”'s first letter, near its right edge: caretPositionFromPoint answers the offset of “ệ”.
  await hover(page, 'p', 'bệnh nhân', 'bệnh', 0, 0.85);
  await expect(dictionary(page)).toBeVisible();
  await expect(dictionary(page).locator('.headword')).toHaveText('bệnh nhân');
});

test('a section menu: “Pháp luật” is law, not France', async ({ page, server }) => {
  await openVnExpress(page, server);
  await hover(page, 'nav', 'Pháp luật', 'Pháp');
  await expect(dictionary(page)).toBeVisible();
  await expect(dictionary(page).locator('.headword')).toHaveText(/^pháp luật$/i);
  const english = await dictionary(page).getByTestId('dictionary-english').first().textContent();
  expect(english).toMatch(/law/);
  expect(english).not.toMatch(/France|French/);
});

test('a longer word lists the shorter and overlapping words too', async ({ page, server }) => {
  await openVnExpress(page, server);
  // "phác đồ điều trị": the treatment regimen; hovering "điều" lists điều trị among the words.
  await hover(page, 'article p.Normal', 'phác đồ điều trị', 'điều');
  await expect(dictionary(page)).toBeVisible();
  const words = dictionary(page).getByTestId('dictionary-word');
  expect(await words.count()).toBeGreaterThanOrEqual(2);
  await expect(dictionary(page)).toContainText('điều trị');
});

test('Save word stores the word with its sentence and page; S saves too; the history counts', async ({
  page,
  ext,
  server,
}) => {
  const url = await openVnExpress(page, server);
  await hover(page, 'article p.Normal', 'bệnh nhân', 'bệnh');
  // The word's own popover: one opened on the way along the line ("cho biết") may show first.
  await expect(dictionary(page).locator('.headword')).toHaveText('bệnh nhân');
  await dictionary(page).getByRole('button', { name: 'Save word' }).click();
  await expect(dictionary(page).getByRole('status')).toHaveText('Saved “bệnh nhân”');
  await expect(dictionary(page).getByRole('button', { name: 'Saved' })).toBeDisabled();
  const saved = await savedWord(ext, 'bệnh nhân');
  expect(saved?.sense.source).toBe('dictionary');
  expect(saved?.sense.gloss).toContain('patient');
  expect(saved?.contexts[0]?.url).toBe(url);
  const c = saved!.contexts[0]!;
  expect(c.sentence.slice(c.start, c.end).toLowerCase()).toBe('bệnh nhân');
  expect(c.sentence).toContain('Chợ Rẫy');

  // The key S, on another word.
  await hover(page, 'article p.Normal', 'điều trị', 'điều');
  await expect(dictionary(page).locator('.headword')).toHaveText('điều trị');
  await page.keyboard.press('s');
  await expect(dictionary(page).getByRole('status')).toHaveText('Saved “điều trị”');
  expect((await savedWord(ext, 'điều trị'))?.sense.gloss).toContain('treat');

  // Open for over a second: one lookup; hovered again, the popover says so.
  await page.waitForTimeout(1300);
  await page.mouse.move(5, 5);
  await expect(dictionary(page)).toHaveCount(0);
  await hover(page, 'article p.Normal', 'điều trị', 'trị');
  await expect(dictionary(page).getByTestId('lookup-count')).toHaveText(/looked up [1-9]\d* times?/);
  // Saved already: the button says so.
  await expect(dictionary(page).getByRole('button', { name: 'Saved' })).toBeVisible();
});

test('the popover keeps off the paragraph’s English, and closes when a selection starts', async ({ page, server }) => {
  const isw = loadArticles().find((a) => a.id === 'isw-north-korean-troops-kursk')!;
  const url = server.setPage('dantri.com.vn', '/the-gioi/lookup.htm', articlePage(TEMPLATES.dantri!, isw));
  await page.goto(url);
  await waitForReady(page);
  // An ordinary word of a recognised paragraph, not a painted term.
  const text = isw.paragraphs[1]!.vi;
  const word = ['cho biết', 'trong', 'được'].find((w) => text.includes(w))!;
  await hover(page, 'p.Normal', word);
  await expect(dictionary(page)).toBeVisible();
  const popover = (await dictionary(page).boundingBox())!;
  // The rendering of the paragraph hovered: the first p.Normal holding the word.
  const rendering = await page.evaluate((w) => {
    const p = [...document.querySelectorAll('p.Normal')].find((el) => el.textContent.includes(w))!;
    let next = p.nextElementSibling;
    while (next && next.tagName !== 'VR-TRANSLATION') next = next.nextElementSibling;
    const r = next!.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  }, word);
  const overlaps =
    popover.x < rendering.x + rendering.width &&
    rendering.x < popover.x + popover.width &&
    popover.y < rendering.y + rendering.height &&
    rendering.y < popover.y + popover.height;
  expect(overlaps).toBe(false);
  await selectWithMouse(page, 'p.Normal', word);
  await expect(dictionary(page)).toHaveCount(0);
});

test('events a page script makes up open nothing', async ({ page, server }) => {
  await openVnExpress(page, server);
  const box = await textBox(page, 'article p.Normal', 'bệnh nhân');
  await page.evaluate(
    ({ x, y }) => document.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true })),
    box,
  );
  await page.waitForTimeout(500);
  await expect(dictionary(page)).toHaveCount(0);
});

test('the keyboard shortcut opens the dictionary popover of the word at the caret, pinned', async ({
  page,
  ext,
  server,
}) => {
  const url = await openVnExpress(page, server);
  await page.evaluate(() => {
    const p = [...document.querySelectorAll('article p.Normal')].find((el) => el.textContent.includes('ung thư'))!;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf('ung thư');
      if (i >= 0) return getSelection()!.setBaseAndExtent(n, i + 4, n, i + 4);
    }
  });
  const reply = await ext.serviceWorker.evaluate(
    (id) => chrome.tabs.sendMessage(id, { type: 'showTermAtCaret', params: {} }),
    await tabIdOf(ext, url),
  );
  expect(reply).toEqual({ ok: true, value: true });
  await expect(dictionary(page)).toHaveClass(/pinned/);
  await expect(dictionary(page).locator('.headword')).toHaveText('ung thư');
  await page.keyboard.press('Escape');
  await expect(dictionary(page)).toHaveCount(0);
});

test('the dictionary popover passes axe: no serious or critical violation in our UI', async ({ page, server }) => {
  await openVnExpress(page, server);
  await hover(page, 'article p.Normal', 'ung thư');
  await expect(dictionary(page).locator('.headword')).toHaveText('ung thư');
  await dictionary(page).click(); // pinned: its buttons are all there
  await expect(dictionary(page)).toHaveClass(/pinned/);
  await expect(dictionary(page).getByRole('button', { name: 'Save word' })).toBeVisible();
  const ours = (await seriousViolations(page)).filter((v) => v.nodes.some((n) => n.startsWith('song-ngu-ui')));
  expect(ours).toEqual([]);
});

test('the options page and the README carry the dictionary’s attribution', async ({ ext }) => {
  const options = await ext.context.newPage();
  await options.goto(ext.extensionUrl('options.html#about'));
  const credits = options.getByTestId('data-credits');
  await expect(credits).toContainText('Wiktionary');
  await expect(credits).toContainText('CC BY-SA 3.0');
  await options.close();
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  expect(readme).toContain('Wiktionary contributors, English Wiktionary');
  expect(readme).toContain('CC BY-SA 3.0');
});
