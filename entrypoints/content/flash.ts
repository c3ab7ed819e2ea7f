/**
 * Showing one saved highlight: the popup's "Open" scrolls the page to it and makes it flash. The
 * page may still be loading when asked (a page the popup has just opened): then the background
 * holds the request until the page's first pass, which asks for it.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '@/lib/messaging';
import { paint } from './paint';
import type { PageFeature } from './page-controller';
import type { PageSnapshot } from './page-snapshot';

const FLASH = 'vr-flash';
const BLINKS = 5;
const BLINK_MS = 350;

export class Flash implements PageFeature {
  private snapshot: PageSnapshot | null = null;
  private asked = false;
  private timer: number | undefined;

  constructor(private readonly ctx: ContentScriptContext) {}

  onSnapshot(snapshot: PageSnapshot): void {
    this.snapshot = snapshot;
    if (this.asked) return;
    this.asked = true;
    void sendMessage('takePendingFlash', {}).then(
      (id) => id && this.flash(id),
      () => undefined,
    );
  }

  onNavigate(): void {
    this.asked = false;
    this.stop();
  }

  /** Scrolls to a highlight and flashes it. False when it is not on the page. */
  flash(id: string): boolean {
    const range = this.snapshot?.highlights.ranges.get(id);
    if (!range) return false;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.stop();
    let times = 0;
    paint(FLASH, [range]);
    this.timer = this.ctx.setInterval(() => {
      times++;
      paint(FLASH, times % 2 === 0 && times < BLINKS ? [range] : []);
      if (times >= BLINKS) this.stop();
    }, BLINK_MS);
    return true;
  }

  private stop(): void {
    window.clearInterval(this.timer);
    paint(FLASH, []);
  }
}
