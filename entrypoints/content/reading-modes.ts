/**
 * The two reading modes beyond "bilingual":
 * - "original only": the renderings are hidden; hovering or focusing a recognised block peeks at
 *   its English;
 * - "English only": the recognised Vietnamese blocks are hidden (one attribute on <html>, read by
 *   the page stylesheet) and only the English shows; hovering or focusing an English rendering
 *   peeks at its Vietnamese, and clicking it brings the Vietnamese back in place.
 * Only the reader's own input counts (`isTrusted`).
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ViewMode } from '@/lib/protocol';
import { TRANSLATION_TAG } from './translation-element';
import type { PageBlock } from './blocks';
import { ensureOverlay, isFromOverlay, overlayStore } from './overlay';
import type { PageFeature } from './page-controller';
import type { PageSnapshot } from './page-snapshot';

const PEEK_DELAY_MS = 150;
/** On <html>: the page's reading mode, for the page stylesheet. */
export const VIEW_ATTRIBUTE = 'data-vr-view';
/** On a recognised block the reader brought back in "English only". */
export const REVEALED_ATTRIBUTE = 'data-vr-revealed';

export class ReadingModes implements PageFeature {
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
    ctx.onInvalidated(() => {
      document.documentElement.removeAttribute(VIEW_ATTRIBUTE);
      for (const el of document.querySelectorAll(`[${REVEALED_ATTRIBUTE}]`)) el.removeAttribute(REVEALED_ATTRIBUTE);
    });
  }

  onSnapshot(snapshot: PageSnapshot): void {
    this.snapshot = snapshot;
    // The mode goes on <html> with the first pass's write, not when the script starts: the page
    // stylesheet's selectors name the attribute, so writing it on its own would cost the page a
    // rendering update of its own (a style recalculation and a pre-paint walk of the whole page).
    this.apply();
  }

  onMode(mode: ViewMode): void {
    this.mode = mode;
    this.hidePeek();
    this.apply();
  }

  onNavigate(): void {
    this.hidePeek();
  }

  private apply(): void {
    const root = document.documentElement;
    if (root.getAttribute(VIEW_ATTRIBUTE) !== this.mode) root.setAttribute(VIEW_ATTRIBUTE, this.mode);
  }

  /** What the pointer is over that has another language to peek at, in this mode. */
  private target(e: Event): { anchor: Element; lang: 'en' | 'vi'; blocks: PageBlock[] } | null {
    const el = e.target instanceof Element ? e.target : null;
    if (!el || !this.snapshot) return null;
    if (this.mode === 'original') {
      const host = el.closest('[data-vr-match]');
      const block = host && this.snapshot.blockOf(host);
      return block ? { anchor: host, lang: 'en', blocks: [block] } : null;
    }
    if (this.mode === 'english') {
      const rendering = el.closest(TRANSLATION_TAG);
      const group = rendering && this.snapshot.groupOfElement(rendering);
      if (!group) return null;
      const hidden = group.sources.filter((b) => !b.element.hasAttribute(REVEALED_ATTRIBUTE));
      return hidden.length > 0 ? { anchor: rendering, lang: 'vi', blocks: hidden } : null;
    }
    return null;
  }

  private onPointer(e: Event, delay = PEEK_DELAY_MS): void {
    if (this.mode === 'bilingual' || !e.isTrusted || isFromOverlay(e)) return;
    const target = this.target(e);
    if (target?.anchor === this.peeking) return;
    window.clearTimeout(this.peekTimer);
    if (!target) {
      this.hidePeek();
      return;
    }
    this.peekTimer = this.ctx.setTimeout(() => void this.showPeek(target), delay);
  }

  private async showPeek(target: { anchor: Element; lang: 'en' | 'vi'; blocks: PageBlock[] }): Promise<void> {
    const paragraphs =
      target.lang === 'en'
        ? target.blocks.flatMap((b) => this.snapshot?.englishOf(b) ?? []).map((p) => ({ key: p.key, text: p.en }))
        : target.blocks.map((b, i) => ({ key: `${i}`, text: b.text }));
    if (paragraphs.length === 0) return;
    this.peeking = target.anchor;
    await ensureOverlay(this.ctx);
    const r = target.anchor.getBoundingClientRect();
    overlayStore.set({
      peek: { anchor: { left: r.left, top: r.top, width: r.width, height: r.height }, lang: target.lang, paragraphs },
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

  /** "English only": a click on an English rendering brings its Vietnamese back in place. */
  private onClick(e: Event): void {
    if (this.mode !== 'english' || !e.isTrusted || isFromOverlay(e)) return;
    const target = this.target(e);
    if (!target || getSelection()?.isCollapsed === false) return;
    for (const b of target.blocks) b.element.setAttribute(REVEALED_ATTRIBUTE, '');
    this.hidePeek();
  }
}
