/**
 * Which items of a list laid out down a page lie within a vertical band, found with a few
 * measurements instead of one per item: a binary search for the first item that reaches the
 * band, then a walk down until the items lie below it.
 *
 * The list is in document order, which on a news page runs down the page, but not strictly (a
 * sidebar, a floated box, a hidden item). So the walk goes on a few items past the first one
 * below the band before it stops, and an item with no box says nothing about where the others
 * are. Where the order is broken the answer can be short of items. And where it is broken badly
 * (a side column that follows the article in the document but sits beside its top, with as many
 * items as the article), the search can leave the band behind and the walk find nothing: when
 * it finds nothing, every item is measured, and the answer is exact.
 */

/** An item's vertical extent, or null when it has no box to measure (hidden, `display: contents`). */
export type VerticalExtent = { readonly top: number; readonly bottom: number } | null;

/**
 * Whether an element's rectangle is a box at all: hidden, or `display: contents`, its rectangle is
 * empty and in no place.
 */
export const hasBox = (r: { readonly width: number; readonly height: number }): boolean =>
  r.width !== 0 || r.height !== 0;

/** Items below the band, one after another, before the walk stops. */
export const BELOW_BEFORE_STOP = 4;

export interface BandWalk {
  /** The items whose extent meets the band, ascending. */
  readonly inBand: number[];
  /** The items with no box among those walked: the caller decides about them. */
  readonly unmeasured: number[];
  /** The item with a box just before the walk (it ends above the band), if any; measuring all, the one nearest above the band. */
  readonly above: number | null;
  /** The item with a box the walk found below the band nearest to it, if any. */
  readonly below: number | null;
}

/**
 * Walks items `0 .. count - 1` for those whose extent meets [`from`, `to`]. `extentOf` is asked
 * for each item at most once.
 */
export function walkBand(count: number, extentOf: (i: number) => VerticalExtent, from: number, to: number): BandWalk {
  const asked = new Map<number, VerticalExtent>();
  const extent = (i: number): VerticalExtent => {
    if (!asked.has(i)) asked.set(i, extentOf(i));
    return asked.get(i)!;
  };
  // The first item (with a box) whose bottom reaches the band: items above it end above `from`.
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    let probe = mid;
    while (probe < hi && extent(probe) === null) probe++;
    if (probe === hi) {
      // Only boxless items from mid on: nothing to go by there.
      hi = mid;
      continue;
    }
    if (extent(probe)!.bottom < from) lo = probe + 1;
    else hi = mid;
  }
  const inBand: number[] = [];
  const unmeasured: number[] = [];
  let below: number | null = null;
  // Items with boxes outside the band since the last one in it: the walk stops after a few.
  let outside = 0;
  for (let i = lo; i < count && outside < BELOW_BEFORE_STOP; i++) {
    const e = extent(i);
    if (e === null) {
      unmeasured.push(i);
      continue;
    }
    if (e.top <= to && e.bottom >= from) {
      inBand.push(i);
      outside = 0;
      continue;
    }
    outside++;
    if (e.top > to && (below === null || e.top < extent(below)!.top)) below = i;
  }
  // The search moves `lo` only past an item with a box that ends above the band.
  if (inBand.length > 0 || count === 0) return { inBand, unmeasured, above: lo > 0 ? lo - 1 : null, below };
  return measureAll(count, extent, from, to);
}

/** Every item measured: what meets the band, and the items nearest above and below it. */
function measureAll(count: number, extent: (i: number) => VerticalExtent, from: number, to: number): BandWalk {
  const inBand: number[] = [];
  const unmeasured: number[] = [];
  let above: number | null = null;
  let below: number | null = null;
  for (let i = 0; i < count; i++) {
    const e = extent(i);
    if (e === null) unmeasured.push(i);
    else if (e.top <= to && e.bottom >= from) inBand.push(i);
    else if (e.bottom < from && (above === null || e.bottom > extent(above)!.bottom)) above = i;
    else if (e.top > to && (below === null || e.top < extent(below)!.top)) below = i;
  }
  return { inBand, unmeasured, above, below };
}
