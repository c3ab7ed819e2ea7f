/**
 * Watches the page for changes worth a new pass: paragraphs added later (lazy loading, infinite
 * scroll), a framework re-rendering the article, our renderings removed, and navigation inside a
 * single-page site. Changes are batched: one pass per burst, at most every MAX_WAIT_MS while a
 * burst lasts.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isOwnElement } from './blocks';

const QUIET_MS = 60;
const MAX_WAIT_MS = 400;

export interface PageChanges {
  /** Elements whose subtrees changed (added, removed or edited text). */
  readonly roots: Set<Element>;
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
  let navigated = false;
  let quietTimer: number | undefined;
  let firstAt = 0;

  const flush = () => {
    window.clearTimeout(quietTimer);
    quietTimer = undefined;
    const changes = { roots, navigated };
    roots = new Set();
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
      const changed = [...r.addedNodes, ...r.removedNodes].filter((n) => {
        if (n instanceof Element && isOwnElement(n)) {
          if ([...r.removedNodes].includes(n) && !removedByUs.has(n)) removedOwn = true;
          return false;
        }
        return n.nodeType === Node.ELEMENT_NODE || (n.nodeType === Node.TEXT_NODE && /\S/.test(n.textContent ?? ''));
      });
      if (changed.length > 0 && r.target instanceof Element) {
        roots.add(r.target);
        relevant = true;
      }
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
