/**
 * The page's CSS Custom Highlight registry, as far as it is ours. Every highlight the extension
 * registers goes through here, so that when the content script is invalidated (the extension is
 * updated or removed) every one of them can be taken off the page: no stale underlines.
 * The paint itself is in page-highlights.content.css.
 *
 * Painting is incremental. Registering a highlight makes Chromium walk the whole page's
 * compositing inputs and repaint (26–59 ms measured on a 300 KB page with 2,000 terms), so a
 * pass that finds the same ranges as before changes nothing, and one that finds a few new ones
 * adds just those to the highlight already registered.
 */

import { canPaint } from './dom-ranges';

const ours = new Map<string, { highlight: Highlight; ranges: Set<AbstractRange> }>();

/**
 * Paints `ranges` under the highlight `name` (replacing what it painted before); none removes it.
 * Where highlights overlap, the higher `priority` paints over the lower. Ranges are compared by
 * identity: keep the same StaticRange objects for text that did not change.
 */
export function paint(name: string, ranges: readonly AbstractRange[], priority = 0): void {
  if (!canPaint()) return;
  const current = ours.get(name);
  if (ranges.length === 0) {
    if (current) CSS.highlights.delete(name);
    ours.delete(name);
    return;
  }
  // Registered by someone else meanwhile (the page shares the registry): register ours again.
  if (!current || CSS.highlights.get(name) !== current.highlight) {
    const highlight = new Highlight(...ranges);
    highlight.priority = priority;
    CSS.highlights.set(name, highlight);
    ours.set(name, { highlight, ranges: new Set(ranges) });
    return;
  }
  const wanted = new Set(ranges);
  for (const r of current.ranges) {
    if (!wanted.has(r)) {
      current.highlight.delete(r);
      current.ranges.delete(r);
    }
  }
  for (const r of wanted) {
    if (!current.ranges.has(r)) {
      current.highlight.add(r);
      current.ranges.add(r);
    }
  }
  if (current.highlight.priority !== priority) current.highlight.priority = priority;
}

/** Takes every highlight we registered off the page. */
export function unpaintAll(): void {
  if (!canPaint()) return;
  for (const [name, { highlight }] of ours) if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
  ours.clear();
}
