/**
 * `npm run demo`: serves a realistic news page for each corpus article under its news site's real
 * hostname and opens Chromium with the built extension on the first one. With a display it stays
 * open for you to read; without one (or with DEMO_HEADLESS=1) it runs headless, saves screenshots
 * to demo-output/ and prints, page by page, what the extension did.
 */

import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from './lib/chromium';
import { loadArticles } from './lib/data-sources';
import { demoLocation, demoPage } from './lib/demo-page';
import { startNewsServer } from './lib/news-server';
import { REPO_ROOT } from './lib/paths';

const OUT = join(REPO_ROOT, 'demo-output');
const headless = process.env.DEMO_HEADLESS === '1' || !process.env.DISPLAY || process.env.CI === 'true';

interface PageReport {
  url: string;
  state: string;
  matched: number;
  terms: number;
  highlights: number;
  recognised: string;
}

async function report(page: Page): Promise<PageReport> {
  return page.evaluate(() => {
    const d = document.documentElement.dataset;
    const keys = [...document.querySelectorAll('[data-vr-match]')].flatMap((e) =>
      e.getAttribute('data-vr-match')!.split(' '),
    );
    const byArticle = new Map<string, Set<string>>();
    for (const k of keys) {
      const [id] = k.split(':');
      byArticle.set(id!, (byArticle.get(id!) ?? new Set()).add(k));
    }
    return {
      url: location.href,
      state: d.vrState ?? '',
      matched: Number(d.vrMatched),
      terms: Number(d.vrTerms),
      highlights: Number(d.vrHighlights),
      recognised: [...byArticle].map(([id, set]) => `${id} (${set.size} paragraphs)`).join(', ') || 'nothing',
    };
  });
}

async function tabIdOf(ext: ExtensionBrowser, url: string): Promise<number> {
  return ext.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
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
  const ext = await launchWithExtension({
    port: server.port,
    headless,
    viewport: headless ? { width: 1280, height: 900 } : null,
  });

  if (!headless) {
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    await page.goto(urls[0]!);
    console.log('Song ngữ demo: the first article is open in Chromium. Other demo pages:');
    for (const url of urls.slice(1)) console.log(`  ${url}`);
    console.log('Close the browser window to end the demo.');
    await new Promise<void>((resolve) => ext.context.on('close', () => resolve()));
    await server.close();
    return;
  }

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  console.log(`Song ngữ demo (headless): ${urls.length} pages; screenshots in ${OUT}\n`);
  const page = await ext.context.newPage();
  for (const [i, url] of urls.entries()) {
    await page.goto(url);
    await page.waitForSelector('html[data-vr-state="ready"]');
    const r = await report(page);
    const shot = join(OUT, `${String(i + 1).padStart(2, '0')}-${articles[i]!.id}.png`);
    await page.screenshot({ path: shot });
    console.log(`${i + 1}. ${url}`);
    console.log(`   recognised: ${r.recognised}`);
    console.log(
      `   ${r.matched} blocks with English after them, ${r.terms} glossary terms marked, ${r.highlights} highlights restored`,
    );
    console.log(`   screenshot: ${shot}`);
  }

  // The first page again, as the reader would explore it: a scrolled view, and the popup.
  await page.goto(urls[0]!);
  await page.waitForSelector('html[data-vr-state="ready"]');
  await page.evaluate(() => window.scrollTo(0, 520));
  await page.screenshot({ path: join(OUT, 'bilingual-view.png') });
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 480, height: 760 });
  await popup.goto(ext.extensionUrl(`popup.html?tab=${await tabIdOf(ext, urls[0]!)}`));
  await popup.getByTestId('recognised-article').waitFor();
  await popup.screenshot({ path: join(OUT, 'popup.png') });
  await popup.getByRole('button', { name: 'Read the whole article in English' }).click();
  await popup.screenshot({ path: join(OUT, 'popup-reader.png') });
  console.log(`\nAlso: bilingual-view.png, popup.png and popup-reader.png in ${OUT}`);
  await ext.close();
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
