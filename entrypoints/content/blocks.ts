/**
 * Finds the page's readable blocks: paragraph-like elements (p, blockquote, li, td, figcaption,
 * headings, and div-like containers holding text directly, <br>-separated or not) with the text
 * nodes that make up each block's own text. Navigation and page chrome, scripts, form controls,
 * editable regions and our own UI are skipped.
 */

import { NO_PACING, type Pacer } from './scheduler';
import { hasLetterOrDigit } from '@/core/letters';

/** One readable block of the page. */
export interface PageBlock {
  readonly element: Element;
  /** The block's own text: its text nodes joined, with a line break where <br> or a nested block split them. */
  readonly text: string;
  /** The text nodes, each with the offset where its data starts in {@link text}. */
  readonly segments: readonly { readonly node: Text; readonly start: number }[];
}

/**
 * Elements whose whole subtree is never read. Not FORM: ASP.NET WebForms sites (dantri.com.vn
 * among them) wrap the entire page in one; its controls are skipped one by one instead.
 */
export const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'NAV',
  'FOOTER',
  'ASIDE',
  'MENU',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
  'DIALOG',
]);

/** The attributes `isSkipped` reads, as one selector. */
const ROLE_OR_EDITABLE = '[role], [contenteditable]';

export const SKIP_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'search',
  'menu',
  'menubar',
  'toolbar',
  'tablist',
  'dialog',
]);

/** Elements that own the text directly inside them. Everything else is inline. */
const BLOCK_TAGS = new Set([
  'P',
  'BLOCKQUOTE',
  'LI',
  'TD',
  'TH',
  'FIGCAPTION',
  'CAPTION',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'DD',
  'DT',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'PRE',
  'ADDRESS',
  'FIGURE',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'TBODY',
  'TR',
  'BODY',
  'CENTER',
  'SUMMARY',
  'DETAILS',
]);

/** Tag-name prefixes of the extension's own elements. */
export const OWN_TAG_PREFIXES = ['VR-', 'SONG-NGU-'];

export function isOwnElement(el: Element): boolean {
  return OWN_TAG_PREFIXES.some((p) => el.tagName.startsWith(p));
}

/** An element's tag name in capitals (SVG and MathML elements keep theirs in lower case). */
function upperTag(el: Element): string {
  const tag = el.tagName;
  return tag.charCodeAt(0) >= 97 ? tag.toUpperCase() : tag;
}

/** True when an element's subtree is never read (chrome, controls, editable, ours). */
export function isSkipped(el: Element, tag = upperTag(el)): boolean {
  if (SKIP_TAGS.has(tag)) return true;
  if (OWN_TAG_PREFIXES.some((p) => tag.startsWith(p))) return true;
  // Most elements have no role and are not editable: attribute reads on every element of a long
  // page are worth skipping (the walk crosses into the DOM for each). One selector match answers
  // for both attributes.
  if (!el.hasAttributes() || !el.matches(ROLE_OR_EDITABLE)) return tag === 'HEADER' && !el.closest('article, main');
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  if (tag === 'HEADER' && !el.closest('article, main')) return true; // the site header, not an article's
  // The attribute, not isContentEditable: that reads computed style and would force the page to
  // recalculate styles while it is still loading. Editable descendants are skipped with their host.
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** True for an element that owns the text directly inside it (a paragraph, a div), not inline. */
export function isBlockTag(el: Element, tag = upperTag(el)): boolean {
  return BLOCK_TAGS.has(tag);
}

/** The block that owns text directly inside `el`: its nearest block-level ancestor-or-self. */
export function ownerOf(el: Element, root: Element): Element {
  let e: Element | null = el;
  while (e && e !== root && !isBlockTag(e)) e = e.parentElement;
  return e ?? root;
}

/** True when any ancestor of `node` (up to the document) is skipped. */
export function isInSkippedSubtree(node: Node): boolean {
  for (let e = node.parentElement; e; e = e.parentElement) if (isSkipped(e)) return true;
  return false;
}

interface Building {
  element: Element;
  parts: string[];
  length: number;
  segments: { node: Text; start: number }[];
  pendingBreak: boolean;
  /** A letter or digit has been seen in its text: a block is only one with some. */
  wordy: boolean;
}

/**
 * Collects the readable blocks under `root` in document order. `root` itself may be a block (when
 * a page region is re-scanned); its skipped ancestors are the caller's concern. `pacer` is asked
 * every few hundred nodes whether the slice is spent.
 */
export async function collectBlocks(root: Element, pacer: Pacer = NO_PACING): Promise<PageBlock[]> {
  const building = new Map<Element, Building>();
  const get = (owner: Element): Building => {
    let b = building.get(owner);
    if (!b) {
      b = { element: owner, parts: [], length: 0, segments: [], pendingBreak: false, wordy: false };
      building.set(owner, b);
    }
    return b;
  };
  // A depth-first walk by firstChild/nextSibling that carries each node's owning block down with
  // it. (A TreeWalker with a JavaScript filter costs a callback into script per node, several
  // times slower on a long page; walking up to find owners would repeat work per text node.)
  const stack: { next: Node | null; owner: Element }[] = [{ next: root.firstChild, owner: root }];
  let visited = 0;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const node = frame.next;
    if (!node) {
      stack.pop();
      continue;
    }
    frame.next = node.nextSibling;
    if (++visited % 256 === 0 && pacer.due()) await pacer.yield();
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      const data = text.data;
      if (!/\S/.test(data)) {
        // Whitespace between inline elements separates words: keep it once a block has text.
        const b = building.get(frame.owner);
        if (b && b.length > 0 && !b.pendingBreak) {
          b.segments.push({ node: text, start: b.length });
          b.parts.push(data);
          b.length += data.length;
        }
        continue;
      }
      const b = get(frame.owner);
      if (b.pendingBreak && b.length > 0) {
        b.parts.push('\n');
        b.length += 1;
      }
      b.pendingBreak = false;
      b.segments.push({ node: text, start: b.length });
      b.parts.push(data);
      b.length += data.length;
      if (!b.wordy) b.wordy = hasLetterOrDigit(data);
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = upperTag(el);
    if (isSkipped(el, tag)) continue;
    const isBlock = isBlockTag(el, tag);
    if (tag === 'BR' || isBlock) {
      // Text after a <br> or a nested block must not run into the text before it.
      const owner = building.get(frame.owner);
      if (owner) owner.pendingBreak = true;
    }
    const first = el.firstChild;
    if (first) stack.push({ next: first, owner: isBlock ? el : frame.owner });
  }
  const blocks: PageBlock[] = [];
  for (const b of building.values()) {
    if (b.wordy) blocks.push({ element: b.element, text: b.parts.join(''), segments: b.segments });
  }
  return blocks;
}

/** Maps an offset in a block's text to a text node and an offset inside it. */
export function locate(block: PageBlock, offset: number, preferEnd = false): { node: Text; offset: number } | null {
  const segs = block.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (segs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const seg = segs[lo];
  if (!seg) return null;
  const local = offset - seg.start;
  // An end offset at the very start of a segment belongs to the end of the previous one.
  if (preferEnd && local === 0 && lo > 0) {
    const prev = segs[lo - 1]!;
    return { node: prev.node, offset: prev.node.data.length };
  }
  if (local > seg.node.data.length) return { node: seg.node, offset: seg.node.data.length };
  return { node: seg.node, offset: Math.max(0, local) };
}
