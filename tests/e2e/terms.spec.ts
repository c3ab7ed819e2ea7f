/**
 * Glossary terms on the page and their popovers, in real Chromium: on corpus pages and real
 * fixture pages, with pinning, Esc, viewport edges, scrolling, re-rendering pages, linked
 * counterparts, the keyboard shortcut, settings, and hostile glossary data.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { GlossaryEntry } from '../../core/glossary-format';
import { articlePage, TEMPLATES } from '../../scripts/lib/article-pages';
import { copyOfBuild, launchWithExtension } from '../../scripts/lib/chromium';
import { XSS_VECTORS } from '../fixtures/xss-vectors';
import { loadArticles } from '../../scripts/lib/data-sources';
import { expect, fixturePage, tabIdOf, test, waitForReady, root } from './fixtures';
import { restPointer, textBox } from './helpers';

const articles = loadArticles();
const article = (id: string) => articles.find((a) => a.id === id)!;

async function hover(page: Page, selector: string, text: string, n = 0) {
  const box = await textBox(page, selector, text, n);
  await restPointer(page, box.x, box.y, box.left - 60);
  return box;
}

const popover = (page: Page) => page.locator('song-ngu-ui').getByTestId('term-popover');

/**
 * The painted terms as the page sees them: how many; whether every one lies within four screens of
 * the view (the farthest the extension paints); and whether every paragraph within a screen of
 * the view holding `word` has terms painted (the band it must always have painted).
 */
function paintedNearView(page: Page, paragraphs: string, word: string) {
  return page.evaluate(
    ({ paragraphs, word }) => {
      const h = innerHeight;
      const ranges = [...(CSS.highlights.get('vr-term') ?? [])] as AbstractRange[];
      const blockOf = (r: AbstractRange) => (r.startContainer.parentElement as Element).closest(paragraphs);
      const inBand = (e: Element | null) => {
        const box = e?.getBoundingClientRect();
        return !!box && box.bottom >= -4 * h - 1 && box.top <= 5 * h + 1;
      };
      const inner = [...document.querySelectorAll(paragraphs)].filter((p) => {
        const box = p.getBoundingClientRect();
        return box.bottom > -h + 1 && box.top < 2 * h - 1 && p.textContent.includes(word);
      });
      const paintedBlocks = new Set(ranges.map(blockOf));
      return {
        size: ranges.length,
        allInBand: ranges.every((r) => r.startContainer.isConnected && inBand(r.startContainer.parentElement)),
        inBand: inner.length,
        inBandPainted: inner.filter((p) => paintedBlocks.has(p)).length,
      };
    },
    { paragraphs, word },
  );
}

async function openArticle(page: Page, server: { setPage(h: string, p: string, b: string): string }, id: string) {
  const a = article(id);
  const url = server.setPage('dantri.com.vn', `/the-gioi/${id}-terms.htm`, articlePage(TEMPLATES.dantri!, a));
  await page.goto(url);
  await waitForReady(page);
  return { a, url };
}

test('terms are painted with the Custom Highlight API and counted, with no wrapping elements', async ({
  page,
  server,
}) => {
  // A short window, so that the article is many screens long.
  await page.setViewportSize({ width: 1280, height: 300 });
  const { a } = await openArticle(page, server, 'isw-north-korean-troops-kursk');
  const terms = Number(await root(page).getAttribute('data-vr-terms'));
  expect(terms).toBeGreaterThan(100);
  // Painted are the terms within a screen of the view, not the long article's all: ready means
  // they are there.
  const painted = await paintedNearView(page, 'p.Normal', 'Triều Tiên');
  expect(painted.size).toBeGreaterThan(5);
  expect(painted.size).toBeLessThan(terms);
  expect(painted.allInBand).toBe(true);
  // Down at the article's paragraphs, each one near the view is painted.
  await page
    .locator('p.Normal', { hasText: 'Triều Tiên' })
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect
    .poll(async () => {
      const near = await paintedNearView(page, 'p.Normal', 'Triều Tiên');
      return near.inBand > 0 && near.inBandPainted === near.inBand && near.allInBand;
    })
    .toBe(true);
  // The host paragraphs are untouched: their children are the ones the page put there.
  const firstBody = page.locator('p.Normal').first();
  expect(await firstBody.evaluate((el) => el.children.length)).toBe(0);
  expect(await firstBody.textContent()).toBe(a.paragraphs[1]!.vi);
});

test('the terms are painted: their underline is on screen, and gone once the highlight is', async ({
  page,
  server,
}) => {
  // The build's stylesheet writes the rules on :root, which Chromium's highlight inheritance
  // carries to every element: registered ranges alone would not show that they are drawn.
  await openArticle(page, server, 'isw-north-korean-troops-kursk');
  const clip = await page.evaluate(() => {
    const r = [...(CSS.highlights.get('vr-term') ?? [])][0] as StaticRange;
    r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const range = new Range();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const box = range.getBoundingClientRect();
    return {
      x: Math.floor(box.x),
      y: Math.floor(box.y),
      width: Math.ceil(box.width),
      height: Math.ceil(box.height) + 4,
    };
  });
  const painted = await page.screenshot({ clip });
  expect(await page.screenshot({ clip })).toEqual(painted);
  const saved = await page.evaluateHandle(() => CSS.highlights.get('vr-term')!);
  await page.evaluate(() => CSS.highlights.delete('vr-term'));
  await expect.poll(async () => (await page.screenshot({ clip })).equals(painted)).toBe(false);
  // And back, so the change was the paint's and nothing else's.
  await page.evaluate((h) => CSS.highlights.set('vr-term', h), saved);
  await expect.poll(async () => (await page.screenshot({ clip })).equals(painted)).toBe(true);
});

test('the paint follows the reader down a long article: terms coming near are painted, those left far behind are not', async ({
  page,
  server,
}) => {
  // A short window makes the article many screens long: the paint reaches four screens past the
  // view, and is moved once the reader comes within a screen of its edge.
  await page.setViewportSize({ width: 1280, height: 300 });
  await openArticle(page, server, 'isw-north-korean-troops-kursk');
  const terms = await root(page).getAttribute('data-vr-terms');
  const paragraphs = 'p.Normal';
  const first = page.locator('p.Normal').first();
  const last = page.locator('p.Normal').last();
  const paintedIn = (p: typeof first) =>
    p.evaluate((el) => [...(CSS.highlights.get('vr-term') ?? [])].some((r) => el.contains(r.startContainer)));
  expect(await paintedIn(first)).toBe(true);
  expect(await paintedIn(last)).toBe(false);
  // A jump to the article's end (the page's footer below it has no terms).
  await last.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect.poll(() => paintedIn(last)).toBe(true);
  await expect.poll(() => paintedIn(first)).toBe(false);
  const painted = await paintedNearView(page, paragraphs, 'Triều Tiên');
  expect(painted.allInBand).toBe(true);
  expect(painted.inBandPainted).toBe(painted.inBand);
  // Scrolling changes the paint, not what was found.
  await expect(root(page)).toHaveAttribute('data-vr-terms', terms!);
  await expect(root(page)).toHaveAttribute('data-vr-state', 'ready');
  // The article's last "Triều Tiên", painted on the way down, opens its popover.
  const count = await page.evaluate(() =>
    [...document.querySelectorAll('p.Normal')]
      .map((p) => p.textContent.split('Triều Tiên').length - 1)
      .reduce((a, b) => a + b),
  );
  await hover(page, 'p.Normal', 'Triều Tiên', count - 1);
  await expect(popover(page).getByTestId('term-english')).toContainText('North Korea');
});

test('hovering a term shows its popover quickly, and it stays in the viewport off the term', async ({
  page,
  server,
}) => {
  await openArticle(page, server, 'isw-north-korean-troops-kursk');
  const started = Date.now();
  const box = await hover(page, 'p.Normal', 'Bình Nhưỡng');
  await expect(popover(page)).toBeVisible();
  // Settling (60 ms by default) plus rendering; generous for a loaded CI machine.
  expect(Date.now() - started).toBeLessThan(1500);
  await expect(popover(page).locator('.headword')).toHaveText('Bình Nhưỡng');
  await expect(popover(page).getByTestId('term-english')).toHaveText('Pyongyang');
  await expect(popover(page).locator('.kind')).toHaveText(/place|country/);
  await expect(popover(page).locator('.han .char')).toHaveText(['平', '壤']);
  await expect(popover(page).locator('.han .reading')).toHaveText(['bình', 'nhưỡng']);
  // "In the corpus" is collapsed until the reader opens it.
  await expect(popover(page).locator('.articles li').first()).toBeHidden();
  await popover(page).locator('.articles summary').click();
  await expect(popover(page).locator('.articles li').first()).toBeVisible();
  const rect = await popover(page).boundingBox();
  const viewport = page.viewportSize()!;
  expect(rect!.x).toBeGreaterThanOrEqual(0);
  expect(rect!.y).toBeGreaterThanOrEqual(0);
  expect(rect!.x + rect!.width).toBeLessThanOrEqual(viewport.width);
  expect(rect!.y + rect!.height).toBeLessThanOrEqual(viewport.height);
  const overlapsTerm =
    rect!.x < box.right && box.left < rect!.x + rect!.width && rect!.y < box.bottom && box.top < rect!.y + rect!.height;
  expect(overlapsTerm).toBe(false);
  // Screen readers get the English through a live region.
  await expect(page.locator('song-ngu-ui').getByTestId('announcement')).toContainText('Bình Nhưỡng: Pyongyang');
  // No Vietnamese voice in headless Chromium: the speaker button is hidden.
  await expect(popover(page).locator('button.speak')).toHaveCount(0);
});

test('the pointer moving into the popover keeps it; leaving closes it; another term replaces it', async ({
  page,
  server,
}) => {
  await openArticle(page, server, 'north-korea-may-send-100000-troops');
  await hover(page, 'p.Normal', 'Bình Nhưỡng');
  await expect(popover(page)).toBeVisible();
  const r = (await popover(page).boundingBox())!;
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2, { steps: 4 });
  await page.waitForTimeout(500);
  await expect(popover(page)).toBeVisible();
  await hover(page, 'p.Normal', 'Kursk');
  await expect(popover(page).locator('.headword')).toHaveText('Kursk');
  await page.mouse.move(5, 5, { steps: 3 });
  await expect(popover(page)).toHaveCount(0);
});

test('a click pins the popover, Esc closes it; the P key pins too', async ({ page, server }) => {
  await openArticle(page, server, 'isw-north-korean-troops-kursk');
  const box = await hover(page, 'p.Normal', 'Điện Kremlin');
  await expect(popover(page)).toBeVisible();
  await page.mouse.click(box.x, box.y);
  await expect(popover(page)).toHaveClass(/pinned/);
  await page.mouse.move(5, 5, { steps: 3 });
  await page.waitForTimeout(500);
  await expect(popover(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(popover(page)).toHaveCount(0);

  await hover(page, 'p.Normal', 'Kursk');
  await expect(popover(page)).toBeVisible();
  await page.keyboard.press('p');
  await expect(popover(page)).toHaveClass(/pinned/);
  await page.mouse.move(5, 5, { steps: 3 });
  await page.waitForTimeout(500);
  await expect(popover(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(popover(page)).toHaveCount(0);
});

test('popovers near the viewport edges and on a scrolled page stay inside and off the term', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 900, height: 500 });
  await openArticle(page, server, 'russia-north-korea-military-cooperation-calculations');
  for (const [text, n] of [
    ['NATO', 0],
    ['Hàn Quốc', 3],
    ['Bình Nhưỡng', 2],
  ] as const) {
    // Bring the term to the bottom edge of the viewport, then hover it.
    const box = await textBox(page, 'p.Normal', text, n);
    await page.evaluate((y) => window.scrollBy(0, y - (window.innerHeight - 24)), box.y);
    const at = await textBox(page, 'p.Normal', text, n);
    await restPointer(page, at.x, at.y);
    await expect(popover(page)).toBeVisible();
    const r = (await popover(page).boundingBox())!;
    expect(r.y + r.height).toBeLessThanOrEqual(500);
    expect(r.y).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width).toBeLessThanOrEqual(900);
    expect(r.y + r.height <= at.top || r.y >= at.bottom).toBe(true);
    await page.keyboard.press('Escape');
  }
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
});

test('on a page that re-renders, terms are painted again and popovers still work', async ({ page, server }) => {
  const a = article('ukraine-war-warms-russia-north-korea-ties');
  const html = articlePage(TEMPLATES.vnexpress!, a).replace(
    '</body>',
    `<script>
      const body = document.querySelector('article.fck_detail');
      const copy = body.innerHTML;
      let n = 0;
      const timer = setInterval(() => { body.innerHTML = copy; n++; document.body.dataset.renders = n; if (n >= 3) clearInterval(timer); }, 300);
    </script></body>`,
  );
  const url = server.setPage('vnexpress.net', '/the-gioi/terms-rerender.html', html);
  await page.goto(url);
  await expect(page.locator('body')).toHaveAttribute('data-renders', '3');
  await waitForReady(page);
  const terms = Number(await root(page).getAttribute('data-vr-terms'));
  expect(terms).toBeGreaterThan(50);
  const painted = await paintedNearView(page, 'article.fck_detail p', 'Triều Tiên');
  expect(painted.size).toBeGreaterThan(0);
  expect(painted.allInBand).toBe(true);
  expect(painted.inBandPainted).toBe(painted.inBand);
  // Every painted range lies in the current article, not in the replaced nodes.
  expect(
    await page.evaluate(() => [...CSS.highlights.get('vr-term')!].every((r) => r.startContainer.isConnected)),
  ).toBe(true);
  await hover(page, 'article.fck_detail p', 'Vladivostok');
  await expect(popover(page).getByTestId('term-english')).toHaveText('Vladivostok');
});

test('terms on real fixture pages get popovers too', async ({ page, server }) => {
  const url = server.setPage('www.24h.com.vn', '/giao-duc/24h1.html', fixturePage('24h1.html'));
  await page.goto(url);
  await waitForReady(page);
  expect(Number(await root(page).getAttribute('data-vr-terms'))).toBeGreaterThan(0);
  await hover(page, 'h1', 'Hàn Quốc');
  await expect(popover(page).getByTestId('term-english')).toContainText('South Korea');
});

test('hovering a Vietnamese term lights up its English counterpart, and the other way round', async ({
  page,
  server,
}) => {
  await openArticle(page, server, 'isw-north-korean-troops-kursk');
  await hover(page, 'p.Normal', 'Bình Nhưỡng');
  await expect(popover(page)).toBeVisible();
  const linked = () =>
    page.evaluate(() =>
      [...(CSS.highlights.get('vr-term-linked') ?? [])].map((r) =>
        (r.startContainer as Text).data.slice(r.startOffset, r.endOffset),
      ),
    );
  await expect.poll(linked).toEqual(['Pyongyang']);
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  await hover(page, 'vr-translation', 'Pyongyang');
  await expect.poll(linked).toEqual(['Pyongyang', 'Bình Nhưỡng']);
});

test('the keyboard shortcut opens the popover of the term at the caret', async ({ page, ext, server }) => {
  const { url } = await openArticle(page, server, 'isw-north-korean-troops-kursk');
  await page.evaluate(() => {
    const p = [...document.querySelectorAll('p.Normal')].find((el) => el.textContent.includes('Điện Kremlin'))!;
    const node = p.firstChild as Text;
    const i = node.data.indexOf('Điện Kremlin');
    getSelection()!.setBaseAndExtent(node, i + 2, node, i + 2);
  });
  const manifest = await ext.serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.commands?.['show-term']).toBeDefined();
  const tabId = await tabIdOf(ext, url);
  const reply = await ext.serviceWorker.evaluate(
    (id) => chrome.tabs.sendMessage(id, { type: 'showTermAtCaret', params: {} }),
    tabId,
  );
  expect(reply).toEqual({ ok: true, value: true });
  await expect(popover(page)).toHaveClass(/pinned/);
  await expect(popover(page).getByTestId('term-english')).toHaveText('Kremlin');
  await page.keyboard.press('Escape');
  await expect(popover(page)).toHaveCount(0);
});

test('the delay and modifier key set on the options page apply', async ({ page, ext, server }) => {
  const options = await ext.context.newPage();
  await options.goto(ext.extensionUrl('options.html'));
  await options.getByLabel('Modifier key').selectOption('Shift');
  await options.getByLabel('Delay before a popover opens (ms)').fill('300');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByRole('status').first()).toHaveText('Saved.');
  await options.close();

  await openArticle(page, server, 'isw-north-korean-troops-kursk');
  await hover(page, 'p.Normal', 'Bình Nhưỡng');
  await page.waitForTimeout(700);
  await expect(popover(page)).toHaveCount(0);
  await page.keyboard.down('Shift');
  const box = await textBox(page, 'p.Normal', 'Bình Nhưỡng');
  await page.mouse.move(box.x + 1, box.y);
  await expect(popover(page)).toBeVisible();
  await page.keyboard.up('Shift');
  await page.keyboard.press('Escape');

  const reset = await ext.context.newPage();
  await reset.goto(ext.extensionUrl('options.html'));
  await reset.getByLabel('Modifier key').selectOption('none');
  await reset.getByLabel('Delay before a popover opens (ms)').fill('60');
  await reset.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(reset.getByRole('status').first()).toHaveText('Saved.');
  await reset.close();
});

test('markup planted in glossary data and in page text next to terms never executes', async ({ server }) => {
  // A build whose glossary carries XSS vectors in every field the popover shows.
  const dir = copyOfBuild('song-ngu-xss-');
  const file = join(dir, 'data/glossary.json');
  const glossary = JSON.parse(readFileSync(file, 'utf8')) as { entries: GlossaryEntry[] };
  const vectors = XSS_VECTORS.join(' ');
  glossary.entries = glossary.entries.map((e) =>
    e.vi === 'Bình Nhưỡng'
      ? {
          ...e,
          en: [`Pyongyang ${XSS_VECTORS[0]}`],
          note: `Capital <b>city</b> ${vectors}`,
          han: e.han!.map((h) => ({ ...h, gloss: XSS_VECTORS[2]! })),
        }
      : e,
  );
  writeFileSync(file, JSON.stringify(glossary));
  const browser = await launchWithExtension({ port: server.port, extensionDir: dir });
  try {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Page text with the same vectors as text, right next to terms.
    const a = article('isw-north-korean-troops-kursk');
    const html = articlePage(TEMPLATES.dantri!, a, {
      transform: (t, i) => (i === 7 ? `${t} ${vectors} Bình Nhưỡng` : t),
    });
    const url = server.setPage('dantri.com.vn', '/the-gioi/xss.htm', html);
    await page.goto(url);
    await waitForReady(page);
    await hover(page, 'p.Normal', 'Bình Nhưỡng');
    const tip = page.locator('song-ngu-ui').getByTestId('term-popover');
    await expect(tip).toBeVisible();
    await expect(tip.getByTestId('term-english')).toHaveText(`Pyongyang ${XSS_VECTORS[0]}`);
    await expect(tip.locator('.note b').first()).toHaveText('city');
    await page.mouse.click(5, 5);
    await hover(page, 'p.Normal', 'Bình Nhưỡng', 1);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(
      await page.evaluate(() => {
        const root = document.querySelector('song-ngu-ui')!.shadowRoot!;
        return root.querySelectorAll('script, img, svg, iframe, object, embed, a, input, form, style:not(:first-child)')
          .length;
      }),
    ).toBe(0);
    // The saved page's own scripts fail without their libraries; none of the errors may be ours.
    expect(errors.filter((e) => /__xss|song|vr-/i.test(e))).toEqual([]);
  } finally {
    await browser.close();
  }
});
