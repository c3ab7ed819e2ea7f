/**
 * Saving highlights: a toolbar next to any selection of the page's readable text (by mouse or
 * keyboard), and the same action from the keyboard shortcut and the context menu. A highlight is
 * stored as selectors over the page's text, with the corpus paragraph and glossary terms it lies
 * in when the page shows a corpus article.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { keyOf } from '@/core/corpus-resolve';
import {
  DEFAULT_COLOUR_MEANINGS,
  COLOURS,
  type Colour,
  type CorpusLink,
  type HighlightDraft,
} from '@/core/highlight-record';
import type { Rect } from '@/core/placement';
import { describe } from '@/core/text-anchor';
import { sendMessage } from '@/lib/messaging';
import { SAVE_MEASURE } from '@/lib/protocol';
import { colourMeanings } from '@/lib/settings';
import type { ToolbarStatus } from '@/components/SelectionToolbar';
import type { HighlightsFeature } from './highlights';
import { ensureOverlay, isOverlay, overlayStore } from './overlay';
import type { BilingualView } from './paragraphs';
import type { TermsFeature } from './terms';

const SETTLE_MS = 150;

/** A selection of the page's text, as offsets in the highlights' page text. */
interface PageSelection {
  start: number;
  end: number;
  range: StaticRange;
  rect: Rect;
}

export class SelectionToolbarController {
  private timer: number | undefined;
  private meanings: Record<Colour, string> = DEFAULT_COLOUR_MEANINGS;
  private current: PageSelection | null = null;
  /** Called with the new counts after a highlight is saved. */
  onSaved: (highlights: number) => void = () => {};

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly highlights: HighlightsFeature,
    private readonly view: BilingualView,
    private readonly terms: TermsFeature,
  ) {
    void colourMeanings.getValue().then((m) => (this.meanings = m));
    ctx.onInvalidated(colourMeanings.watch((m) => (this.meanings = m ?? DEFAULT_COLOUR_MEANINGS)));
    ctx.addEventListener(document, 'selectionchange', () => this.schedule());
    ctx.addEventListener(document, 'mouseup', (e) => !isOverlay(e.target) && this.schedule(10), { capture: true });
    ctx.addEventListener(document, 'keydown', (e) => {
      if (e.key === 'Escape' && overlayStore.get().toolbar) this.hide();
    });
  }

  private schedule(delay = SETTLE_MS): void {
    window.clearTimeout(this.timer);
    this.timer = this.ctx.setTimeout(() => void this.check(), delay);
  }

  /** The current selection, if it lies in the page's readable text. */
  private selection(): PageSelection | null {
    const sel = getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const r = sel.getRangeAt(0);
    const text = this.highlights.text;
    const start = text.offsetOf(r.startContainer, r.startOffset);
    const end = text.offsetOf(r.endContainer, r.endOffset, true);
    if (start === null || end === null || end <= start) return null;
    if (!text.text.slice(start, end).trim()) return null;
    const range = text.rangeOf(start, end);
    if (!range) return null;
    const rects = r.getClientRects();
    const last = rects[rects.length - 1] ?? r.getBoundingClientRect();
    return { start, end, range, rect: { left: last.left, top: last.top, width: last.width, height: last.height } };
  }

  private async check(): Promise<void> {
    // Typing a note moves focus into our toolbar, which clears the page's selection: the
    // toolbar keeps the selection it was opened for.
    if (isOverlay(document.activeElement)) return;
    const current = this.selection();
    if (!current) {
      // Leave the toolbar alone while it is busy or showing a result.
      const status = overlayStore.get().toolbar?.status.kind;
      if (status === 'idle' || status === undefined) this.hide();
      return;
    }
    this.current = current;
    await ensureOverlay(this.ctx);
    this.show({ kind: 'idle' });
  }

  private show(status: ToolbarStatus): void {
    if (!this.current) return;
    overlayStore.set({
      toolbar: {
        anchor: this.current.rect,
        colours: COLOURS.map((colour) => ({ colour, meaning: this.meanings[colour] })),
        defaultColour: 'yellow',
        status,
        onHighlight: (colour, note) => void this.save(colour, note),
        onDismiss: () => this.hide(),
      },
    });
  }

  hide(): void {
    this.current = null;
    if (overlayStore.get().toolbar) overlayStore.set({ toolbar: null });
  }

  /** The keyboard shortcut and the context menu: highlight the selection in the default colour. */
  async highlightSelection(): Promise<boolean> {
    this.current = this.selection();
    if (!this.current) return false;
    await ensureOverlay(this.ctx);
    return this.save('yellow', '');
  }

  private async corpusLink(start: number, end: number): Promise<CorpusLink | null> {
    const at = this.highlights.text.blockAt(start);
    if (!at) return null;
    const english = this.view.englishFor(at.block.element);
    const first = this.view.matchedBlocks().find((m) => m.block.element === at.block.element)?.resolution.matches[0];
    if (!first) return null;
    const paragraph = english.find((p) => p.key === keyOf(first)) ?? english[0];
    const inQuote = this.terms
      .inBlocks([at.block.element])
      .filter((o) => o.start >= at.local && o.end <= at.local + (end - start));
    await this.terms.ensureEntries(inQuote.map((o) => o.entryId)).catch(() => undefined);
    const seen = new Set<number>();
    return {
      articleId: first.articleId,
      paragraphIndex: first.index,
      english: paragraph?.en ?? '',
      terms: inQuote
        .filter((o) => !seen.has(o.entryId) && seen.add(o.entryId))
        .flatMap((o) => {
          const e = this.terms.entry(o.entryId);
          return e ? [{ vi: e.vi, en: e.en[0] ?? '' }] : [];
        }),
    };
  }

  private async save(colour: Colour, note: string): Promise<boolean> {
    const selection = this.current;
    if (!selection) return false;
    this.show({ kind: 'saving' });
    const started = performance.now();
    const { quote, position } = describe(this.highlights.text.text, selection.start, selection.end);
    const draft: HighlightDraft = {
      url: location.href,
      title: document.title.slice(0, 1000),
      quote,
      position,
      color: colour,
      note,
      tags: [],
      corpus: await this.corpusLink(selection.start, selection.end),
    };
    try {
      const saved = await sendMessage('saveHighlight', { draft });
      // User Timing, visible to DevTools and to the benchmark: from the click to the committed record.
      performance.measure(SAVE_MEASURE, { start: started });
      const { highlights } = this.highlights.add(saved, selection.range);
      this.onSaved(highlights);
      getSelection()?.removeAllRanges();
      this.show({ kind: 'saved' });
      this.ctx.setTimeout(() => {
        if (overlayStore.get().toolbar?.status.kind === 'saved') this.hide();
      }, 1200);
      return true;
    } catch (error) {
      this.show({
        kind: 'error',
        message: error instanceof Error ? error.message.replace(/^saveHighlight: /, '') : String(error),
      });
      return false;
    }
  }
}
