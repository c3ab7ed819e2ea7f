/**
 * Ranges on the page. Everything we mark is kept as StaticRanges, which cost the page nothing
 * when it changes (a live Range is updated on every DOM mutation of the host page); a live Range
 * is made only for the moment a question needs one (geometry, containment).
 */

import type { Rect } from '@/core/placement';

/** A live Range over a static one, for a question only a Range can answer. */
export function toLiveRange(r: AbstractRange): Range {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range;
}

/** The bounding box of a range or an element, in viewport coordinates. */
export function rectOf(target: AbstractRange | Element): Rect {
  const r = target instanceof Element ? target.getBoundingClientRect() : toLiveRange(target).getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

/** True when the point is over the glyphs of the range, not just near its caret position. */
export function pointIn(range: AbstractRange, x: number, y: number): boolean {
  for (const rect of toLiveRange(range).getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

/** A static range over [start, end) of one text node. */
export function textRange(node: Text, start: number, end: number): StaticRange {
  return new StaticRange({ startContainer: node, startOffset: start, endContainer: node, endOffset: end });
}

/** Whether the browser can paint ranges (the CSS Custom Highlight API). */
export function canPaint(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}
