/**
 * The review section (issue 17): with 10,000 cards and 100,000 review logs in the database, the
 * review page's first card after DOMContentLoaded, a rating to the next card, the popup's due
 * count, and the saveWord round trip. Each beside a baseline of the same run: an empty extension
 * page's load and keypress, and a plain database read (countDue) for the round trip.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { toBackupJson, type BackupData } from '../../core/backup';
import { newCard, rateCard, type ReviewCard, type ReviewLog, type ReviewRating } from '../../core/review-card';
import type { SavedWord, WordDraft } from '../../core/saved-word';
import { TRANSFER_CHUNK_CHARS } from '../../lib/protocol';
import { copyOfBuild, launchWithExtension, type ExtensionBrowser } from '../lib/chromium';
import type { NewsServer } from '../lib/news-server';
import { seededRandom } from '../lib/variations';
import { median, p95 } from './stats';

export const REVIEW_CARDS = 10_000;
export const REVIEW_LOGS = 100_000;
const EMPTY = 'bench-empty.html';
const DAY = 86_400_000;
const URL_BASE = 'https://vnexpress.net/bench/tu-vung';
const SYLLABLES = ['binh', 'quân', 'quốc', 'phòng', 'hòa', 'bình', 'chiến', 'tranh', 'kinh', 'tế', 'xã', 'hội'];

export interface ReviewTiming {
  /** Milliseconds, median of the loads (first card or due line) and of the empty page's DCL. */
  firstCardAfterDclMs: number;
  firstCardFromNavigationMs: number;
  emptyPageDclMs: number;
  /** Keydown to the next card on screen, over `ratings` ratings; the empty page's keydown to a change. */
  ratingMedianMs: number;
  ratingP95Ms: number;
  emptyKeyMedianMs: number;
  ratings: number;
  popupDueAfterDclMs: number;
  popupDueFromNavigationMs: number;
  saveWordP95Ms: number;
  saveWordMedianMs: number;
  countDueP95Ms: number;
  saves: number;
  due: number;
}

/** 10,000 words, each with its forward card, reviewed ten times over the last 90 days. */
export function syntheticReviews(now: number): BackupData {
  const random = seededRandom(17);
  const words: SavedWord[] = [];
  const cards: ReviewCard[] = [];
  const reviewLogs: ReviewLog[] = [];
  const perCard = REVIEW_LOGS / REVIEW_CARDS;
  for (let i = 0; i < REVIEW_CARDS; i++) {
    const headword = `${SYLLABLES[i % 12]} ${SYLLABLES[Math.floor(i / 12) % 12]} ${i}`;
    const sentence = `Trong bài báo hôm nay, từ ${headword} xuất hiện trong câu thứ ${i}.`;
    const start = sentence.indexOf(headword);
    const createdAt = now - 90 * DAY + Math.floor(random() * 20 * DAY);
    let card = newCard('word', headword, 'forward', createdAt, true);
    let at = createdAt;
    for (let k = 0; k < perCard; k++) {
      const roll = random();
      const rating: ReviewRating = roll < 0.1 ? 1 : roll < 0.2 ? 2 : roll < 0.9 ? 3 : 4;
      // The reader comes back when the card is due, or within a week if that is sooner, never in the future.
      at = Math.min(now - 1000, Math.max(at + 60_000, Math.min(card.due, at + 7 * DAY)));
      const r = rateCard(card, rating, at, `r_bench${i}x${k}`);
      card = r.card;
      reviewLogs.push(r.log);
    }
    cards.push(card);
    words.push({
      headword,
      sense: { pos: 'noun', gloss: `meaning ${i}`, source: 'dictionary', entryKey: `dictionary:${headword}` },
      han: null,
      contexts: [
        {
          sentence,
          start,
          end: start + headword.length,
          url: `${URL_BASE}-${i % 500}.html`,
          title: `Bài ${i % 500}`,
          at: createdAt,
          english: { text: `In today's article, the word appears in sentence ${i}.`, kind: 'sentence' },
        },
      ],
      saved: true,
      marked: false,
      status: 'learning',
      knownAt: null,
      createdAt,
      updatedAt: at,
    });
  }
  return { highlights: [], words, cards, reviewLogs, history: [], articles: [] };
}

/** Records, in the page, when the first element matching `selector` appears. */
function watchFor(selector: string): void {
  const w = window as { seenAt?: number };
  const observer = new MutationObserver(() => {
    if (document.querySelector(selector)) {
      w.seenAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

/** Opens an extension page; milliseconds from navigation to `selector` appearing and to DOMContentLoaded. */
async function openTimed(ext: ExtensionBrowser, path: string, selector: string | null) {
  const page = await ext.context.newPage();
  if (selector) await page.addInitScript(watchFor, selector);
  await page.goto(ext.extensionUrl(path), { waitUntil: 'domcontentloaded' });
  if (selector) await page.waitForFunction(() => (window as { seenAt?: number }).seenAt !== undefined);
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { dcl: nav.domContentLoadedEventStart, seen: (window as { seenAt?: number }).seenAt ?? NaN };
  });
  return { page, dcl: t.dcl, seen: t.seen };
}

/** Keydown (its event time) to the next change under `selector`'s attribute `attr`, in the page. */
async function keyToChange(page: Page, key: string, attr: string): Promise<number> {
  await page.evaluate((a) => {
    const w = window as unknown as { took?: Promise<number> };
    w.took = new Promise<number>((resolve) => {
      let pressed = 0;
      addEventListener('keydown', (e) => (pressed = e.timeStamp), { capture: true, once: true });
      const before = document.querySelector(`[${a}]`)?.getAttribute(a) ?? null;
      const observer = new MutationObserver(() => {
        const now = document.querySelector(`[${a}]`)?.getAttribute(a) ?? null;
        if (!pressed || now === before) return;
        observer.disconnect();
        resolve(performance.now() - pressed);
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: [a] });
    });
  }, attr);
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as { took: Promise<number> }).took);
}

/** Imports a backup through the protocol from an extension page, as the review page does. */
async function importBackup(page: Page, text: string): Promise<unknown> {
  return page.evaluate(
    async ({ text, size }) => {
      const importId = crypto.randomUUID().replace(/-/g, '');
      const chunks = Math.ceil(text.length / size);
      let result: unknown = null;
      for (let index = 0; index < chunks; index++) {
        result = await chrome.runtime.sendMessage({
          type: 'importBackup',
          params: { importId, index, chunks, text: text.slice(index * size, (index + 1) * size) },
        });
      }
      return result;
    },
    { text, size: TRANSFER_CHUNK_CHARS },
  );
}

/** A word to save in the round-trip measure. */
function draftOf(i: number): WordDraft {
  const headword = `lưu thử ${i}`;
  const sentence = `Người đọc đã lưu từ ${headword} trong bài báo này.`;
  const start = sentence.indexOf(headword);
  return {
    headword,
    sense: { pos: 'verb', gloss: 'to save (a test)', source: 'dictionary', entryKey: `dictionary:${headword}` },
    han: null,
    context: { sentence, start, end: start + headword.length, url: `${URL_BASE}.html`, title: 'Bài', english: null },
  };
}

/**
 * Space until the back shows (not timed). The card is on screen before the page's key listener is
 * attached, so a Space pressed at once can go unheard; a reader never presses that fast.
 */
async function showAnswer(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.keyboard.press('Space');
    if (await page.waitForSelector('[data-testid="review-answer"]', { timeout: 1000 }).catch(() => null)) return;
  }
  throw new Error('Space never showed the answer');
}

export async function benchReview(server: NewsServer): Promise<ReviewTiming> {
  const dir = copyOfBuild('song-ngu-bench-review-');
  writeFileSync(
    join(dir, EMPTY),
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>Empty</title><body><p data-k="0">0</p></body></html>',
  );
  const ext = await launchWithExtension({ port: server.port, extensionDir: dir, guard: 'resolver' });
  await ext.context.addInitScript('globalThis.__name = (f) => f;');
  try {
    const now = Date.now();
    const tools = await ext.context.newPage();
    await tools.goto(ext.extensionUrl(EMPTY));
    console.error('  seeding 10,000 cards and 100,000 review logs…');
    const imported = (await importBackup(tools, toBackupJson(syntheticReviews(now), new Date(now)))) as {
      ok: boolean;
      value: { ok: boolean; errors?: string[] };
    };
    if (!imported.ok || !imported.value.ok)
      throw new Error(`seeding failed: ${JSON.stringify(imported).slice(0, 500)}`);
    const due = await tools.evaluate(async () => {
      const r = await chrome.runtime.sendMessage<unknown, { value: { due: number } }>({ type: 'countDue', params: {} });
      return r.value.due;
    });

    const LOADS = 7;
    const first: { dcl: number; seen: number }[] = [];
    const popup: { dcl: number; seen: number }[] = [];
    const empty: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const e = await openTimed(ext, EMPTY, null);
      empty.push(e.dcl);
      await e.page.close();
      const r = await openTimed(ext, 'review.html', '[data-review-card]');
      first.push(r);
      await r.page.close();
      const p = await openTimed(ext, 'popup.html', '[data-testid="popup-due"]');
      popup.push(p);
      await p.page.close();
    }

    // Ratings: Space shows the back (not timed), the rating key to the next card on screen.
    const RATINGS = 30;
    const review = await openTimed(ext, 'review.html', '[data-review-card]');
    // Keys go to the page in front: the loads above opened and closed others.
    await review.page.bringToFront();
    const rating: number[] = [];
    for (let i = 0; i < RATINGS; i++) {
      await showAnswer(review.page);
      rating.push(await keyToChange(review.page, String((i % 3) + 2), 'data-review-card'));
    }
    await review.page.close();
    // Baseline: a keydown whose handler changes one attribute, on the empty page.
    const blank = await openTimed(ext, EMPTY, null);
    await blank.page.bringToFront();
    await blank.page.evaluate(() =>
      addEventListener('keydown', () => {
        const p = document.querySelector('[data-k]')!;
        p.setAttribute('data-k', String(Number(p.getAttribute('data-k')) + 1));
      }),
    );
    const emptyKey: number[] = [];
    for (let i = 0; i < RATINGS; i++) emptyKey.push(await keyToChange(blank.page, 'x', 'data-k'));
    await blank.page.close();

    // saveWord round trips from an extension page, beside countDue's.
    const SAVES = 100;
    const trips = (await tools.evaluate(
      async ({ drafts }) => {
        const save: number[] = [];
        const count: number[] = [];
        for (const word of drafts) {
          let t = performance.now();
          const r = await chrome.runtime.sendMessage<unknown, { ok: boolean }>({ type: 'saveWord', params: { word } });
          if (!r.ok) throw new Error(JSON.stringify(r));
          save.push(performance.now() - t);
          t = performance.now();
          await chrome.runtime.sendMessage({ type: 'countDue', params: {} });
          count.push(performance.now() - t);
        }
        return { save, count };
      },
      { drafts: Array.from({ length: SAVES }, (_, i) => draftOf(i)) },
    )) as { save: number[]; count: number[] };

    return {
      firstCardAfterDclMs: median(first.map((f) => f.seen - f.dcl)),
      firstCardFromNavigationMs: median(first.map((f) => f.seen)),
      emptyPageDclMs: median(empty),
      ratingMedianMs: median(rating),
      ratingP95Ms: p95(rating),
      emptyKeyMedianMs: median(emptyKey),
      ratings: RATINGS,
      popupDueAfterDclMs: median(popup.map((p) => p.seen - p.dcl)),
      popupDueFromNavigationMs: median(popup.map((p) => p.seen)),
      saveWordP95Ms: p95(trips.save),
      saveWordMedianMs: median(trips.save),
      countDueP95Ms: p95(trips.count),
      saves: SAVES,
      due,
    };
  } finally {
    await ext.close();
  }
}
