/**
 * Paints the glossary terms of the blocks near the reader's view, not the whole page's.
 *
 * Why: Chromium turns every range of a registered highlight into a marker on its text and
 * repaints that text, and does it again for all of them whenever the highlight changes. Painting
 * the 5,711 terms of a ~1 MB page at once cost ~100 ms of pre-paint per load (2,084 terms at
 * 300 KB: ~22 ms), for underlines nobody could see yet. So only the blocks within four screens of
 * the view are painted, and the paint moves when the reader comes within a screen of its edge.
 *
 * How, cheaply:
 * - The blocks near the view are measured: a binary search down the blocks (in document order,
 *   which runs down the page) and a walk through the band, a hundred boxes or so on any page
 *   (`core/vertical-band.ts`). A snapshot's are measured in the next animation frame, the one
 *   that renders its write: the layout those boxes need is the one the frame makes anyway, and
 *   the terms are painted in that same rendering update.
 * - The paint's edges are watched, not every block: the measured block just past each end of the
 *   paint. A scroll (of the page or of any element in it) reads their two boxes; an
 *   IntersectionObserver reporting a screen past the view catches the page moving them without
 *   one, and also watches the blocks near the view that had no box when measured (hidden, to be
 *   shown in place). When the view comes within a screen of an edge or past it, an edge loses its
 *   box, or a hidden block comes near, the band is measured again and the paint moves. Observing
 *   every block of a 1 MB page (twice, for two margins) cost ~10 ms of CPU per load and most of
 *   the extension's work while the reader scrolled.
 *
 * The terms themselves are still found on the whole page (the count in `data-vr-terms`, the
 * popover's lookups); only the paint follows the view. What this gives up: the walk follows the
 * document's order down the page, so where the page lays its blocks out in another order (two
 * columns of text side by side, a box placed above the article that follows it in the document)
 * blocks off the walk's path are painted only when a later walk passes them. (A walk that finds
 * no block near the view measures them all: `walkBand`.)
 */

import { hasBox, walkBand } from '@/core/vertical-band';
import type { PageBlock } from './blocks';
import { canPaint } from './dom-ranges';
import { paint } from './paint';
import type { TermIndex } from './term-index';

/** The paint reaches this many screens above and below the view. */
const PAINT_SCREENS = 4;
/**
 * The area watched: a screen above and below the view, and sideways far past it (a block to the
 * side of the view, in a wide table or a carousel, is still in reach).
 */
const WATCHED = '100% 100000% 100% 100000%';
/** Blocks without a box near the view watched for being shown, at most. */
const HIDDEN_WATCHED = 64;

/** Where the paint goes: the blocks near the view; the blocks just past its ends; the hidden ones near it. */
interface Measure {
  readonly near: ReadonlySet<Element>;
  readonly above: Element | null;
  readonly below: Element | null;
  readonly hidden: readonly Element[];
}

const NOWHERE: Measure = { near: new Set(), above: null, below: null, hidden: [] };

/** A block whose element has no box (a `display: contents` paragraph), whose text is shown all the same. */
function isBoxless(element: Element): boolean {
  return getComputedStyle(element).display === 'contents';
}

export class TermsNearView {
  /** Watches the edges and the hidden blocks near the view. */
  private readonly watcher: IntersectionObserver | null = null;
  private terms: TermIndex | null = null;
  /** The elements of the terms' blocks. */
  private shown = new Set<Element>();
  private frame = 0;
  /** Elements whose terms are painted. */
  private painted = new Set<Element>();
  /** The last measure: the edges and hidden blocks watched. */
  private measured: Measure = NOWHERE;
  private readonly onScroll = () => this.checkEdges();

  /**
   * @param name the highlight to paint under.
   * @param onPainted called when a snapshot's terms near the view have been painted.
   */
  constructor(
    private readonly name: string,
    private readonly onPainted: () => void,
  ) {
    // Every browser with highlights has IntersectionObserver; without highlights nothing is painted.
    if (canPaint()) {
      // The document as root: the margins then reach past the view even inside a frame, whose
      // own clip would otherwise cut them off. (Margins run top, right, bottom, left.)
      this.watcher = new IntersectionObserver((entries) => this.report(entries), {
        root: document,
        rootMargin: WATCHED,
      });
      // Capture: scrolls of elements inside the page do not bubble.
      document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    }
  }

  /**
   * True while a snapshot's terms wait for their frame. A hidden document renders no frames: it
   * does not wait (its frame paints them when it is shown).
   */
  get pending(): boolean {
    return this.frame !== 0 && document.visibilityState === 'visible';
  }

  /** Measures which of `blocks` (in document order) are within the paint's reach of the view now. */
  private measure(blocks: readonly PageBlock[]): Measure {
    const screen = window.innerHeight;
    const extentOf = (i: number) => {
      const r = blocks[i]!.element.getBoundingClientRect();
      return hasBox(r) ? { top: r.top, bottom: r.bottom } : null;
    };
    const walk = walkBand(blocks.length, extentOf, -PAINT_SCREENS * screen, (1 + PAINT_SCREENS) * screen);
    const near = new Set<Element>();
    for (const i of walk.inBand) near.add(blocks[i]!.element);
    const hidden: Element[] = [];
    for (const i of walk.unmeasured.slice(0, HIDDEN_WATCHED)) {
      const element = blocks[i]!.element;
      if (isBoxless(element)) near.add(element);
      else hidden.push(element);
    }
    const at = (i: number | null) => (i === null ? null : blocks[i]!.element);
    return { near, above: at(walk.above), below: at(walk.below), hidden };
  }

  /**
   * Shows a snapshot's terms. When its blocks are among those already shown (and the edges still
   * are), the blocks painted are painted again at once, with their new occurrences; otherwise the
   * blocks near the view are measured and painted in the frame that renders the snapshot's write
   * (at once in a hidden document, which renders no frames).
   */
  show(terms: TermIndex): void {
    // The same terms (a snapshot with new highlights): the paint stands.
    if (terms === this.terms) {
      this.paintPainted();
      return;
    }
    const shown = this.shown;
    // (A copy of the index's blocks each time it is asked: asked once here.)
    const blocks = terms.blocks;
    this.terms = terms;
    this.shown = new Set(blocks.map((b) => b.element));
    if (!this.watcher) return;
    const { above, below } = this.measured;
    const watched = (edge: Element | null) => edge === null || this.shown.has(edge);
    if (this.frame === 0 && watched(above) && watched(below) && blocks.every((b) => shown.has(b.element))) {
      this.paintPainted();
      return;
    }
    if (document.visibilityState !== 'visible') {
      this.moveTo(this.measure(blocks));
      return;
    }
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (!this.terms) return;
      this.moveTo(this.measure(this.terms.blocks));
      this.onPainted();
    });
  }

  private moveTo(measure: Measure): void {
    this.painted = new Set(measure.near);
    this.paintPainted();
    this.watcher!.disconnect();
    this.measured = measure;
    for (const element of [measure.above, measure.below, ...measure.hidden])
      if (element) this.watcher!.observe(element);
  }

  private remeasure(): void {
    if (this.terms) this.moveTo(this.measure(this.terms.blocks));
  }

  /**
   * An edge or a hidden block came within a screen of the view: measured again, in the
   * observer's callback (after a frame's layout, so usually without forcing one).
   */
  private report(entries: IntersectionObserverEntry[]): void {
    const { above, below, hidden } = this.measured;
    const watched = (e: IntersectionObserverEntry) =>
      e.target === above || e.target === below || hidden.includes(e.target);
    if (entries.some((e) => e.isIntersecting && watched(e))) this.remeasure();
  }

  /**
   * On a scroll: the view came within a screen of an edge or went past it (a jump, which the
   * observer, reporting crossings of its area, does not see), or an edge lost its box. Two boxes
   * are read.
   */
  private checkEdges(): void {
    if (!this.terms || this.frame !== 0) return;
    const { above, below } = this.measured;
    const screen = window.innerHeight;
    const a = above?.getBoundingClientRect();
    const b = below?.getBoundingClientRect();
    if ((a && (!hasBox(a) || a.bottom > -screen)) || (b && (!hasBox(b) || b.top < 2 * screen))) this.remeasure();
  }

  private paintPainted(): void {
    if (!this.terms) return;
    const blocks = this.terms.blocks.filter((b) => this.painted.has(b.element));
    paint(
      this.name,
      this.terms.inBlocks(blocks).map((o) => o.range),
    );
  }

  /** Stops observing (the content script is going away; unpaintAll takes the paint off). */
  destroy(): void {
    this.watcher?.disconnect();
    document.removeEventListener('scroll', this.onScroll, { capture: true });
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.measured = NOWHERE;
    this.painted.clear();
    this.shown.clear();
    this.terms = null;
  }
}
