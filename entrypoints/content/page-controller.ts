/**
 * The page controller: the one owner of the page model. Each pass collects the readable blocks
 * (all of them on the first pass and after navigation, only the changed regions afterwards), has
 * the background analyse new text, resolves the page against the corpus, finds its terms,
 * anchors its saved highlights, and builds one immutable {@link PageSnapshot}. Then, in one go,
 * it writes the English renderings, paints highlights, hands the snapshot to every feature and
 * publishes the page's state. The terms are painted where the reader is (terms-near-view.ts), and
 * the page is ready once those near the view are.
 *
 * The work before that write is sliced so no task runs long; the writes are not, so the browser
 * lays out and paints the page once for them rather than once per slice.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { COLOURS } from '@/core/highlight-record';
import { resolvePage, type BlockResolution } from '@/core/corpus-resolve';
import { sendMessage } from '@/lib/messaging';
import type { TermHit, ViewMode } from '@/lib/protocol';
import { DEFAULT_TERM_UNDERLINE, termUnderline, type TermUnderline } from '@/lib/settings';
import { PageAnalysis } from './analysis';
import { findHeadlines, planHeadlines, titleKey } from './headline';
import { paintedHits, type ChromeMemo } from './article-text';
import { collectBlocks, isInSkippedSubtree, ownerOf, type PageBlock } from './blocks';
import { paint, unpaintAll } from './paint';
import { anchorHighlights, englishNodesOf, PageHighlights } from './page-highlights';
import { PageSnapshot, type AnchoredHighlights } from './page-snapshot';
import { StatePublisher } from './page-state';
import { PageText } from './page-text';
import type { PageChanges } from './page-watch';
import { planRenderings, Renderings } from './renderings';
import { NO_PACING, Pacer } from './scheduler';
import { occurrencesIn, TermIndex, type TermOccurrence } from './term-index';
import { TermsNearView } from './terms-near-view';

export const TERM_HIGHLIGHT = 'vr-term';
export const highlightName = (colour: string) => `vr-highlight-${colour}`;
export const NOTED_HIGHLIGHT = 'vr-noted';

/** A feature reading the page model. */
export interface PageFeature {
  /** A new snapshot of the page (after a pass, or after its highlights changed). */
  onSnapshot?(snapshot: PageSnapshot): void;
  /** The reading mode changed. */
  onMode?(mode: ViewMode): void;
  /** The page navigated without a load: drop what belonged to the previous page. */
  onNavigate?(): void;
}

/** First retry of an analysis the background could not give, then doubling up to the last. */
const RETRY_MS: readonly number[] = [2_000, 8_000, 30_000];

function byDocumentOrder(a: PageBlock, b: PageBlock): number {
  if (a.element === b.element) return 0;
  return a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** True when `element` is one of `set` or inside one of them (in its tree, as contains() says). */
function withinAny(element: Element | null, set: ReadonlySet<Element>): boolean {
  for (let e: Element | null = element; e; e = e.parentElement) if (set.has(e)) return true;
  return false;
}

/**
 * Keeps only the outermost of a set of elements. Each looks up its own ancestors, not every other
 * element: a burst of changes over a long page can name thousands of them.
 */
function outermost(elements: Iterable<Element>): Element[] {
  const set = new Set([...elements].filter((e) => e.isConnected));
  return [...set].filter((e) => !withinAny(e.parentElement, set));
}

export class PageController {
  private readonly analysis = new PageAnalysis();
  private readonly renderings: Renderings;
  private readonly highlights = new PageHighlights();
  private readonly publisher = new StatePublisher();
  /** The terms' paint, which follows the view; the page is ready once it is there. */
  private readonly termPaint = new TermsNearView(TERM_HIGHLIGHT, () => this.publish());
  private readonly features: PageFeature[] = [];
  /**
   * Each block's painted hits, and their occurrences once built, kept while the block and its
   * analysis stay the same: the same StaticRange objects, so painting them again changes nothing.
   */
  private readonly termCache = new WeakMap<
    PageBlock,
    {
      analysis: object;
      underline: TermUnderline;
      hits: readonly TermHit[];
      occurrences: readonly TermOccurrence[] | null;
    }
  >();
  /** What the reader has underlined (names and terms, names, nothing): read before the first pass. */
  private underline: TermUnderline = DEFAULT_TERM_UNDERLINE;
  private readonly underlineRead: Promise<void>;
  private current = PageSnapshot.empty();
  private generation = 0;
  private running: Promise<void> | null = null;
  private queued: { full: boolean; roots: Set<Element>; containers: Set<Element> } | null = null;
  private dirty = false;
  /** A pass is reading the page (its snapshot is not shown yet). */
  private passing = false;
  private retries = 0;
  /** The retry waiting to run, if any: one at a time, however many passes came up short. */
  private retry: number | undefined;
  private reportedAnchoring = '';

  constructor(
    private readonly ctx: ContentScriptContext,
    mode: ViewMode,
    private readonly retryMs: readonly number[] = RETRY_MS,
  ) {
    this.renderings = new Renderings(mode);
    this.publisher.scanning();
    ctx.onInvalidated(() => this.destroy());
    // A page hidden before the terms near the view were painted is ready without them.
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (this.current.generation > 0) this.publish();
    });
    this.underlineRead = termUnderline.getValue().then(
      (u) => void (this.underline = u),
      () => undefined,
    );
    ctx.onInvalidated(termUnderline.watch((u) => this.setUnderline(u)));
  }

  /** The underline setting changed: the page's blocks, whose text has not, are painted the new way. */
  private setUnderline(u: TermUnderline): void {
    if (u === this.underline) return;
    this.underline = u;
    this.passOverKept();
  }

  /**
   * A pass that reads no block again (none is named as changed, so `collect` keeps them all): the
   * analysis asks only for texts it has no answer for, and the terms, renderings and state follow.
   */
  private passOverKept(): void {
    void this.enqueue(false, new Set());
  }

  /** The page model as of the last pass. */
  get snapshot(): PageSnapshot {
    return this.current;
  }

  get viewMode(): ViewMode {
    return this.renderings.viewMode;
  }

  /** Our renderings removed by us, so the page watcher does not take them for the page's doing. */
  get removedByUs(): WeakSet<Node> {
    return this.renderings.removedByUs;
  }

  addFeature(feature: PageFeature): void {
    this.features.push(feature);
  }

  /** Marks the page as having unprocessed changes. */
  markDirty(): void {
    this.dirty = true;
    this.publisher.scanning();
  }

  /** Runs a full pass now (or after the one running). */
  runFull(): Promise<void> {
    return this.enqueue(true, new Set());
  }

  /** Handles a burst of page changes. */
  onChanges(changes: PageChanges): Promise<void> {
    if (changes.navigated) {
      this.highlights.reload();
      this.reportedAnchoring = '';
      for (const f of this.features) f.onNavigate?.();
    }
    return this.enqueue(changes.navigated, changes.roots, changes.containers);
  }

  private enqueue(full: boolean, roots: Set<Element>, containers = new Set<Element>()): Promise<void> {
    if (this.queued) {
      this.queued.full ||= full;
      for (const r of roots) this.queued.roots.add(r);
      for (const c of containers) this.queued.containers.add(c);
    } else {
      this.queued = { full, roots: new Set(roots), containers: new Set(containers) };
    }
    this.running ??= this.drain();
    return this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queued && this.ctx.isValid) {
        const { full, roots, containers } = this.queued;
        this.queued = null;
        this.dirty = false;
        await this.pass(full || this.current.blocks.length === 0, roots, containers);
      }
    } finally {
      this.running = null;
    }
  }

  /**
   * The page's blocks after a change. A block's own text only changes through mutations whose
   * target is the block or something inline in it, so re-reading the blocks that own the changed
   * nodes (and everything under them) is enough; the rest are kept as they were, the same objects,
   * so what features hold on to (an open popover's term) survives an unrelated change.
   */
  private async collect(
    full: boolean,
    roots: Set<Element>,
    containers: Set<Element>,
    pacer: Pacer,
  ): Promise<PageBlock[]> {
    const body = document.body;
    if (!body) return [];
    if (full) return collectBlocks(body, pacer);
    const onPage = (e: Element) => e.isConnected && body.contains(e) && !isInSkippedSubtree(e);
    const owners = [...roots].filter(onPage).map((r) => ownerOf(r, body));
    // A container's block is read again only when it holds text itself: a child block added or
    // removed there splits or joins that text. Blocks made of children alone are unchanged.
    const holdsText = new Set(containers.size > 0 ? this.current.blocks.map((b) => b.element) : []);
    for (const c of containers) {
      if (!onPage(c)) continue;
      const owner = ownerOf(c, body);
      if (holdsText.has(owner)) owners.push(owner);
    }
    const regions = outermost(owners);
    const inRegions = new Set(regions);
    const kept = this.current.blocks.filter((b) => b.element.isConnected && !withinAny(b.element, inRegions));
    const fresh: PageBlock[] = [];
    for (const region of regions) fresh.push(...(await collectBlocks(region, pacer)));
    return [...kept, ...fresh].sort(byDocumentOrder);
  }

  private async pass(full: boolean, roots: Set<Element>, containers: Set<Element>): Promise<void> {
    this.passing = true;
    this.publisher.scanning();
    try {
      await this.read(full, roots, containers);
    } finally {
      this.passing = false;
    }
  }

  private async read(full: boolean, roots: Set<Element>, containers: Set<Element>): Promise<void> {
    const pacer = new Pacer();
    const records = this.highlights.records();
    const blocks = await this.collect(full, roots, containers, pacer);
    const text = new PageText(blocks);
    const complete = await this.analysis.analyze(blocks, pacer);
    const candidates = blocks.map((b) => this.analysis.of(b.text).candidates);
    const resolved = resolvePage(candidates);
    const resolutions = new Map<PageBlock, BlockResolution>();
    blocks.forEach((b, i) => {
      if (resolved[i]!.matches.length > 0) resolutions.set(b, resolved[i]!);
    });
    const terms = await this.termsOf(blocks, pacer);
    const saved = await records;
    // Highlights on the page's text are anchored before the write, sliced; those on the English
    // need the renderings, and take no time.
    const onPage = await anchorHighlights(
      text,
      new Map(),
      saved.filter((h) => h.on !== 'english'),
      pacer,
    );
    if (!this.ctx.isValid) return;

    // From here on, one synchronous write: renderings, marks, paint, state.
    const headlines = findHeadlines(blocks, (t) => this.analysis.of(t), resolutions);
    const groups = [
      ...planRenderings(blocks, resolutions, this.analysis.english),
      ...planHeadlines(headlines, this.analysis.english),
    ];
    // The renderings first: their commit reads which blocks the page hides, and the page's style is
    // still clean then. The match attributes are in the page stylesheet's selectors ("English
    // only"), so written first they would make that read recalculate the page's style.
    const renderings = this.renderings.commit(groups);
    for (const block of this.current.blocks) {
      if (!resolutions.has(block) && !headlines.has(block) && block.element.hasAttribute('data-vr-match')) {
        block.element.removeAttribute('data-vr-match');
      }
    }
    for (const [block, r] of resolutions) {
      const value = r.matches.map((m) => `${m.articleId}:${m.index}`).join(' ');
      if (block.element.getAttribute('data-vr-match') !== value) block.element.setAttribute('data-vr-match', value);
    }
    for (const [block, id] of headlines) {
      if (block.element.getAttribute('data-vr-match') !== titleKey(id))
        block.element.setAttribute('data-vr-match', titleKey(id));
    }
    const englishNodes = englishNodesOf(renderings.values());
    const onEnglish = await anchorHighlights(
      text,
      englishNodes,
      saved.filter((h) => h.on === 'english'),
      NO_PACING,
    );
    this.passing = false;
    this.show(
      new PageSnapshot({
        generation: ++this.generation,
        blocks,
        text,
        resolutions,
        english: this.analysis.english,
        groups,
        renderings,
        englishNodes,
        terms,
        highlights: this.keepRanges({
          records: saved,
          ranges: new Map([...onPage.ranges, ...onEnglish.ranges]),
          orphans: [...onPage.orphans, ...onEnglish.orphans],
        }),
      }),
    );
    this.scheduleRetry(complete);
  }

  /**
   * The terms of the blocks: each block's hits now, its occurrences when first asked for (see
   * TermIndex), reusing those of blocks whose text and analysis are unchanged. Only the article's
   * text is painted (not menus, headers, link lists), and only the classes the reader chose; every
   * other word is still looked up on hover.
   */
  private async termsOf(blocks: readonly PageBlock[], pacer: Pacer): Promise<TermIndex> {
    await this.underlineRead;
    const underline = this.underline;
    const hits = new Map<PageBlock, readonly TermHit[]>();
    const chromeAnswers: ChromeMemo = new Map();
    for (const block of blocks) {
      const analysis = this.analysis.of(block.text);
      let cached = this.termCache.get(block);
      if (cached?.analysis !== analysis || cached.underline !== underline) {
        cached = {
          analysis,
          underline,
          hits: paintedHits(block, analysis.terms, underline, chromeAnswers),
          occurrences: null,
        };
        this.termCache.set(block, cached);
        if (pacer.due()) {
          await pacer.yield();
          // The page ran meanwhile: its class names and its tree may have changed.
          chromeAnswers.clear();
        }
      }
      if (cached.hits.length > 0) hits.set(block, cached.hits);
    }
    const cache = this.termCache;
    return new TermIndex(hits, (block, blockHits) => {
      const entry = cache.get(block);
      if (entry?.hits !== blockHits) return occurrencesIn(block, blockHits);
      return (entry.occurrences ??= occurrencesIn(block, blockHits));
    });
  }

  /**
   * The same StaticRange objects for highlights that were anchored where they were last time, so
   * painting them again changes nothing on the page (see paint.ts).
   */
  private keepRanges(highlights: AnchoredHighlights): AnchoredHighlights {
    const before = this.current.highlights.ranges;
    const same = (a: StaticRange, b: StaticRange) =>
      a.startContainer === b.startContainer &&
      a.startOffset === b.startOffset &&
      a.endContainer === b.endContainer &&
      a.endOffset === b.endOffset;
    const ranges = new Map(
      [...highlights.ranges].map(([id, r]) => {
        const old = before.get(id);
        return [id, old && same(old, r) ? old : r];
      }),
    );
    return { ...highlights, ranges };
  }

  /** Makes a snapshot current: paints it, hands it to the features, publishes the state. */
  private show(snapshot: PageSnapshot): void {
    this.current = snapshot;
    this.termPaint.show(snapshot.terms);
    this.paintHighlights(snapshot);
    for (const f of this.features) f.onSnapshot?.(snapshot);
    this.publish();
    void this.reportAnchoring(snapshot);
  }

  private paintHighlights(snapshot: PageSnapshot): void {
    const { records, ranges } = snapshot.highlights;
    for (const colour of COLOURS) {
      paint(
        highlightName(colour),
        records.filter((h) => h.color === colour).flatMap((h) => ranges.get(h.id) ?? []),
      );
    }
    // A highlight with a note says so: its own underline, over a term's.
    paint(
      NOTED_HIGHLIGHT,
      records.filter((h) => h.note).flatMap((h) => ranges.get(h.id) ?? []),
      1,
    );
  }

  private publish(): void {
    const s = this.current;
    const reading = this.passing || this.queued || this.dirty;
    // Waiting only for the terms' paint (in the frame that renders the write), the page is not
    // ready for automation yet; the background hears of the pass when it is.
    const painting = !reading && this.termPaint.pending;
    this.publisher.publish(
      {
        state: reading || painting ? 'scanning' : 'ready',
        ...s.recognition(),
        terms: s.terms.count,
        highlights: s.highlights.ranges.size,
        orphans: s.highlights.orphans.length,
      },
      !painting,
    );
  }

  /** Tells the background which of the page's highlights were placed, when that changed. */
  private async reportAnchoring(snapshot: PageSnapshot): Promise<void> {
    const anchored = [...snapshot.highlights.ranges.keys()];
    const orphaned = [...snapshot.highlights.orphans];
    const key = `${location.href}|${anchored.join()}|${orphaned.join()}`;
    if (key === this.reportedAnchoring || (anchored.length === 0 && orphaned.length === 0)) return;
    this.reportedAnchoring = key;
    await sendMessage('reportAnchoring', { url: location.href, anchored, orphaned }).catch(() => undefined);
  }

  /**
   * Analysis the background could not give this pass is asked for again later, backing off, over
   * the blocks as they are (the changes the page watcher sees have passes of their own). Naming
   * every block as changed instead re-read the whole page, and on a 1 MB page its thousands of
   * blocks took a second to sort out.
   */
  private scheduleRetry(complete: boolean): void {
    if (complete) {
      // Everything has its answer: a retry still waiting has nothing left to ask.
      this.retries = 0;
      if (this.retry !== undefined) clearTimeout(this.retry);
      this.retry = undefined;
      return;
    }
    // Passes the page's changes set off while the background refuses (a feed growing under a rate
    // limit) each come up short: the retry already waiting asks for all of them.
    if (this.retry !== undefined) return;
    const wait = this.retryMs[Math.min(this.retries++, this.retryMs.length - 1)]!;
    this.retry = this.ctx.setTimeout(() => {
      this.retry = undefined;
      this.passOverKept();
    }, wait);
  }

  /**
   * Anchors the page's highlights again without a whole pass: a highlight was saved here, or the
   * background says they changed elsewhere (`reload`).
   */
  async refreshHighlights(reload = false): Promise<void> {
    if (reload) this.highlights.reload();
    const base = this.current;
    const highlights = await anchorHighlights(
      base.text,
      base.englishNodes,
      await this.highlights.records(),
      new Pacer(),
    );
    // A pass that finished meanwhile anchored against newer text; keep its answer.
    if (this.current !== base || !this.ctx.isValid) return;
    this.show(base.withHighlights(this.keepRanges(highlights)));
  }

  /** A highlight was just saved on this page: show it at once. */
  async highlightSaved(record: Parameters<PageHighlights['add']>[0]): Promise<void> {
    this.highlights.add(record);
    await this.refreshHighlights();
  }

  setMode(mode: ViewMode): void {
    this.renderings.setMode(mode);
    for (const f of this.features) f.onMode?.(mode);
  }

  /** Everything this content script put on the page comes off it. */
  private destroy(): void {
    this.renderings.destroy();
    this.termPaint.destroy();
    for (const b of this.current.blocks) b.element.removeAttribute('data-vr-match');
    unpaintAll();
    this.publisher.clear();
  }
}
