/**
 * Paints the glossary terms of the blocks near the reader's view, not the whole page's.
 *
 * Why: Chromium turns every range of a registered highlight into a marker on its text and
 * repaints that text, and does it again for all of them whenever the highlight changes. Painting
 * the 5,711 terms of a ~1 MB page at once cost ~100 ms of pre-paint per load (2,084 terms at
 * 300 KB: ~22 ms), for underlines nobody could see yet. Two IntersectionObservers tell which
 * blocks are near the view; their terms are painted, and those of blocks the reader has left far
 * behind are taken off, so the highlight stays the size of a few screens of text.
 *
 * The terms themselves are still found on the whole page (the count in `data-vr-terms`, the
 * popover's lookups); only the paint follows the view.
 */

import type { PageBlock } from './blocks';
import { canPaint } from './dom-ranges';
import { paint } from './paint';
import type { TermIndex } from './term-index';

/** Blocks within a screen of the view (above and below it) must be painted. */
export const MUST_MARGIN = '100% 0px';
/**
 * When one is not, the paint is redrawn for the blocks within four screens of the view. Every
 * change of a highlight costs Chromium work over the whole page: moving the paint at every block
 * that crossed a one-screen edge took 430–560 ms more main-thread CPU than painting the whole page
 * once, over a 20,000 px scroll of a 1 MB page. So the paint moves every three screens or so.
 */
export const PAINT_MARGIN = '400% 0px';

/** A block whose element has no box (a `display: contents` paragraph), whose text is shown all the same. */
function isBoxless(entry: IntersectionObserverEntry): boolean {
  const r = entry.boundingClientRect;
  return r.width === 0 && r.height === 0 && getComputedStyle(entry.target).display === 'contents';
}

export class TermsNearView {
  private readonly must: IntersectionObserver | null = null;
  private readonly band: IntersectionObserver | null = null;
  private terms: TermIndex | null = null;
  private blocks = new Map<Element, PageBlock>();
  /** Elements within a screen of the view, and within four, as the observers last said. */
  private readonly mustNear = new Set<Element>();
  private readonly bandNear = new Set<Element>();
  /** Elements whose terms are painted. */
  private readonly painted = new Set<Element>();
  /** Elements with no box of their own (`display: contents`): no observer can place them, so they are always painted. */
  private readonly boxless = new Set<Element>();
  /** Elements observed whose first report (of the must observer) has not come yet. */
  private readonly unseen = new Set<Element>();
  /** New blocks are being shown: ready waits for their first paint. */
  private settling = false;
  /** A report asks for the paint to move. */
  private stale = false;
  private frame = 0;

  /**
   * @param name the highlight to paint under.
   * @param onSettled called when newly shown blocks near the view have been painted.
   */
  constructor(
    private readonly name: string,
    private readonly onSettled: () => void,
  ) {
    // Every browser with highlights has IntersectionObserver; without highlights nothing is painted.
    if (canPaint()) {
      // The document as root: the margins then reach past the view even inside a frame, whose own
      // clip would otherwise cut them off.
      const options = (rootMargin: string) => ({ root: document, rootMargin });
      this.band = new IntersectionObserver((entries) => this.reportBand(entries), options(PAINT_MARGIN));
      this.must = new IntersectionObserver((entries) => this.reportMust(entries), options(MUST_MARGIN));
    }
  }

  /**
   * True while newly shown blocks wait for their first reports and paint. A hidden document gets
   * no reports until it is shown, so it never waits: its terms are painted when the reader comes.
   */
  get pending(): boolean {
    return this.settling && document.visibilityState === 'visible';
  }

  /**
   * Shows a snapshot's terms. Blocks already painted are painted again at once (with their new
   * occurrences, if their analysis changed); blocks new to the observers once they have reported.
   */
  show(terms: TermIndex): void {
    this.terms = terms;
    if (!this.must || !this.band) return;
    const blocks = new Map(terms.blocks.map((b) => [b.element, b]));
    for (const element of this.blocks.keys()) {
      if (blocks.has(element)) continue;
      this.must.unobserve(element);
      this.band.unobserve(element);
      for (const set of [this.mustNear, this.bandNear, this.painted, this.unseen, this.boxless]) set.delete(element);
    }
    for (const element of blocks.keys()) {
      if (this.blocks.has(element)) continue;
      this.band.observe(element);
      this.must.observe(element);
      this.unseen.add(element);
      this.settling = true;
    }
    this.blocks = blocks;
    this.paintPainted();
    // The blocks waited for may all have left with this snapshot: nothing will report on them.
    if (this.settling && this.unseen.size === 0) this.schedule();
  }

  private reportMust(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      this.unseen.delete(entry.target);
      if (!this.blocks.has(entry.target)) continue;
      if (!entry.isIntersecting) {
        this.mustNear.delete(entry.target);
        if (isBoxless(entry) && !this.boxless.has(entry.target)) {
          this.boxless.add(entry.target);
          this.stale = true;
        }
      } else {
        this.mustNear.add(entry.target);
        if (!this.painted.has(entry.target)) this.stale = true;
      }
    }
    this.schedule();
  }

  private reportBand(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!this.blocks.has(entry.target)) continue;
      if (entry.isIntersecting) this.bandNear.add(entry.target);
      else this.bandNear.delete(entry.target);
    }
    // Blocks just shown are painted as far as the band reaches; later reports wait for the reader
    // to come near the paint's edge.
    if (this.settling) this.stale = true;
    this.schedule();
  }

  /**
   * The paint moves at the next frame, before it renders: by then both observers have reported
   * (in whichever order), and the change is in the frame that would have been drawn anyway.
   */
  private schedule(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (!this.terms) return;
      if (this.stale) this.redraw();
      this.stale = false;
      if (this.settling && this.unseen.size === 0) {
        this.settling = false;
        this.onSettled();
      }
    });
  }

  /** Moves the paint to the blocks in the band (and any within a screen the band has not reported yet). */
  private redraw(): void {
    this.painted.clear();
    for (const element of this.bandNear) this.painted.add(element);
    for (const element of this.mustNear) this.painted.add(element);
    for (const element of this.boxless) this.painted.add(element);
    this.paintPainted();
  }

  private paintPainted(): void {
    if (!this.terms) return;
    const blocks: PageBlock[] = [];
    for (const element of this.painted) {
      const block = this.blocks.get(element);
      if (block) blocks.push(block);
    }
    paint(
      this.name,
      this.terms.inBlocks(blocks).map((o) => o.range),
    );
  }

  /** Stops observing (the content script is going away; unpaintAll takes the paint off). */
  destroy(): void {
    this.must?.disconnect();
    this.band?.disconnect();
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    for (const set of [this.mustNear, this.bandNear, this.painted, this.unseen, this.boxless]) set.clear();
    this.blocks.clear();
    this.terms = null;
  }
}
