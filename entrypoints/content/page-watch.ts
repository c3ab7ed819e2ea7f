/**
 * Watches the page for changes worth a new pass: paragraphs added later (lazy loading, infinite
 * scroll), a framework re-rendering the article, our renderings removed, and navigation inside a
 * single-page site. Changes are batched: one pass per burst, at most every MAX_WAIT_MS while a
 * burst lasts.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isBlockTag, isOwnElement, isSkipped } from './blocks';

const QUIET_MS = 60;
const MAX_WAIT_MS = 400;

export interface PageChanges {
  /** Elements to read again, with everything under them: added elements, and parents of edited text. */
  readonly roots: Set<Element>;
  /**
   * Elements that gained or lost a child element. Their block is read again only if it holds text
   * of its own (a nested block splits that text); otherwise the rest of it is as it was.
   */
  readonly containers: Set<Element>;
  /** The URL changed without a page load. */
  readonly navigated: boolean;
}

function isOurs(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  if (!el) return false;
  for (let e: Element | null = el; e; e = e.parentElement) if (isOwnElement(e)) return true;
  return false;
}

/**
 * Sorts one mutation's nodes into what must be read again. An ad, a script or a widget added at the
 * top of the page is read on its own (or not at all), not as a change to the whole body: a whole
 * re-read costs a long page's walk and gives every block a new identity, which closes the
 * reader's open popover. True when the mutation is worth a pass.
 */
export function classifyMutation(
  target: Node,
  added: readonly Node[],
  removed: readonly Node[],
  changes: { roots: Set<Element>; containers: Set<Element> },
): boolean {
  if (!(target instanceof Element)) return false;
  let relevant = false;
  for (const n of added) {
    if (n.nodeType === Node.TEXT_NODE) {
      if (!/\S/.test((n as Text).data)) continue;
      changes.roots.add(target);
      relevant = true;
    } else if (n instanceof Element) {
      // Skipped: scripts, styles, frames, navigation, and our own elements.
      if (isSkipped(n)) continue;
      const block = isBlockTag(n);
      // An empty inline element (an image, an ad slot) adds no text; a <br> splits its block's.
      if (!block && n.tagName !== 'BR' && n.textContent === '') continue;
      changes.roots.add(n);
      if (block) changes.containers.add(target);
      relevant = true;
    }
  }
  for (const n of removed) {
    if (n instanceof Element) {
      if (n.tagName !== 'BR' && n.textContent === '') continue;
      // Detached, a site header no longer knows whether it was inside an article: not skipped.
      if (n.tagName !== 'HEADER' && isSkipped(n)) continue;
    } else if (n.nodeType !== Node.TEXT_NODE || !/\S/.test((n as Text).data)) continue;
    // The blocks inside a removed element leave with it; only the text around it may change.
    changes.containers.add(target);
    relevant = true;
  }
  return relevant;
}

/**
 * Calls `onChanges` after each burst of relevant changes; `onDirty` at once, so the page can be
 * marked as scanning while changes wait. A rendering of ours that the page removed is a change
 * too (the next pass puts it back); `removedByUs` tells our own removals apart.
 */
export function watchPage(
  ctx: ContentScriptContext,
  removedByUs: WeakSet<Node>,
  onDirty: () => void,
  onChanges: (changes: PageChanges) => void,
): void {
  let roots = new Set<Element>();
  let containers = new Set<Element>();
  let navigated = false;
  let quietTimer: number | undefined;
  let firstAt = 0;

  const flush = () => {
    window.clearTimeout(quietTimer);
    quietTimer = undefined;
    const changes = { roots, containers, navigated };
    roots = new Set();
    containers = new Set();
    navigated = false;
    firstAt = 0;
    onChanges(changes);
  };

  const schedule = () => {
    onDirty();
    const now = performance.now();
    if (firstAt === 0) firstAt = now;
    window.clearTimeout(quietTimer);
    const wait = Math.max(0, Math.min(QUIET_MS, MAX_WAIT_MS - (now - firstAt)));
    quietTimer = ctx.setTimeout(flush, wait);
  };

  const observer = new MutationObserver((records) => {
    let relevant = false;
    let removedOwn = false;
    for (const r of records) {
      if (isOurs(r.target)) continue;
      if (r.type === 'characterData') {
        if (r.target.parentElement) roots.add(r.target.parentElement);
        relevant = true;
        continue;
      }
      const removed = [...r.removedNodes];
      for (const n of removed) {
        if (n instanceof Element && isOwnElement(n) && !removedByUs.has(n)) removedOwn = true;
      }
      if (classifyMutation(r.target, [...r.addedNodes], removed, { roots, containers })) relevant = true;
    }
    if (relevant || removedOwn) schedule();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    navigated = true;
    schedule();
  });
}
