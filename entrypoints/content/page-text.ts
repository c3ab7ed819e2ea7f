/**
 * The page's readable text as one string (its blocks' texts, in order, separated by a blank
 * line), with maps between offsets in it and DOM positions. Highlights are described and
 * anchored in this text, so our own renderings and the page's chrome never shift them.
 */

import { locate, type PageBlock } from './blocks';

const SEPARATOR = '\n\n';

export class PageText {
  private readonly starts: number[] = [];
  private joined: string | undefined;
  private nodeMap: Map<Text, { block: number; start: number }> | undefined;

  /**
   * Only the blocks' starts are worked out here. The text and the map from text nodes are built on
   * first use (anchoring saved highlights, a selection): most pages have neither, and on a long
   * page building them was a tenth of the first pass.
   */
  constructor(readonly blocks: readonly PageBlock[]) {
    let at = 0;
    blocks.forEach((b, i) => {
      if (i > 0) at += SEPARATOR.length;
      this.starts.push(at);
      at += b.text.length;
    });
  }

  /** The whole text: the blocks' texts in order, separated by a blank line. */
  get text(): string {
    return (this.joined ??= this.blocks.map((b) => b.text).join(SEPARATOR));
  }

  private get nodes(): Map<Text, { block: number; start: number }> {
    if (!this.nodeMap) {
      this.nodeMap = new Map();
      this.blocks.forEach((b, i) => {
        for (const seg of b.segments) this.nodeMap!.set(seg.node, { block: i, start: this.starts[i]! + seg.start });
      });
    }
    return this.nodeMap;
  }

  /**
   * The offset in {@link text} of a DOM position (a selection boundary). A boundary outside any
   * block's text (between paragraphs, on an element) moves to the nearest block text: forwards
   * for a start, backwards for an end. Null when there is none within reach.
   */
  offsetOf(node: Node, offset: number, isEnd = false): number | null {
    const direct = node.nodeType === Node.TEXT_NODE ? this.nodes.get(node as Text) : undefined;
    if (direct) return direct.start + Math.min(offset, (node as Text).data.length);
    const doc = node.ownerDocument ?? document;
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    let n: Node | null;
    if (node.nodeType === Node.TEXT_NODE) {
      walker.currentNode = node;
      n = isEnd ? walker.previousNode() : walker.nextNode();
    } else {
      const child = node.childNodes[offset];
      if (child) {
        walker.currentNode = child;
        n = isEnd ? walker.previousNode() : child.nodeType === Node.TEXT_NODE ? child : walker.nextNode();
      } else {
        walker.currentNode = deepestLast(node);
        n = isEnd
          ? walker.currentNode.nodeType === Node.TEXT_NODE
            ? walker.currentNode
            : walker.previousNode()
          : walker.nextNode();
      }
    }
    for (let steps = 0; n && steps < 2000; steps++, n = isEnd ? walker.previousNode() : walker.nextNode()) {
      const hit = this.nodes.get(n as Text);
      if (hit) return isEnd ? hit.start + (n as Text).data.length : hit.start;
    }
    return null;
  }

  /** The block holding an offset, and the offset inside its text. */
  blockAt(offset: number): { block: PageBlock; index: number; local: number } | null {
    let lo = 0;
    let hi = this.starts.length - 1;
    if (hi < 0) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const block = this.blocks[lo]!;
    return { block, index: lo, local: Math.min(offset - this.starts[lo]!, block.text.length) };
  }

  /** A static range over [start, end) of the text, or null when it cannot be placed. */
  rangeOf(start: number, end: number): StaticRange | null {
    const a = this.blockAt(start);
    const b = this.blockAt(end);
    if (!a || !b) return null;
    const from = locate(a.block, a.local);
    const to = locate(b.block, b.local, true);
    if (!from || !to) return null;
    return new StaticRange({
      startContainer: from.node,
      startOffset: from.offset,
      endContainer: to.node,
      endOffset: to.offset,
    });
  }
}

function deepestLast(node: Node): Node {
  let n = node;
  while (n.lastChild) n = n.lastChild;
  return n;
}
