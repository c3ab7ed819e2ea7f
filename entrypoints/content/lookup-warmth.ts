/**
 * The content script's end of the warmth port (see lib/warmth-port.ts): opened on the reader's
 * first move over the page (of the pointer, the wheel or a key), opened again on the first move
 * after the background stopped, and told now and then that the reader is still active. Pages left
 * alone never open it.
 */

import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { STILL_POINTING, STILL_POINTING_EVERY_MS, WARMTH_PORT } from '@/lib/warmth-port';

/** What the warmth needs of a port: to say something, to close, to hear it was closed. */
export type WarmthPort = Pick<Browser.runtime.Port, 'postMessage' | 'disconnect' | 'onDisconnect'>;

export class LookupWarmth {
  private port: WarmthPort | null = null;
  private said = 0;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly ctx: Pick<ContentScriptContext, 'isInvalid' | 'onInvalidated'>,
    private readonly open: () => WarmthPort = () => browser.runtime.connect({ name: WARMTH_PORT }),
  ) {
    ctx.onInvalidated(() => {
      try {
        this.port?.disconnect();
      } catch {
        // Already gone with the extension's context.
      }
      this.port = null;
    });
  }

  /**
   * Also counts the reader's wheel and keys as activity: reading on without the pointer keeps the
   * background ready too. Trusted events only; listeners are passive and change nothing.
   */
  listenForReading(ctx: Pick<ContentScriptContext, 'addEventListener'>): void {
    for (const type of ['wheel', 'keydown'] as const) {
      ctx.addEventListener(document, type, (e) => e.isTrusted && this.moved(), { capture: true, passive: true });
    }
  }

  /** `listener` hears of every move of the reader's (pointer, wheel, key) that keeps the background ready. */
  onActive(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The reader's pointer moved over the page, at `now` (ms). */
  moved(now = performance.now()): void {
    if (this.ctx.isInvalid) return;
    for (const listener of this.listeners) listener();
    if (!this.port) {
      this.port = this.connect();
      this.said = now;
    } else if (now - this.said >= STILL_POINTING_EVERY_MS) {
      this.said = now;
      try {
        this.port.postMessage(STILL_POINTING);
      } catch {
        // Disconnected before its disconnect event came: open it again.
        this.port = this.connect();
      }
    }
  }

  private connect(): WarmthPort | null {
    try {
      const port = this.open();
      port.onDisconnect.addListener(() => {
        if (this.port === port) this.port = null;
      });
      return port;
    } catch {
      // The extension was reloaded under the page: this content script is an orphan.
      return null;
    }
  }
}
