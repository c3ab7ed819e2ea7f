/**
 * One connection to the database, opened when first needed and forgotten when it dies (a newer
 * version of the extension wants to upgrade, or the browser closed it), shared by the word, review,
 * history and backup stores.
 */

import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { describeStorageError, openDatabase, StorageError, type SongNguDB } from './db';

/**
 * Tells a reader whether a store may have changed since it last looked: a version that moves when
 * a write begins and again when it ends (two steps a write). What is read while a write is open is
 * not to be kept.
 */
export class WriteClock {
  private version = 0;
  private open = 0;

  track(done: Promise<unknown>): void {
    this.version++;
    this.open++;
    const end = () => {
      this.open--;
      this.version++;
    };
    done.then(end, end);
  }

  /** The version now, or null while a write is open. */
  stamp(): number | null {
    return this.open > 0 ? null : this.version;
  }

  /** True when exactly one write began and ended since `stamp` (the caller's own), and none is open. */
  oneWriteSince(stamp: number): boolean {
    return this.stamp() === stamp + 2;
  }
}

export class Connection {
  private db: Promise<IDBPDatabase<SongNguDB>> | undefined;
  /** Called when an older copy of the extension blocks a database upgrade. */
  onBlocked: () => void = () => {};
  /** Moves with every write to the review cards (the kept due count reads it). */
  readonly cardWrites = new WriteClock();

  /** The open database, opening it if needed. */
  database(): Promise<IDBPDatabase<SongNguDB>> {
    this.db ??= openDatabase({ onBlocked: () => this.onBlocked(), onClosed: () => (this.db = undefined) }).then(
      (db) => {
        db.addEventListener('close', () => (this.db = undefined));
        return db;
      },
    );
    this.db.catch(() => (this.db = undefined));
    return this.db;
  }

  /**
   * A readwrite transaction over `stores`. Every write to the cards goes through here (word-store.ts,
   * backup-store.ts), so the due count kept from them knows when it may be stale.
   */
  readwrite<Name extends StoreNames<SongNguDB>>(
    db: IDBPDatabase<SongNguDB>,
    stores: Name[],
  ): IDBPTransaction<SongNguDB, Name[], 'readwrite'> {
    const tx = db.transaction(stores, 'readwrite');
    if ((stores as string[]).includes('cards')) this.cardWrites.track(tx.done);
    return tx;
  }

  async close(): Promise<void> {
    if (this.db) (await this.db).close();
    this.db = undefined;
  }
}

/**
 * Runs `work`, turning a storage failure into a {@link StorageError} whose message says what
 * could not be done and what the reader can do about it.
 */
export async function storing<T>(doing: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StorageError || !(error instanceof DOMException)) throw error;
    throw new StorageError(describeStorageError(error, doing));
  }
}

/** A fresh id for a record the background mints: a prefix, the time in base 36 (so ids sort by time), and randomness. */
export function mintId(prefix: 'r' | 'l', now: number): string {
  return `${prefix}_${now.toString(36).padStart(9, '0')}${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
}
