/**
 * The text of a page's chrome (its menus, site header, footer, asides: what the page's blocks
 * leave out, see blocks.ts) that a reader may still hover for a word: section names, links.
 */

import { isOwnElement } from './blocks';

/** The chrome: blocks.ts's skipped landmarks, less dialogs (not words a reader hovers in place). */
const CHROME = [
  'nav',
  'footer',
  'aside',
  'menu',
  'header',
  ...['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar', 'toolbar', 'tablist'].map(
    (role) => `[role="${role}"]`,
  ),
].join(', ');

/** Never text a reader reads: code, media, form values. */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'SVG', 'MATH', 'IFRAME']);

const LETTER = /\p{L}/u;

/**
 * The elements holding the chrome's words directly, in page order: each a link, a menu item, a
 * line of the footer. Each is looked at by itself (whether it is near the view, whether it is
 * shown), so a long footer or a tall aside is read only where the reader is. An article's own
 * header is not chrome: its text is the article's blocks'. (Text directly in an element with
 * `display: contents` has no box to be near the view: it is left to the hovers.)
 */
export function chromeTextHolders(doc: Document): Element[] {
  const holders = new Set<Element>();
  for (const root of doc.querySelectorAll(CHROME)) {
    if (root.parentElement?.closest(CHROME)) continue; // inside another: walked with it
    if (root.tagName === 'HEADER' && root.closest('article, main')) continue;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, (n) =>
      n.nodeType === Node.TEXT_NODE
        ? NodeFilter.FILTER_ACCEPT
        : NOT_TEXT.has((n as Element).tagName.toUpperCase()) || isOwnElement(n as Element)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP,
    );
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement && LETTER.test((n as Text).data)) holders.add(n.parentElement);
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
