/**
 * The reader's own articles end to end, in real Chromium with the built extension: importing on
 * the options page (a bad file refused with an alert, nothing written; a good one listed and
 * exported back as YAML), the imported article recognised on a real saved news page served under
 * its real hostname, and "Add an English version" from the popup through alignment to recognition
 * on reload.
 */

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { JSDOM } from 'jsdom';
import { parseArticleFile } from '../../core/article-import';
import type { ExtensionBrowser } from '../../scripts/lib/chromium';
import { expect, fixturePage, tabIdOf, test, waitForReady } from './fixtures';

/** The long paragraphs of a saved page: what a reader's article of that page would hold. */
function longParagraphs(html: string, count: number): string[] {
  const doc = new JSDOM(html).window.document;
  const texts = [...doc.querySelectorAll('p')]
    .map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((t) => t.split(' ').length >= 25);
  return [...new Set(texts)].slice(0, count);
}

/** The article keys the page's blocks were recognised as. */
const matchedKeys = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-vr-match]')].flatMap((el) => el.getAttribute('data-vr-match')!.split(' ')),
  );

/** Asks the background, as an extension page does. */
async function send<T>(ext: ExtensionBrowser, type: string, params: unknown): Promise<T> {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  const reply: { ok: boolean; value?: unknown } = await page.evaluate(
    ([t, p]) => chrome.runtime.sendMessage({ type: t, params: p }),
    [type, params] as const,
  );
  await page.close();
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  return reply.value as T;
}

const userIds = async (ext: ExtensionBrowser) =>
  (await send<{ id: string; user: boolean }[]>(ext, 'listArticles', {})).filter((a) => a.user).map((a) => a.id);

test('importing articles: bad files are refused with an alert and nothing is written; a good one is recognised on its real page', async ({
  page,
  server,
  ext,
}) => {
  const html = fixturePage('vnexpress1.html');
  const paragraphs = longParagraphs(html, 5);
  expect(paragraphs.length).toBeGreaterThanOrEqual(3);
  const article = {
    id: 'e2e-vnexpress-user-article',
    title: { vi: 'Bài viết thử nghiệm', en: 'A test article' },
    source: { outlet: 'VnExpress', author: null, published: null, credits: [], url: 'https://vnexpress.net/x.html' },
    paragraphs: paragraphs.map((vi, i) => ({ vi, en: `English test text for paragraph ${i + 1}.` })),
  };
  const file = (name: string, text: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });

  await page.goto(ext.extensionUrl('options.html'));
  const input = page.getByLabel('Import articles', { exact: true });
  const alert = page.locator('#articles').getByRole('alert');

  await input.setInputFiles([file('good.json', JSON.stringify(article)), file('broken.yaml', 'id: x\ntitle: [\n')]);
  await expect(alert).toContainText(/broken\.yaml, line \d+: is not valid YAML/);
  await expect(alert).toContainText('Nothing was imported.');

  const scripted = {
    ...article,
    paragraphs: [{ vi: 'Xin chào <script>alert(1)</script> các bạn đọc.', en: 'Hello.' }],
  };
  await input.setInputFiles([file('scripted.json', JSON.stringify(scripted))]);
  await expect(alert).toContainText(
    'scripted.json, article “e2e-vnexpress-user-article”, paragraph 1, field “vi”: must be plain text, not markup',
  );
  const noEnglish = { ...article, paragraphs: [{ vi: paragraphs[0] }] };
  await input.setInputFiles([file('no-english.json', JSON.stringify(noEnglish))]);
  await expect(alert).toContainText('paragraph 1, field “en”: is missing');
  expect(await userIds(ext)).toEqual([]);

  await input.setInputFiles([file('good.json', JSON.stringify(article))]);
  await expect(page.getByTestId('articles-status')).toHaveText('Imported 1 article.');
  await expect(alert).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Your articles' })).toContainText(article.title.vi);
  expect(await userIds(ext)).toEqual([article.id]);

  // The real page, under its real hostname: the imported article is recognised like a bundled one.
  const news = await ext.context.newPage();
  await news.goto(server.setPage('vnexpress.net', '/e2e-user-article.html', html));
  await waitForReady(news);
  expect(new Set(await matchedKeys(news))).toEqual(new Set(article.paragraphs.map((_, i) => `${article.id}:${i}`)));
  await expect(news.locator('vr-translation').first()).toContainText('English test text for paragraph');

  // Exported: a YAML file in the corpus format that reads back as the article imported.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Export ${article.title.en}` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${article.id}.yaml`);
  const yaml = readFileSync(await download.path(), 'utf8');
  expect(yaml).toMatch(new RegExp(`^id: ${article.id}$`, 'm'));
  const back = parseArticleFile(download.suggestedFilename(), yaml);
  expect(back.problems).toEqual([]);
  expect(back.articles).toEqual([{ ...article, source: { ...article.source, seed: null } }]);
  await expect(page.getByTestId('articles-status')).toHaveText(`Exported ${article.id}.yaml.`);

  // Deleted: gone from the list, and not recognised on reload.
  await page.getByRole('button', { name: `Delete ${article.title.en}` }).click();
  await expect(page.getByTestId('articles-status')).toHaveText(`Deleted “${article.title.en}”.`);
  expect(await userIds(ext)).toEqual([]);
  await news.reload();
  await waitForReady(news);
  expect(await matchedKeys(news)).toEqual([]);
  await news.close();
});

test('“Add an English version”: from the popup, through alignment, to recognition on reload', async ({
  page,
  server,
  ext,
}) => {
  const url = server.setPage('dantri.com.vn', '/the-gioi/e2e-add-english.htm', fixturePage('dantri1.html'));
  await page.goto(url);
  await waitForReady(page);
  expect(await matchedKeys(page)).toEqual([]);
  const tabId = await tabIdOf(ext, url);

  const popup = await ext.context.newPage();
  await popup.goto(ext.extensionUrl(`popup.html?tab=${tabId}`));
  const opened = ext.context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Add an English version' }).click();
  const editor = await opened;
  await editor.waitForLoadState();
  expect(editor.url()).toBe(ext.extensionUrl(`add-english.html?tab=${tabId}`));

  // The English the reader pastes: one paragraph per page paragraph (here a stand-in of the
  // same length and numbers, so the expected pairs are known), in Markdown with a title.
  const reply: { ok: boolean; value?: unknown } = await editor.evaluate(
    (id) => chrome.runtime.sendMessage({ type: 'getPageParagraphs', params: { tabId: id } }),
    tabId,
  );
  const vi = (reply.value as { paragraphs: string[] }).paragraphs;
  expect(vi.length).toBeGreaterThanOrEqual(5);
  await expect(editor.getByTestId('page-paragraph-count')).toHaveText(String(vi.length));
  const english = vi.map((p) => p.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'));
  await editor
    .getByLabel('English text (plain text or Markdown)')
    .fill(`# The English title\n\n${english.join('\n\n')}`);
  await editor.getByRole('button', { name: 'Align' }).click();
  const pairs = editor.getByTestId('pair');
  await expect(pairs).toHaveCount(vi.length);
  await expect(editor.getByLabel('English title')).toHaveValue('The English title');

  // Drop the first pair; merge the next two, then split them again.
  await editor.getByRole('group', { name: 'Pair 1', exact: true }).getByRole('button', { name: 'Drop' }).click();
  await expect(pairs).toHaveCount(vi.length - 1);
  await editor
    .getByRole('group', { name: 'Pair 1', exact: true })
    .getByRole('button', { name: 'Merge with next' })
    .click();
  await expect(pairs).toHaveCount(vi.length - 2);
  await editor.getByRole('group', { name: 'Pair 1', exact: true }).getByRole('button', { name: 'Split' }).click();
  await expect(pairs).toHaveCount(vi.length - 1);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('status')).toContainText('Saved as “the-english-title”');

  await page.reload();
  await waitForReady(page);
  const keys = new Set(await matchedKeys(page));
  // Every long paragraph saved is recognised under the new id (short lines may need neighbours).
  const long = vi.slice(1).filter((p) => p.split(' ').length >= 25).length;
  expect(long).toBeGreaterThan(0);
  expect([...keys].every((k) => k.startsWith('the-english-title:'))).toBe(true);
  expect(keys.size).toBeGreaterThanOrEqual(long);

  await send(ext, 'deleteArticle', { articleId: 'the-english-title' });
  await popup.close();
  await editor.close();
});
