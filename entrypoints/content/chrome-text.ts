/**
 * The text of a page's chrome (its menus, site header, footer, asides: what the page's blocks
 * leave out, see blocks.ts) that a reader may still hover for a word: section names, links.
 */

import { isInSkippedSubtree, isOwnElement, isSkipped, SKIP_ROLES } from './blocks';
import { hasLetter } from '@/core/letters';

/**
 * Where the chrome may be: the landmarks and roles blocks.ts skips, less dialogs (not words a
 * reader hovers in place). Only an element blocks.ts does skip is chrome, so the chrome's text is
 * never a block's (not the header of an article, which is the article's); and none inside what
 * blocks.ts skips: inside other chrome it is walked with it, and a dialog's or an editor's text
 * is no more the chrome's than the page's.
 */
const CHROME = [
  'nav',
  'footer',
  'aside',
  'menu',
  'header',
  ...[...SKIP_ROLES].filter((role) => role !== 'dialog').map((role) => `[role="${role}"]`),
].join(', ');

/** Never text a reader reads: code, media, form values. */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'SVG', 'MATH', 'IFRAME']);

/**
 * The elements holding the chrome's words directly, in page order: each a link, a menu item, a
 * line of the footer. Each is looked at by itself (whether it is near the view, whether it is
 * shown), so a long footer or a tall aside is read only where the reader is. (Text directly in an
 * element with `display: contents` has no box to be near the view: it is left to the hovers.)
 */
export function chromeTextHolders(doc: Document): Element[] {
  const holders = new Set<Element>();
  for (const root of doc.querySelectorAll(CHROME)) {
    if (!isSkipped(root) || isInSkippedSubtree(root)) continue;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, (n) =>
      n.nodeType === Node.TEXT_NODE
        ? NodeFilter.FILTER_ACCEPT
        : NOT_TEXT.has((n as Element).tagName.toUpperCase()) || isOwnElement(n as Element)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP,
    );
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement && hasLetter((n as Text).data)) holders.add(n.parentElement);
    }
  }
  return [...holders];
}

/**
 * Whether the reader sees an element: not `display: none` or `visibility: hidden` (a closed
 * drop-down menu keeps its box hidden either way).
 */
export function isShown(e: Element): boolean {
  // (Firefox and Chromium have it; jsdom, where some tests run the page controller, does not.)
  return typeof e.checkVisibility !== 'function' || e.checkVisibility({ visibilityProperty: true });
}
