/**
 * The bilingual view: asks the background which corpus paragraphs the page's blocks are, settles
 * the page with {@link resolvePage}, marks matched blocks (`data-vr-match`, the only change to
 * host elements) and keeps one English rendering after each, restoring it if the page removes
 * it, without fighting a page that keeps removing it.
 */

import { keyOf, resolvePage, type BlockResolution, type ParagraphKey } from '@/core/corpus-resolve';
import type { RecognisedArticle, ViewMode } from '@/lib/protocol';
import type { PageAnalysis } from './analysis';
import type { PageBlock } from './blocks';
import { slicer } from './scheduler';
import {
  createTranslation,
  fillTranslation,
  setTranslationMode,
  translationValue,
  type RenderedParagraph,
} from './translation-element';

/** Restores allowed per block within RESTORE_WINDOW_MS before we stop fighting the page. */
const MAX_RESTORES = 3;
const RESTORE_WINDOW_MS = 10_000;

export interface ParagraphStats {
  matchedBlocks: number;
  articles: RecognisedArticle[];
}

export class BilingualView {
  /** Our rendering for each block that has one. */
  private readonly rendered = new Map<Element, HTMLElement>();
  /** What each matched block was resolved to in the last pass. */
  private resolutions = new Map<Element, BlockResolution>();
  private readonly restores = new WeakMap<Element, number[]>();
  private readonly abandoned = new WeakSet<Element>();
  /** Renderings we removed ourselves, so the page watcher does not mistake them for the page's doing. */
  readonly removedByUs = new WeakSet<Node>();
  private blocks: readonly PageBlock[] = [];
  private mode: ViewMode;

  constructor(
    mode: ViewMode,
    private readonly analysis: PageAnalysis,
  ) {
    this.mode = mode;
  }

  get viewMode(): ViewMode {
    return this.mode;
  }

  /** Resolves and annotates the whole page from the blocks' analysis. */
  async update(blocks: readonly PageBlock[]): Promise<ParagraphStats> {
    this.blocks = blocks;
    const resolutions = resolvePage(blocks.map((b) => this.analysis.of(b.text).candidates));
    await this.apply(blocks, resolutions);
    return this.stats();
  }

  private paragraphsFor(keys: readonly ParagraphKey[]): RenderedParagraph[] {
    return keys.flatMap((k) => {
      const key = keyOf(k);
      const p = this.analysis.english.get(key);
      return p ? [{ key, en: p.en, kind: p.kind }] : [];
    });
  }

  private async apply(blocks: readonly PageBlock[], resolutions: BlockResolution[]): Promise<void> {
    const slice = slicer();
    const next = new Map<Element, BlockResolution>();
    for (let i = 0; i < blocks.length; i++) {
      const el = blocks[i]!.element;
      const r = resolutions[i]!;
      const value = r.matches.map(keyOf).join(' ');
      if (value) {
        next.set(el, r);
        if (el.getAttribute('data-vr-match') !== value) el.setAttribute('data-vr-match', value);
      } else if (el.hasAttribute('data-vr-match')) {
        el.removeAttribute('data-vr-match');
      }
      this.render(el, r.renderAfter);
      await slice.check();
    }
    // Blocks that left the page or lost their match lose their attribute and rendering.
    for (const [el] of this.resolutions) {
      if (!next.has(el) && el.hasAttribute('data-vr-match')) el.removeAttribute('data-vr-match');
    }
    for (const [el, rendering] of this.rendered) {
      if (!next.get(el)?.renderAfter.length) {
        this.removedByUs.add(rendering);
        rendering.remove();
        this.rendered.delete(el);
      }
    }
    this.resolutions = next;
  }

  private render(block: Element, keys: readonly ParagraphKey[]): void {
    const existing = this.rendered.get(block);
    if (keys.length === 0 || this.abandoned.has(block)) return;
    const paragraphs = this.paragraphsFor(keys);
    if (paragraphs.length === 0) return;
    if (existing && existing.isConnected && existing.previousElementSibling === block) {
      if (existing.getAttribute('data-vr-translation') !== translationValue(paragraphs)) {
        fillTranslation(existing, paragraphs, this.mode);
      }
      setTranslationMode(existing, this.mode);
      return;
    }
    if (existing) {
      // The page took our rendering away (or moved it): put it back, unless it keeps doing so.
      if (!this.allowRestore(block)) {
        this.abandoned.add(block);
        this.rendered.delete(block);
        return;
      }
      fillTranslation(existing, paragraphs, this.mode);
      block.after(existing);
      return;
    }
    const rendering = createTranslation(block.ownerDocument, paragraphs, this.mode);
    block.after(rendering);
    this.rendered.set(block, rendering);
    this.checkVisibilityLater(block, rendering);
  }

  private pendingVisibility: [Element, HTMLElement][] = [];

  /**
   * A hidden block (a duplicate caption kept for screen readers, a collapsed section) must not
   * show English of its own. Asking whether it is visible forces layout, so ask after the next
   * frame, when the page has laid itself out anyway.
   */
  private checkVisibilityLater(block: Element, rendering: HTMLElement): void {
    if (typeof block.checkVisibility !== 'function') return;
    if (this.pendingVisibility.push([block, rendering]) > 1) return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        const pending = this.pendingVisibility;
        this.pendingVisibility = [];
        for (const [b, r] of pending) {
          const hidden = !b.checkVisibility();
          if (r.hidden !== hidden) r.hidden = hidden;
        }
      }, 0),
    );
  }

  private allowRestore(block: Element): boolean {
    const now = Date.now();
    const recent = (this.restores.get(block) ?? []).filter((t) => now - t < RESTORE_WINDOW_MS);
    recent.push(now);
    this.restores.set(block, recent);
    return recent.length <= MAX_RESTORES;
  }

  /** Changes the reading mode of every rendering on the page. */
  setMode(mode: ViewMode): void {
    this.mode = mode;
    for (const rendering of this.rendered.values()) setTranslationMode(rendering, mode);
  }

  /** The English of a matched block: its whole paragraphs, even when the block is only a part. */
  englishFor(block: Element): RenderedParagraph[] {
    const r = this.resolutions.get(block);
    return r ? this.paragraphsFor(r.matches) : [];
  }

  /** The current page's blocks with their resolution, in document order (for dimming, highlights). */
  matchedBlocks(): { block: PageBlock; resolution: BlockResolution }[] {
    return this.blocks.flatMap((block) => {
      const resolution = this.resolutions.get(block.element);
      return resolution ? [{ block, resolution }] : [];
    });
  }

  /**
   * The rendering holding a block's English: the one right after it, or for a paragraph split
   * over several blocks, the one after the last of them.
   */
  renderingFor(block: Element): HTMLElement | undefined {
    const own = this.rendered.get(block);
    if (own) return own;
    const keys = new Set((this.resolutions.get(block)?.matches ?? []).map(keyOf));
    if (keys.size === 0) return undefined;
    for (const rendering of this.rendered.values()) {
      const values = (rendering.getAttribute('data-vr-translation') ?? '').split(' ');
      if (values.some((v) => keys.has(v))) return rendering;
    }
    return undefined;
  }

  /** The blocks whose English a rendering shows. */
  blocksFor(rendering: Element): Element[] {
    const keys = new Set((rendering.getAttribute('data-vr-translation') ?? '').split(' '));
    return [...this.resolutions].filter(([, r]) => r.matches.some((m) => keys.has(keyOf(m)))).map(([el]) => el);
  }

  /** True when `node` is one of our renderings or inside one. */
  isRendering(node: Node): boolean {
    const el = node instanceof Element ? node : node.parentElement;
    return !!el?.closest('vr-translation');
  }

  private stats(): ParagraphStats {
    const byArticle = new Map<string, Set<number>>();
    for (const r of this.resolutions.values()) {
      for (const m of r.matches) {
        const set = byArticle.get(m.articleId) ?? new Set<number>();
        set.add(m.index);
        byArticle.set(m.articleId, set);
      }
    }
    return {
      matchedBlocks: this.resolutions.size,
      articles: [...byArticle]
        .map(([id, set]) => ({ id, paragraphs: [...set].sort((a, b) => a - b) }))
        .sort((a, b) => b.paragraphs.length - a.paragraphs.length),
    };
  }

  /** Removes everything this view added to the page. */
  destroy(): void {
    for (const rendering of this.rendered.values()) {
      this.removedByUs.add(rendering);
      rendering.remove();
    }
    for (const el of this.resolutions.keys()) el.removeAttribute('data-vr-match');
    this.rendered.clear();
    this.resolutions.clear();
  }
}
