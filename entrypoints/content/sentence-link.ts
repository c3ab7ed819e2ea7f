/**
 * Sentence linking: hovering a Vietnamese sentence of a recognised block lights it and its
 * aligned English sentence in the rendering, and hovering an English sentence lights it and its
 * Vietnamese. Painted with the CSS Custom Highlight API (`vr-sentence`); the page gets no marks.
 *
 * Kept cheap, for it follows every pointer move: a block's sentences are found only when the
 * pointer first rests on it (and kept while its text and recognition stay the same); moves are
 * handled at most once a frame; and while the pointer stays over the lit sentence (its boxes,
 * measured once when it was lit) nothing at all is computed. Only the reader's own pointer counts.
 * In "original only" the English is hidden, so there is nothing to link to.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { keyOf } from '@/core/corpus-resolve';
import {
  alignedEnglish,
  linkSentences,
  pairAtEnglish,
  sentenceAt,
  type LinkedSentence,
  type ParagraphSentences,
} from '@/core/sentence-link';
import type { ViewMode } from '@/lib/protocol';
import { locate, type PageBlock } from './blocks';
import { caretAt } from './caret';
import { textRange, toLiveRange } from './dom-ranges';
import { isFromOverlay } from './overlay';
import { paint } from './paint';
import type { PageFeature } from './page-controller';
import type { PageSnapshot } from './page-snapshot';
import { TRANSLATION_TAG } from './translation-element';

/** The CSS highlight name of a linked pair of sentences. */
export const SENTENCE_HIGHLIGHT = 'vr-sentence';
/** Below terms, highlights and term links: the sentence tint is the background of everything. */
const PRIORITY = -1;

/** A block's linked sentences, with the paragraphs they were found for. */
interface BlockSentences {
  readonly keys: string;
  readonly sentences: LinkedSentence[];
}

/** The corpus paragraphs a recognised block shows, with their sentence alignment where it is known. */
export function paragraphSentencesOf(snapshot: PageSnapshot, block: PageBlock): ParagraphSentences[] {
  return (snapshot.resolutionOf(block)?.matches ?? []).flatMap((m) => {
    const key = keyOf(m);
    const p = snapshot.paragraphOf(key);
    return p?.vi && p.sentences ? [{ key, vi: p.vi, en: p.en, sentences: p.sentences }] : [];
  });
}

/**
 * The English sentence(s) aligned with [start, end) of a recognised block's text ('' where the
 * alignment does not reach): what a saved highlight or a saved word keeps as its English context.
 */
export function alignedEnglishIn(snapshot: PageSnapshot, block: PageBlock, start: number, end: number): string {
  return alignedEnglish(linkSentences(block.text, paragraphSentencesOf(snapshot, block)), start, end);
}

/** A static range over [start, end) of a block's text. */
function blockRange(block: PageBlock, start: number, end: number): StaticRange | null {
  const from = locate(block, start);
  const to = locate(block, end, true);
  return from && to
    ? new StaticRange({
        startContainer: from.node,
        startOffset: from.offset,
        endContainer: to.node,
        endOffset: to.offset,
      })
    : null;
}

export class SentenceLinks implements PageFeature {
  private snapshot: PageSnapshot | null = null;
  private readonly found = new WeakMap<PageBlock, BlockSentences>();
  /** The lit pair, `key#pair`, and the boxes of what the pointer is over (null once scrolled). */
  private lit: { id: string; rects: DOMRect[] | null } | null = null;
  private frame = 0;
  private last: { x: number; y: number; target: EventTarget | null } | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private mode: ViewMode,
  ) {
    ctx.addEventListener(document, 'pointermove', (e) => this.onMove(e), { capture: true, passive: true });
    ctx.addEventListener(document.documentElement, 'pointerleave', (e) => e.isTrusted && this.clear(), {
      passive: true,
    });
    ctx.addEventListener(window, 'scroll', () => this.lit && (this.lit.rects = null), { passive: true, capture: true });
  }

  onSnapshot(snapshot: PageSnapshot): void {
    this.snapshot = snapshot;
    this.clear();
  }

  onMode(mode: ViewMode): void {
    this.mode = mode;
    this.clear();
  }

  onNavigate(): void {
    this.clear();
  }

  private onMove(e: PointerEvent): void {
    if (!e.isTrusted || this.mode === 'original' || isFromOverlay(e)) return;
    if (
      this.lit?.rects?.some(
        (r) => e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom,
      )
    )
      return;
    this.last = { x: e.clientX, y: e.clientY, target: e.target };
    if (this.frame) return;
    this.frame = this.ctx.requestAnimationFrame(() => {
      this.frame = 0;
      const last = this.last;
      if (last) this.update(last.x, last.y, last.target);
    });
  }

  /** Lights the pair of sentences under the point, if any. */
  private update(x: number, y: number, target: EventTarget | null): void {
    const el = target instanceof Element ? target : null;
    const snapshot = this.snapshot;
    const rendering = el?.closest(TRANSLATION_TAG);
    const host = rendering ? null : el?.closest('[data-vr-match]');
    if (!snapshot || (!rendering && !host)) return this.clear();
    const caret = caretAt(x, y);
    if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return this.clear();
    const hit = rendering ? this.atEnglish(snapshot, rendering, caret.node as Text, caret.offset) : null;
    const block = host ? snapshot.blockOf(host) : undefined;
    const found = hit ?? (block ? this.atVietnamese(snapshot, block, caret.node as Text, caret.offset) : null);
    if (!found) return this.clear();
    if (found.id === this.lit?.id) return;
    const { key, pair } = found;
    const vietnamese = found.blocks.flatMap((b) =>
      this.sentencesOf(snapshot, b)
        .filter((s) => s.key === key && s.pair === pair)
        .flatMap((s) => blockRange(b, s.start, s.end) ?? []),
    );
    const node = snapshot.englishNodes.get(key);
    const spans = snapshot.paragraphOf(key)?.sentences?.[pair]?.en ?? [];
    const english = node
      ? spans.map(([s, e]) => textRange(node, Math.min(s, node.data.length), Math.min(e, node.data.length)))
      : [];
    if (vietnamese.length === 0 || english.length === 0) return this.clear();
    const under = rendering ? english : vietnamese;
    this.lit = { id: found.id, rects: under.flatMap((r) => [...toLiveRange(r).getClientRects()]) };
    paint(SENTENCE_HIGHLIGHT, [...vietnamese, ...english], PRIORITY);
  }

  /** The pair under a caret in a recognised block. */
  private atVietnamese(snapshot: PageSnapshot, block: PageBlock, node: Text, offset: number) {
    const seg = block.segments.find((s) => s.node === node);
    if (!seg) return null;
    const s = sentenceAt(this.sentencesOf(snapshot, block), seg.start + offset);
    if (!s) return null;
    const rendering = snapshot.renderingOf(block);
    return { id: `${s.key}#${s.pair}`, key: s.key, pair: s.pair, blocks: rendering?.group.sources ?? [block] };
  }

  /** The pair under a caret in an English rendering. */
  private atEnglish(snapshot: PageSnapshot, rendering: Element, node: Text, offset: number) {
    const group = snapshot.groupOfElement(rendering);
    const key = group && snapshot.englishKeyOf(node);
    const sentences = key ? snapshot.paragraphOf(key)?.sentences : undefined;
    if (!group || !key || !sentences) return null;
    const pair = pairAtEnglish(sentences, offset);
    return pair < 0 ? null : { id: `${key}#${pair}`, key, pair, blocks: group.sources };
  }

  /** A block's linked sentences, found on first use and kept while its recognition stays. */
  private sentencesOf(snapshot: PageSnapshot, block: PageBlock): LinkedSentence[] {
    const keys = (snapshot.resolutionOf(block)?.matches ?? []).map(keyOf).join(' ');
    const cached = this.found.get(block);
    if (cached?.keys === keys) return cached.sentences;
    const sentences = linkSentences(block.text, paragraphSentencesOf(snapshot, block));
    this.found.set(block, { keys, sentences });
    return sentences;
  }

  private clear(): void {
    if (!this.lit) return;
    this.lit = null;
    paint(SENTENCE_HIGHLIGHT, []);
  }
}
