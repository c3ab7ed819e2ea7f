/**
 * The Firefox smoke suite's harness: one news server and one Firefox ESR with the built extension
 * per test file, pages served under the real news hostnames, and the page helpers the tests share.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { CorpusArticle } from '../../core/corpus-schema';
import type { CompiledGlossary } from '../../core/glossary-format';
import { articlePage, TEMPLATES } from '../../scripts/lib/article-pages';
import { loadArticles } from '../../scripts/lib/data-sources';
import {
  FIREFOX_EXTENSION_DIR,
  launchFirefoxWithExtension,
  type FirefoxWithExtension,
} from '../../scripts/lib/firefox';
import { startNewsServer, type NewsServer } from '../../scripts/lib/news-server';

export interface FirefoxSuite {
  readonly server: NewsServer;
  readonly firefox: FirefoxWithExtension;
  /** Hosts of the pages this file served: the only ones the news server may hear of. */
  readonly servedHosts: Set<string>;
}

/** Starts the news server and Firefox before the file's tests and stops them after. */
export function useFirefox(): FirefoxSuite {
  let server: NewsServer | undefined;
  let firefox: FirefoxWithExtension | undefined;
  const servedHosts = new Set<string>();
  beforeAll(async () => {
    server = await startNewsServer();
    firefox = await launchFirefoxWithExtension({ port: server.port });
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });
  return {
    get server() {
      return server!;
    },
    get firefox() {
      return firefox!;
    },
    servedHosts,
  };
}

export const articles = loadArticles();
export const article = (id: string): CorpusArticle => articles.find((a) => a.id === id)!;

let pageNo = 0;

/**
 * Serves a corpus article inside a saved real page of `template` at a fresh URL (so saved
 * highlights never mix between tests), opens it in a new tab and waits for the extension's pass.
 */
export async function openArticle(suite: FirefoxSuite, id: string, template: keyof typeof TEMPLATES = 'dantri') {
  const t = TEMPLATES[template]!;
  const url = suite.server.setPage(
    t.host,
    `/the-gioi/${id}-${Date.now()}-${pageNo++}.htm`,
    articlePage(t, article(id)),
  );
  suite.servedHosts.add(t.host);
  const page = await suite.firefox.newPage();
  await page.goto(url);
  await waitForReady(page);
  return { page, url };
}

/** The content script's marks on <html> (data-vr-state, data-vr-highlights…), as a dataset. */
export function rootData(page: Page): Promise<Record<string, string | undefined>> {
  return page.evaluate(() => ({ ...document.documentElement.dataset }));
}

/** Waits until the content script has finished a pass over the page. */
export async function waitForReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.vrState === 'ready', { timeout: 20_000 });
}

/** The glossary the built extension ships. */
export function builtGlossary(): CompiledGlossary {
  return JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'data/glossary.json'), 'utf8')) as CompiledGlossary;
}

/** Viewport points just inside the first and last glyph of `text` in a `selector` element, scrolled into view. */
export function textEnds(page: Page, selector: string, text: string) {
  return page.evaluate(
    (selector, text) => {
      for (const el of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node as Text).data.indexOf(text);
          if (at < 0) continue;
          node.parentElement!.scrollIntoView({ block: 'center' });
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          const rects = [...range.getClientRects()];
          const first = rects[0]!;
          const last = rects[rects.length - 1]!;
          return {
            start: { x: first.left + 1, y: (first.top + first.bottom) / 2 },
            end: { x: last.right - 1, y: (last.top + last.bottom) / 2 },
          };
        }
      }
      throw new Error(`no ${text} in ${selector}`);
    },
    selector,
    text,
  );
}

/** Drags the mouse over `text`, as a reader selecting it would. */
export async function selectWithMouse(page: Page, selector: string, text: string): Promise<void> {
  const { start, end } = await textEnds(page, selector, text);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
}

/** The text under each range registered in `CSS.highlights` as `name`. */
export function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((name) => {
    const ranges = [...(CSS.highlights.get(name) ?? [])];
    return ranges.map((r) => {
      const live = new Range();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    });
  }, name);
}

/**
 * Nothing left the machine: the guard refused no request (so neither Firefox nor the extension
 * tried to reach anything; the pages' own ads are refused in their tab), and the news server only
 * heard of the hosts this file served.
 */
export function expectNoOutsideRequests(suite: FirefoxSuite): void {
  expect(suite.firefox.refused, 'requests Firefox or the extension tried to send out').toEqual([]);
  const hosts = new Set(suite.server.requests.map((url) => new URL(url).hostname));
  expect(suite.servedHosts.size).toBeGreaterThan(0);
  expect([...hosts]).toEqual([...suite.servedHosts]);
}
