/**
 * The highlights database: IndexedDB in the extension's origin (only the background opens it),
 * through idb, with a typed schema and an upgrade ladder from version 1.
 *
 * - v1: highlights by id, indexed by url and createdAt.
 * - v2: tags and site on every record; indexes on color, tags (multi-entry) and site.
 * - v3: corpus link, orphan flag and an accent-folded search text on every record; updatedAt index.
 * - v4: the site and updatedAt indexes dropped: nothing reads them (site filters and search run on
 *   the in-memory summaries), and every index is one more write per record on import.
 * - v5: one notion of a site (core/site.ts): every record's site is recomputed from its URL, so
 *   m.dantri.com.vn and dantri.com.vn are one site; and a `trash` store of deleted highlights,
 *   kept for a while so a delete can be undone after the popup has closed.
 * - v6: saved words (by headword, indexed by status), review cards (indexed by [active, due] for
 *   the queue of due cards), review logs (by time, and by card) and the lookup history (by time,
 *   and by [headword, time] to count and find a headword's lookups).
 * - v7: the reader's own articles (by id), each with its sentence pairs computed when saved.
 * - v8: what lets the review page's progress be read without loading the logs: `reviewDays`, the
 *   review counts per UTC day by quarter hour (core/review-tally.ts), kept with every log written
 *   or deleted and built from the logs on upgrade; and words by `knownAt` (only known words have
 *   one: the upgrade gives a known word without one its last update, as the progress read used
 *   to assume, and takes it from a word that is not known).
 */

import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { searchTextOf, type HighlightRecord } from '@/core/highlight-record';
import type { LookupEntry } from '@/core/lookup-history';
import type { ReviewCard, ReviewLog } from '@/core/review-card';
import { logsByDay, tallied, type ReviewDay } from '@/core/review-tally';
import type { SavedWord } from '@/core/saved-word';
import { siteOfUrl } from '@/core/site';
import type { UserArticleRecord } from '@/core/user-corpus';

export const DB_NAME = 'song-ngu';
export const DB_VERSION = 8;

/** A stored highlight: the record plus what is derived for searching. */
export type StoredHighlight = HighlightRecord & { searchText: string };

/** Highlights deleted together, kept for undo until the undo window has passed. */
export interface DeletedBatch {
  undoId: string;
  deletedAt: number;
  highlights: HighlightRecord[];
}

export interface SongNguDB extends DBSchema {
  highlights: {
    key: string;
    value: StoredHighlight;
    indexes: {
      url: string;
      createdAt: number;
      color: string;
      tags: string;
    };
  };
  trash: {
    key: string;
    value: DeletedBatch;
    indexes: { deletedAt: number };
  };
  words: {
    key: string;
    value: SavedWord;
    indexes: { status: string; knownAt: number };
  };
  cards: {
    key: string;
    value: ReviewCard;
    /** [active, due]: the due cards are one key range, in due order. */
    indexes: { queue: [number, number] };
  };
  reviewLogs: {
    key: string;
    value: ReviewLog;
    indexes: { reviewedAt: number; cardId: string };
  };
  history: {
    key: string;
    value: LookupEntry;
    indexes: { at: number; headwordAt: [string, number] };
  };
  articles: {
    key: string;
    value: UserArticleRecord;
  };
  reviewDays: {
    key: number;
    value: ReviewDay;
  };
}

type StoreName = 'highlights' | 'trash' | 'words' | 'cards' | 'reviewLogs' | 'history' | 'articles' | 'reviewDays';
type UpgradeTx = IDBPTransaction<SongNguDB, StoreName[], 'versionchange'>;

/** Rewrites every stored highlight with `fix`, inside the upgrade transaction. */
async function migrateRecords(
  tx: UpgradeTx,
  fix: (record: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  let cursor = await tx.objectStore('highlights').openCursor();
  while (cursor) {
    await cursor.update(fix(cursor.value as unknown as Record<string, unknown>) as unknown as StoredHighlight);
    cursor = await cursor.continue();
  }
}

/** Raised when something keeps the database from opening or upgrading; the message is for the user. */
export class StorageError extends Error {
  override name = 'StorageError';
}

export interface OpenOptions {
  /** Called when an older copy of the database (another extension version still running) blocks our upgrade. */
  onBlocked?: () => void;
  /** Called when we close our connection so that a newer version can upgrade: the handle is dead. */
  onClosed?: () => void;
}

export function openDatabase(options: OpenOptions = {}): Promise<IDBPDatabase<SongNguDB>> {
  let db: IDBPDatabase<SongNguDB> | undefined;
  const opening = openDB<SongNguDB>(DB_NAME, DB_VERSION, {
    async upgrade(database, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const store = database.createObjectStore('highlights', { keyPath: 'id' });
        store.createIndex('url', 'url');
        store.createIndex('createdAt', 'createdAt');
      }
      if (oldVersion < 2) {
        const store = tx.objectStore('highlights');
        store.createIndex('color', 'color');
        store.createIndex('tags', 'tags', { multiEntry: true });
        // Created for the ladder's sake; v4 drops it again.
        (store as unknown as IDBObjectStore).createIndex('site', 'site');
        await migrateRecords(tx, (r) => ({ ...r, tags: Array.isArray(r.tags) ? r.tags : [], site: r.site ?? '' }));
      }
      if (oldVersion < 3) {
        (tx.objectStore('highlights') as unknown as IDBObjectStore).createIndex('updatedAt', 'updatedAt');
        await migrateRecords(tx, (r) => ({ ...r, corpus: r.corpus ?? null, orphan: r.orphan ?? false }));
      }
      if (oldVersion < 4) {
        const store = tx.objectStore('highlights') as unknown as IDBObjectStore;
        for (const name of ['site', 'updatedAt']) if (store.indexNames.contains(name)) store.deleteIndex(name);
      }
      if (oldVersion < 5) {
        database.createObjectStore('trash', { keyPath: 'undoId' }).createIndex('deletedAt', 'deletedAt');
        // The site, and the search text that includes it, from the one definition of a site.
        await migrateRecords(tx, (r) => {
          const record = { ...r, site: siteOfUrl(String(r.url)) } as unknown as HighlightRecord;
          return { ...record, searchText: searchTextOf(record) };
        });
      }
      if (oldVersion < 6) {
        database.createObjectStore('words', { keyPath: 'headword' }).createIndex('status', 'status');
        database.createObjectStore('cards', { keyPath: 'id' }).createIndex('queue', ['active', 'due']);
        const logs = database.createObjectStore('reviewLogs', { keyPath: 'id' });
        logs.createIndex('reviewedAt', 'reviewedAt');
        logs.createIndex('cardId', 'cardId');
        const history = database.createObjectStore('history', { keyPath: 'id' });
        history.createIndex('at', 'at');
        history.createIndex('headwordAt', ['headword', 'at']);
      }
      if (oldVersion < 7) {
        database.createObjectStore('articles', { keyPath: 'id' });
      }
      if (oldVersion < 8) {
        const days = database.createObjectStore('reviewDays', { keyPath: 'day' });
        let log = await tx.objectStore('reviewLogs').openCursor();
        const logs: ReviewLog[] = [];
        while (log) {
          logs.push(log.value);
          log = await log.continue();
        }
        for (const [day, ofDay] of logsByDay(logs)) await days.put(tallied(undefined, day, ofDay, 1));
        const words = tx.objectStore('words');
        words.createIndex('knownAt', 'knownAt');
        let cursor = await words.openCursor();
        while (cursor) {
          const w = cursor.value;
          const knownAt = w.status === 'known' ? (w.knownAt ?? w.updatedAt) : null;
          if (knownAt !== (w.knownAt ?? null)) await cursor.update({ ...w, knownAt });
          cursor = await cursor.continue();
        }
      }
    },
    blocked() {
      options.onBlocked?.();
    },
    blocking() {
      // A newer version wants to upgrade: step aside rather than hold it up, and let the owner
      // forget this handle (a closed connection fires no 'close' event when closed by us).
      db?.close();
      options.onClosed?.();
    },
  });
  return opening.then(
    (opened) => (db = opened),
    (error: unknown) => {
      throw new StorageError(describeStorageError(error, 'open the highlights database'));
    },
  );
}

/** Turns an IndexedDB failure into a message a reader can act on. */
export function describeStorageError(error: unknown, doing: string): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'QuotaExceededError':
      return `Could not ${doing}: the browser's storage is full. Free some disk space or delete old highlights, then try again. Nothing was changed.`;
    case 'AbortError':
      return `Could not ${doing}: the browser interrupted the write. Nothing was changed; please try again.`;
    case 'VersionError':
      return `Could not ${doing}: the database was created by a newer version of Song ngữ. Update the extension.`;
    case 'InvalidStateError':
      return `Could not ${doing}: the database was closed while in use. Please try again.`;
    default:
      return `Could not ${doing}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
