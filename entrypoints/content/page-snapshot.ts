/**
 * The page model: one immutable snapshot per pass of the page controller, handed to every
 * feature. It holds the page's readable blocks, their text with its offsets, what each block was
 * recognised as and which English rendering shows it, the glossary terms found in them, and the
 * saved highlights anchored in that text. Features read it; none of them keeps its own copy of
 * any of this, or asks another feature.
 */

import { keyOf, type BlockResolution } from '@/core/corpus-resolve';
import type { HighlightRecord } from '@/core/highlight-record';
import type { ParagraphText, RecognisedArticle } from '@/lib/protocol';
import type { PageBlock } from './blocks';
import { toLiveRange } from './dom-ranges';
import { PageText } from './page-text';
import { TermIndex } from './term-index';

/** One English paragraph to show. */
export interface RenderedParagraph {
  readonly key: string;
  readonly en: string;
  readonly kind: string;
}

/** One English rendering: where it goes, what it shows, and whose English it is. */
export interface RenderingGroup {
  /** The block the rendering follows. */
  readonly after: PageBlock;
  readonly paragraphs: readonly RenderedParagraph[];
  /** The blocks whose English it shows (a paragraph split over blocks has several). */
  readonly sources: readonly PageBlock[];
}

/** The page's saved highlights, anchored in the snapshot's text. */
export interface AnchoredHighlights {
  readonly records: readonly HighlightRecord[];
  /** Where each anchored highlight is, by id. */
  readonly ranges: ReadonlyMap<string, StaticRange>;
  /** The ids that could not be placed. */
  readonly orphans: readonly string[];
}

export const NO_HIGHLIGHTS: AnchoredHighlights = { records: [], ranges: new Map(), orphans: [] };

export interface SnapshotParts {
  readonly generation: number;
  readonly blocks: readonly PageBlock[];
  readonly text: PageText;
  /** Each matched block's resolution. */
  readonly resolutions: ReadonlyMap<PageBlock, BlockResolution>;
  /** The English of every candidate paragraph, by `articleId:index`. */
  readonly english: ReadonlyMap<string, ParagraphText>;
  readonly groups: readonly RenderingGroup[];
  /** The rendering element of each group, as committed to the page. */
  readonly renderings: ReadonlyMap<RenderingGroup, HTMLElement>;
  /** The English text node of each rendered paragraph, by `articleId:index`. */
  readonly englishNodes: ReadonlyMap<string, Text>;
  readonly terms: TermIndex;
  readonly highlights: AnchoredHighlights;
}

export class PageSnapshot {
  private readonly byElement = new Map<Element, PageBlock>();
  private readonly groupOfBlock = new Map<PageBlock, RenderingGroup>();
  private readonly groupOfRendering = new Map<Element, RenderingGroup>();

  constructor(private readonly parts: SnapshotParts) {
    for (const b of parts.blocks) this.byElement.set(b.element, b);
    for (const g of parts.groups) for (const b of g.sources) this.groupOfBlock.set(b, g);
    for (const [g, el] of parts.renderings) this.groupOfRendering.set(el, g);
    Object.freeze(this);
  }

  static empty(): PageSnapshot {
    return new PageSnapshot({
      generation: 0,
      blocks: [],
      text: new PageText([]),
      resolutions: new Map(),
      english: new Map(),
      groups: [],
      renderings: new Map(),
      englishNodes: new Map(),
      terms: new TermIndex(),
      highlights: NO_HIGHLIGHTS,
    });
  }

  get generation(): number {
    return this.parts.generation;
  }
  get blocks(): readonly PageBlock[] {
    return this.parts.blocks;
  }
  get text(): PageText {
    return this.parts.text;
  }
  get groups(): readonly RenderingGroup[] {
    return this.parts.groups;
  }
  get terms(): TermIndex {
    return this.parts.terms;
  }
  get highlights(): AnchoredHighlights {
    return this.parts.highlights;
  }
  get englishNodes(): ReadonlyMap<string, Text> {
    return this.parts.englishNodes;
  }

  /** A candidate paragraph's English (and its Vietnamese and sentence pairs), by `articleId:index`. */
  paragraphOf(key: string): ParagraphText | undefined {
    return this.parts.english.get(key);
  }

  /** The rendered English paragraph a text node is, if it is one: its key. */
  englishKeyOf(node: Node): string | undefined {
    for (const [key, text] of this.parts.englishNodes) if (text === node) return key;
    return undefined;
  }

  /** The saved highlight painted at a caret position (text node and offset), if any. */
  highlightAt(node: Node, offset: number): string | undefined {
    for (const [id, r] of this.parts.highlights.ranges) {
      if (toLiveRange(r).isPointInRange(node, offset) && !(r.endContainer === node && r.endOffset === offset))
        return id;
    }
    return undefined;
  }

  /** The same page with other highlights (after a save or a change made elsewhere). */
  withHighlights(highlights: AnchoredHighlights): PageSnapshot {
    return new PageSnapshot({ ...this.parts, highlights });
  }

  /** The block an element is, if it is one of the page's blocks. */
  blockOf(element: Element): PageBlock | undefined {
    return this.byElement.get(element);
  }

  resolutionOf(block: PageBlock): BlockResolution | undefined {
    return this.parts.resolutions.get(block);
  }

  /** The matched blocks with their resolution, in document order. */
  matched(): { block: PageBlock; resolution: BlockResolution }[] {
    return this.parts.blocks.flatMap((block) => {
      const resolution = this.parts.resolutions.get(block);
      return resolution ? [{ block, resolution }] : [];
    });
  }

  /** The English of a matched block: its whole paragraphs, even when the block is only a part. */
  englishOf(block: PageBlock): RenderedParagraph[] {
    const resolution = this.parts.resolutions.get(block);
    // A headline is no corpus paragraph: its English is its rendering's.
    if (!resolution) return [...(this.groupOfBlock.get(block)?.paragraphs ?? [])];
    return paragraphsFor(resolution.matches, this.parts.english);
  }

  /** The rendering showing a block's English, and the group it renders. */
  renderingOf(block: PageBlock): { group: RenderingGroup; element: HTMLElement } | undefined {
    const group = this.groupOfBlock.get(block);
    const element = group && this.parts.renderings.get(group);
    return group && element ? { group, element } : undefined;
  }

  /** The group a rendering element shows, if it is one of ours. */
  groupOfElement(rendering: Element): RenderingGroup | undefined {
    return this.groupOfRendering.get(rendering);
  }

  /** What the popup and the background are told: the blocks recognised and the articles they are. */
  recognition(): { matched: number; articles: RecognisedArticle[] } {
    const byArticle = new Map<string, Set<number>>();
    for (const r of this.parts.resolutions.values()) {
      for (const m of r.matches) {
        const set = byArticle.get(m.articleId) ?? new Set<number>();
        set.add(m.index);
        byArticle.set(m.articleId, set);
      }
    }
    return {
      matched: this.parts.resolutions.size,
      articles: [...byArticle]
        .map(([id, set]) => ({ id, paragraphs: [...set].sort((a, b) => a - b) }))
        .sort((a, b) => b.paragraphs.length - a.paragraphs.length),
    };
  }
}

/** The English paragraphs of some corpus paragraphs, those whose English is known. */
export function paragraphsFor(
  keys: readonly { articleId: string; index: number }[],
  english: ReadonlyMap<string, ParagraphText>,
): RenderedParagraph[] {
  return keys.flatMap((k) => {
    const key = keyOf(k);
    const p = english.get(key);
    return p ? [{ key, en: p.en, kind: p.kind }] : [];
  });
}
