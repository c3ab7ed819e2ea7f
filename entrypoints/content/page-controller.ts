/**
 * Runs passes over the page: collect the readable blocks (all of them on the first pass and after
 * navigation, only the changed regions afterwards), then let each feature bring its marks up to
 * date, then publish the automation contract's counts and state.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '@/lib/messaging';
import type { PageState, ViewMode } from '@/lib/protocol';
import { collectBlocks, isInSkippedSubtree, ownerOf, type PageBlock } from './blocks';
import { PageAnalysis } from './analysis';
import type { PageChanges } from './page-watch';
import { BilingualView, type ParagraphStats } from './paragraphs';
import { ReadingModes } from './reading-modes';
import { slicer } from './scheduler';

/** A feature that marks the page after each pass (glossary terms, highlights). */
export interface PassFeature {
  /** Brings the feature's marks up to date with the page's blocks; returns its counts. */
  update(
    blocks: readonly PageBlock[],
    full: boolean,
  ): Promise<Partial<Pick<PageState, 'terms' | 'highlights' | 'orphans'>>>;
  /** Called when the page navigated without a load. */
  reset?(): void;
}

function byDocumentOrder(a: PageBlock, b: PageBlock): number {
  if (a.element === b.element) return 0;
  return a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** Keeps only the outermost of a set of elements. */
function outermost(elements: Iterable<Element>): Element[] {
  const list = [...elements].filter((e) => e.isConnected);
  return list.filter((e) => !list.some((other) => other !== e && other.contains(e)));
}

export class PageController {
  readonly analysis = new PageAnalysis();
  readonly view: BilingualView;
  readonly modes: ReadingModes;
  private blocks: PageBlock[] = [];
  private running: Promise<void> | null = null;
  private queued: { full: boolean; roots: Set<Element> } | null = null;
  private counts: Pick<PageState, 'terms' | 'highlights' | 'orphans'> = { terms: 0, highlights: 0, orphans: 0 };
  private paragraphStats: ParagraphStats = { matchedBlocks: 0, articles: [] };
  private readonly features: PassFeature[] = [];
  private dirty = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    mode: ViewMode,
  ) {
    this.view = new BilingualView(mode, this.analysis);
    this.modes = new ReadingModes(ctx, this.view);
    const root = document.documentElement;
    root.dataset.vrState = 'scanning';
    root.dataset.vrMatched = '0';
    root.dataset.vrTerms = '0';
    root.dataset.vrHighlights = '0';
    root.dataset.vrOrphans = '0';
  }

  addFeature(feature: PassFeature): void {
    this.features.push(feature);
  }

  get currentBlocks(): readonly PageBlock[] {
    return this.blocks;
  }

  /** Marks the page as having unprocessed changes. */
  markDirty(): void {
    this.dirty = true;
    document.documentElement.dataset.vrState = 'scanning';
  }

  /** Runs a full pass now (or after the one running). */
  runFull(): Promise<void> {
    return this.enqueue(true, new Set());
  }

  /** Handles a burst of page changes. */
  onChanges(changes: PageChanges): Promise<void> {
    if (changes.navigated) for (const f of this.features) f.reset?.();
    return this.enqueue(changes.navigated, changes.roots);
  }

  private enqueue(full: boolean, roots: Set<Element>): Promise<void> {
    if (this.queued) {
      this.queued.full ||= full;
      for (const r of roots) this.queued.roots.add(r);
    } else {
      this.queued = { full, roots: new Set(roots) };
    }
    this.running ??= this.drain();
    return this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queued && this.ctx.isValid) {
        const { full, roots } = this.queued;
        this.queued = null;
        this.dirty = false;
        await this.pass(full || this.blocks.length === 0, roots);
      }
    } finally {
      this.running = null;
    }
  }

  /**
   * The page's blocks after a change. A block's own text only changes through mutations whose
   * target is the block or something inline in it, so re-reading the blocks that own the changed
   * nodes (and everything under them) is enough; the rest are kept as they were.
   */
  private async collect(full: boolean, roots: Set<Element>): Promise<PageBlock[]> {
    const pacer = slicer();
    const body = document.body;
    if (!body) return [];
    if (full) return collectBlocks(body, pacer);
    const regions = outermost(
      [...roots]
        .filter((r) => r.isConnected && body.contains(r) && !isInSkippedSubtree(r))
        .map((r) => ownerOf(r, body)),
    );
    const kept = this.blocks.filter((b) => b.element.isConnected && !regions.some((r) => r.contains(b.element)));
    const fresh: PageBlock[] = [];
    for (const region of regions) fresh.push(...(await collectBlocks(region, pacer)));
    return [...kept, ...fresh].sort(byDocumentOrder);
  }

  private async pass(full: boolean, roots: Set<Element>): Promise<void> {
    const root = document.documentElement;
    root.dataset.vrState = 'scanning';
    this.blocks = await this.collect(full, roots);
    await this.analysis.analyze(this.blocks);
    this.paragraphStats = await this.view.update(this.blocks);
    this.modes.refresh();
    for (const f of this.features) Object.assign(this.counts, await f.update(this.blocks, full));
    root.dataset.vrMatched = String(this.paragraphStats.matchedBlocks);
    root.dataset.vrTerms = String(this.counts.terms);
    root.dataset.vrHighlights = String(this.counts.highlights);
    root.dataset.vrOrphans = String(this.counts.orphans);
    if (!this.queued && !this.dirty) root.dataset.vrState = 'ready';
    await this.report();
  }

  /** The page's state as the popup and the background see it. */
  state(): PageState {
    return {
      url: location.href,
      title: document.title.slice(0, 2000),
      state: document.documentElement.dataset.vrState === 'ready' ? 'ready' : 'scanning',
      matched: this.paragraphStats.matchedBlocks,
      ...this.counts,
      articles: this.paragraphStats.articles,
    };
  }

  private async report(): Promise<void> {
    if (!/^https?:/.test(location.href)) return;
    try {
      await sendMessage('reportPageState', this.state());
    } catch {
      // The background may be restarting; the next pass reports again.
    }
  }

  /** Updates counts changed between passes (a highlight just saved) and reports them. */
  setCounts(counts: Partial<Pick<PageState, 'terms' | 'highlights' | 'orphans'>>): void {
    Object.assign(this.counts, counts);
    const root = document.documentElement;
    root.dataset.vrHighlights = String(this.counts.highlights);
    root.dataset.vrOrphans = String(this.counts.orphans);
    root.dataset.vrTerms = String(this.counts.terms);
    void this.report();
  }

  setMode(mode: ViewMode): void {
    this.view.setMode(mode);
    this.modes.refresh();
  }
}
