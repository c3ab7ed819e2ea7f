/**
 * Glossary terms on the page: the background finds them in each block's text (only blocks whose
 * text is new since the last pass), and we paint them with the CSS Custom Highlight API under
 * `vr-term`, one StaticRange per occurrence. The page gets no wrapping elements. Entries' details
 * are fetched when a popover needs them, not with every page.
 */

import type { GlossaryEntry } from '@/core/glossary-format';
import { sendMessage } from '@/lib/messaging';
import type { PageAnalysis } from './analysis';
import { locate, type PageBlock } from './blocks';
import type { PassFeature } from './page-controller';
import { slicer } from './scheduler';

export const TERM_HIGHLIGHT = 'vr-term';

/** One occurrence of a glossary term on the page. */
export interface TermOccurrence {
  readonly entryId: number;
  readonly range: StaticRange;
  readonly block: PageBlock;
  /** [start, end) in the block's text. */
  readonly start: number;
  readonly end: number;
}

function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class TermsFeature implements PassFeature {
  private readonly entries = new Map<number, GlossaryEntry>();
  readonly articleTitles = new Map<string, { vi: string; en: string }>();
  private readonly occurrencesByBlock = new WeakMap<PageBlock, TermOccurrence[]>();
  /** Per text node, the occurrences touching it, for finding the term under the pointer. */
  private byNode = new WeakMap<Text, TermOccurrence[]>();
  private all: TermOccurrence[] = [];

  constructor(private readonly analysis: PageAnalysis) {}

  async update(blocks: readonly PageBlock[]): Promise<{ terms: number }> {
    const slice = slicer();
    const all: TermOccurrence[] = [];
    const byNode = new WeakMap<Text, TermOccurrence[]>();
    for (const block of blocks) {
      let occurrences = this.occurrencesByBlock.get(block);
      if (!occurrences) {
        occurrences = this.occurrencesIn(block);
        this.occurrencesByBlock.set(block, occurrences);
        await slice.check();
      }
      for (const o of occurrences) {
        all.push(o);
        const start = o.range.startContainer as Text;
        const list = byNode.get(start) ?? [];
        list.push(o);
        byNode.set(start, list);
        if (o.range.endContainer !== start) {
          const endList = byNode.get(o.range.endContainer as Text) ?? [];
          endList.push(o);
          byNode.set(o.range.endContainer as Text, endList);
        }
      }
    }
    this.all = all;
    this.byNode = byNode;
    if (highlightsSupported()) CSS.highlights.set(TERM_HIGHLIGHT, new Highlight(...all.map((o) => o.range)));
    return { terms: all.length };
  }

  private occurrencesIn(block: PageBlock): TermOccurrence[] {
    const out: TermOccurrence[] = [];
    for (const hit of this.analysis.of(block.text).terms) {
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

  /** An entry already fetched, if it is. */
  entry(id: number): GlossaryEntry | undefined {
    return this.entries.get(id);
  }

  /** Fetches the entries not yet known (with their articles' titles). */
  async ensureEntries(ids: Iterable<number>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.entries.has(id));
    if (missing.length === 0) return;
    const { entries, articleTitles } = await sendMessage('getEntries', { ids: missing });
    for (const e of entries) this.entries.set(e.id, e);
    for (const [id, title] of Object.entries(articleTitles)) this.articleTitles.set(id, title);
  }

  /**
   * The occurrence containing a caret position (text node and offset), if any. A term spanning
   * several text nodes is found from its first and last node; one in between (a bold middle
   * syllable) is found by the range test.
   */
  at(node: Node, offset: number): TermOccurrence | null {
    if (node.nodeType !== Node.TEXT_NODE) return null;
    for (const o of this.byNode.get(node as Text) ?? []) {
      const r = o.range;
      const afterStart = r.startContainer !== node || offset >= r.startOffset;
      const beforeEnd = r.endContainer !== node || offset <= r.endOffset;
      if (afterStart && beforeEnd) return o;
    }
    const block = this.all.find((o) => {
      if (o.range.startContainer === o.range.endContainer) return false;
      const probe = document.createRange();
      probe.setStart(o.range.startContainer, o.range.startOffset);
      probe.setEnd(o.range.endContainer, o.range.endOffset);
      return probe.isPointInRange(node, offset);
    });
    return block ?? null;
  }

  /** Every occurrence of an entry in one block. */
  inBlock(block: Element, entryId: number): TermOccurrence[] {
    return this.all.filter((o) => o.block.element === block && o.entryId === entryId);
  }

  /** Every occurrence in the given blocks. */
  inBlocks(blocks: readonly Element[]): TermOccurrence[] {
    return this.all.filter((o) => blocks.includes(o.block.element));
  }

  reset(): void {
    this.all = [];
    this.byNode = new WeakMap();
  }
}
