/**
 * Saved words and their review cards. Every change is one readwrite transaction over the stores it
 * touches (a save writes the word and its cards together; a rating writes the card, its log and
 * the word's status together), so no two changes to one word can interleave.
 *
 * Each saved word has two cards from the start, Vietnamese → English and English → Vietnamese;
 * the reverse one is in the queue only while the reader wants reverse cards, and neither is while
 * the word is marked known. The queue is the key range [1, −∞]…[1, now] of the cards' [active, due]
 * index: counting the due cards and reading the first of them never reads the others.
 */

import type { IDBPTransaction, StoreNames } from 'idb';
import { adjustTally, dueFrom, tallyOf, type DueTally, type QueuedCard } from '@/core/due-tally';
import type { HighlightRecord } from '@/core/highlight-record';
import {
  cardIdOf,
  isActive,
  newCard,
  rateCard,
  undoRating,
  type CardDirection,
  type ReviewCard,
  type ReviewLog,
  type ReviewRating,
} from '@/core/review-card';
import { reviewItemOf, type ReviewItem } from '@/core/review-face';
import {
  headwordKey,
  saveWord,
  type SavedWord,
  type WordDraft,
  type WordSense,
  type WordStatus,
} from '@/core/saved-word';
import { withStatus } from '@/core/word-status';
import type { HanSyllable } from '@/core/glossary-format';
import type { DueCount, WordState } from '@/lib/protocol';
import type { SongNguDB } from './db';
import { mintId, storing, type Connection } from './db-connection';
import { tallyLogs } from './review-days';

/**
 * A readwrite transaction typed as if it spanned every store, so helpers can take any transaction
 * that includes the stores they use (opening one without them fails at once, in every test).
 */
type WriteTx = IDBPTransaction<SongNguDB, StoreNames<SongNguDB>[], 'readwrite'>;
type CardReader = { get(id: string): Promise<ReviewCard | undefined> };

const DIRECTIONS: CardDirection[] = ['forward', 'reverse'];

/** How far ahead the kept due count reads, and at most how many due times it keeps. */
const TALLY_HORIZON_MS = 12 * 3_600_000;
const TALLY_LIMIT = 2000;

/** The kept due count, and the version of the cards it was taken at. */
interface Kept {
  readonly stamp: number;
  readonly tally: DueTally;
}

/** A card a write changed: as it was, and as it is (absent when made or deleted). */
type CardChange = readonly [QueuedCard | null | undefined, QueuedCard | null | undefined];

/** The due cards at `now`: active, due no later than now. */
const dueRange = (now: number) => IDBKeyRange.bound([1, -Infinity], [1, now]);
const laterRange = (now: number) => IDBKeyRange.bound([1, now], [1, Infinity], true);

export class WordStore {
  /** Whether reverse cards are in the queue (the reader's setting, read when needed). */
  reverseCards: () => Promise<boolean> = () => Promise.resolve(false);

  private kept: Kept | null = null;

  constructor(private readonly connection: Connection) {}

  /** A readwrite transaction over `stores` (typed as over every store: see {@link WriteTx}). */
  private readwrite(db: Parameters<Connection['readwrite']>[0], stores: StoreNames<SongNguDB>[]): WriteTx {
    return this.connection.readwrite(db, stores);
  }

  /** The kept due count, if no write has touched the cards since it was taken. */
  private keptNow(): Kept | null {
    const kept = this.kept;
    return kept && kept.stamp === this.connection.cardWrites.stamp() ? kept : null;
  }

  /**
   * After a write that changed exactly these cards, carries the kept count over to them, so the
   * next ask need not count again. Only when no other write came between: otherwise it is dropped.
   */
  private carry(before: Kept | null, changes: readonly CardChange[]): void {
    let tally: DueTally | null = before && this.connection.cardWrites.oneWriteSince(before.stamp) ? before.tally : null;
    const stamp = this.connection.cardWrites.stamp();
    for (const [was, is] of changes) tally = tally && adjustTally(tally, was ?? null, is ?? null);
    this.kept = tally && stamp !== null ? { stamp, tally } : null;
  }

  private async wordCards(cards: CardReader, headword: string): Promise<ReviewCard[]> {
    const found = await Promise.all(DIRECTIONS.map((d) => cards.get(cardIdOf('word', headword, d))));
    return found.filter((c): c is ReviewCard => c !== undefined);
  }

  /**
   * Saves a word from a page (or adds the sentence to the saved word), making its cards on the
   * first save. Returns the word as stored, with its status.
   */
  saveWord(draft: WordDraft, now: number): Promise<{ word: SavedWord; created: boolean; added: boolean }> {
    return storing('save the word', async () => {
      const reverse = await this.reverseCards();
      const db = await this.connection.database();
      const kept = this.keptNow();
      const tx = this.readwrite(db, ['words', 'cards']);
      const words = tx.objectStore('words');
      const current = await words.get(headwordKey(draft.headword));
      const saved = saveWord(current, draft, now);
      const cards = await this.wordCards(tx.objectStore('cards'), saved.word.headword);
      const made = !saved.created
        ? []
        : DIRECTIONS.filter((d) => !cards.some((c) => c.direction === d)).map((direction) =>
            newCard('word', saved.word.headword, direction, now, isActive({ direction }, saved.word, reverse)),
          );
      const word = withStatus(saved.word, [...cards, ...made], now);
      await Promise.all([...made.map((c) => tx.objectStore('cards').put(c)), words.put(word), tx.done]);
      this.carry(
        kept,
        made.map((c) => [null, c]),
      );
      return { ...saved, word };
    });
  }

  /**
   * "I know this" (known true) or taking it back. A word not saved is kept only while marked;
   * its sense, when given, is kept with it. Returns the word's state afterwards.
   */
  markKnown(
    headword: string,
    known: boolean,
    now: number,
    sense: WordSense | null = null,
    han: HanSyllable[] | null = null,
  ): Promise<WordState> {
    return storing('mark the word', async () => {
      const reverse = await this.reverseCards();
      const db = await this.connection.database();
      const kept = this.keptNow();
      const tx = this.readwrite(db, ['words', 'cards']);
      const words = tx.objectStore('words');
      const key = headwordKey(headword);
      const current = await words.get(key);
      if (!current && !known) {
        await tx.done;
        this.carry(kept, []);
        return { headword: key, status: null, saved: false };
      }
      if (current && !current.saved && !known) {
        await Promise.all([words.delete(key), tx.done]);
        this.carry(kept, []);
        return { headword: key, status: null, saved: false };
      }
      const base: SavedWord = current ?? {
        headword: key,
        sense,
        han,
        contexts: [],
        saved: false,
        marked: true,
        status: 'new',
        knownAt: null,
        createdAt: now,
        updatedAt: now,
      };
      const cards = await this.wordCards(tx.objectStore('cards'), key);
      const changedCards = cards
        .map((c) => ({ ...c, active: isActive(c, { marked: known }, reverse) ? 1 : 0 }) as ReviewCard)
        .filter((c, i) => c.active !== cards[i]!.active);
      const word = withStatus({ ...base, marked: known, updatedAt: Math.max(now, base.updatedAt) }, cards, now);
      await Promise.all([...changedCards.map((c) => tx.objectStore('cards').put(c)), words.put(word), tx.done]);
      this.carry(
        kept,
        changedCards.map((c) => [cards.find((old) => old.id === c.id), c]),
      );
      return { headword: key, status: word.status, saved: word.saved };
    });
  }

  /** The words among `headwords` the reader has saved or marked, with their status. */
  async statuses(headwords: readonly string[]): Promise<Record<string, WordStatus>> {
    const db = await this.connection.database();
    const tx = db.transaction('words');
    const keys = [...new Set(headwords.map(headwordKey))];
    const found = await Promise.all(keys.map((k) => tx.store.get(k)));
    await tx.done;
    const out: Record<string, WordStatus> = {};
    for (const w of found) if (w) out[w.headword] = w.status;
    return out;
  }

  /** The headwords of every word with `status`, read from the status index's keys alone. */
  async headwordsWithStatus(status: WordStatus): Promise<string[]> {
    return (await this.connection.database()).getAllKeysFromIndex('words', 'status', status);
  }

  async getWord(headword: string): Promise<SavedWord | undefined> {
    return (await this.connection.database()).get('words', headwordKey(headword));
  }

  /** Every word, oldest first (for the Anki export). */
  async allWords(): Promise<SavedWord[]> {
    return (await this.connection.database()).getAll('words');
  }

  /**
   * How many cards are due now, and when the next falls due if none is. Counted once, then kept
   * (core/due-tally.ts) until a write it cannot follow touches the cards or its horizon passes.
   */
  async dueCount(now: number): Promise<DueCount> {
    const kept = this.keptNow();
    const known = kept && dueFrom(kept.tally, now);
    if (known) return known;
    const stamp = this.connection.cardWrites.stamp();
    const db = await this.connection.database();
    const tx = db.transaction('cards');
    const queue = tx.store.index('queue');
    const horizon = now + TALLY_HORIZON_MS;
    const ahead = IDBKeyRange.bound([1, now], [1, horizon], true);
    const [due, upcoming] = await Promise.all([queue.count(dueRange(now)), queue.getAll(ahead, TALLY_LIMIT)]);
    // A full read ends short of the horizon, and its last due time is the next beyond it (tallyOf).
    const beyond =
      upcoming.length < TALLY_LIMIT ? ((await queue.openCursor(laterRange(horizon)))?.value.due ?? null) : null;
    await tx.done;
    const tally = tallyOf(
      now,
      due,
      upcoming.map((c) => c.due),
      TALLY_HORIZON_MS,
      TALLY_LIMIT,
      beyond,
    );
    // Kept only if no write was open while it was read, nor began since.
    if (stamp !== null && this.connection.cardWrites.stamp() === stamp) this.kept = { stamp, tally };
    return dueFrom(tally, now)!;
  }

  /**
   * The first `limit` due cards, in due order, skipping `exclude` (the cards the page holds
   * already), ready to show. Cards whose word or highlight is gone are deleted with their logs.
   */
  queue(now: number, limit: number, exclude: ReadonlySet<string>): Promise<{ items: ReviewItem[] } & DueCount> {
    return storing('read the review queue', async () => {
      const db = await this.connection.database();
      const tx = db.transaction(['cards', 'words', 'highlights'], 'readonly');
      const cards: ReviewCard[] = [];
      let cursor = await tx.objectStore('cards').index('queue').openCursor(dueRange(now));
      while (cursor && cards.length < limit) {
        if (!exclude.has(cursor.value.id)) cards.push(cursor.value);
        cursor = await cursor.continue();
      }
      const [words, highlights] = await Promise.all([
        Promise.all(
          cards.map((c) => (c.source === 'word' ? tx.objectStore('words').get(c.ref) : Promise.resolve(undefined))),
        ),
        Promise.all(
          cards.map((c) =>
            c.source === 'highlight' ? tx.objectStore('highlights').get(c.ref) : Promise.resolve(undefined),
          ),
        ),
      ]);
      await tx.done;
      const items: ReviewItem[] = [];
      const gone: string[] = [];
      cards.forEach((c, i) => {
        const item = reviewItemOf(c, words[i], highlights[i] as HighlightRecord | undefined, now);
        if (item) items.push(item);
        else gone.push(c.id);
      });
      if (gone.length) await this.deleteCards(gone);
      return { items, ...(await this.dueCount(now)) };
    });
  }

  /** Deletes cards and their review logs in one transaction. */
  private async deleteCards(ids: readonly string[]): Promise<void> {
    const db = await this.connection.database();
    const tx = this.readwrite(db, ['cards', 'reviewLogs', 'reviewDays']);
    await Promise.all([...(await deleteCardsIn(tx, ids)), tx.done]);
  }

  /** Re-derives a word's status after one of its cards changed, in the same transaction. */
  private async restatus(tx: WriteTx, card: ReviewCard, now: number): Promise<WordStatus | null> {
    if (card.source !== 'word') return null;
    const words = tx.objectStore('words');
    const word = await words.get(card.ref);
    if (!word) return null;
    const cards = (await this.wordCards(tx.objectStore('cards'), word.headword)).map((c) =>
      c.id === card.id ? card : c,
    );
    const next = withStatus(word, cards, now);
    if (next !== word) await words.put(next);
    return next.status;
  }

  /**
   * Rates a card: the card rescheduled, the rating logged, the word's status derived again, in one
   * transaction. Returns the queue's state after it.
   */
  rate(cardId: string, rating: ReviewRating, now: number): Promise<DueCount & { status: WordStatus | null }> {
    return storing('save the rating', async () => {
      const db = await this.connection.database();
      const kept = this.keptNow();
      const tx = this.readwrite(db, ['cards', 'reviewLogs', 'words', 'reviewDays']);
      const cards = tx.objectStore('cards');
      const current = await cards.get(cardId);
      if (!current) {
        tx.abort();
        await tx.done.catch(() => undefined);
        throw new Error('That card no longer exists.');
      }
      const { card, log } = rateCard(current, rating, now, mintId('r', now));
      const writes = [
        cards.put(card),
        tx.objectStore('reviewLogs').add(log),
        tallyLogs(tx.objectStore('reviewDays'), [log], 1),
      ];
      const status = await this.restatus(tx, card, now);
      await Promise.all([...writes, tx.done]);
      this.carry(kept, [[current, card]]);
      return { ...(await this.dueCount(now)), status };
    });
  }

  /**
   * Undoes the newest rating, which must be of `cardId` (the card the page last rated): the card
   * exactly as it was, the log deleted, the word's status derived again. Returns the card to show
   * again and the queue's state.
   */
  undo(cardId: string, now: number): Promise<{ item: ReviewItem | null } & DueCount> {
    return storing('undo the rating', async () => {
      const db = await this.connection.database();
      const kept = this.keptNow();
      const tx = this.readwrite(db, ['cards', 'reviewLogs', 'words', 'highlights', 'reviewDays']);
      const last = await tx.objectStore('reviewLogs').index('reviewedAt').openCursor(null, 'prev');
      const card = last && last.value.cardId === cardId ? await tx.objectStore('cards').get(cardId) : undefined;
      const restored = card && last ? undoRating(card, last.value) : null;
      if (!restored || !last) {
        tx.abort();
        await tx.done.catch(() => undefined);
        throw new Error('That rating can no longer be undone: another rating was made since.');
      }
      const writes = [
        tx.objectStore('cards').put(restored),
        last.delete(),
        tallyLogs(tx.objectStore('reviewDays'), [last.value], -1),
      ];
      await this.restatus(tx, restored, now);
      const [word, highlight] = await Promise.all([
        restored.source === 'word' ? tx.objectStore('words').get(restored.ref) : undefined,
        restored.source === 'highlight' ? tx.objectStore('highlights').get(restored.ref) : undefined,
      ]);
      await Promise.all([...writes, tx.done]);
      this.carry(kept, [[card, restored]]);
      return { item: reviewItemOf(restored, word, highlight, now), ...(await this.dueCount(now)) };
    });
  }

  /**
   * Makes a card for every highlight (of one colour, or all) that has none yet. Returns how many
   * were added and how many highlights have cards now.
   */
  addHighlightCards(color: string | null, now: number): Promise<{ added: number; total: number }> {
    return storing('add the highlights as cards', async () => {
      const db = await this.connection.database();
      const tx = this.readwrite(db, ['highlights', 'cards']);
      const ids = color
        ? await tx.objectStore('highlights').index('color').getAllKeys(color)
        : await tx.objectStore('highlights').getAllKeys();
      const cards = tx.objectStore('cards');
      const existing = await Promise.all(ids.map((id) => cards.getKey(cardIdOf('highlight', id))));
      const fresh = ids.filter((_, i) => existing[i] === undefined);
      // One millisecond apart: they fall due in a stable order.
      await Promise.all([
        ...fresh.map((id, i) => cards.add(newCard('highlight', id, 'forward', now + i, true))),
        tx.done,
      ]);
      return { added: fresh.length, total: ids.length };
    });
  }

  /** Puts reverse cards into the queue or takes them out (the reader's setting changed). */
  setReverse(enabled: boolean): Promise<number> {
    return storing('change the reverse cards', async () => {
      const db = await this.connection.database();
      const tx = this.readwrite(db, ['cards', 'words']);
      const writes: Promise<unknown>[] = [];
      let cursor = await tx.objectStore('cards').openCursor();
      while (cursor) {
        const card = cursor.value;
        if (card.direction === 'reverse') {
          const word = await tx.objectStore('words').get(card.ref);
          const active = isActive(card, word ?? null, enabled) ? 1 : 0;
          if (active !== card.active) writes.push(cursor.update({ ...card, active }));
        }
        cursor = await cursor.continue();
      }
      await Promise.all([...writes, tx.done]);
      return writes.length;
    });
  }

  /** Deletes a saved word with its cards and their review logs. */
  deleteWord(headword: string): Promise<boolean> {
    return storing('delete the word', async () => {
      const db = await this.connection.database();
      const key = headwordKey(headword);
      const tx = this.readwrite(db, ['words', 'cards', 'reviewLogs', 'reviewDays']);
      const existed = (await tx.objectStore('words').getKey(key)) !== undefined;
      const ids = DIRECTIONS.map((d) => cardIdOf('word', key, d));
      await Promise.all([tx.objectStore('words').delete(key), ...(await deleteCardsIn(tx, ids)), tx.done]);
      return existed;
    });
  }
}

/** Deletes cards and their logs inside `tx`; returns the pending writes. */
async function deleteCardsIn(tx: WriteTx, ids: readonly string[]): Promise<Promise<unknown>[]> {
  const writes: Promise<unknown>[] = [];
  const deleted: ReviewLog[] = [];
  for (const id of ids) {
    writes.push(tx.objectStore('cards').delete(id));
    let c = await tx.objectStore('reviewLogs').index('cardId').openCursor(id);
    while (c) {
      deleted.push(c.value);
      writes.push(c.delete());
      c = await c.continue();
    }
  }
  writes.push(tallyLogs(tx.objectStore('reviewDays'), deleted, -1));
  return writes;
}
