/** Page helpers shared by the end-to-end tests. */

import type { Page } from '@playwright/test';

export { selectWithMouse, textBox, textRects } from '../../scripts/lib/text-rects';

/**
 * Brings the pointer to rest at (x, y) along its line of text, from `from` (60 px to the left by
 * default), as a reader's hand arrives. Not from another line: a rest on the way over a word of
 * another line opens that word's popover, which can sit over this line (above its word, to keep
 * clear of the English) and keeps a pointer that enters it. A loaded machine fires the popover
 * delay at such in-between points, and the test then hovers that popover instead.
 */
export async function restPointer(page: Page, x: number, y: number, from = x - 60): Promise<void> {
  await page.mouse.move(Math.max(1, from), y);
  await page.mouse.move(x, y, { steps: 3 });
}

/** The text of every range painted under a highlight name. */
export function paintedTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate(
    (n) =>
      [...(CSS.highlights.get(n) ?? [])].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      }),
    name,
  );
}

/**
 * Presses Escape where it closes one of our frames (the note editor, a highlight card): the key
 * goes down, the frame goes, and only then does the key come up. With `keyboard.press`, whose
 * key-up can reach the frame while it is being torn down, the press hung until the test timed
 * out, once in a dozen runs.
 */
export async function escapeClosing(page: Page, gone: () => Promise<void>): Promise<void> {
  await page.keyboard.down('Escape');
  try {
    await gone();
  } finally {
    await page.keyboard.up('Escape');
  }
}
