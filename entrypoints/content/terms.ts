/**
 * Glossary terms on the page: the background finds them in each block's text (only blocks whose
 * text is new since the last pass), and we paint them with the CSS Custom Highlight API under
 * `vr-term`, one StaticRange per occurrence. The page gets no wrapping elements.
 */

import type { GlossaryEntry } from '@/core/glossary-format';
import { sendMessage } from '@/lib/messaging';
import type { TermHit } from '@/lib/protocol';
import { locate, type PageBlock } from './blocks';
import type { PassFeature } from './page-controller';
import { slicer } from './scheduler';

export const TERM_HIGHLIGHT = 'vr-term';

/** One occurrence of a glossary term on the page. */
export interface TermOccurrence {
  readonly entry: GlossaryEntry;
  readonly range: StaticRange;
  readonly block: PageBlock;
  /** [start, end) in the block's text. */
  readonly start: number;
  readonly end: number;
}

const BATCH_CHARS = 48_000;
const BATCH_TEXTS = 200;

function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class TermsFeature implements PassFeature {
  private readonly hitsByText = new Map<string, TermHit[]>();
  readonly entries = new Map<number, GlossaryEntry>();
  readonly articleTitles = new Map<string, { vi: string; en: string }>();
  private readonly occurrencesByBlock = new WeakMap<PageBlock, TermOccurrence[]>();
  /** Per text node, the occurrences touching it, for finding the term under the pointer. */
  private byNode = new WeakMap<Text, TermOccurrence[]>();
  private all: TermOccurrence[] = [];

  async update(blocks: readonly PageBlock[]): Promise<{ terms: number }> {
    await this.fetchNewTexts(blocks);
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
        for (const node of nodesOf(o.range)) {
          const list = byNode.get(node) ?? [];
          list.push(o);
          byNode.set(node, list);
        }
      }
    }
    this.all = all;
    this.byNode = byNode;
    if (highlightsSupported()) CSS.highlights.set(TERM_HIGHLIGHT, new Highlight(...all.map((o) => o.range)));
    return { terms: all.length };
  }

  private async fetchNewTexts(blocks: readonly PageBlock[]): Promise<void> {
    const pending = [...new Set(blocks.map((b) => b.text).filter((t) => !this.hitsByText.has(t)))];
    let batch: string[] = [];
    let size = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const texts = batch;
      batch = [];
      size = 0;
      const { hits, entries, articleTitles } = await sendMessage('findTerms', { texts });
      for (const e of entries) this.entries.set(e.id, e);
      for (const [id, title] of Object.entries(articleTitles)) this.articleTitles.set(id, title);
      texts.forEach((t, i) => this.hitsByText.set(t, hits[i] ?? []));
    };
    for (const text of pending) {
      if (batch.length >= BATCH_TEXTS || size + text.length > BATCH_CHARS) await flush();
      batch.push(text);
      size += text.length;
    }
    await flush();
  }

  private occurrencesIn(block: PageBlock): TermOccurrence[] {
    const out: TermOccurrence[] = [];
    for (const hit of this.hitsByText.get(block.text) ?? []) {
      const entry = this.entries.get(hit.entry);
      const start = locate(block, hit.start);
      const end = locate(block, hit.end, true);
      if (!entry || !start || !end) continue;
      const range = new StaticRange({
        startContainer: start.node,
        startOffset: start.offset,
        endContainer: end.node,
        endOffset: end.offset,
      });
      out.push({ entry, range, block, start: hit.start, end: hit.end });
    }
    return out;
  }

  /** The occurrence containing a caret position (text node and offset), if any. */
  at(node: Node, offset: number): TermOccurrence | null {
    if (node.nodeType !== Node.TEXT_NODE) return null;
    for (const o of this.byNode.get(node as Text) ?? []) {
      const r = o.range;
      const afterStart = r.startContainer !== node || offset >= r.startOffset;
      const beforeEnd = r.endContainer !== node || offset <= r.endOffset;
      if (afterStart && beforeEnd) return o;
    }
    return null;
  }

  /** Every occurrence of an entry in one block. */
  inBlock(block: Element, entryId: number): TermOccurrence[] {
    return this.all.filter((o) => o.block.element === block && o.entry.id === entryId);
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

/** The text nodes a range covers (its containers and any whole text nodes between them). */
function nodesOf(range: StaticRange): Text[] {
  const start = range.startContainer;
  const end = range.endContainer;
  if (start === end) return start.nodeType === Node.TEXT_NODE ? [start as Text] : [];
  const out: Text[] = [];
  const root = commonAncestor(start, end);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = start;
  for (let n: Node | null = start; n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) out.push(n as Text);
    if (n === end) break;
  }
  return out;
}

function commonAncestor(a: Node, b: Node): Node {
  for (let n: Node | null = a; n; n = n.parentNode) if (n.contains(b)) return n;
  return a.ownerDocument ?? a;
}
