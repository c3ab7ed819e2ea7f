/**
 * Saving highlights: a toolbar next to any selection of the page's readable text (by mouse or
 * keyboard), and the same action from the keyboard shortcut and the context menu. A highlight is
 * stored as selectors over the page's text, with the corpus paragraph and glossary terms it lies
 * in when the page shows a corpus article; all of that is read from the page model's snapshot.
 *
 * The page is not trusted: clicks it makes up on our buttons (`isTrusted` false) save nothing,
 * and a note is typed in the note editor, an extension frame whose keys the page never sees.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { keyOf } from '@/core/corpus-resolve';
import {
  COLOURS,
  DEFAULT_COLOUR_MEANINGS,
  type Colour,
  type CorpusLink,
  type HighlightDraft,
  type HighlightRecord,
} from '@/core/highlight-record';
import type { Rect } from '@/core/placement';
import { englishSentencesCovering } from '@/core/sentence-link';
import { describe } from '@/core/text-anchor';
import { sendMessage } from '@/lib/messaging';
import { colourMeanings } from '@/lib/settings';
import type { ToolbarStatus } from '@/components/SelectionToolbar';
import { rectOf } from './dom-ranges';
import { extensionPageUrl } from './extension-pages';
import type { GlossaryEntries } from './glossary-entries';
import { ensureOverlay, isFromOverlay, isOverlay, overlayStore } from './overlay';
import type { PageFeature } from './page-controller';
import type { PageSnapshot } from './page-snapshot';
import { alignedEnglishIn } from './sentence-link';

const SETTLE_MS = 150;
/** How long "Saved." stays (it fades out meanwhile) before the toolbar goes. */
const SAVED_MS = 1400;

/**
 * A selection to highlight: in the page's text (offsets in the snapshot's page text), or in the
 * English rendering of one corpus paragraph (offsets in that paragraph's English).
 */
interface PageSelection {
  snapshot: PageSnapshot;
  start: number;
  end: number;
  rect: Rect;
  /** The corpus paragraph whose English is selected; absent for the page's own text. */
  english?: { key: string; text: string };
}

export class SelectionToolbarController implements PageFeature {
  private timer: number | undefined;
  private meanings: Record<Colour, string> = DEFAULT_COLOUR_MEANINGS;
  private snapshot: PageSnapshot | null = null;
  private current: PageSelection | null = null;
  /** The staged highlight whose note is being written, if any. */
  private staged: string | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly entries: GlossaryEntries,
    /** Called once a highlight made here is saved (the controller repaints). */
    private readonly onSaved: (record: HighlightRecord) => Promise<void>,
  ) {
    void colourMeanings.getValue().then((m) => (this.meanings = m));
    ctx.onInvalidated(colourMeanings.watch((m) => (this.meanings = m)));
    ctx.addEventListener(document, 'selectionchange', () => this.schedule());
    ctx.addEventListener(document, 'mouseup', (e) => e.isTrusted && !isFromOverlay(e) && this.schedule(10), {
      capture: true,
    });
    ctx.addEventListener(document, 'keydown', (e) => {
      if (e.isTrusted && e.key === 'Escape' && overlayStore.get().toolbar) this.hide();
    });
    // "Saved." is a receipt, not a control: the reader pressing anywhere else on the page has
    // moved on, and a card opened by clicking the new highlight must not sit under it.
    ctx.addEventListener(
      document,
      'mousedown',
      (e) => {
        if (e.isTrusted && !isFromOverlay(e) && overlayStore.get().toolbar?.status.kind === 'saved') this.hide();
      },
      { capture: true },
    );
  }

  onSnapshot(snapshot: PageSnapshot): void {
    this.snapshot = snapshot;
  }

  onNavigate(): void {
    this.hide();
    this.closeNote();
  }

  private schedule(delay = SETTLE_MS): void {
    window.clearTimeout(this.timer);
    this.timer = this.ctx.setTimeout(() => void this.check(), delay);
  }

  /** The current selection, if it lies in the page's readable text. */
  private selection(): PageSelection | null {
    const snapshot = this.snapshot;
    const sel = getSelection();
    if (!snapshot || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const r = sel.getRangeAt(0);
    const rects = r.getClientRects();
    const last = rects[rects.length - 1] ?? r.getBoundingClientRect();
    const rect = { left: last.left, top: last.top, width: last.width, height: last.height };
    // Inside one English paragraph of a rendering: a highlight on the English.
    const key = snapshot.englishKeyOf(r.startContainer);
    if (key) {
      const node = r.startContainer as Text;
      if (r.endContainer !== node || !node.data.slice(r.startOffset, r.endOffset).trim()) return null;
      return { snapshot, start: r.startOffset, end: r.endOffset, rect, english: { key, text: node.data } };
    }
    const text = snapshot.text;
    const start = text.offsetOf(r.startContainer, r.startOffset);
    const end = text.offsetOf(r.endContainer, r.endOffset, true);
    if (start === null || end === null || end <= start) return null;
    if (!text.text.slice(start, end).trim()) return null;
    if (!text.rangeOf(start, end)) return null;
    return { snapshot, start, end, rect };
  }

  private async check(): Promise<void> {
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
        avoid: this.englishBelow(this.current),
        colours: COLOURS.map((colour) => ({ colour, meaning: this.meanings[colour] })),
        defaultColour: 'yellow',
        status,
        onHighlight: (colour, e) => {
          if (e.isTrusted) void this.save(colour);
        },
        onAddNote: (colour, e) => {
          if (e.isTrusted) void this.writeNote(colour);
        },
        onDismiss: () => this.hide(),
      },
    });
  }

  /** The English rendering of the paragraph a selection of the page's text is in, to keep clear of. */
  private englishBelow(selection: PageSelection): Rect[] {
    if (selection.english) return [];
    const at = selection.snapshot.text.blockAt(selection.start);
    const rendering = at && selection.snapshot.renderingOf(at.block)?.element;
    return rendering ? [rectOf(rendering)] : [];
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
    return this.save('yellow');
  }

  /** The corpus paragraph a selection lies in, its English, and the glossary terms inside it. */
  private async corpusLink(selection: PageSelection): Promise<CorpusLink | null> {
    const { snapshot, start, end } = selection;
    if (selection.english) {
      const [articleId, index] = selection.english.key.split(':');
      const p = snapshot.paragraphOf(selection.english.key);
      const englishSentence = p?.sentences
        ? englishSentencesCovering({ en: p.en, sentences: p.sentences }, start, end)
        : '';
      return {
        articleId: articleId!,
        paragraphIndex: Number(index),
        english: selection.english.text,
        ...(englishSentence ? { englishSentence } : {}),
        terms: [],
      };
    }
    const at = snapshot.text.blockAt(start);
    if (!at) return null;
    const first = snapshot.resolutionOf(at.block)?.matches[0];
    if (!first) return null;
    const english = snapshot.englishOf(at.block);
    const paragraph = english.find((p) => p.key === keyOf(first)) ?? english[0];
    const inQuote = snapshot.terms
      .inBlocks([at.block])
      .filter((o) => o.start >= at.local && o.end <= at.local + (end - start));
    await this.entries.ensure(inQuote.map((o) => o.entryId)).catch(() => undefined);
    const seen = new Set<number>();
    const englishSentence = alignedEnglishIn(
      snapshot,
      at.block,
      at.local,
      Math.min(at.block.text.length, at.local + (end - start)),
    );
    return {
      articleId: first.articleId,
      paragraphIndex: first.index,
      english: paragraph?.en ?? '',
      ...(englishSentence ? { englishSentence } : {}),
      terms: inQuote
        .filter((o) => !seen.has(o.entryId) && seen.add(o.entryId))
        .flatMap((o) => {
          const e = this.entries.get(o.entryId);
          return e ? [{ vi: e.vi, en: e.en[0] ?? '' }] : [];
        }),
    };
  }

  private async draft(selection: PageSelection, colour: Colour): Promise<HighlightDraft> {
    const within = selection.english?.text ?? selection.snapshot.text.text;
    const { quote, position } = describe(within, selection.start, selection.end);
    return {
      url: location.href,
      title: document.title.slice(0, 1000),
      quote,
      position,
      color: colour,
      note: '',
      tags: [],
      corpus: await this.corpusLink(selection),
      ...(selection.english ? { on: 'english' as const } : {}),
    };
  }

  private async save(colour: Colour): Promise<boolean> {
    const selection = this.current;
    if (!selection) return false;
    this.show({ kind: 'saving' });
    try {
      const saved = await sendMessage('saveHighlight', { draft: await this.draft(selection, colour) });
      await this.onSaved(saved);
      getSelection()?.removeAllRanges();
      this.show({ kind: 'saved' });
      this.ctx.setTimeout(() => {
        if (overlayStore.get().toolbar?.status.kind === 'saved') this.hide();
      }, SAVED_MS);
      return true;
    } catch (error) {
      this.show({ kind: 'error', message: messageOf(error) });
      return false;
    }
  }

  /** "Add note": the highlight waits in the background while its note is written in the frame. */
  private async writeNote(colour: Colour): Promise<void> {
    const selection = this.current;
    if (!selection) return;
    this.show({ kind: 'saving' });
    try {
      const { token } = await sendMessage('stageHighlight', { draft: await this.draft(selection, colour) });
      this.staged = token;
      overlayStore.set({
        toolbar: null,
        note: {
          anchor: selection.rect,
          src: extensionPageUrl('/note-editor.html', { token }),
          title: 'Write a note for this highlight',
          testId: 'note-editor',
          width: 340,
          height: 250,
          focus: true,
        },
      });
      this.current = null;
    } catch (error) {
      this.show({ kind: 'error', message: messageOf(error) });
    }
  }

  /** The note editor finished: saved (the background tells the page to repaint) or cancelled. */
  noteDone(token: string, saved: boolean): void {
    if (token !== this.staged) return;
    this.closeNote();
    if (saved) getSelection()?.removeAllRanges();
  }

  private closeNote(): void {
    this.staged = null;
    if (overlayStore.get().note) overlayStore.set({ note: null });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.replace(/^\w+: /, '') : String(error);
}
