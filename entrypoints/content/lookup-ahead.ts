/**
 * Hover answers read ahead for the text near the reader's view (core/lookup-spans.ts). The
 * browser stops the background after half a minute without events: a reader who reads a
 * paragraph that long without moving would otherwise wait, on their next hover, for it to start
 * and load the dictionary again. Read ahead, that hover is answered in the page.
 *
 * It runs only while the reader is active (pointer, wheel, keys: the moments the background is
 * kept running anyway), a short while after they move, and only for the blocks in or just around
 * the view that it has not read yet, a few paragraphs a message: nothing on a page left alone,
 * and nothing a hover waits long behind.
 * What it keeps is the answers the background would give, for the page's life, dropped with a
 * node whose text changed.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { spanAnswerAt } from '@/core/span-answers';
import { sendMessage } from '@/lib/messaging';
import { MAX_SPAN_CHARS, MAX_SPAN_TEXTS } from '@/lib/message-limits';
import type { Protocol, WordLookup } from '@/lib/protocol';
import type { PageBlock } from './blocks';
import type { PageFeature } from './page-controller';
import type { PageSnapshot } from './page-snapshot';

/** How long after a move it reads: a reader's moves come in bursts, one read serves a burst. */
const QUIET_MS = 250;
/** The least time between two reads, and between two messages of one. */
const EVERY_MS = 1_000;
const NEXT_MESSAGE_MS = 50;
/** The band read around the view, in screens above and below its top. */
const ABOVE = 0.5;
const BELOW = 1.5;
/**
 * Characters of text whose answers are kept before all are dropped and read again as needed:
 * a long article, or a few screens of a longer page. Kept answers take ~75 bytes a character of
 * text in the page's heap (measured on the 1,000 news sentences), so this is about 3 MB.
 */
export const MAX_KEPT_CHARS = 40_000;

const LETTER = /\p{L}/u;

type Read = Protocol['lookupSpans']['return'];

/** A text node's answers, as read: valid while its text is still `data`. */
interface NodeAnswers {
  readonly data: string;
  readonly spans: readonly number[];
  readonly read: Pick<Read, 'entries' | 'answers'>;
}

export class LookupAhead implements PageFeature {
  private blocks: readonly PageBlock[] = [];
  private nodes = new WeakMap<Text, NodeAnswers>();
  /** Blocks read (or being read): not asked for again. */
  private read = new WeakSet<PageBlock>();
  private kept = 0;
  private timer: number | undefined;
  private reading = false;
  private lastRead = -Infinity;
  /** Counts forgettings: an answer that arrives after one is dropped. */
  private generation = 0;

  constructor(
    private readonly ctx: Pick<ContentScriptContext, 'setTimeout' | 'isInvalid'>,
    private readonly ask: (texts: string[]) => Promise<Read> = (texts) => sendMessage('lookupSpans', { texts }),
  ) {}

  onSnapshot(snapshot: PageSnapshot): void {
    this.blocks = snapshot.blocks;
  }

  onNavigate(): void {
    this.forget();
  }

  /** The reader moved: read what is near the view soon, if anything there is unread. */
  active(now = performance.now()): void {
    if (this.timer !== undefined || this.reading || this.ctx.isInvalid) return;
    const wait = Math.max(QUIET_MS, this.lastRead + EVERY_MS - now);
    this.timer = this.ctx.setTimeout(() => {
      this.timer = undefined;
      // Too full for another message: what is kept goes, and the text around the view now is
      // read again.
      if (this.kept > MAX_KEPT_CHARS - MAX_SPAN_CHARS) this.forget();
      void this.readNear();
    }, wait);
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

  private forget(): void {
    this.nodes = new WeakMap();
    this.read = new WeakSet();
    this.kept = 0;
    this.generation++;
  }

  /**
   * Reads the unread blocks around the view, a message at a time, until they are read or what is
   * kept is full (the next move after that starts afresh).
   */
  private async readNear(): Promise<void> {
    this.lastRead = performance.now();
    const { blocks, nodes, chars, more } = this.unreadNear(Math.min(MAX_SPAN_CHARS, MAX_KEPT_CHARS - this.kept));
    for (const b of blocks) this.read.add(b);
    if (nodes.length === 0) return;
    const generation = this.generation;
    this.kept += chars;
    this.reading = true;
    try {
      const texts = nodes.map((n) => n.data);
      const { entries, answers, spans } = await this.ask(texts);
      // Forgotten meanwhile (the page navigated): these answers are for text no longer kept.
      if (generation !== this.generation) return;
      const read = { entries, answers };
      nodes.forEach((node, i) => this.nodes.set(node, { data: texts[i]!, spans: spans[i] ?? [], read }));
      if (more && !this.ctx.isInvalid) {
        this.timer = this.ctx.setTimeout(() => {
          this.timer = undefined;
          void this.readNear();
        }, NEXT_MESSAGE_MS);
      }
    } catch {
      // Refused (rate limited) or the background went away: the hovers ask for themselves, and
      // the next move tries again.
      if (generation === this.generation) {
        for (const b of blocks) this.read.delete(b);
        this.kept -= chars;
      }
    } finally {
      this.reading = false;
    }
  }

  /**
   * The unread blocks around the view and their text nodes, at most `room` characters and one
   * message's nodes; `more` when others there did not fit. Blocks too big for any message come
   * back too, with no nodes: they are left to the hovers.
   */
  private unreadNear(room: number): { blocks: PageBlock[]; nodes: Text[]; chars: number; more: boolean } {
    const screen = window.innerHeight;
    const blocks: PageBlock[] = [];
    const nodes: Text[] = [];
    let chars = 0;
    for (const block of this.blocks) {
      if (this.read.has(block) || !block.element.isConnected) continue;
      const r = block.element.getBoundingClientRect();
      if (r.height === 0 || r.bottom < -ABOVE * screen || r.top > BELOW * screen) continue;
      const own = block.segments
        .map((s) => s.node)
        .filter((n) => n.isConnected && n.data.length <= MAX_SPAN_CHARS && LETTER.test(n.data));
      const length = own.reduce((n, t) => n + t.data.length, 0);
      if (own.length > MAX_SPAN_TEXTS || length > MAX_SPAN_CHARS) {
        blocks.push(block);
        continue;
      }
      if (nodes.length + own.length > MAX_SPAN_TEXTS || chars + length > room) {
        return { blocks, nodes, chars, more: chars + length <= MAX_KEPT_CHARS - this.kept };
      }
      blocks.push(block);
      nodes.push(...own);
      chars += length;
    }
    return { blocks, nodes, chars, more: false };
  }
}
