/** Page helpers shared by the end-to-end tests. */

import type { Page } from '@playwright/test';

export { selectWithMouse, textBox, textRects } from '../../scripts/lib/text-rects';

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
