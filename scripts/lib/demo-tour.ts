/**
 * The headless demo's tour of the product: each step drives Chromium as a reader would and saves
 * one screenshot, or says why it could not. Nothing here claims a picture it did not take.
 */

import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { ExtensionBrowser } from './chromium';

/** What one step of the tour did: the screenshot it saved, or why there is none. */
export interface StepResult {
  name: string;
  file: string | null;
  detail: string;
}

/** The tour's outputs: screenshots into `out`, and the README's pictures also into `docs` when given. */
export interface Tour {
  readonly ext: ExtensionBrowser;
  readonly out: string;
  readonly docs: string | null;
  readonly results: StepResult[];
}

/** The screenshots the README shows, by file name. */
export const README_SHOTS = new Set([
  'bilingual-view.png',
  'term-popover.png',
  'dictionary-popover.png',
  'highlight-card.png',
  'popup-highlights.png',
  'options.png',
  'welcome.png',
]);

/**
 * Runs one step: `work` returns the detail to report once it has taken `file` (or null when it
 * took none). A step that throws is reported with its error and the tour goes on.
 */
export async function step(
  tour: Tour,
  name: string,
  file: string | null,
  work: (path: string) => Promise<string>,
): Promise<void> {
  const path = file ? join(tour.out, file) : '';
  try {
    const detail = await work(path);
    if (file && tour.docs && README_SHOTS.has(file)) {
      mkdirSync(tour.docs, { recursive: true });
      copyFileSync(path, join(tour.docs, file));
    }
    tour.results.push({ name, file, detail });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    tour.results.push({ name, file: null, detail: `not taken: ${message}` });
  }
}

/** The extension's overlay on a news page (an open shadow root, which Playwright pierces). */
export const overlay = (page: Page): Locator => page.locator('song-ngu-ui');

/** Moves the pointer onto a point from a little way off, as a hand does. */
export async function hoverAt(page: Page, at: { x: number; y: number }): Promise<void> {
  await page.mouse.move(at.x - 30, at.y + 40);
  await page.mouse.move(at.x, at.y, { steps: 4 });
}

/** A rectangle in viewport pixels. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * A screenshot of the part of the viewport that holds an element, and `also` (what it belongs to:
 * the word under a popover), with `margin` px of page around them.
 */
export async function shotAround(page: Page, target: Locator, path: string, margin = 140, also?: Box): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error('the element to show has no box');
  const view = page.viewportSize()!;
  const left = Math.max(0, Math.min(box.x, also?.left ?? Infinity) - margin);
  const top = Math.max(0, Math.min(box.y, also?.top ?? Infinity) - margin);
  const right = Math.min(view.width, Math.max(box.x + box.width, also?.right ?? 0) + margin);
  const bottom = Math.min(view.height, Math.max(box.y + box.height, also?.bottom ?? 0) + margin);
  await page.screenshot({ path, clip: { x: left, y: top, width: right - left, height: bottom - top } });
}
