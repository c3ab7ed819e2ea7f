/**
 * Playwright fixtures: one news server and one Chromium with the built extension per worker, a
 * fresh tab per test. Pages are served under the real news hostnames.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { startNewsServer, type NewsServer } from '../../scripts/lib/news-server';
import { FIXTURE_PAGES_DIR } from '../../scripts/lib/paths';

export { expect };

export const test = base.extend<{ page: Page; consoleErrors: string[] }, { server: NewsServer; ext: ExtensionBrowser }>(
  {
    server: [
      // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
      async ({}, use) => {
        const server = await startNewsServer();
        await use(server);
        await server.close();
      },
      { scope: 'worker' },
    ],
    ext: [
      async ({ server }, use) => {
        const browser = await launchWithExtension({ port: server.port });
        await use(browser);
        await browser.close();
      },
      { scope: 'worker' },
    ],
    page: async ({ ext }, use) => {
      const page = await ext.context.newPage();
      await use(page);
      await page.close();
    },
    consoleErrors: async ({ page }, use) => {
      const errors: string[] = [];
      const onConsole = (m: ConsoleMessage) => {
        if (m.type() === 'error') errors.push(m.text());
      };
      page.on('console', onConsole);
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await use(errors);
      page.off('console', onConsole);
    },
  },
);

/** A saved real news page from ../shared/fixtures/pages. */
export function fixturePage(name: string): string {
  return readFileSync(join(FIXTURE_PAGES_DIR, name), 'utf8');
}

/**
 * The document's <html> element. A CSS `html` locator would also find the <html> inside the
 * extension's shadow-root UI, since Playwright's CSS pierces shadow roots; XPath does not.
 */
export function root(page: Page) {
  return page.locator('xpath=/html');
}

/** Waits until the content script has finished a pass over the page. */
export async function waitForReady(page: Page): Promise<void> {
  await expect(root(page)).toHaveAttribute('data-vr-state', 'ready');
}

/** The id Chrome gave the tab showing `url`, asked of the extension's service worker. */
export async function tabIdOf(ext: ExtensionBrowser, url: string): Promise<number> {
  const id = await ext.serviceWorker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  expect(id, `a tab showing ${url}`).toBeGreaterThanOrEqual(0);
  return id;
}
