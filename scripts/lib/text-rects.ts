/**
 * Where text is on a page, for the end-to-end tests and the demo: glyph positions of a phrase, and
 * selecting it with the mouse as a reader would.
 */

import type { Page } from '@playwright/test';

/** Viewport positions (first and last glyph, first-line box) of the n-th occurrence of `text` inside elements matching `selector` (main world). */
export async function textRects(page: Page, selector: string, text: string, n = 0) {
  return page.evaluate(
    ({ selector, text, n }) => {
      let seen = 0;
      for (const el of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const data = (node as Text).data;
          for (let i = data.indexOf(text); i >= 0; i = data.indexOf(text, i + 1)) {
            if (seen++ < n) continue;
            (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
            // No named helper function here: tsx (the demo) would wrap it in a `__name` call the page lacks.
            const [first, last] = [i, i + text.length - 1].map((k) => {
              const r = document.createRange();
              r.setStart(node, k);
              r.setEnd(node, k + 1);
              return r.getClientRects()[0]!;
            }) as [DOMRect, DOMRect];
            const whole = document.createRange();
            whole.setStart(node, i);
            whole.setEnd(node, i + text.length);
            // Text wrapped over two lines: the box of its first line's glyphs, not between the lines.
            const b = whole.getClientRects()[0]!;
            return {
              start: { x: first.left + 1, y: first.top + first.height / 2 },
              end: { x: last.right - 1, y: last.top + last.height / 2 },
              box: {
                x: b.left + b.width / 2,
                y: b.top + b.height / 2,
                left: b.left,
                top: b.top,
                right: b.right,
                bottom: b.bottom,
              },
            };
          }
        }
      }
      throw new Error(`no ${text} in ${selector}`);
    },
    { selector, text, n },
  );
}

/** Centre and edges of the n-th occurrence of `text` inside elements matching `selector`, scrolled into view. */
export async function textBox(page: Page, selector: string, text: string, n = 0) {
  return (await textRects(page, selector, text, n)).box;
}

/** Selects text by dragging the mouse over it, as a reader would. */
export async function selectWithMouse(page: Page, selector: string, text: string, n = 0): Promise<void> {
  const r = await textRects(page, selector, text, n);
  await page.mouse.move(r.start.x, r.start.y);
  await page.mouse.down();
  await page.mouse.move(r.end.x, r.end.y, { steps: 8 });
  await page.mouse.up();
}
