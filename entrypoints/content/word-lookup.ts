/**
 * The hover dictionary: any Vietnamese word on the page (article text, headlines, captions,
 * section menus, links), not only the painted glossary terms, opens the dictionary popover after
 * the configured delay. The point's caret position gives a text node; a bounded window of that
 * node's text around the point (never the whole block) goes to the background, which looks it up
 * (`lookupWord`), and the answer is shown unless the pointer has moved on meanwhile.
 *
 * Nothing here blocks the page: the pointer is debounced (one lookup per rest, the stale answers
 * dropped), and the only layout read before the answer is the caret query and the hovered
 * glyph's box. A painted term is the glossary popover's (term-popover.ts). Only the reader's own
 * input counts (`isTrusted`).
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { announcement, chosenSense, wordView, type WordView } from '@/core/lookup-view';
import { hoveredChar, hoverWindow } from '@/core/lookup-window';
import type { Rect } from '@/core/placement';
import { sendMessage } from '@/lib/messaging';
import type { WordLookup as LookupAnswer } from '@/lib/protocol';
import { isOwnElement, isSkipped } from './blocks';
import type { Caret } from './caret';
import { pointIn, rectOf, textRange } from './dom-ranges';
import { LeaveGrace } from './leave-grace';
import type { LookupAhead } from './lookup-ahead';
import { ensureOverlay, isFromOverlay, isTyping, originOf, overlayStore } from './overlay';
import type { PageFeature } from './page-controller';
import { PageSnapshot } from './page-snapshot';
import type { PointerRest, Rest, RestListener } from './pointer-rest';
import { readAloud, vietnameseVoice } from './read-aloud';
import { initialActions, type WordActions } from './word-actions';
import type { WordSpot } from './word-context';

/** How long the popover survives the pointer leaving its word, so it can move into the popover. */
const LEAVE_GRACE_MS = 250;

/** Elements whose text is never looked up: controls, editable text, our own UI and renderings. */
function isLookupTarget(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (isOwnElement(el)) return false;
    const tag = el.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEXTAREA' || tag === 'INPUT' || tag === 'SELECT') return false;
    // Editable regions are the reader's own typing; the rest of `isSkipped` (menus, navigation)
    // is text the reader may well want to look up.
    if (isSkipped(el) && el.getAttribute('contenteditable') !== null) return false;
  }
  return true;
}

/** What the popover is showing. */
interface Shown {
  readonly spot: WordSpot;
  readonly range: StaticRange;
  readonly words: WordView[];
}

/** What to show for a lookup's answer in `node`, whose offsets are from `base`. */
function shownOf(node: Text, base: number, answer: LookupAnswer): Shown {
  const start = base + answer.start;
  const end = base + answer.end;
  return { spot: { node, start, end }, range: textRange(node, start, end), words: answer.words.map(wordView) };
}

/** A lookup of character `at` of `node` (its text then `data`): the answer's offsets are from `base`. */
interface Asked {
  readonly node: Text;
  readonly data: string;
  readonly at: number;
  readonly base: number;
  readonly answer: Promise<LookupAnswer | null>;
}

export class WordLookup implements PageFeature, RestListener {
  private snapshot: PageSnapshot = PageSnapshot.empty();
  private readonly grace: LeaveGrace;
  private current: Shown | null = null;
  private pinned = false;
  private insidePopover = false;
  /** Counts lookups asked for: an answer to an older one is dropped. */
  private asked = 0;
  /** The lookup asked for when the pointer paused, for the rest at the same place to take. */
  private early: Asked | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly rest: PointerRest,
    private readonly actions: WordActions,
    private readonly ahead: Pick<LookupAhead, 'answerAt'>,
  ) {
    this.grace = new LeaveGrace(ctx, LEAVE_GRACE_MS);
    rest.add(this);
    ctx.addEventListener(document, 'mousedown', (e) => this.onMouseDown(e), { capture: true });
    ctx.addEventListener(document, 'keydown', (e) => this.onKey(e), { capture: true });
    // A selection being made closes the popover: the selection toolbar takes its place.
    ctx.addEventListener(document, 'selectionchange', () => {
      if (this.current && getSelection()?.isCollapsed === false) this.close();
    });
    ctx.addEventListener(window, 'scroll', () => this.reposition(), { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', () => this.reposition(), { passive: true });
  }

  onSnapshot(snapshot: PageSnapshot): void {
    this.snapshot = snapshot;
  }

  onNavigate(): void {
    this.close();
  }

  /** A button held while moving is a selection being made: the popover gives way to it. */
  onDrag(): void {
    if (this.current) this.close();
  }

  /** The pointer paused over a word: ask for it now, so the popover opens when the delay is over. */
  onPause(rest: Rest, claimed: boolean): boolean {
    const spot = !claimed && rest.caret ? this.hovered(rest.caret, rest) : null;
    if (!spot || this.pinned) return false;
    if (this.isShowing(spot)) return true;
    const early = this.ask(spot.node, spot.start);
    this.early = early;
    void Promise.all([early.answer, ensureOverlay(this.ctx)])
      .then(([a]) => this.stage(early, a))
      .catch(() => undefined);
    return true;
  }

  /**
   * Looks up character `at` of `node`: answered at once when it was read ahead (lookup-ahead.ts),
   * else asked of the background with the same window, so the answer is the same either way.
   */
  private ask(node: Text, at: number): Asked {
    const data = node.data;
    const ahead = this.ahead.answerAt(node, at);
    if (ahead) return { node, data, at, base: 0, answer: Promise.resolve(ahead) };
    const w = hoverWindow(data, at);
    return { node, data, at, base: w.start, answer: sendMessage('lookupWord', { text: w.text, offset: w.offset }) };
  }

  /**
   * Renders the paused-on word's popover hidden, placed and laid out, so the rest only has to
   * show it: the answer and the layout are paid for inside the delay, not after it. Only while
   * nothing of ours is showing, and never as a tooltip (hidden, no role, no test id).
   */
  private stage(early: Asked, answer: LookupAnswer | null): void {
    if (this.early !== early || this.current || !answer || !early.node.isConnected) return;
    const shown = shownOf(early.node, early.base, answer);
    const main = shown.words[0]!;
    overlayStore.set({
      lookup: { ...this.props(rectOf(shown.range), shown), staged: true, actions: initialActions(main.headword) },
    });
  }

  /** Drops a staged popover the pointer did not come to rest on. */
  private unstage(): void {
    if (!this.current && overlayStore.get().lookup?.staged) overlayStore.set({ lookup: null });
  }

  /** True when `spot` is inside the word the popover is showing. */
  private isShowing(spot: WordSpot): boolean {
    const shown = this.current?.spot;
    return !!shown && shown.node === spot.node && spot.start >= shown.start && spot.start < shown.end;
  }

  /** The lookup of this character: the one asked for at the pause when it is the same, else a new one. */
  private askedFor(node: Text, at: number): Asked {
    const early = this.early;
    this.early = null;
    if (early && early.node === node && early.at === at && early.data === node.data) return early;
    return this.ask(node, at);
  }

  /**
   * The pointer has rested: look up the word under it, or start closing. A rest the glossary
   * popover claimed (a painted term) is not the dictionary's.
   */
  onRest(rest: Rest, claimed: boolean): boolean {
    const spot = !claimed && rest.caret ? this.hovered(rest.caret, rest) : null;
    if (!spot) {
      this.asked++;
      this.early = null;
      this.unstage();
      this.leave();
      return false;
    }
    // Still on the word shown: nothing to ask.
    if (this.isShowing(spot)) {
      this.grace.cancel();
      return true;
    }
    if (!this.pinned) void this.lookUp(spot.node, spot.start, false);
    return true;
  }

  /** The hovered character as a one-character spot, if the point is over a Vietnamese-looking word's glyph. */
  private hovered(caret: Caret, p: { x: number; y: number }): WordSpot | null {
    if (caret.node.nodeType !== Node.TEXT_NODE || !isLookupTarget(caret.node)) return null;
    const node = caret.node as Text;
    // The caret falls on the nearer edge of the glyph under the point: over the right half of a
    // letter it is after it. So the letter is the one after the caret or the one before, whichever
    // box holds the point (caretPositionFromPoint also answers beside a line, in the margin).
    const at = [caret.offset, caret.offset - 1].find(
      (i) => i >= 0 && hoveredChar(node.data, i) === i && pointIn(textRange(node, i, i + 1), p.x, p.y),
    );
    return at === undefined ? null : { node, start: at, end: at + 1 };
  }

  /** Asks the background for the words at `offset` of `node` and shows them. */
  private async lookUp(node: Text, offset: number, pinned: boolean): Promise<boolean> {
    const asked = ++this.asked;
    const lookup = this.askedFor(node, offset);
    let answer: LookupAnswer | null;
    try {
      [answer] = await Promise.all([lookup.answer, ensureOverlay(this.ctx)]);
    } catch {
      return false;
    }
    if (asked !== this.asked || !node.isConnected) return false;
    if (!answer) {
      this.leave();
      return false;
    }
    this.open(shownOf(node, lookup.base, answer), pinned);
    return true;
  }

  private open(shown: Shown, pinned: boolean): void {
    this.grace.cancel();
    this.current = shown;
    this.pinned = pinned;
    this.insidePopover = false;
    const main = shown.words[0]!;
    const sense = chosenSense(main);
    this.actions.open(this, { headword: main.headword, sense, han: main.han }, shown.spot, pinned);
    overlayStore.set({ lookup: this.props(rectOf(shown.range)), announcement: announcement(main) });
  }

  /** The English rendering of the word's paragraph, which the popover keeps clear of. */
  private avoid(shown = this.current): Rect[] {
    if (!shown) return [];
    for (let el = shown.spot.node.parentElement; el; el = el.parentElement) {
      const block = this.snapshot.blockOf(el);
      if (!block) continue;
      const shown = this.snapshot.renderingOf(block);
      return shown ? [rectOf(shown.element)] : [];
    }
    return [];
  }

  private props(anchor: Rect, shown = this.current) {
    const trusted =
      (action: () => void) =>
      (e: Event): void => {
        if (e.isTrusted) action();
      };
    return {
      words: shown?.words ?? [],
      anchor,
      avoid: this.avoid(shown),
      pinned: this.pinned,
      canSpeak: vietnameseVoice() !== null,
      onSpeak: trusted(() => {
        const word = this.current?.words[0];
        if (word) readAloud(word.headword);
      }),
      onPin: trusted(() => this.pin()),
      onClose: trusted(() => this.close()),
      onAbout: trusted(() => void sendMessage('openAbout', {}).catch(() => undefined)),
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

  private leave(): void {
    if (this.current && !this.pinned && !this.insidePopover) this.scheduleLeave();
  }

  private scheduleLeave(): void {
    this.grace.start(() => {
      if (!this.pinned && !this.insidePopover) this.close();
    });
  }

  private pin(): void {
    if (!this.current || this.pinned) return;
    this.pinned = true;
    this.actions.pinned(this);
    overlayStore.set({ lookup: this.props(rectOf(this.current.range)) });
  }

  close(): void {
    this.grace.cancel();
    this.asked++;
    this.early = null;
    const had = this.current !== null;
    this.current = null;
    this.pinned = false;
    this.insidePopover = false;
    if (had) this.actions.close(this);
    if (overlayStore.get().lookup) overlayStore.set({ lookup: null });
  }

  private reposition(): void {
    const lookup = overlayStore.get().lookup;
    if (!lookup || !this.current) return;
    if (!this.current.spot.node.isConnected) return this.close();
    overlayStore.set({ lookup: { ...lookup, anchor: rectOf(this.current.range), avoid: this.avoid() } });
  }

  /** Pressing the button anywhere but on the word closes the popover. */
  private onMouseDown(e: MouseEvent): void {
    if (!e.isTrusted || isFromOverlay(e)) return;
    // A press is the reader acting, not resting: what the pause prepared is not wanted.
    this.early = null;
    this.unstage();
    if (!this.current) return;
    if (!pointIn(this.current.range, e.clientX, e.clientY)) this.close();
  }

  private onKey(e: KeyboardEvent): void {
    if (!e.isTrusted || !this.current || isTyping(originOf(e))) return;
    if (e.key === 'Escape') {
      if (this.pinned && isFromOverlay(e)) e.stopPropagation();
      this.rest.cancel();
      this.close();
    } else if ((e.key === 'p' || e.key === 'P' || e.key === 'Enter') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      this.pin();
    }
  }

  /** The keyboard shortcut: the word at the caret or the selection's start, pinned. */
  async showAtCaret(): Promise<boolean> {
    const sel = getSelection();
    if (!sel || sel.rangeCount === 0) return false;
    const r = sel.getRangeAt(0);
    for (const [node, offset] of [
      [r.startContainer, r.startOffset],
      [r.endContainer, r.endOffset],
    ] as const) {
      if (node.nodeType !== Node.TEXT_NODE || !isLookupTarget(node)) continue;
      const at = hoveredChar((node as Text).data, offset);
      if (at !== null && (await this.lookUp(node as Text, at, true))) return true;
    }
    return false;
  }
}
