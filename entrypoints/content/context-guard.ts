/**
 * WXT stops a content script when a document event says a newer copy of it has started (after an
 * extension update, the new copy tells the old one to step aside). The event's name holds only
 * the extension's id, which is public for a store extension, so any page can dispatch it and
 * switch the extension off on itself. The smallest sound way around it: believe the event only
 * when our own extension context really is gone, which is the one case the mechanism exists for.
 * A genuine restart is unaffected; a forged one changes nothing.
 */

import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export function trustOnlyRealRestarts(ctx: ContentScriptContext): void {
  // The method WXT's own listener calls; keep the context's other ways of ending as they are.
  const invalidate = ctx.notifyInvalidated.bind(ctx);
  ctx.notifyInvalidated = () => {
    if (!browser.runtime?.id) invalidate();
  };
  // When the extension is reloaded or updated this copy can no longer reach the background:
  // check on the reader's next move and take our marks off the page then.
  const check = () => {
    if (!browser.runtime?.id) invalidate();
  };
  for (const type of ['pointerdown', 'keydown', 'scroll'] as const) {
    ctx.addEventListener(window, type, check, { capture: true, passive: true });
  }
}
