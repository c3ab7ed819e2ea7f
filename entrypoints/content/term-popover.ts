/**
 * The glossary popover's behaviour: which term is under the pointer (caretPositionFromPoint,
 * checked against the term's own boxes), when to open (the pointer has settled; optionally a
 * modifier is held), pinning, Esc, the keyboard shortcut, reading aloud, and the links between a
 * Vietnamese term and its English counterpart in the paragraph's rendering. It reads the page
 * model's snapshot: the terms, and which rendering shows a block's English.
 *
 * Only the reader's own input counts: events a page script makes up (`isTrusted` false) are
 * ignored, so a page cannot open, pin or drive the popover.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { findForms } from '@/core/english-forms';
import type { GlossaryEntry } from '@/core/glossary-format';
import type { Rect } from '@/core/placement';
import { caretAt, type Caret } from './caret';
import { pointIn, rectOf, textRange } from './dom-ranges';
import type { GlossaryEntries } from './glossary-entries';
import { LeaveGrace } from './leave-grace';
import { ensureOverlay, isFromOverlay, isTyping, originOf, overlayStore } from './overlay';
import { paint } from './paint';
import type { PageFeature } from './page-controller';
import type { PageSnapshot, RenderingGroup } from './page-snapshot';
import type { PointerRest, Rest, RestListener } from './pointer-rest';
import { readAloud, vietnameseVoice } from './read-aloud';
import type { TermOccurrence } from './term-index';
import type { WordActions } from './word-actions';

const ACTIVE = 'vr-term-active';
const LINKED = 'vr-term-linked';
/** How long the popover survives the pointer leaving the term, so it can move into the popover. */
const LEAVE_GRACE_MS = 250;

/** An English span in a rendering linked to a glossary entry. */
interface EnglishLink {
  readonly entry: number;
  readonly range: StaticRange;
}

export class TermPopover implements PageFeature, RestListener {
  private snapshot: PageSnapshot | null = null;
  private readonly grace: LeaveGrace;
  private current: TermOccurrence | null = null;
  private pinned = false;
  private insidePopover = false;
  private readonly links = new WeakMap<Element, { text: string; links: EnglishLink[] }>();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly rest: PointerRest,
    private readonly entries: GlossaryEntries,
    private readonly actions?: WordActions,
  ) {
    this.grace = new LeaveGrace(ctx, LEAVE_GRACE_MS);
    rest.add(this);
    ctx.addEventListener(document, 'mousedown', (e) => this.onMouseDown(e), { capture: true });
    ctx.addEventListener(document, 'click', (e) => this.onClick(e), { capture: true });
    ctx.addEventListener(document, 'keydown', (e) => this.onKey(e), { capture: true });
    // A selection being made closes the popover, pinned or not: the reader has moved on to
    // highlighting, and the selection toolbar takes that place. (A plain click leaves the
    // selection collapsed, so clicking a term still pins it.)
    ctx.addEventListener(document, 'selectionchange', () => {
      if (this.current && getSelection()?.isCollapsed === false) this.close();
    });
    ctx.addEventListener(window, 'scroll', () => this.reposition(), { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', () => this.reposition(), { passive: true });
  }

  onSnapshot(snapshot: PageSnapshot): void {
    this.snapshot = snapshot;
    // The term the popover is about may have left the page with this pass.
    if (this.current && !snapshot.terms.has(this.current)) this.close();
  }

  onNavigate(): void {
    this.close();
  }

  /** A button held while moving is a selection being made: the popover gives way to it. */
  onDrag(): void {
    if (this.current) this.close();
  }

  /** The pointer paused over a painted term: fetch its entries (claiming the point), show nothing yet. */
  onPause({ x, y, caret }: Rest): boolean {
    const hit = this.snapshot && caret ? this.snapshot.terms.at(caret.node, caret.offset) : null;
    if (!hit || !pointIn(hit.range, x, y)) return false;
    if (!this.pinned && hit !== this.current) void this.entries.ensure(this.entryIds(hit)).catch(() => undefined);
    return true;
  }

  /** The pointer has rested: open the term under it (claiming the rest), or start closing. */
  onRest({ x, y, caret }: Rest): boolean {
    if (!this.snapshot) return false;
    const hit = caret ? this.snapshot.terms.at(caret.node, caret.offset) : null;
    if (hit && pointIn(hit.range, x, y)) {
      this.grace.cancel();
      if (!this.pinned && hit !== this.current) void this.open(hit, false);
      return true;
    }
    // Not on a Vietnamese term: perhaps on the English counterpart of one.
    void this.linkFromEnglish(caret, { x, y });
    if (this.current && !this.pinned && !this.insidePopover) this.scheduleLeave();
    return false;
  }

  private scheduleLeave(): void {
    this.grace.start(() => {
      if (!this.pinned && !this.insidePopover) this.close();
    });
  }

  /** The rendering showing an occurrence's paragraph, and the blocks it renders. */
  private renderingOf(o: TermOccurrence): { group: RenderingGroup; element: HTMLElement } | undefined {
    return this.snapshot?.renderingOf(o.block);
  }

  /** Opens the popover of an occurrence. */
  private async open(occurrence: TermOccurrence, pinned: boolean): Promise<void> {
    this.current = occurrence;
    this.pinned = pinned;
    this.insidePopover = false;
    await Promise.all([ensureOverlay(this.ctx), this.entries.ensure(this.entryIds(occurrence))]);
    const entry = this.entries.get(occurrence.entryId);
    if (this.current !== occurrence || !entry) return;
    paint(ACTIVE, [occurrence.range]);
    paint(LINKED, this.englishFor(occurrence));
    this.openActions(entry, occurrence, pinned);
    overlayStore.set({
      popover: this.props(entry, rectOf(occurrence.range)),
      announcement: `${entry.vi}: ${entry.en.join(', ')}. ${entry.note.replace(/<[^>]*>/g, '')}`,
    });
  }

  /** The entry of an occurrence, and those of its paragraph (for the English counterparts). */
  private entryIds(occurrence: TermOccurrence): number[] {
    const sources = this.renderingOf(occurrence)?.group.sources ?? [occurrence.block];
    return [occurrence.entryId, ...(this.snapshot?.terms.inBlocks(sources) ?? []).map((o) => o.entryId)];
  }

  /** Save word, I know this and the lookup history, for the term's entry where it is on the page. */
  private openActions(entry: GlossaryEntry, o: TermOccurrence, pinned: boolean): void {
    const r = o.range;
    if (!this.actions || !(r.startContainer instanceof Text)) return;
    const end = r.endContainer === r.startContainer ? r.endOffset : r.startContainer.data.length;
    if (end <= r.startOffset) return;
    const sense = {
      pos: entry.kind,
      gloss: entry.en.join('; ').slice(0, 1000),
      source: 'glossary' as const,
      entryKey: `g:${entry.id}`,
    };
    this.actions.open(
      this,
      { headword: entry.vi, sense, han: entry.han },
      { node: r.startContainer, start: r.startOffset, end },
      pinned,
    );
  }

  /** The English rendering of the current term's paragraph, which the popover keeps clear of. */
  private avoid(): Rect[] {
    const shown = this.current && this.renderingOf(this.current);
    return shown ? [rectOf(shown.element)] : [];
  }

  private props(entry: GlossaryEntry, anchor: Rect) {
    const trusted =
      (action: () => void) =>
      (e: Event): void => {
        if (e.isTrusted) action();
      };
    return {
      entry,
      anchor,
      avoid: this.avoid(),
      pinned: this.pinned,
      articles: entry.articles.flatMap((id) => {
        const t = this.entries.articleTitle(id);
        return t ? [{ id, ...t }] : [];
      }),
      canSpeak: vietnameseVoice() !== null,
      onSpeak: trusted(() => readAloud(entry.vi)),
      onPin: trusted(() => this.pin()),
      onClose: trusted(() => this.close()),
      onPointerEnter: trusted(() => {
        this.insidePopover = true;
        this.grace.cancel();
      }),
      onPointerLeave: trusted(() => {
        this.insidePopover = false;
        if (!this.pinned) this.scheduleLeave();
      }),
    };
  }

  private pin(): void {
    if (!this.current || this.pinned) return;
    this.pinned = true;
    this.actions?.pinned(this);
    const popover = overlayStore.get().popover;
    if (popover) overlayStore.set({ popover: this.props(popover.entry, popover.anchor) });
  }

  close(): void {
    this.grace.cancel();
    if (this.current) this.actions?.close(this);
    this.current = null;
    this.pinned = false;
    this.insidePopover = false;
    paint(ACTIVE, []);
    paint(LINKED, []);
    if (overlayStore.get().popover) overlayStore.set({ popover: null });
  }

  private reposition(): void {
    const popover = overlayStore.get().popover;
    if (!popover || !this.current) return;
    overlayStore.set({ popover: { ...popover, anchor: rectOf(this.current.range), avoid: this.avoid() } });
  }

  /** The term under a point, if the point is over its glyphs. */
  private termAt(x: number, y: number): TermOccurrence | null {
    const caret = caretAt(x, y);
    const hit = caret && this.snapshot ? this.snapshot.terms.at(caret.node, caret.offset) : null;
    return hit && pointIn(hit.range, x, y) ? hit : null;
  }

  /** Pressing the button anywhere but on a term closes the popover. */
  private onMouseDown(e: MouseEvent): void {
    if (!e.isTrusted || isFromOverlay(e)) return;
    if (this.current && this.termAt(e.clientX, e.clientY) !== this.current) this.close();
  }

  /**
   * A click on a term pins its popover. A click is a press and release with no selection made in
   * between: a drag that starts on a term is the reader selecting, and the popover stays closed.
   */
  private onClick(e: MouseEvent): void {
    if (!e.isTrusted || isFromOverlay(e) || getSelection()?.isCollapsed === false) return;
    const hit = this.termAt(e.clientX, e.clientY);
    if (!hit) return;
    // A click on a saved highlight opens the highlight's card instead (highlight-cards.ts).
    const caret = caretAt(e.clientX, e.clientY);
    if (caret && this.snapshot?.highlightAt(caret.node, caret.offset)) {
      this.close();
      return;
    }
    if (hit === this.current) this.pin();
    else void this.open(hit, true);
  }

  private onKey(e: KeyboardEvent): void {
    if (!e.isTrusted || !this.current) return;
    const origin = originOf(e);
    if (isTyping(origin)) return;
    if (e.key === 'Escape') {
      // The page keeps its Escape (closing its own dialogs) unless the reader is working in a
      // pinned popover.
      const inPopover = isFromOverlay(e);
      if (this.pinned && inPopover) e.stopPropagation();
      this.rest.cancel();
      this.close();
    } else if ((e.key === 'p' || e.key === 'P' || e.key === 'Enter') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      this.pin();
    }
  }

  /** The keyboard shortcut: the term at the caret or selection, pinned. */
  showAtCaret(): boolean {
    const sel = getSelection();
    if (!sel || sel.rangeCount === 0 || !this.snapshot) return false;
    const r = sel.getRangeAt(0);
    const hit =
      this.snapshot.terms.at(r.startContainer, r.startOffset) ?? this.snapshot.terms.at(r.endContainer, r.endOffset);
    if (!hit) return false;
    void this.open(hit, true);
    return true;
  }

  // Linked counterparts -------------------------------------------------------------------------

  /**
   * The English spans in a rendering that render glossary entries found in its source blocks
   * (whose entries must have been fetched).
   */
  private linksOf(group: RenderingGroup, rendering: Element): EnglishLink[] {
    const text = rendering.textContent ?? '';
    const cached = this.links.get(rendering);
    if (cached?.text === text) return cached.links;
    const entries = new Map<number, GlossaryEntry>();
    for (const o of this.snapshot?.terms.inBlocks(group.sources) ?? []) {
      const e = this.entries.get(o.entryId);
      if (!e) return []; // not fetched yet: try again next time, uncached
      entries.set(e.id, e);
    }
    const links: EnglishLink[] = [];
    const walker = document.createTreeWalker(rendering, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const node = n as Text;
      for (const entry of entries.values()) {
        for (const hit of findForms(node.data, entry.en)) {
          links.push({ entry: entry.id, range: textRange(node, hit.start, hit.end) });
        }
      }
    }
    this.links.set(rendering, { text, links });
    return links;
  }

  /** The English counterpart(s) of a Vietnamese term in its paragraph's rendering. */
  private englishFor(o: TermOccurrence): StaticRange[] {
    const shown = this.renderingOf(o);
    if (!shown) return [];
    return this.linksOf(shown.group, shown.element)
      .filter((l) => l.entry === o.entryId)
      .map((l) => l.range);
  }

  /** Hovering an English name in a rendering lights up the Vietnamese term(s) it renders. */
  private async linkFromEnglish(caret: Caret | null, p: { x: number; y: number }): Promise<void> {
    const el = caret?.node.parentElement?.closest('vr-translation');
    const group = el && this.snapshot?.groupOfElement(el);
    if (!caret || !el || !group || !this.snapshot) {
      if (!this.current) paint(LINKED, []);
      return;
    }
    await this.entries.ensure(this.snapshot.terms.inBlocks(group.sources).map((o) => o.entryId));
    const link = this.linksOf(group, el).find(
      (l) =>
        l.range.startContainer === caret.node &&
        caret.offset >= l.range.startOffset &&
        caret.offset <= l.range.endOffset,
    );
    if (!link || !pointIn(link.range, p.x, p.y)) {
      if (!this.current) paint(LINKED, []);
      return;
    }
    const vietnamese = this.snapshot.terms
      .inBlocks(group.sources)
      .filter((o) => o.entryId === link.entry)
      .map((o) => o.range);
    paint(LINKED, [link.range, ...vietnamese]);
  }
}
