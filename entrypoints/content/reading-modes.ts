/**
 * The two reading modes beyond "bilingual":
 * - "original only": renderings are hidden; hovering or focusing a matched block peeks its English;
 * - "English only": matched Vietnamese is dimmed (a CSS highlight, no change to the page) and a
 *   click on a dimmed block shows it again.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ViewMode } from '@/lib/protocol';
import type { PageBlock } from './blocks';
import { ensureOverlay, isFromOverlay, overlayStore } from './overlay';
import { paint } from './paint';
import type { PageFeature } from './page-controller';
import type { PageSnapshot } from './page-snapshot';

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

export class ReadingModes implements PageFeature {
  private readonly revealed = new WeakSet<Element>();
  private peekTimer: number | undefined;
  private peeking: Element | null = null;
  private snapshot: PageSnapshot | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private mode: ViewMode,
  ) {
    const doc = document;
    ctx.addEventListener(doc, 'mouseover', (e) => this.onPointer(e), { passive: true, capture: true });
    ctx.addEventListener(doc, 'focusin', (e) => this.onPointer(e, 0), { capture: true });
    ctx.addEventListener(doc, 'click', (e) => this.onClick(e), { capture: true });
    // A shown peek no longer sits next to its block once the page scrolls; a pending one still will.
    ctx.addEventListener(window, 'scroll', () => this.hideShownPeek(), { passive: true, capture: true });
  }

  onSnapshot(snapshot: PageSnapshot): void {
    this.snapshot = snapshot;
    this.refresh();
  }

  onMode(mode: ViewMode): void {
    this.mode = mode;
    this.refresh();
  }

  onNavigate(): void {
    this.hidePeek();
  }

  /** Repaints the mode's marks. */
  private refresh(): void {
    if (this.mode !== 'original') this.hidePeek();
    const matched = this.mode === 'english' ? (this.snapshot?.matched() ?? []) : [];
    paint(
      DIM,
      matched.filter(({ block }) => !this.revealed.has(block.element)).flatMap(({ block }) => blockRange(block) ?? []),
    );
  }

  private matchedBlockOf(target: EventTarget | null): PageBlock | null {
    if (!(target instanceof Element)) return null;
    const el = target.closest('[data-vr-match]');
    return (el && this.snapshot?.blockOf(el)) ?? null;
  }

  private onPointer(e: Event, delay = PEEK_DELAY_MS): void {
    if (this.mode !== 'original' || !e.isTrusted || isFromOverlay(e)) return;
    const block = this.matchedBlockOf(e.target);
    if (block?.element === this.peeking) return;
    window.clearTimeout(this.peekTimer);
    if (!block) {
      this.hidePeek();
      return;
    }
    this.peekTimer = this.ctx.setTimeout(() => void this.showPeek(block), delay);
  }

  private async showPeek(block: PageBlock): Promise<void> {
    const paragraphs = this.snapshot?.englishOf(block) ?? [];
    if (paragraphs.length === 0) return;
    this.peeking = block.element;
    await ensureOverlay(this.ctx);
    const r = block.element.getBoundingClientRect();
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

  private hidePeek(): void {
    window.clearTimeout(this.peekTimer);
    this.peeking = null;
    if (overlayStore.get().peek) overlayStore.set({ peek: null });
  }

  private onClick(e: Event): void {
    if (this.mode !== 'english' || !e.isTrusted) return;
    const block = this.matchedBlockOf(e.target);
    if (!block || this.revealed.has(block.element)) return;
    this.revealed.add(block.element);
    this.refresh();
  }
}
