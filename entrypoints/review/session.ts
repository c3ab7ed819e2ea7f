/**
 * A review session on the review page: the cards the page holds, the one on screen, the ratings
 * that can be undone, and the due count.
 *
 * A rating shows the next card at once, from the cards the page holds, and is sent to the
 * background behind it: the reader never waits for the database. Messages go one at a time, in
 * order, so the background sees ratings, undos and top-ups as the reader made them, and a top-up
 * never returns a card whose rating is still on its way. The due count drops at once and is set
 * to the background's count whenever nothing else is on its way.
 */

import type { ReviewRating } from '@/core/review-card';
import type { ReviewItem } from '@/core/review-face';
import type { Protocol } from '@/lib/protocol';
import { REVIEW_BATCH } from '@/lib/review-start';

export type Send = <K extends keyof Protocol>(type: K, params: Protocol[K]['params']) => Promise<Protocol[K]['return']>;

export interface SessionState {
  /** loading: waiting for cards; front/back: a card is on screen; done: nothing due now. */
  phase: 'loading' | 'front' | 'back' | 'done';
  item: ReviewItem | null;
  due: number;
  /** When the next card falls due, when none is due now. */
  next: number | null;
  canUndo: boolean;
  /** Ratings made in this session. */
  reviewed: number;
  error: string | null;
}

/** Cards asked for at a time, and how few the page may hold before it asks for more. */
export const BATCH = REVIEW_BATCH;
const LOW_WATER = 5;
/** The longest a timer waits for the next card (setTimeout's limit is about 24.8 days). */
const MAX_WAIT_MS = 2 ** 31 - 1;

export class ReviewSession {
  private queue: ReviewItem[] = [];
  private rated: ReviewItem[] = [];
  private chain: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private state: SessionState = {
    phase: 'loading',
    item: null,
    due: 0,
    next: null,
    canUndo: false,
    reviewed: 0,
    error: null,
  };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly send: Send) {}

  get(): SessionState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(change: Partial<SessionState>): void {
    const phase = change.phase ?? this.state.phase;
    this.state = {
      ...this.state,
      ...change,
      item: phase === 'front' || phase === 'back' ? (this.queue[0] ?? null) : null,
      canUndo: this.rated.length > 0,
    };
    for (const l of this.listeners) l();
  }

  /** Runs `step` after every message already on its way; a failure is shown, not thrown. */
  private enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.chain.then(step).catch((error: unknown) => {
      this.set({ error: error instanceof Error ? error.message.replace(/^\w+: /, '') : String(error) });
    });
    this.chain = run;
    return run;
  }

  /** The phase that follows from the cards held: a card's front, waiting for more, or done. */
  private settle(): SessionState['phase'] {
    if (this.queue.length > 0) return 'front';
    return this.state.due > 0 || this.pending > 0 ? 'loading' : 'done';
  }

  /** Starts with the first batch, already asked for by the page's entry module. */
  start(first: Promise<Protocol['listDueCards']['return']> = this.send('listDueCards', { limit: BATCH, exclude: [] })) {
    return this.enqueue(async () => this.take(await first));
  }

  private take(r: Protocol['listDueCards']['return']): void {
    const held = new Set(this.queue.map((i) => i.cardId));
    this.queue.push(...r.items.filter((i) => !held.has(i.cardId)));
    const counts = this.pending === 0 ? { due: r.due, next: r.next } : {};
    this.state = { ...this.state, ...counts };
    const keepBack = this.state.phase === 'back' && this.queue.length > 0;
    this.set({ phase: keepBack ? 'back' : this.settle() });
    this.wake();
  }

  /** Asks for more cards when the page holds few and more are due. */
  private topUp(): void {
    if (this.queue.length >= LOW_WATER || this.state.due <= this.queue.length) return;
    void this.enqueue(async () => {
      if (this.queue.length >= LOW_WATER) return;
      this.take(await this.send('listDueCards', { limit: BATCH, exclude: this.queue.map((i) => i.cardId) }));
    });
  }

  /** When nothing is due, looks again when the next card falls due. */
  private wake(): void {
    clearTimeout(this.timer);
    if (this.state.phase !== 'done' || this.state.next === null) return;
    const wait = Math.min(MAX_WAIT_MS, Math.max(0, this.state.next - Date.now()) + 500);
    this.timer = setTimeout(() => void this.refresh(), wait);
  }

  /** Asks the background again (a timer, or the page coming back into view). */
  refresh(): Promise<void> {
    return this.enqueue(async () => {
      this.take(await this.send('listDueCards', { limit: BATCH, exclude: this.queue.map((i) => i.cardId) }));
    });
  }

  /** Turns the card over. */
  show(): void {
    if (this.state.phase === 'front') this.set({ phase: 'back', error: null });
  }

  /** Rates the card on screen (its back must be showing) and shows the next one at once. */
  rate(rating: ReviewRating): void {
    const item = this.queue[0];
    if (this.state.phase !== 'back' || !item) return;
    this.queue.shift();
    this.rated.push(item);
    this.pending++;
    this.state = { ...this.state, due: Math.max(0, this.state.due - 1), reviewed: this.state.reviewed + 1 };
    this.set({ phase: this.settle(), error: null });
    void this.enqueue(async () => {
      try {
        const r = await this.send('rateCard', { cardId: item.cardId, rating });
        if (--this.pending === 0) this.state = { ...this.state, due: r.due, next: r.next };
      } catch (error) {
        this.pending--;
        // Not saved: the card is not rated, so there is nothing to undo.
        this.rated = this.rated.filter((i) => i !== item);
        throw error;
      }
      this.set({ phase: this.state.phase === 'loading' ? this.settle() : this.state.phase });
      this.wake();
    });
    this.topUp();
  }

  /** Undoes the last rating of this session: that card comes back, front up. */
  undo(): void {
    const item = this.rated.pop();
    if (!item) return;
    this.queue.unshift(item);
    this.pending++;
    this.state = { ...this.state, due: this.state.due + 1, reviewed: this.state.reviewed - 1 };
    this.set({ phase: 'front', error: null });
    void this.enqueue(async () => {
      try {
        const r = await this.send('undoRating', { cardId: item.cardId });
        if (--this.pending === 0) this.state = { ...this.state, due: r.due, next: r.next };
        this.set({});
      } catch (error) {
        this.pending--;
        this.queue = this.queue.filter((i) => i !== item);
        this.state = { ...this.state, due: Math.max(0, this.state.due - 1) };
        this.set({ phase: this.settle() });
        throw error;
      }
    });
  }

  /** Stops the timer (the page is closing). */
  dispose(): void {
    clearTimeout(this.timer);
  }
}
