/**
 * The English renderings on the page: which go where (planned from the page's resolutions), and
 * writing them, all of a pass's changes in one go so the browser lays out and paints the page once
 * for them. A rendering the page removes is put back, unless the page keeps removing it; copies of
 * our renderings the page made while re-rendering itself (they have no shadow root of ours) are
 * recognised and dropped, so each block ends with one rendering.
 */

import { keyOf, type BlockResolution } from '@/core/corpus-resolve';
import type { ParagraphText, ViewMode } from '@/lib/protocol';
import type { PageBlock } from './blocks';
import { paragraphsFor, type RenderingGroup } from './page-snapshot';
import {
  createTranslation,
  fillTranslation,
  setTranslationMode,
  TRANSLATION_TAG,
  translationValue,
} from './translation-element';

/** Restores allowed per block within RESTORE_WINDOW_MS before we stop fighting the page. */
const MAX_RESTORES = 3;
const RESTORE_WINDOW_MS = 10_000;

/** Which renderings the page needs: one after each block that ends a matched paragraph's run. */
export function planRenderings(
  blocks: readonly PageBlock[],
  resolutions: ReadonlyMap<PageBlock, BlockResolution>,
  english: ReadonlyMap<string, ParagraphText>,
): RenderingGroup[] {
  const groups: RenderingGroup[] = [];
  const matched = blocks.filter((b) => resolutions.has(b));
  // The blocks showing each paragraph, in page order: one pass, not one per rendering.
  const showing = new Map<string, PageBlock[]>();
  for (const b of matched) {
    for (const m of resolutions.get(b)!.matches) {
      const list = showing.get(keyOf(m));
      if (!list) showing.set(keyOf(m), [b]);
      else if (list.at(-1) !== b) list.push(b);
    }
  }
  const order = new Map(matched.map((b, i) => [b, i]));
  for (const block of matched) {
    const keys = resolutions.get(block)!.renderAfter;
    const paragraphs = paragraphsFor(keys, english);
    if (paragraphs.length === 0) continue;
    const lists = [...new Set(keys.map(keyOf))].map((k) => showing.get(k) ?? []);
    const sources =
      lists.length === 1 ? [...lists[0]!] : [...new Set(lists.flat())].sort((a, b) => order.get(a)! - order.get(b)!);
    groups.push({ after: block, paragraphs, sources });
  }
  return groups;
}

export class Renderings {
  /** Our rendering after each block that has one. */
  private readonly rendered = new Map<Element, HTMLElement>();
  private readonly mine = new WeakSet<Element>();
  private readonly restores = new WeakMap<Element, number[]>();
  private readonly abandoned = new WeakSet<Element>();
  /** Whether each block was hidden by the page when last seen outside "English only". */
  private readonly pageHidden = new WeakMap<Element, boolean>();
  /** Renderings we removed ourselves, so the page watcher does not take them for the page's doing. */
  readonly removedByUs = new WeakSet<Node>();
  private mode: ViewMode;

  constructor(mode: ViewMode) {
    this.mode = mode;
  }

  /**
   * Brings the page's renderings in line with `groups`: creates, refills, moves back or removes
   * them. Returns each group's element (none for a block whose rendering the page keeps removing).
   * Layout is read (which blocks are hidden) before anything is written.
   */
  commit(groups: readonly RenderingGroup[], doc: Document = document): Map<RenderingGroup, HTMLElement> {
    const hidden = new Map(groups.map((g) => [g, this.isHidden(g.after.element)]));
    const out = new Map<RenderingGroup, HTMLElement>();
    const wanted = new Set<Element>();
    for (const group of groups) {
      const block = group.after.element;
      wanted.add(block);
      const el = this.place(group, doc);
      if (!el) continue;
      if (el.hidden !== hidden.get(group)) el.hidden = hidden.get(group)!;
      out.set(group, el);
    }
    for (const [block, el] of this.rendered) {
      if (!wanted.has(block)) {
        this.remove(el);
        this.rendered.delete(block);
      }
    }
    this.dropStrayCopies(doc);
    return out;
  }

  private place(group: RenderingGroup, doc: Document): HTMLElement | null {
    const block = group.after.element;
    if (this.abandoned.has(block)) return null;
    const existing = this.rendered.get(block);
    if (existing && existing.isConnected && existing.previousElementSibling === block) {
      if (existing.getAttribute('data-vr-translation') !== translationValue(group.paragraphs)) {
        fillTranslation(existing, group.paragraphs, this.mode);
      }
      setTranslationMode(existing, this.mode);
      return existing;
    }
    if (existing) {
      // The page took our rendering away (or moved it): put it back, unless it keeps doing so.
      if (!this.allowRestore(block)) {
        this.abandoned.add(block);
        this.rendered.delete(block);
        this.remove(existing);
        return null;
      }
      fillTranslation(existing, group.paragraphs, this.mode);
      block.after(existing);
      return existing;
    }
    const rendering = createTranslation(doc, group.paragraphs, this.mode);
    this.mine.add(rendering);
    block.after(rendering);
    this.rendered.set(block, rendering);
    return rendering;
  }

  /** Renderings that are not ours (a page cloning its markup copies ours without its shadow root). */
  private dropStrayCopies(doc: Document): void {
    const all = doc.getElementsByTagName(TRANSLATION_TAG);
    for (let i = all.length - 1; i >= 0; i--) {
      const el = all[i]!;
      if (!this.mine.has(el)) this.remove(el);
    }
  }

  private remove(el: Element): void {
    this.removedByUs.add(el);
    el.remove();
  }

  private allowRestore(block: Element): boolean {
    const now = Date.now();
    const recent = (this.restores.get(block) ?? []).filter((t) => now - t < RESTORE_WINDOW_MS);
    recent.push(now);
    this.restores.set(block, recent);
    return recent.length <= MAX_RESTORES;
  }

  /**
   * A block the page hides (a duplicate caption kept for screen readers, a collapsed section) must
   * not show English of its own. In "English only" we hide recognised blocks ourselves, so there
   * the answer last seen in another mode stands, or else the block's container decides.
   */
  private isHidden(block: Element): boolean {
    if (this.mode !== 'english') {
      const hidden = invisible(block);
      this.pageHidden.set(block, hidden);
      return hidden;
    }
    return this.pageHidden.get(block) ?? invisible(block.parentElement);
  }

  get viewMode(): ViewMode {
    return this.mode;
  }

  /** Changes the reading mode of every rendering on the page. */
  setMode(mode: ViewMode): void {
    this.mode = mode;
    for (const rendering of this.rendered.values()) setTranslationMode(rendering, mode);
  }

  /** True when `el` is one of our renderings. */
  isOurs(el: Element): boolean {
    return this.mine.has(el);
  }

  /** Removes every rendering from the page. */
  destroy(): void {
    for (const rendering of this.rendered.values()) this.remove(rendering);
    this.rendered.clear();
  }
}

/** Whether an element is rendered at all. */
function invisible(el: Element | null): boolean {
  return !!el && typeof el.checkVisibility === 'function' && !el.checkVisibility();
}
