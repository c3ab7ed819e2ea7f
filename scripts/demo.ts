/**
 * `npm run demo`: serves a realistic news page for each corpus article under its news site's real
 * hostname, and a real saved news page, and opens Chromium with the built extension on the first
 * article. With a display it stays open for you to read; without one (or with DEMO_HEADLESS=1) it
 * runs headless, tours the product (a bilingual page, a term popover, a dictionary popover on an
 * ordinary word, the selection toolbar, a saved highlight and its card, the popup's Highlights tab
 * searched, the options page, the first-run page), saves a screenshot of each step to
 * demo-output/ and reports what really happened. `npm run demo -- --docs` also copies the README's
 * pictures into docs/.
 */

import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from './lib/chromium';
import { loadArticles } from './lib/data-sources';
import { demoLocation, demoPage } from './lib/demo-page';
import { hoverAt, overlay, shotAround, step, type Tour } from './lib/demo-tour';
import { startNewsServer } from './lib/news-server';
import { FIXTURE_PAGES_DIR, REPO_ROOT } from './lib/paths';
import { selectWithMouse, textBox } from './lib/text-rects';

const OUT = join(REPO_ROOT, 'demo-output');
const DOCS = join(REPO_ROOT, 'docs');
const headless = process.env.DEMO_HEADLESS === '1' || !process.env.DISPLAY || process.env.CI === 'true';

/** A real saved news page (not a corpus article), for the dictionary on ordinary words. */
const REAL_PAGE = { file: 'vnexpress-2025-10-22.html', host: 'vnexpress.net', path: '/suc-khoe/demo.html' };
/** An ordinary word in that page's text: in the dictionary, not in the glossary. */
const ORDINARY_WORD = 'bệnh nhân';
/** A glossary term of the first article, and a phrase of it to highlight. */
const TERM = 'Bình Nhưỡng';
const QUOTE = 'máy bay không người lái';
const NOTE = 'UAV: drone (literally “aircraft without a person flying it”)';

interface PageReport {
  state: string;
  matched: number;
  terms: number;
  highlights: number;
  recognised: string;
}

async function report(page: Page): Promise<PageReport> {
  return page.evaluate(() => {
    const d = document.documentElement.dataset;
    const byArticle = new Map<string, Set<string>>();
    for (const e of document.querySelectorAll('[data-vr-match]')) {
      for (const key of e.getAttribute('data-vr-match')!.split(' ')) {
        const id = key.split(':')[0]!;
        byArticle.set(id, (byArticle.get(id) ?? new Set()).add(key));
      }
    }
    return {
      state: d.vrState ?? '',
      matched: Number(d.vrMatched ?? 0),
      terms: Number(d.vrTerms ?? 0),
      highlights: Number(d.vrHighlights ?? 0),
      recognised: [...byArticle].map(([id, keys]) => `${id} (${keys.size} paragraphs)`).join(', ') || 'nothing',
    };
  });
}

async function tabIdOf(ext: ExtensionBrowser, url: string): Promise<number> {
  return ext.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
}

async function ready(page: Page, url: string): Promise<PageReport> {
  await page.goto(url);
  await page.waitForSelector('html[data-vr-state="ready"]');
  return report(page);
}

/** The first non-empty lines of an element's text, on one line. */
const firstLines = (text: string, n = 2) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, n)
    .join(' · ');

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

async function tour(t: Tour, urls: string[], realUrl: string, firstArticle: string): Promise<void> {
  const { ext } = t;
  const page = await ext.context.newPage();

  await step(t, 'A bilingual page', 'bilingual-view.png', async (path) => {
    const r = await ready(page, urls[0]!);
    await page.evaluate(() => window.scrollTo(0, 520));
    await page.screenshot({ path });
    return `${firstArticle}: ${plural(r.matched, 'block')} with English after them, ${plural(r.terms, 'glossary term')} found`;
  });

  await step(t, 'A term popover', 'term-popover.png', async (path) => {
    const box = await textBox(page, 'article p', TERM);
    await hoverAt(page, box);
    const popover = overlay(page).getByTestId('term-popover');
    await popover.waitFor({ timeout: 5_000 });
    await shotAround(page, popover, path, 60, box);
    return `hovered “${TERM}”: ${firstLines(await popover.innerText())}`;
  });

  await step(t, 'A dictionary popover on an ordinary word', 'dictionary-popover.png', async (path) => {
    const r = await ready(page, realUrl);
    const box = await textBox(page, 'p', ORDINARY_WORD);
    // On its first syllable: the middle of a two-word phrase is the space between them.
    await hoverAt(page, { x: box.left + (box.right - box.left) / 5, y: box.y });
    const tip = overlay(page).locator('[role=tooltip]').first();
    await tip.waitFor({ timeout: 5_000 }).catch(() => {
      throw new Error(
        `no [role=tooltip] within 5 s of hovering “${ORDINARY_WORD}” (${plural(r.terms, 'term')} found on the page)`,
      );
    });
    await shotAround(page, tip, path, 60, box);
    return `hovered “${ORDINARY_WORD}” on a real page: ${firstLines(await tip.innerText())}`;
  });

  await page.mouse.click(2, 2);
  const saved = await ready(page, urls[0]!);
  await step(t, 'The selection toolbar', 'selection-toolbar.png', async (path) => {
    await selectWithMouse(page, 'article p', QUOTE);
    const toolbar = overlay(page).getByTestId('selection-toolbar');
    await toolbar.waitFor({ timeout: 5_000 });
    const selected = await page.evaluate(
      () => getSelection()!.getRangeAt(0).getBoundingClientRect().toJSON() as DOMRect,
    );
    await shotAround(page, toolbar, path, 80, selected);
    return `selected “${QUOTE}”`;
  });

  await step(t, 'A saved highlight and its card', 'highlight-card.png', async (path) => {
    const toolbar = overlay(page).getByTestId('selection-toolbar');
    await toolbar.getByRole('button', { name: 'Highlight', exact: true }).click({ timeout: 5_000 });
    await page.waitForSelector(`html[data-vr-highlights="${saved.highlights + 1}"]`, { timeout: 5_000 });
    await page.mouse.click(2, 2);
    const box = await textBox(page, 'article p', QUOTE);
    await page.mouse.click(box.x, box.y);
    const frame = overlay(page).getByTestId('highlight-card');
    const card = frame.contentFrame();
    await card.getByTestId('card').waitFor({ timeout: 5_000 });
    await card.getByRole('button', { name: 'Edit' }).click();
    await card.getByLabel('Note').fill(NOTE);
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByTestId('card-note').waitFor({ timeout: 5_000 });
    // The click pinned the card; the pointer leaves so that a term under it closes its popover.
    await page.mouse.move(2, 2, { steps: 4 });
    await overlay(page).getByTestId('term-popover').waitFor({ state: 'hidden', timeout: 5_000 });
    await shotAround(page, frame, path, 80, box);
    return `highlighted “${QUOTE}”, clicked it, wrote its note in the card`;
  });

  await step(t, 'The highlight comes back after a reload', null, async () => {
    const r = await ready(page, urls[0]!);
    return `${plural(r.highlights, 'highlight')} restored on the reloaded page`;
  });

  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await step(t, 'The popup’s This page tab', 'popup.png', async (path) => {
    await popup.goto(ext.extensionUrl(`popup.html?tab=${await tabIdOf(ext, urls[0]!)}`));
    await popup.getByTestId('recognised-article').waitFor({ timeout: 5_000 });
    await popup.screenshot({ path });
    return firstLines(await popup.getByTestId('recognised-article').innerText(), 3);
  });

  await step(t, 'The popup’s Highlights tab, searched', 'popup-highlights.png', async (path) => {
    await popup.getByRole('tab', { name: /Highlights/ }).click();
    const search = popup.getByRole('searchbox', { name: 'Search highlights' });
    await search.fill('may bay khong nguoi lai');
    // The count line says "… found" once the list on screen is the search's.
    const found = popup.getByText(/^\d+ highlights? found$/);
    await found.waitFor({ timeout: 5_000 });
    await popup.screenshot({ path });
    return `searched “may bay khong nguoi lai” (no diacritics): ${await found.innerText()}`;
  });
  await popup.close();

  await step(t, 'The options page', 'options.png', async (path) => {
    await page.goto(ext.extensionUrl('options.html'));
    await page.getByRole('heading', { name: 'Reading', exact: true }).waitFor();
    await page.screenshot({ path });
    return `${await page.locator('main section').count()} sections`;
  });

  await step(t, 'The first-run page', 'welcome.png', async (path) => {
    const onInstall = ext.context.pages().some((p) => p.url().endsWith('/welcome.html'));
    await page.goto(ext.extensionUrl('welcome.html'));
    await page.getByTestId('shortcut-list').waitFor();
    await page.screenshot({ path });
    return onInstall ? 'it had opened by itself on install' : 'opened from its address (no tab of it from the install)';
  });
  await page.close();
}

async function main(): Promise<void> {
  const articles = loadArticles();
  const server = await startNewsServer();
  const urls = articles.map((a, i) => {
    const { host, path } = demoLocation(a, i);
    const related = articles
      .filter((b) => b !== a)
      .slice(0, 4)
      .map((b) => {
        const loc = demoLocation(b, articles.indexOf(b));
        return { title: b.title.vi, href: `https://${loc.host}${loc.path}` };
      });
    return server.setPage(host, path, demoPage(a, related, host));
  });
  const realUrl = server.setPage(
    REAL_PAGE.host,
    REAL_PAGE.path,
    readFileSync(join(FIXTURE_PAGES_DIR, REAL_PAGE.file), 'utf8'),
  );
  const ext = await launchWithExtension({
    port: server.port,
    keepFirstRun: true,
    headless,
    viewport: headless ? { width: 1200, height: 800 } : null,
  });

  if (!headless) {
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    await page.goto(urls[0]!);
    console.log('Song ngữ demo: the first article is open in Chromium. Other demo pages:');
    for (const url of [...urls.slice(1), realUrl]) console.log(`  ${url}`);
    console.log('Close the browser window to end the demo.');
    await new Promise<void>((resolve) => ext.context.on('close', () => resolve()));
    await server.close();
    return;
  }

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  console.log(`Song ngữ demo (headless): ${urls.length} article pages and a real news page; screenshots in ${OUT}\n`);
  const page = await ext.context.newPage();
  for (const [i, url] of urls.entries()) {
    const r = await ready(page, url);
    console.log(`${i + 1}. ${url}`);
    console.log(`   recognised: ${r.recognised}`);
    console.log(`   ${plural(r.matched, 'block')} with English after them, ${plural(r.terms, 'glossary term')} found`);
  }
  await page.close();

  const t: Tour = { ext, out: OUT, docs: process.argv.includes('--docs') ? DOCS : null, results: [] };
  await tour(t, urls, realUrl, articles[0]!.id);
  console.log('\nThe tour:');
  for (const r of t.results) console.log(`- ${r.name}: ${r.detail}${r.file ? ` → ${r.file}` : ''}`);
  const taken = t.results.filter((r) => r.file).length;
  const missing = t.results.filter((r) => r.detail.startsWith('not taken'));
  console.log(`\n${plural(taken, 'screenshot')} saved in ${OUT}${t.docs ? ` (the README’s also in ${t.docs})` : ''}.`);
  if (missing.length > 0) console.log(`Not done: ${missing.map((r) => r.name).join('; ')}.`);
  await ext.close();
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
