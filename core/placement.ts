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

/**
 * Places a panel of `size` next to `anchor` within a viewport of `viewport` (width, height),
 * leaving `gap` pixels between panel and anchor and `margin` from the viewport's edges.
 */
export function placePanel(
  anchor: Rect,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 6,
  margin = 8,
): Placement {
  const width = Math.min(size.width, viewport.width - 2 * margin);
  const left = clamp(anchor.left, margin, viewport.width - margin - width);
  const below = viewport.height - margin - (anchor.top + anchor.height + gap);
  const above = anchor.top - gap - margin;
  if (size.height <= below) return { left, top: anchor.top + anchor.height + gap, side: 'below', maxHeight: below };
  if (size.height <= above) return { left, top: anchor.top - gap - size.height, side: 'above', maxHeight: above };
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
