/**
 * When the reader's pointer comes to rest: one tracker for every popover. It follows the pointer
 * (one mousemove listener for the page), waits the configured delay, checks the modifier key the
 * reader may have asked for, asks the browser once for the text position under the point, and
 * hands that rest to its listeners in order. The first to claim it (the glossary popover, for a
 * painted term) leaves the others to stand aside (the dictionary, for the same word).
 *
 * Only the reader's own input counts (`isTrusted`), and movement inside our overlay is not a rest
 * on the page.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEFAULT_POPOVER_SETTINGS, popoverSettings, type PopoverSettings } from '@/lib/settings';
import { pauseAfter } from '@/core/pointer-pause';
import { caretAt, type Caret } from './caret';
import { isFromOverlay } from './overlay';

/** Where the pointer rests: the point, and the text position there (null while the modifier is not held). */
export interface Rest {
  readonly x: number;
  readonly y: number;
  readonly caret: Caret | null;
}

export interface RestListener {
  /**
   * The pointer has paused where it may come to rest: fetch what a popover there would need, so
   * it opens when the delay is over rather than a round trip later. Show nothing yet. True claims
   * the point, as for {@link onRest}.
   */
  onPause?(rest: Rest, claimed: boolean): boolean;
  /** The pointer came to rest; true claims it. `claimed` says an earlier listener did. */
  onRest(rest: Rest, claimed: boolean): boolean;
  /** The pointer moves with a button held: a selection is being made, popovers give way. */
  onDrag(): void;
}

export class PointerRest {
  private settings: PopoverSettings = DEFAULT_POPOVER_SETTINGS;
  private readonly listeners: RestListener[] = [];
  private readonly movers: (() => void)[] = [];
  private timer: number | undefined;
  private pauseTimer: number | undefined;
  private point: { x: number; y: number } | null = null;
  private modifierHeld = false;

  constructor(private readonly ctx: ContentScriptContext) {
    void popoverSettings.getValue().then((s) => (this.settings = s));
    ctx.onInvalidated(popoverSettings.watch((s) => (this.settings = s)));
    ctx.addEventListener(document, 'mousemove', (e) => this.onMove(e), { capture: true, passive: true });
    // A press is the reader acting (a click opens a highlight's card, pins a popover, places the
    // caret), not resting: the rest begun by the move before it opens nothing.
    ctx.addEventListener(document, 'mousedown', (e) => e.isTrusted && this.cancel(), { capture: true, passive: true });
    const track = (e: KeyboardEvent) => e.isTrusted && this.trackModifier(e);
    ctx.addEventListener(document, 'keydown', track, { capture: true, passive: true });
    ctx.addEventListener(document, 'keyup', track, { capture: true, passive: true });
    ctx.addEventListener(window, 'blur', () => (this.modifierHeld = false));
  }

  /** `listener` hears of every move of the reader's pointer over the page (not while dragging). */
  onMoving(listener: () => void): void {
    this.movers.push(listener);
  }

  /** Listeners are asked in the order they were added. */
  add(listener: RestListener): void {
    this.listeners.push(listener);
  }

  /**
   * Forgets a rest still pending: a popover the reader has just closed (Esc) is not opened again
   * by a rest that began before they closed it.
   */
  cancel(): void {
    window.clearTimeout(this.timer);
    window.clearTimeout(this.pauseTimer);
    this.timer = undefined;
    this.pauseTimer = undefined;
  }

  private trackModifier(e: KeyboardEvent): void {
    const m = this.settings.modifier;
    if (m !== 'none') this.modifierHeld = e.getModifierState(m);
  }

  private onMove(e: MouseEvent): void {
    if (!e.isTrusted || isFromOverlay(e)) return;
    this.cancel();
    if (e.buttons !== 0) {
      for (const l of this.listeners) l.onDrag();
      return;
    }
    for (const l of this.movers) l();
    const m = this.settings.modifier;
    this.modifierHeld = m === 'none' || e.getModifierState(m);
    this.point = { x: e.clientX, y: e.clientY };
    this.timer = this.ctx.setTimeout(() => this.settle(), this.settings.delayMs);
    const pause = pauseAfter(this.settings.delayMs);
    if (pause !== null) this.pauseTimer = this.ctx.setTimeout(() => this.pause(), pause);
  }

  /** The rest at the pointer's point: its caret is asked for only while the modifier is held. */
  private restHere(): Rest | null {
    const p = this.point;
    return p && { ...p, caret: this.modifierHeld ? caretAt(p.x, p.y) : null };
  }

  private pause(): void {
    this.pauseTimer = undefined;
    const rest = this.restHere();
    if (!rest?.caret) return;
    let claimed = false;
    for (const l of this.listeners) claimed = l.onPause?.(rest, claimed) || claimed;
  }

  private settle(): void {
    this.timer = undefined;
    // Asked again, not kept from the pause: the page may have scrolled or changed since.
    const rest = this.restHere();
    if (!rest) return;
    let claimed = false;
    for (const l of this.listeners) claimed = l.onRest(rest, claimed) || claimed;
  }
}
