/**
 * The glossary terms found on the page, as ranges over its text nodes, and the lookups features
 * need: the term under a caret position, the terms of some blocks.
 */

import type { TermHit } from '@/lib/protocol';
import { locate, type PageBlock } from './blocks';
import { toLiveRange } from './dom-ranges';

/** One occurrence of a glossary term on the page. */
export interface TermOccurrence {
  readonly entryId: number;
  readonly range: StaticRange;
  readonly block: PageBlock;
  /** [start, end) in the block's text. */
  readonly start: number;
  readonly end: number;
}

export class TermIndex {
  /** Per text node, the occurrences touching it, for finding the term under the pointer. */
  private readonly byNode = new Map<Text, TermOccurrence[]>();
  private readonly byBlock = new Map<PageBlock, TermOccurrence[]>();

  constructor(readonly all: readonly TermOccurrence[]) {
    for (const o of all) {
      const { startContainer, endContainer } = o.range;
      this.file(this.byNode, startContainer as Text, o);
      if (endContainer !== startContainer) this.file(this.byNode, endContainer as Text, o);
      this.file(this.byBlock, o.block, o);
    }
  }

  private file<K>(map: Map<K, TermOccurrence[]>, key: K, o: TermOccurrence): void {
    const list = map.get(key);
    if (list) list.push(o);
    else map.set(key, [o]);
  }

  /**
   * The occurrence containing a caret position (text node and offset), if any. A term spanning
   * several text nodes is found from its first and last node; one in between (a bold middle
   * syllable) by a containment test on the few terms that span nodes in that block.
   */
  at(node: Node, offset: number): TermOccurrence | null {
    if (node.nodeType !== Node.TEXT_NODE) return null;
    for (const o of this.byNode.get(node as Text) ?? []) {
      const r = o.range;
      const afterStart = r.startContainer !== node || offset >= r.startOffset;
      const beforeEnd = r.endContainer !== node || offset <= r.endOffset;
      if (afterStart && beforeEnd) return o;
    }
    const spanning = this.all.filter((o) => o.range.startContainer !== o.range.endContainer);
    return spanning.find((o) => toLiveRange(o.range).isPointInRange(node, offset)) ?? null;
  }

  /** Every occurrence in these blocks. */
  inBlocks(blocks: readonly PageBlock[]): TermOccurrence[] {
    return blocks.flatMap((b) => this.byBlock.get(b) ?? []);
  }
}

/** Turns the background's term hits in a block's text into occurrences on the page. */
export function occurrencesIn(block: PageBlock, hits: readonly TermHit[]): TermOccurrence[] {
  const out: TermOccurrence[] = [];
  for (const hit of hits) {
    const start = locate(block, hit.start);
    const end = locate(block, hit.end, true);
    if (!start || !end) continue;
    const range = new StaticRange({
      startContainer: start.node,
      startOffset: start.offset,
      endContainer: end.node,
      endOffset: end.offset,
    });
    out.push({ entryId: hit.entry, range, block, start: hit.start, end: hit.end });
  }
  return out;
}
