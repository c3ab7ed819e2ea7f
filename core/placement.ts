/**
 * Where to put a floating panel next to an anchor: inside the viewport, never over the anchor.
 * Below the anchor when it fits, else above, else beside whichever side has more room.
 */

export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface Placement {
  readonly left: number;
  readonly top: number;
  readonly side: 'below' | 'above' | 'right' | 'left';
  /** Height the panel must be limited to (with scrolling) to fit on its side. */
  readonly maxHeight: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** What else a panel must keep clear of, besides its anchor (the English the reader is reading). */
export interface PlacementOptions {
  avoid?: readonly Rect[];
  gap?: number;
  margin?: number;
}

/**
 * Places a panel of `size` next to `anchor` within a viewport of `viewport` (width, height),
 * leaving `gap` pixels between panel and anchor and `margin` from the viewport's edges. Below the
 * anchor if it fits there without covering anything in `avoid`, else above on the same terms,
 * else wherever it fits.
 */
export function placePanel(
  anchor: Rect,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  { avoid = [], gap = 6, margin = 8 }: PlacementOptions = {},
): Placement {
  const width = Math.min(size.width, viewport.width - 2 * margin);
  const left = clamp(anchor.left, margin, viewport.width - margin - width);
  const below = viewport.height - margin - (anchor.top + anchor.height + gap);
  const above = anchor.top - gap - margin;
  const clear = (top: number) => !avoid.some((r) => overlaps({ left, top, width, height: size.height }, r));
  const belowTop = anchor.top + anchor.height + gap;
  const aboveTop = anchor.top - gap - size.height;
  if (avoid.length > 0) {
    if (size.height <= below && clear(belowTop)) return { left, top: belowTop, side: 'below', maxHeight: below };
    if (size.height <= above && clear(aboveTop)) return { left, top: aboveTop, side: 'above', maxHeight: above };
    // Beside the anchor, or beyond what to avoid (right of the column), when that fits.
    const top = clamp(anchor.top, margin, Math.max(margin, viewport.height - margin - size.height));
    const starts = [anchor.left + anchor.width + gap, Math.max(...avoid.map((r) => r.left + r.width)) + gap];
    for (const start of starts) {
      const beside = { left: start, top, width, height: size.height };
      if (
        start + width <= viewport.width - margin &&
        !avoid.some((r) => overlaps(beside, r)) &&
        !overlaps(beside, anchor)
      ) {
        return { left: start, top, side: 'right', maxHeight: viewport.height - margin - top };
      }
    }
  }
  if (size.height <= below) return { left, top: belowTop, side: 'below', maxHeight: below };
  if (size.height <= above) return { left, top: aboveTop, side: 'above', maxHeight: above };
  // Neither fits whole: use the bigger vertical side and let the panel scroll…
  const right = viewport.width - margin - (anchor.left + anchor.width + gap);
  const leftRoom = anchor.left - gap - margin;
  const vertical = Math.max(below, above);
  const horizontal = Math.max(right, leftRoom);
  if (vertical >= 120 || horizontal < width) {
    return below >= above
      ? { left, top: anchor.top + anchor.height + gap, side: 'below', maxHeight: Math.max(0, below) }
      : { left, top: margin, side: 'above', maxHeight: Math.max(0, above) };
  }
  // …or beside the anchor when it is tall (a term near the viewport's top and bottom at once).
  const top = clamp(anchor.top, margin, Math.max(margin, viewport.height - margin - size.height));
  const maxHeight = viewport.height - margin - top;
  return right >= leftRoom
    ? { left: anchor.left + anchor.width + gap, top, side: 'right', maxHeight }
    : { left: anchor.left - gap - width, top, side: 'left', maxHeight };
}

/** True when two rectangles overlap. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}
