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
 * Presses Escape where it closes one of our frames (the note editor, a highlight card), and waits
 * for the frame to go. The frame is torn down while Chromium routes the key to it, and the DevTools
 * call that sends the key then sometimes never returns: `keyboard.press` hung so once in a dozen
 * runs, and `keyboard.down` once in CI. So what is awaited is the frame going, which is the
 * behaviour under test; the key's own calls are not awaited past it (they settle, or fail when the
 * test's tab closes).
 */
export async function escapeClosing(page: Page, gone: () => Promise<void>): Promise<void> {
  let sent = false;
  const down = page.keyboard.down('Escape').then(
    () => (sent = true),
    () => undefined,
  );
  try {
    await gone();
  } finally {
    await Promise.race([down, new Promise((resolve) => setTimeout(resolve, 1_000))]);
    // The key comes up before the test goes on, unless its down is the call that hung.
    if (sent) await page.keyboard.up('Escape');
    else void down.then(() => page.keyboard.up('Escape')).catch(() => undefined);
  }
}

/**
 * Starts watching, in the page, for a highlight name to be painted, however briefly, and returns
 * whether it has been so far. A flash blinks (on for 350 ms, off for 350 ms): polling from the test,
 * whose round trips grow to a second on a loaded machine, could fall on the dark spells only.
 */
export async function watchPainted(page: Page, name: string): Promise<() => Promise<boolean>> {
  const key = `__seen_${name.replace(/\W/g, '_')}`;
  await page.evaluate(
    ([n, k]) => {
      const w = window as unknown as Record<string, boolean>;
      w[k] = CSS.highlights.has(n);
      const timer = setInterval(() => {
        if (CSS.highlights.has(n)) {
          w[k] = true;
          clearInterval(timer);
        }
      }, 10);
    },
    [name, key] as const,
  );
  return () => page.evaluate((k) => (window as unknown as Record<string, boolean>)[k] === true, key);
}
