/**
 * Highlights you can touch: resting the pointer on a painted highlight, or clicking it, opens its
 * card (note, colour, tags; edit, delete with undo, copy) next to it. The card is an extension
 * page in a frame (highlight-card.html), because a note is private and our overlay's shadow root
 * is open to the page's scripts. Resting on a glossary term inside a highlight opens the term's
 * popover (hovering is for reading); clicking opens the card (a click on what one saved is about
 * the highlight), so a highlight that is exactly a term can still be opened.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { caretAt } from './caret';
import { pointIn, rectOf } from './dom-ranges';
import { extensionPageUrl } from './extension-pages';
import { LeaveGrace } from './leave-grace';
import { ensureOverlay, isFromOverlay, overlayStore } from './overlay';
import type { PageFeature } from './page-controller';
import type { PageSnapshot } from './page-snapshot';

/** Resting this long on a highlight opens its card (longer than a term's popover: it is a frame). */
const HOVER_MS = 450;
/** How long the card survives the pointer leaving, so it can move into the card. */
const LEAVE_GRACE_MS = 350;

export class HighlightCards implements PageFeature {
  private snapshot: PageSnapshot | null = null;
  private open: { id: string; pinned: boolean } | null = null;
  private insideCard = false;
  private hoverTimer: number | undefined;
  private readonly grace: LeaveGrace;
  private point: { x: number; y: number } | null = null;

  constructor(private readonly ctx: ContentScriptContext) {
    this.grace = new LeaveGrace(ctx, LEAVE_GRACE_MS);
    ctx.addEventListener(document, 'mousemove', (e) => this.onMove(e), { capture: true, passive: true });
    ctx.addEventListener(document, 'click', (e) => this.onClick(e), { capture: true });
    ctx.addEventListener(document, 'keydown', (e) => e.isTrusted && e.key === 'Escape' && this.close(), {
      capture: true,
    });
    ctx.addEventListener(window, 'scroll', () => this.reposition(), { capture: true, passive: true });
  }

  onSnapshot(snapshot: PageSnapshot): void {
    this.snapshot = snapshot;
    // The card stays while its highlight is deleted: it offers the undo.
    if (this.open) this.reposition();
  }

  onNavigate(): void {
    this.close();
  }

  /** The highlight under a point; when resting, not where a glossary term is (its popover wins). */
  private highlightAt(x: number, y: number, overTerms = false): string | null {
    const caret = caretAt(x, y);
    const s = this.snapshot;
    if (!caret || !s || (!overTerms && s.terms.at(caret.node, caret.offset))) return null;
    const id = s.highlightAt(caret.node, caret.offset);
    const range = id && s.highlights.ranges.get(id);
    return range && pointIn(range, x, y) ? id : null;
  }

  private onMove(e: MouseEvent): void {
    if (!e.isTrusted || isFromOverlay(e)) return;
    this.point = { x: e.clientX, y: e.clientY };
    window.clearTimeout(this.hoverTimer);
    this.hoverTimer = this.ctx.setTimeout(() => this.settle(), HOVER_MS);
  }

  private settle(): void {
    if (!this.point) return;
    const id = this.highlightAt(this.point.x, this.point.y);
    if (id) {
      this.grace.cancel();
      if (!this.open || (!this.open.pinned && this.open.id !== id)) void this.show(id, false);
    } else if (this.open && !this.open.pinned && !this.insideCard) {
      this.scheduleLeave();
    }
  }

  private onClick(e: MouseEvent): void {
    if (!e.isTrusted || isFromOverlay(e)) return;
    // A click that ends a selection is the reader highlighting, not opening a card.
    if (getSelection()?.isCollapsed === false) return;
    const id = this.highlightAt(e.clientX, e.clientY, true);
    if (id) void this.show(id, true);
    else if (this.open) this.close();
  }

  private scheduleLeave(): void {
    this.grace.start(() => {
      if (this.open && !this.open.pinned && !this.insideCard) this.close();
    });
  }

  private async show(id: string, pinned: boolean): Promise<void> {
    const range = this.snapshot?.highlights.ranges.get(id);
    if (!range) return;
    this.open = { id, pinned };
    this.insideCard = false;
    await ensureOverlay(this.ctx);
    if (this.open?.id !== id) return;
    overlayStore.set({
      card: {
        anchor: rectOf(range),
        src: extensionPageUrl('/highlight-card.html', { id }),
        title: 'Highlight',
        testId: 'highlight-card',
        width: 320,
        height: 210,
        focus: pinned,
        onPointerEnter: () => {
          this.insideCard = true;
          this.grace.cancel();
        },
        onPointerLeave: () => {
          this.insideCard = false;
          if (this.open && !this.open.pinned) this.scheduleLeave();
        },
      },
    });
  }

  private reposition(): void {
    const card = overlayStore.get().card;
    const range = this.open && this.snapshot?.highlights.ranges.get(this.open.id);
    if (card && range) overlayStore.set({ card: { ...card, anchor: rectOf(range) } });
  }

  /** Closes the card (Esc, a click elsewhere, or the card asked). */
  close(): void {
    this.grace.cancel();
    this.open = null;
    this.insideCard = false;
    if (overlayStore.get().card) overlayStore.set({ card: null });
  }
}
