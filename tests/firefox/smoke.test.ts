/**
 * The Firefox smoke suite: the built Firefox extension in real Firefox ESR, on pages served under
 * the real news hostnames. Recognition and the English rendering, a glossary popover, a highlight
 * saved from a mouse selection and restored after a reload, the popup listing it, and no request
 * leaving the machine. One Firefox for the whole file (starting one takes seconds).
 */

import type { Page } from 'puppeteer-core';
import { describe, expect, test } from 'vitest';
import {
  article,
  builtGlossary,
  expectNoOutsideRequests,
  highlightTexts,
  openArticle,
  rootData,
  selectWithMouse,
  useFirefox,
  waitForReady,
} from './fixture';

const ISW = 'isw-north-korean-troops-kursk';

/** Selects `quote` in the article body with the mouse and saves it with the toolbar's Highlight button. */
async function highlight(page: Page, quote: string): Promise<void> {
  const before = Number((await rootData(page)).vrHighlights);
  await selectWithMouse(page, 'p.Normal', quote);
  const button = await page.waitForSelector(
    'song-ngu-ui >>> [data-testid="selection-toolbar"] button::-p-text(Highlight)',
    { visible: true },
  );
  expect(await button!.evaluate((b) => b.textContent?.trim())).toBe('Highlight');
  await button!.click();
  await expect.poll(async () => (await rootData(page)).vrHighlights).toBe(String(before + 1));
}

describe('the extension in Firefox', () => {
  const suite = useFirefox();

  test('a corpus article in a real dantri page is recognised, with the English under each block', async () => {
    const { page } = await openArticle(suite, ISW);
    const a = article(ISW);
    const found = await page.evaluate(() => ({
      blocks: [...document.querySelectorAll('[data-vr-match]')].map((el) => el.getAttribute('data-vr-match')!),
      renderings: [...document.querySelectorAll('vr-translation')].map((el) => ({
        keys: el.getAttribute('data-vr-translation')!,
        lang: el.getAttribute('lang'),
        text: el.textContent,
        after: el.previousElementSibling?.getAttribute('data-vr-match') ?? null,
      })),
    }));
    // The headline is recognised as the article's title, with its own rendering; the paragraphs
    // are counted in data-vr-matched, the headline is not.
    const title = `${ISW}:title`;
    expect(found.blocks).toContain(title);
    const headline = found.renderings.find((r) => r.keys === title);
    expect(headline?.text).toBe(a.title.en);
    const blocks = found.blocks.filter((k) => k !== title);
    const renderings = found.renderings.filter((r) => r.keys !== title);
    const allKeys = a.paragraphs.map((_, i) => `${ISW}:${i}`);
    expect(new Set(blocks.flatMap((k) => k.split(' ')))).toEqual(new Set(allKeys));
    expect((await rootData(page)).vrMatched).toBe(String(blocks.length));
    expect(new Set(renderings.flatMap((r) => r.keys.split(' ')))).toEqual(new Set(allKeys));
    for (const r of renderings) {
      // Each rendering follows its own block and holds that block's English.
      expect(r.after).toBe(r.keys);
      expect(r.lang).toBe('en');
      const english = r.keys.split(' ').map((k) => a.paragraphs[Number(k.split(':')[1])]!.en);
      expect(r.text).toBe(english.join('\n'));
    }
    await page.close();
  });

  test('hovering a painted glossary term opens its popover with the English', async () => {
    const { page } = await openArticle(suite, ISW);
    const headwords = builtGlossary().entries.map((e) => e.vi);
    // A term the extension painted in a recognised block, whose text is an entry's headword.
    const term = await page.evaluate((headwords) => {
      for (const r of CSS.highlights.get('vr-term') ?? []) {
        const range = new Range();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const text = range.toString();
        if (!headwords.includes(text) || !r.startContainer.parentElement?.closest('[data-vr-match]')) continue;
        r.startContainer.parentElement.scrollIntoView({ block: 'center' });
        const box = range.getClientRects()[0]!;
        return { text, x: box.left + box.width / 2, y: (box.top + box.bottom) / 2 };
      }
      return null;
    }, headwords);
    expect(term, 'a painted headword in the article').not.toBeNull();
    const entry = builtGlossary().entries.find((e) => e.vi === term!.text)!;

    await page.mouse.move(term!.x - 30, term!.y + 40);
    await page.mouse.move(term!.x, term!.y, { steps: 3 });
    const popover = await page.waitForSelector('song-ngu-ui >>> [role="tooltip"]', { visible: true });
    const shown = await popover!.evaluate((el) => ({
      entry: el.getAttribute('data-entry'),
      headword: el.querySelector('.headword')?.textContent,
      english: el.querySelector('[data-testid="term-english"]')?.textContent ?? '',
    }));
    expect(shown.entry).toBe(String(entry.id));
    expect(shown.headword).toBe(entry.vi);
    for (const en of entry.en) expect(shown.english).toContain(en);
    await page.close();
  });

  test('select with the mouse, click Highlight, reload: the highlight is restored', async () => {
    const quote = 'Moscow và Bình Nhưỡng hiện chưa bình luận';
    const { page } = await openArticle(suite, ISW);
    await highlight(page, quote);
    expect(await highlightTexts(page, 'vr-highlight-yellow')).toEqual([quote]);

    await page.reload();
    await waitForReady(page);
    const data = await rootData(page);
    expect(data.vrHighlights).toBe('1');
    expect(data.vrOrphans).toBe('0');
    expect(await highlightTexts(page, 'vr-highlight-yellow')).toEqual([quote]);
    await page.close();
  });

  test('the popup, opened as a tab, lists the saved highlight', async () => {
    const quote = 'Điện Kremlin dường như không muốn nhượng bộ';
    const { page } = await openArticle(suite, ISW);
    await highlight(page, quote);

    const popup = await suite.firefox.openExtensionPage('popup.html');
    // Opened as a tab, the popup may start on "This page": switch to the list only if it is not showing.
    const first = await popup.waitForSelector(
      '[role="tab"][aria-selected="false"]::-p-text(Highlights), [data-testid="highlight"]',
    );
    if (await first!.evaluate((el) => el.getAttribute('role') === 'tab')) await first!.click();
    const item = await popup.waitForSelector(`[data-testid="highlight"] blockquote::-p-text(${JSON.stringify(quote)})`);
    expect(await item!.evaluate((el) => el.textContent)).toBe(quote);
    await popup.close();
    await page.close();
  });

  test('nothing left the machine', () => {
    expectNoOutsideRequests(suite);
  });
});
