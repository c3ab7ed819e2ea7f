/**
 * Which page blocks are the article's own text, where glossary names and terms are underlined:
 * not navigation, menus, headers and footers, sidebars, share bars or lists of links. (The block
 * collector already skips <nav>, <footer>, <aside>, <menu> and their ARIA roles; news sites build
 * most of their chrome from plain <div>s and <ul>s named by class, which this reads.) Hovering
 * looks words up everywhere: this only decides what is painted.
 */

import type { TermClass } from '@/core/lexicon';
import type { TermHit } from '@/lib/protocol';
import type { TermUnderline } from '@/lib/settings';
import type { PageBlock } from './blocks';

/** Class or id words that name page chrome, as whole words of a name (main-nav, top_header, menu). */
const CHROME =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|menus|submenu|megamenu|header|footer|breadcrumb|breadcrumbs|banner|topbar|toolbar|social|share|sharing|tags|tag|keywords|related|trending|most-read|box-category|list-news|footer-link)(?:$|[\s_-])/i;

/** A block whose text is mostly link text is a list of links (a menu item, a related headline). */
const LINK_SHARE = 0.6;

function isChrome(el: Element): boolean {
  const name = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
  return CHROME.test(name);
}

/**
 * What `inPageChrome` found for elements already asked about, for one pass over a page's blocks:
 * the blocks of a page share most of their ancestors, and a long page's blocks asked one by one
 * made the same ancestors' names be read and matched thousands of times.
 */
export type ChromeMemo = Map<Element, boolean>;

/** True when some ancestor-or-self of `el` (up to the body) is named as page chrome. */
export function inPageChrome(el: Element, memo: ChromeMemo = new Map()): boolean {
  const asked: Element[] = [];
  let found = false;
  for (let e: Element | null = el; e && e.tagName !== 'BODY' && e.tagName !== 'HTML'; e = e.parentElement) {
    const known = memo.get(e);
    if (known !== undefined) {
      found = known;
      break;
    }
    asked.push(e);
    if (isChrome(e)) {
      found = true;
      break;
    }
  }
  // Each element asked about is in chrome exactly when the walk from it found some: the first
  // chrome ancestor is above all of them (or is the last of them).
  for (const e of asked) memo.set(e, found);
  return found;
}

/** How many characters of `s` are not white space (without building the string without it). */
function visibleLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      !(
        c === 32 ||
        (c >= 9 && c <= 13) ||
        c === 160 ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0xfeff ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x1680 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000
      )
    )
      n++;
  }
  return n;
}

/** The share of a block's letters that are inside links. */
export function linkShare(block: PageBlock): number {
  // Most article paragraphs hold no link and sit in none: no need to visit their text nodes (on a
  // long page this walk was a tenth of the extension's work).
  if (!block.element.closest('a[href]') && !block.element.querySelector('a[href]')) return 0;
  let inLinks = 0;
  let all = 0;
  for (const { node } of block.segments) {
    const n = visibleLength(node.data);
    all += n;
    if (n > 0 && node.parentElement?.closest('a[href]')) inLinks += n;
  }
  return all === 0 ? 0 : inLinks / all;
}

/** True when the block is the article's text: neither page chrome nor a list of links. */
export function isArticleText(block: PageBlock, memo?: ChromeMemo): boolean {
  return !inPageChrome(block.element, memo) && linkShare(block) < LINK_SHARE;
}

/** Whether a term of this class is underlined under the reader's setting. */
export function isUnderlined(termClass: TermClass | undefined, setting: TermUnderline): boolean {
  if (setting === 'none') return false;
  return setting === 'names-and-terms' || termClass === 'name';
}

/**
 * The glossary hits of a block that are painted: in the article's text, of the classes the reader
 * chose. `memo` is shared by the calls of one pass over a page's blocks.
 */
export function paintedHits(
  block: PageBlock,
  hits: readonly TermHit[],
  setting: TermUnderline,
  memo?: ChromeMemo,
): TermHit[] {
  if (setting === 'none' || hits.length === 0 || !isArticleText(block, memo)) return [];
  return hits.filter((h) => isUnderlined(h.class, setting));
}
