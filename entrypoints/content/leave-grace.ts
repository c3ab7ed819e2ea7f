/**
 * The grace a floating panel (a popover, a highlight's card) gives the pointer that left what it
 * is about: long enough to move into the panel, after which the panel closes unless it is held.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export class LeaveGrace {
  private timer: number | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly ms: number,
  ) {}

  /** Runs `end` once the grace has passed, unless cancelled first; a grace already running is kept. */
  start(end: () => void): void {
    if (this.timer !== undefined) return;
    this.timer = this.ctx.setTimeout(() => {
      this.timer = undefined;
      end();
    }, this.ms);
  }

  cancel(): void {
    window.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
