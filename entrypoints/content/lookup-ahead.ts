/**
 * Hover answers read ahead for the text near the reader's view (core/lookup-spans.ts). The
 * browser stops the background after half a minute without events: a reader who reads a
 * paragraph that long without moving would otherwise wait, on their next hover, for it to start
 * and load the dictionary again. Read ahead, that hover is answered in the page.
 *
 * It runs only while the reader is active (pointer moves, the wheel, keys: the moments the
 * background is kept running anyway), a short while after they move, and only for the text nodes
 * in or just around the view that it has not read yet, a few paragraphs a message: nothing on a
 * page left alone, and nothing a hover waits long behind. Those are the text of the page's blocks
 * (its paragraphs, headings, captions) first, then of its chrome (menus, the site's header and
 * footer: chrome-text.ts), where section names are words readers hover too. Which of them are
 * near the view is measured when a move starts a read, at most once a second: each block's and
 * chrome element's box, read once the layout is settled (a few milliseconds on the longest page).
 * An IntersectionObserver over all of them made Chromium compute their intersections on every
 * frame of a scroll, most of what the extension cost a scrolling reader. (A binary search over
 * the blocks' order, as the terms' paint makes, can come back short where that order is broken,
 * as on a page whose side column follows the article in the document but sits beside its top;
 * a read is rare enough to measure them all.)
 * What it keeps is the answers the background would give, dropped with a node whose text
 * changed, and all of them when they grow past a bound.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { hasLetter } from '@/core/letters';
import { spanAnswerAt } from '@/core/span-answers';
import { hasBox } from '@/core/vertical-band';
import { sendMessage } from '@/lib/messaging';
import { MAX_SPAN_CHARS, MAX_SPAN_TEXTS } from '@/lib/message-limits';
import type { Protocol, WordLookup } from '@/lib/protocol';
import type { PageBlock } from './blocks';
import { chromeTextHolders, isShown } from './chrome-text';
import type { PageFeature } from './page-controller';
import type { PageSnapshot } from './page-snapshot';

/** How long after a move it reads: a reader's moves come in bursts, one read serves a burst. */
const QUIET_MS = 250;
/** The least time between two reads, and between two messages of one. */
const EVERY_MS = 1_000;
const NEXT_MESSAGE_MS = 50;
/** The band read around the view: half a screen above it and half a screen below, in screens. */
const BAND_SCREENS = 0.5;
/**
 * Characters of text whose answers are kept before all are dropped and read again as needed:
 * a long article, or a few screens of a longer page. Kept answers take ~75 bytes a character of
 * text in the page's heap (measured on the 1,000 news sentences), so this is about 3 MB.
 */
export const MAX_KEPT_CHARS = 40_000;

type Read = Protocol['lookupSpans']['return'];

/** A text node's answers, as read: valid while its text is still `data`. */
interface NodeAnswers {
  readonly data: string;
  readonly spans: readonly number[];
  readonly read: Pick<Read, 'entries' | 'answers'>;
}

export class LookupAhead implements PageFeature {
  private blocks: readonly PageBlock[] = [];
  /** The elements holding the text of the page's chrome (chrome-text.ts), found at the first read after a pass. */
  private chrome: Element[] | null = null;
  /** What was near the view when the last move started a read: the chain of messages it starts reads there. */
  private near = new Set<Element>();
  private nodes = new WeakMap<Text, NodeAnswers>();
  /** Characters of text whose answers are kept (or asked for). */
  private kept = 0;
  private timer: number | undefined;
  /** A message is out: one at a time, so no node is asked for twice. */
  private reading = false;
  /** The reader moved while a message was out: read again once it is answered. */
  private pending = false;
  private lastRead = -Infinity;
  /** Counts forgettings: an answer that arrives after one is dropped. */
  private generation = 0;

  constructor(
    private readonly ctx: Pick<ContentScriptContext, 'setTimeout' | 'isInvalid'>,
    private readonly ask: (texts: string[]) => Promise<Read> = (texts) => sendMessage('lookupSpans', { texts }),
  ) {}

  onSnapshot(snapshot: PageSnapshot): void {
    this.blocks = snapshot.blocks;
    this.chrome = null;
  }

  onNavigate(): void {
    this.forget();
  }

  /** The reader moved: read what is near the view soon, if anything there is unread. */
  active(now = performance.now()): void {
    if (this.ctx.isInvalid) return;
    if (this.reading) {
      this.pending = true;
      return;
    }
    if (this.timer !== undefined) return;
    this.schedule(Math.max(QUIET_MS, this.lastRead + EVERY_MS - now), true);
  }

  /**
   * The answer read ahead for character `offset` of `node` (offsets in the node's text), if it
   * was read and the text is unchanged.
   */
  answerAt(node: Text, offset: number): WordLookup | null {
    const got = this.nodes.get(node);
    if (!got || got.data !== node.data) return null;
    return spanAnswerAt(got.read, got.spans, got.data, offset);
  }

  /** Reads after `wait` ms; `fresh` for the first message after a move (not one of a chain). */
  private schedule(wait: number, fresh: boolean): void {
    this.timer = this.ctx.setTimeout(() => {
      this.timer = undefined;
      // Too full for another message: what is kept goes, and the text around the view now is
      // read again.
      if (fresh && this.kept > MAX_KEPT_CHARS - MAX_SPAN_CHARS) this.forget();
      void this.readNear(fresh);
    }, wait);
  }

  private forget(): void {
    this.nodes = new WeakMap();
    this.kept = 0;
    this.generation++;
  }

  /**
   * Reads the unread text near the view, a message at a time, until it is read or what is kept
   * is full (the next move after that starts afresh).
   */
  private async readNear(fresh: boolean): Promise<void> {
    if (this.ctx.isInvalid) return;
    this.lastRead = performance.now();
    if (fresh) this.near = this.nearView();
    const { nodes, chars, more } = this.unreadNear(Math.min(MAX_SPAN_CHARS, MAX_KEPT_CHARS - this.kept));
    if (nodes.length === 0) return;
    const generation = this.generation;
    const texts = nodes.map((n) => n.data);
    this.kept += chars;
    this.reading = true;
    let chained = false;
    try {
      const { entries, answers, spans } = await this.ask(texts);
      // Forgotten meanwhile (the page navigated): these answers are for text no longer kept.
      if (generation !== this.generation) return;
      const read = { entries, answers };
      nodes.forEach((node, i) => this.nodes.set(node, { data: texts[i]!, spans: spans[i] ?? [], read }));
      if (more && !this.ctx.isInvalid) {
        chained = true;
        this.schedule(NEXT_MESSAGE_MS, false);
      }
    } catch {
      // Refused (rate limited) or the background went away: the hovers ask for themselves, and
      // the next move tries again.
      if (generation === this.generation) this.kept -= chars;
    } finally {
      this.reading = false;
      if (this.pending && !chained) {
        this.pending = false;
        this.active();
      }
    }
  }

  /**
   * The unread text nodes near the view, at most `room` characters and one message's nodes: the
   * blocks' in the page's order, then the chrome's; `more` when others there did not fit. A node
   * longer than a message is left to the hovers.
   */
  private unreadNear(room: number): { nodes: Text[]; chars: number; more: boolean } {
    const near = this.near;
    const nodes: Text[] = [];
    let chars = 0;
    // Each node comes once: a text node has one parent, and the chrome's text is never a block's
    // (chrome-text.ts takes only what blocks.ts skips).
    for (const [node, chrome] of this.textNear(near)) {
      const data = node.data;
      if (data.length > MAX_SPAN_CHARS || this.nodes.get(node)?.data === data) continue;
      if (!node.isConnected || !hasLetter(data) || (chrome && !isShown(chrome))) continue;
      if (nodes.length === MAX_SPAN_TEXTS || chars + data.length > room) {
        return { nodes, chars, more: chars + data.length <= MAX_KEPT_CHARS - this.kept };
      }
      nodes.push(node);
      chars += data.length;
    }
    return { nodes, chars, more: false };
  }

  /**
   * The blocks' and the chrome's elements whose boxes meet the band around the view (inside a
   * frame, the frame's own view), and that are across from it, not off to a side. (A block that
   * a scrolling box of the page clips out of sight still counts: a few more paragraphs read.)
   */
  private nearView(): Set<Element> {
    const from = -BAND_SCREENS * innerHeight;
    const to = (1 + BAND_SCREENS) * innerHeight;
    const isNear = (e: Element) => {
      const r = e.getBoundingClientRect();
      return hasBox(r) && r.top <= to && r.bottom >= from && r.right >= 0 && r.left <= innerWidth;
    };
    const near = new Set<Element>();
    for (const b of this.blocks) if (isNear(b.element)) near.add(b.element);
    this.chrome ??= chromeTextHolders(document);
    for (const e of this.chrome) if (isNear(e)) near.add(e);
    return near;
  }

  /**
   * The text nodes of the blocks near the view, then of the chrome near it, each with the chrome
   * element holding it (whose visibility is asked only of text not read yet).
   */
  private *textNear(near: Set<Element>): Generator<[Text, Element | null]> {
    for (const block of this.blocks) {
      if (near.has(block.element)) for (const s of block.segments) yield [s.node, null];
    }
    for (const e of this.chrome ?? []) {
      if (!near.has(e)) continue;
      for (const n of e.childNodes) if (n.nodeType === Node.TEXT_NODE) yield [n as Text, e];
    }
  }
}
