/**
 * The glossary popover's behaviour: which term is under the pointer (caretPositionFromPoint,
 * checked against the term's own boxes), when to open (the pointer has settled; optionally a
 * modifier is held), pinning, Esc, the keyboard shortcut, reading aloud, and the links between a
 * Vietnamese term and its English counterpart in the paragraph's rendering.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { findForms } from '@/core/english-forms';
import type { GlossaryEntry } from '@/core/glossary-format';
import type { Rect } from '@/core/placement';
import { pickVietnameseVoice } from '@/core/speech';
import { DEFAULT_POPOVER_SETTINGS, popoverSettings, type PopoverSettings } from '@/lib/settings';
import { ensureOverlay, isOverlay, overlayStore } from './overlay';
import type { BilingualView } from './paragraphs';
import type { TermOccurrence, TermsFeature } from './terms';

const ACTIVE = 'vr-term-active';
const LINKED = 'vr-term-linked';
/** How long the popover survives the pointer leaving the term, so it can move into the popover. */
const LEAVE_GRACE_MS = 250;

type Caret = { node: Node; offset: number };

function caretAt(x: number, y: number): Caret | null {
  const doc = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

function toRange(r: AbstractRange): Range {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range;
}

/** True when the point is over the glyphs of the range, not just near its caret position. */
function pointIn(range: AbstractRange, x: number, y: number): boolean {
  for (const rect of toRange(range).getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

function rectOf(range: AbstractRange): Rect {
  const r = toRange(range).getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

function setHighlight(name: string, ranges: AbstractRange[]): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  if (ranges.length === 0) CSS.highlights.delete(name);
  else CSS.highlights.set(name, new Highlight(...ranges));
}

/** An English span in a rendering linked to a glossary entry. */
interface EnglishLink {
  readonly entry: number;
  readonly range: StaticRange;
}

export class TermPopover {
  private settings: PopoverSettings = DEFAULT_POPOVER_SETTINGS;
  private settleTimer: number | undefined;
  private leaveTimer: number | undefined;
  private current: TermOccurrence | null = null;
  private pinned = false;
  private insidePopover = false;
  private modifierHeld = false;
  private lastPoint: { x: number; y: number } | null = null;
  private readonly links = new WeakMap<Element, { text: string; links: EnglishLink[] }>();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly terms: TermsFeature,
    private readonly view: BilingualView,
  ) {
    void popoverSettings.getValue().then((s) => (this.settings = s));
    ctx.onInvalidated(popoverSettings.watch((s) => (this.settings = s ?? DEFAULT_POPOVER_SETTINGS)));
    const opts = { capture: true, passive: true } as const;
    ctx.addEventListener(document, 'mousemove', (e) => this.onMove(e), opts);
    ctx.addEventListener(document, 'mousedown', (e) => this.onMouseDown(e), { capture: true });
    ctx.addEventListener(document, 'keydown', (e) => this.onKey(e), { capture: true });
    ctx.addEventListener(document, 'keyup', (e) => this.trackModifier(e), { capture: true });
    ctx.addEventListener(window, 'scroll', () => this.reposition(), { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', () => this.reposition(), { passive: true });
    ctx.addEventListener(window, 'blur', () => (this.modifierHeld = false));
  }

  private trackModifier(e: KeyboardEvent): void {
    const m = this.settings.modifier;
    if (m !== 'none') this.modifierHeld = e.getModifierState(m);
  }

  private onMove(e: MouseEvent): void {
    if (isOverlay(e.target)) return; // inside our own popover
    const m = this.settings.modifier;
    this.modifierHeld = m === 'none' || e.getModifierState(m);
    this.lastPoint = { x: e.clientX, y: e.clientY };
    window.clearTimeout(this.settleTimer);
    this.settleTimer = this.ctx.setTimeout(() => this.settle(), this.settings.delayMs);
  }

  /** The pointer has rested: open the term under it, or start closing. */
  private settle(): void {
    const p = this.lastPoint;
    if (!p) return;
    const caret = this.modifierHeld ? caretAt(p.x, p.y) : null;
    const hit = caret ? this.terms.at(caret.node, caret.offset) : null;
    if (hit && pointIn(hit.range, p.x, p.y)) {
      this.clearLeave();
      if (!this.pinned && hit !== this.current) void this.open(hit, false);
      return;
    }
    // Not on a Vietnamese term: perhaps on the English counterpart of one.
    void this.linkFromEnglish(caret, p);
    if (this.current && !this.pinned && !this.insidePopover) this.scheduleLeave();
  }

  private scheduleLeave(): void {
    if (this.leaveTimer !== undefined) return;
    this.leaveTimer = this.ctx.setTimeout(() => {
      this.leaveTimer = undefined;
      if (!this.pinned && !this.insidePopover) this.close();
    }, LEAVE_GRACE_MS);
  }

  private clearLeave(): void {
    window.clearTimeout(this.leaveTimer);
    this.leaveTimer = undefined;
  }

  /** Opens the popover of an occurrence. */
  async open(occurrence: TermOccurrence, pinned: boolean): Promise<void> {
    this.current = occurrence;
    this.pinned = pinned;
    this.insidePopover = false;
    // The entry, and those of its paragraph (for the English counterparts), fetched on demand.
    const sources = this.sourcesOf(occurrence.block.element);
    await Promise.all([
      ensureOverlay(this.ctx),
      this.terms.ensureEntries([occurrence.entryId, ...this.terms.inBlocks(sources).map((o) => o.entryId)]),
    ]);
    const entry = this.terms.entry(occurrence.entryId);
    if (this.current !== occurrence || !entry) return;
    setHighlight(ACTIVE, [occurrence.range]);
    setHighlight(LINKED, this.englishFor(occurrence));
    overlayStore.set({
      popover: this.props(entry, rectOf(occurrence.range)),
      announcement: `${entry.vi}: ${entry.en.join(', ')}. ${entry.note.replace(/<[^>]*>/g, '')}`,
    });
  }

  private props(entry: GlossaryEntry, anchor: Rect) {
    return {
      entry,
      anchor,
      pinned: this.pinned,
      articles: entry.articles.flatMap((id) => {
        const t = this.terms.articleTitles.get(id);
        return t ? [{ id, ...t }] : [];
      }),
      canSpeak: this.voice() !== null,
      onSpeak: () => this.speak(entry),
      onPin: () => this.pin(),
      onClose: () => this.close(),
      onPointerEnter: () => {
        this.insidePopover = true;
        this.clearLeave();
      },
      onPointerLeave: () => {
        this.insidePopover = false;
        if (!this.pinned) this.scheduleLeave();
      },
    };
  }

  pin(): void {
    if (!this.current || this.pinned) return;
    this.pinned = true;
    const popover = overlayStore.get().popover;
    if (popover) overlayStore.set({ popover: this.props(popover.entry, popover.anchor) });
  }

  close(): void {
    this.clearLeave();
    this.current = null;
    this.pinned = false;
    this.insidePopover = false;
    setHighlight(ACTIVE, []);
    setHighlight(LINKED, []);
    if (overlayStore.get().popover) overlayStore.set({ popover: null });
  }

  private reposition(): void {
    const popover = overlayStore.get().popover;
    if (!popover || !this.current) return;
    overlayStore.set({ popover: { ...popover, anchor: rectOf(this.current.range) } });
  }

  private onMouseDown(e: MouseEvent): void {
    if (isOverlay(e.target)) return;
    const caret = caretAt(e.clientX, e.clientY);
    const hit = caret ? this.terms.at(caret.node, caret.offset) : null;
    if (hit && pointIn(hit.range, e.clientX, e.clientY)) {
      // A click on a term pins its popover.
      if (hit === this.current) this.pin();
      else void this.open(hit, true);
      return;
    }
    if (this.current) this.close();
  }

  private onKey(e: KeyboardEvent): void {
    this.trackModifier(e);
    if (!this.current) return;
    const target = e.target as HTMLElement | null;
    if (target?.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target?.tagName ?? '')) return;
    if (e.key === 'Escape') {
      this.close();
      e.stopPropagation();
    } else if ((e.key === 'p' || e.key === 'P' || e.key === 'Enter') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      this.pin();
    }
  }

  /** The keyboard shortcut: the term at the caret or selection, pinned. */
  showAtCaret(): boolean {
    const sel = getSelection();
    if (!sel || sel.rangeCount === 0) return false;
    const r = sel.getRangeAt(0);
    const hit = this.terms.at(r.startContainer, r.startOffset) ?? this.terms.at(r.endContainer, r.endOffset);
    if (!hit) return false;
    void this.open(hit, true);
    return true;
  }

  private voice(): SpeechSynthesisVoice | null {
    if (typeof speechSynthesis === 'undefined') return null;
    return pickVietnameseVoice(speechSynthesis.getVoices());
  }

  private speak(entry: GlossaryEntry): void {
    const voice = this.voice();
    if (!voice) return;
    const utterance = new SpeechSynthesisUtterance(entry.vi);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    speechSynthesis.cancel();
    speechSynthesis.speak(utterance);
  }

  // Linked counterparts -------------------------------------------------------------------------

  /** The blocks whose English is in the same rendering as this block's. */
  private sourcesOf(block: Element): Element[] {
    const rendering = this.view.renderingFor(block);
    return rendering ? this.view.blocksFor(rendering) : [block];
  }

  /**
   * The English spans in a rendering that render glossary entries found in its source blocks
   * (whose entries must have been fetched).
   */
  private linksOf(rendering: Element): EnglishLink[] {
    const text = rendering.textContent ?? '';
    const cached = this.links.get(rendering);
    if (cached?.text === text) return cached.links;
    const sources = this.view.blocksFor(rendering);
    const entries = new Map<number, GlossaryEntry>();
    for (const o of this.terms.inBlocks(sources)) {
      const e = this.terms.entry(o.entryId);
      if (!e) return []; // not fetched yet: try again next time, uncached
      entries.set(e.id, e);
    }
    const links: EnglishLink[] = [];
    const walker = document.createTreeWalker(rendering, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const node = n as Text;
      for (const entry of entries.values()) {
        for (const hit of findForms(node.data, entry.en)) {
          links.push({
            entry: entry.id,
            range: new StaticRange({
              startContainer: node,
              startOffset: hit.start,
              endContainer: node,
              endOffset: hit.end,
            }),
          });
        }
      }
    }
    this.links.set(rendering, { text, links });
    return links;
  }

  /** The English counterpart(s) of a Vietnamese term in its paragraph's rendering. */
  private englishFor(o: TermOccurrence): StaticRange[] {
    const rendering = this.view.renderingFor(o.block.element);
    if (!rendering) return [];
    return this.linksOf(rendering)
      .filter((l) => l.entry === o.entryId)
      .map((l) => l.range);
  }

  /** Hovering an English name in a rendering lights up the Vietnamese term(s) it renders. */
  private async linkFromEnglish(caret: Caret | null, p: { x: number; y: number }): Promise<void> {
    const el = caret?.node.parentElement?.closest('vr-translation');
    if (!caret || !el) {
      if (!this.current) setHighlight(LINKED, []);
      return;
    }
    await this.terms.ensureEntries(this.terms.inBlocks(this.view.blocksFor(el)).map((o) => o.entryId));
    const link = this.linksOf(el).find(
      (l) =>
        l.range.startContainer === caret.node &&
        caret.offset >= l.range.startOffset &&
        caret.offset <= l.range.endOffset,
    );
    if (!link || !pointIn(link.range, p.x, p.y)) {
      if (!this.current) setHighlight(LINKED, []);
      return;
    }
    const vietnamese = this.view
      .blocksFor(el)
      .flatMap((b) => this.terms.inBlock(b, link.entry))
      .map((o) => o.range);
    setHighlight(LINKED, [link.range, ...vietnamese]);
  }
}
