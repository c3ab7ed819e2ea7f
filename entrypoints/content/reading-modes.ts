/**
 * The two reading modes beyond "bilingual":
 * - "original only": renderings are hidden; hovering or focusing a matched block peeks its English;
 * - "English only": matched Vietnamese is dimmed (a CSS highlight, no change to the page) and a
 *   click on a dimmed block shows it again.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ViewMode } from '@/lib/protocol';
import type { PageBlock } from './blocks';
import { ensureOverlay, overlayStore } from './overlay';
import type { BilingualView } from './paragraphs';

const DIM = 'vr-dim';
const PEEK_DELAY_MS = 150;

function blockRange(block: PageBlock): StaticRange | null {
  const first = block.segments[0];
  const last = block.segments[block.segments.length - 1];
  if (!first || !last) return null;
  return new StaticRange({
    startContainer: first.node,
    startOffset: 0,
    endContainer: last.node,
    endOffset: last.node.data.length,
  });
}

export class ReadingModes {
  private readonly revealed = new WeakSet<Element>();
  private peekTimer: number | undefined;
  private peeking: Element | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly view: BilingualView,
  ) {
    const doc = document;
    ctx.addEventListener(doc, 'mouseover', (e) => this.onPointer(e.target), { passive: true, capture: true });
    ctx.addEventListener(doc, 'focusin', (e) => this.onPointer(e.target, 0), { capture: true });
    ctx.addEventListener(doc, 'click', (e) => this.onClick(e), { capture: true });
    // A shown peek no longer sits next to its block once the page scrolls; a pending one still will.
    ctx.addEventListener(window, 'scroll', () => this.hideShownPeek(), { passive: true, capture: true });
  }

  private get mode(): ViewMode {
    return this.view.viewMode;
  }

  /** Repaints the mode's marks after a pass or a mode change. */
  refresh(): void {
    if (this.mode !== 'original') this.hidePeek();
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    if (this.mode !== 'english') {
      CSS.highlights.delete(DIM);
      return;
    }
    const ranges = this.view
      .matchedBlocks()
      .filter(({ block }) => !this.revealed.has(block.element))
      .flatMap(({ block }) => blockRange(block) ?? []);
    CSS.highlights.set(DIM, new Highlight(...ranges));
  }

  private matchedBlockOf(target: EventTarget | null): Element | null {
    if (!(target instanceof Element)) return null;
    return target.closest('[data-vr-match]');
  }

  private onPointer(target: EventTarget | null, delay = PEEK_DELAY_MS): void {
    if (this.mode !== 'original') return;
    const block = this.matchedBlockOf(target);
    if (block === this.peeking) return;
    window.clearTimeout(this.peekTimer);
    if (!block) {
      this.hidePeek();
      return;
    }
    this.peekTimer = this.ctx.setTimeout(() => void this.showPeek(block), delay);
  }

  private async showPeek(block: Element): Promise<void> {
    const paragraphs = this.view.englishFor(block);
    if (paragraphs.length === 0) return;
    this.peeking = block;
    await ensureOverlay(this.ctx);
    const r = block.getBoundingClientRect();
    overlayStore.set({
      peek: {
        anchor: { left: r.left, top: r.top, width: r.width, height: r.height },
        paragraphs: paragraphs.map((p) => ({ key: p.key, en: p.en })),
      },
    });
  }

  private hideShownPeek(): void {
    if (!overlayStore.get().peek) return;
    this.peeking = null;
    overlayStore.set({ peek: null });
  }

  hidePeek(): void {
    window.clearTimeout(this.peekTimer);
    this.peeking = null;
    if (overlayStore.get().peek) overlayStore.set({ peek: null });
  }

  private onClick(e: Event): void {
    if (this.mode !== 'english') return;
    const block = this.matchedBlockOf(e.target);
    if (!block || this.revealed.has(block)) return;
    this.revealed.add(block);
    this.refresh();
  }
}
