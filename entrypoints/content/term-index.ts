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

/** Builds a block's occurrences from its hits. */
export type OccurrenceBuilder = (block: PageBlock, hits: readonly TermHit[]) => readonly TermOccurrence[];

/**
 * The page's terms, by block. A block's occurrences (a StaticRange each) are built the first time
 * something asks for them: its paint coming near the view, a caret resting in it. On a long page
 * most blocks are never asked.
 */
export class TermIndex {
  private readonly built = new Map<PageBlock, readonly TermOccurrence[]>();
  private readonly byElement = new Map<Element, PageBlock>();
  /** How many occurrences there are, built or not. */
  readonly count: number;

  /**
   * @param hits each block's term hits, for the blocks that have any.
   * @param build turns a block's hits into occurrences (the controller reuses last pass's).
   */
  constructor(
    private readonly hits: ReadonlyMap<PageBlock, readonly TermHit[]> = new Map(),
    private readonly build: OccurrenceBuilder = occurrencesIn,
  ) {
    let count = 0;
    for (const [block, blockHits] of hits) {
      this.byElement.set(block.element, block);
      count += blockHits.length;
    }
    this.count = count;
  }

  /** The blocks with at least one hit. */
  get blocks(): PageBlock[] {
    return [...this.hits.keys()];
  }

  /** A block's occurrences, in text order. */
  of(block: PageBlock): readonly TermOccurrence[] {
    let list = this.built.get(block);
    if (!list) {
      const blockHits = this.hits.get(block);
      list = blockHits ? this.build(block, blockHits) : [];
      this.built.set(block, list);
    }
    return list;
  }

  /** Every occurrence in these blocks. */
  inBlocks(blocks: readonly PageBlock[]): TermOccurrence[] {
    return blocks.flatMap((b) => this.of(b));
  }

  /** True when the occurrence is one of this index's (the page still has it). */
  has(occurrence: TermOccurrence): boolean {
    return this.hits.has(occurrence.block) && this.of(occurrence.block).includes(occurrence);
  }

  /**
   * The occurrence containing a caret position (text node and offset), if any: looked for in the
   * block that owns the node. A term spanning several text nodes is found from its first and last
   * node by offsets, and from one in between (a bold middle syllable) by a containment test.
   */
  at(node: Node, offset: number): TermOccurrence | null {
    if (node.nodeType !== Node.TEXT_NODE) return null;
    for (let e = node.parentElement; e; e = e.parentElement) {
      const block = this.byElement.get(e);
      if (!block || !block.segments.some((s) => s.node === node)) continue;
      for (const o of this.of(block)) {
        const r = o.range;
        if (r.startContainer === node || r.endContainer === node) {
          const afterStart = r.startContainer !== node || offset >= r.startOffset;
          const beforeEnd = r.endContainer !== node || offset <= r.endOffset;
          if (afterStart && beforeEnd) return o;
        } else if (r.startContainer !== r.endContainer && toLiveRange(r).isPointInRange(node, offset)) {
          return o;
        }
      }
      return null;
    }
    return null;
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
