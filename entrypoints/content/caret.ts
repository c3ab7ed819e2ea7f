/** The text position under a point of the viewport. */

export type Caret = { node: Node; offset: number };

/** The caret position at viewport coordinates (caretPositionFromPoint where the browser has it). */
export function caretAt(x: number, y: number): Caret | null {
  const doc = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}
