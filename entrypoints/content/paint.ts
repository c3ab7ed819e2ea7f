/**
 * The page's CSS Custom Highlight registry, as far as it is ours. Every highlight the extension
 * registers goes through here, so that when the content script is invalidated (the extension is
 * updated or removed) every one of them can be taken off the page: no stale underlines.
 * The paint itself is in page-highlights.content.css.
 */

import { canPaint } from './dom-ranges';

const ours = new Set<string>();

/**
 * Paints `ranges` under the highlight `name` (replacing what it painted before); none removes it.
 * Where highlights overlap, the higher `priority` paints over the lower.
 */
export function paint(name: string, ranges: readonly AbstractRange[], priority = 0): void {
  if (!canPaint()) return;
  if (ranges.length === 0) {
    CSS.highlights.delete(name);
    ours.delete(name);
    return;
  }
  const highlight = new Highlight(...ranges);
  highlight.priority = priority;
  CSS.highlights.set(name, highlight);
  ours.add(name);
}

/** Takes every highlight we registered off the page. */
export function unpaintAll(): void {
  if (!canPaint()) return;
  for (const name of ours) CSS.highlights.delete(name);
  ours.clear();
}
