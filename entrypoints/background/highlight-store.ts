/**
 * Saved highlights: writes batched into single transactions, pages read through indexes, and an
 * in-memory search index (accent-folded text and facets) kept in step with every write, so the
 * popup can search 10,000 highlights as the reader types.
 *
 * Every read-modify-write is one readwrite transaction, so two changes to one record can never
 * interleave: a delete that commits first leaves nothing for a later anchoring report or edit to
 * write back.
 */

import type { IDBPDatabase } from 'idb';
import {
  compareNewestFirst,
  isPlainQuery,
  pageCursor,
  parsePageCursor,
  queryMatcher,
  type HighlightFacets,
  type HighlightQuery,
} from '@/core/highlight-query';
import { searchTextOf, type Colour, type HighlightRecord } from '@/core/highlight-record';
import { planMerge } from '@/core/highlight-import';
import type { Deletion } from '@/lib/protocol';
import {
  describeStorageError,
  openDatabase,
  StorageError,
  type DeletedBatch,
  type SongNguDB,
  type StoredHighlight,
} from './db';

export interface HighlightPage {
  items: HighlightRecord[];
  /** Pass back to get the next page; null at the end. */
  next: string | null;
  /** How many highlights match the query in all. */
  total: number;
}

/** How long deleted highlights can be brought back. */
export const UNDO_WINDOW_MS = 10 * 60_000;

interface Summary {
  id: string;
  url: string;
  createdAt: number;
  color: Colour;
  tags: string[];
  site: string;
  orphan: boolean;
  searchText: string;
}

const summarise = (h: StoredHighlight): Summary => ({
  id: h.id,
  url: h.url,
  createdAt: h.createdAt,
  color: h.color,
  tags: h.tags,
  site: h.site,
  orphan: h.orphan,
  searchText: h.searchText,
});

const stored = (h: HighlightRecord): StoredHighlight => ({ ...h, searchText: searchTextOf(h) });
const record = ({ searchText: _s, ...h }: StoredHighlight): HighlightRecord => h;

export class HighlightStore {
  private db: Promise<IDBPDatabase<SongNguDB>> | undefined;
  private index: Promise<Map<string, Summary>> | undefined;
  /** The search index once built (the same map as {@link index}), for answers that must not wait for it. */
  private builtIndex: Map<string, Summary> | undefined;
  private pendingPuts: { records: StoredHighlight[]; resolve: () => void; reject: (e: Error) => void }[] = [];
  private flushScheduled = false;
  /** Called after every change, with the URLs whose highlights changed (badges, open pages). */
  onChange: (urls: Set<string>) => void = () => {};
  /** Called when an older copy of the extension blocks a database upgrade. */
  onBlocked: () => void = () => {};

  private database(): Promise<IDBPDatabase<SongNguDB>> {
    this.db ??= openDatabase({ onBlocked: () => this.onBlocked(), onClosed: () => this.forget() }).then((db) => {
      db.addEventListener('close', () => this.forget());
      return db;
    });
    this.db.catch(() => (this.db = undefined));
    return this.db;
  }

  /** Drops a dead connection (and what was read through it); the next call opens afresh. */
  private forget(): void {
    this.db = undefined;
    this.index = undefined;
    this.builtIndex = undefined;
  }

  private searchIndex(): Promise<Map<string, Summary>> {
    this.index ??= this.database()
      .then((db) => db.getAll('highlights'))
      .then((all) => (this.builtIndex = new Map(all.map((h) => [h.id, summarise(h)]))));
    this.index.catch(() => (this.index = undefined));
    return this.index;
  }

  /**
   * Opens the database now. The service worker calls this as it starts: it is usually woken by the
   * popup or a page that is about to ask for highlights, and opening the database is most of the
   * wait for the first answer after a browser start.
   */
  open(): Promise<void> {
    return this.database().then(() => undefined);
  }

  /** Starts building the search index now, so the first search is fast. */
  warmUp(): void {
    void this.searchIndex().catch(() => undefined);
  }

  private async updateIndex(put: readonly StoredHighlight[], deleted: readonly string[] = []): Promise<void> {
    if (!this.index) return;
    const index = await this.index;
    for (const h of put) index.set(h.id, summarise(h));
    for (const id of deleted) index.delete(id);
  }

  /**
   * Saves new records. Saves arriving together (two tabs at once) are batched into one
   * transaction; each caller learns when its records are committed, or why not.
   */
  put(records: HighlightRecord[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pendingPuts.push({ records: records.map(stored), resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setTimeout(() => void this.flushPuts(), 0);
      }
    });
  }

  private async flushPuts(): Promise<void> {
    const batch = this.pendingPuts;
    this.pendingPuts = [];
    this.flushScheduled = false;
    const all = batch.flatMap((b) => b.records);
    try {
      const db = await this.database();
      const tx = db.transaction('highlights', 'readwrite');
      await Promise.all([...all.map((r) => tx.store.put(r)), tx.done]);
      await this.updateIndex(all);
      for (const b of batch) b.resolve();
      this.onChange(new Set(all.map((r) => r.url)));
    } catch (error) {
      const message = error instanceof StorageError ? error.message : describeStorageError(error, 'save the highlight');
      for (const b of batch) b.reject(new StorageError(message));
    }
  }

  /**
   * Changes one record in a single readwrite transaction: `change` sees the stored version and
   * returns the new one (or null to leave it). Null when the record does not exist (any more).
   */
  async update(
    id: string,
    change: (current: HighlightRecord) => HighlightRecord | null,
  ): Promise<HighlightRecord | null> {
    const db = await this.database();
    const tx = db.transaction('highlights', 'readwrite');
    try {
      const current = await tx.store.get(id);
      const next = current ? change(record(current)) : null;
      const row = next && stored(next);
      if (row) await tx.store.put(row);
      await tx.done;
      if (!row) return null;
      await this.updateIndex([row]);
      this.onChange(new Set([row.url, ...(current && current.url !== row.url ? [current.url] : [])]));
      return record(row);
    } catch (error) {
      throw new StorageError(describeStorageError(error, 'change the highlight'));
    }
  }

  async get(id: string): Promise<HighlightRecord | undefined> {
    const h = await (await this.database()).get('highlights', id);
    return h && record(h);
  }

  async getMany(ids: readonly string[]): Promise<HighlightRecord[]> {
    const db = await this.database();
    const tx = db.transaction('highlights');
    const found = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    return found.filter((h): h is StoredHighlight => h !== undefined).map(record);
  }

  /** Every highlight of one page, oldest first. */
  async forUrl(url: string): Promise<HighlightRecord[]> {
    const all = await (await this.database()).getAllFromIndex('highlights', 'url', url);
    return all.sort((a, b) => compareNewestFirst(b, a)).map(record);
  }

  async countForUrl(url: string): Promise<number> {
    return (await this.database()).countFromIndex('highlights', 'url', url);
  }

  /**
   * One page of highlights, newest first. Without filters it walks the createdAt index from the
   * newest record, so the first rows come quickly however many are stored; with filters or a
   * search it uses the in-memory index.
   */
  async list(query: HighlightQuery, cursor: string | null, limit: number): Promise<HighlightPage> {
    const after = parsePageCursor(cursor);
    if (isPlainQuery(query)) {
      // Reading a page of records through the index beats filtering and sorting every summary, even
      // when the search index is built; only its size saves the count.
      const db = await this.database();
      const tx = db.transaction('highlights');
      const total = this.builtIndex?.size ?? (await tx.store.count());
      const range = after ? IDBKeyRange.upperBound(after.createdAt) : null;
      const items: StoredHighlight[] = [];
      let c = await tx.store.index('createdAt').openCursor(range, 'prev');
      while (c && items.length < limit) {
        // Continue after the last item of the previous page, in the one newest-first order.
        if (!after || compareNewestFirst(after, c.value) < 0) items.push(c.value);
        c = await c.continue();
      }
      items.sort(compareNewestFirst);
      const last = items[items.length - 1];
      this.warmUp();
      return { items: items.map(record), next: items.length === limit && last ? pageCursor(last) : null, total };
    }
    const index = await this.searchIndex();
    const hits = [...index.values()].filter(queryMatcher(query)).sort(compareNewestFirst);
    const start = after ? hits.findIndex((h) => compareNewestFirst(after, h) < 0) : 0;
    const from = start < 0 ? hits.length : start;
    const page = hits.slice(from, from + limit);
    const items = await this.getMany(page.map((s) => s.id));
    const last = page[page.length - 1];
    return { items, next: from + limit < hits.length && last ? pageCursor(last) : null, total: hits.length };
  }

  /** Every highlight matching a query, newest first (for export). */
  async all(query: HighlightQuery): Promise<HighlightRecord[]> {
    const index = await this.searchIndex();
    const ids = [...index.values()]
      .filter(queryMatcher(query))
      .sort(compareNewestFirst)
      .map((s) => s.id);
    return this.getMany(ids);
  }

  /** Tags, sites and counts, for the popup's filters. */
  async facets(): Promise<HighlightFacets> {
    const index = await this.searchIndex();
    const tags = new Map<string, number>();
    const sites = new Map<string, number>();
    let orphans = 0;
    for (const s of index.values()) {
      for (const t of s.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
      sites.set(s.site, (sites.get(s.site) ?? 0) + 1);
      if (s.orphan) orphans++;
    }
    const sorted = (m: Map<string, number>) =>
      [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { total: index.size, orphans, tags: sorted(tags), sites: sorted(sites) };
  }

  /**
   * Deletes highlights, keeping them in the trash for {@link UNDO_WINDOW_MS} so the reader can
   * undo, even after closing the popup, and even after further deletes. One transaction: either
   * they are gone and in the trash, or nothing changed.
   */
  async delete(ids: readonly string[], now: number): Promise<Deletion | null> {
    const db = await this.database();
    const tx = db.transaction(['highlights', 'trash'], 'readwrite');
    const highlights = tx.objectStore('highlights');
    try {
      const found = (await Promise.all(ids.map((id) => highlights.get(id)))).filter((h): h is StoredHighlight => !!h);
      if (found.length === 0) {
        await tx.done;
        return null;
      }
      const batch: DeletedBatch = { undoId: `u_${crypto.randomUUID()}`, deletedAt: now, highlights: found.map(record) };
      await Promise.all([...found.map((h) => highlights.delete(h.id)), tx.objectStore('trash').put(batch), tx.done]);
      await this.updateIndex(
        [],
        found.map((h) => h.id),
      );
      this.onChange(new Set(found.map((h) => h.url)));
      return describeBatch(batch);
    } catch (error) {
      throw new StorageError(describeStorageError(error, 'delete the highlight'));
    }
  }

  /** The deletes that can still be undone, newest first; older ones are emptied from the trash. */
  async deletions(now: number): Promise<Deletion[]> {
    const db = await this.database();
    const tx = db.transaction('trash', 'readwrite');
    const expired = IDBKeyRange.upperBound(now - UNDO_WINDOW_MS, true);
    let c = await tx.store.index('deletedAt').openCursor(expired);
    while (c) {
      await c.delete();
      c = await c.continue();
    }
    const live = await tx.store.index('deletedAt').getAll(IDBKeyRange.lowerBound(now - UNDO_WINDOW_MS));
    await tx.done;
    return live.reverse().map(describeBatch);
  }

  /**
   * Brings a deleted batch back. A highlight saved again meanwhile under the same id (an import)
   * keeps whichever version is newer. Throws with a message for the reader when the undo window
   * has passed.
   */
  async undo(undoId: string, now: number): Promise<HighlightRecord[]> {
    const db = await this.database();
    const tx = db.transaction(['highlights', 'trash'], 'readwrite');
    const batch = await tx.objectStore('trash').get(undoId);
    if (!batch || batch.deletedAt < now - UNDO_WINDOW_MS) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new Error('That delete can no longer be undone: deleted highlights are kept for 10 minutes.');
    }
    try {
      const highlights = tx.objectStore('highlights');
      const current = await Promise.all(batch.highlights.map((h) => highlights.get(h.id)));
      const rows = batch.highlights.filter((h, i) => !current[i] || current[i].updatedAt < h.updatedAt).map(stored);
      await Promise.all([...rows.map((r) => highlights.put(r)), tx.objectStore('trash').delete(undoId), tx.done]);
      await this.updateIndex(rows);
      this.onChange(new Set(rows.map((r) => r.url)));
      return rows.map(record);
    } catch (error) {
      throw new StorageError(describeStorageError(error, 'undo the delete'));
    }
  }

  /**
   * Imports validated records in one transaction: all or nothing. A record whose id is stored
   * already is kept in whichever version was updated last.
   */
  async import(incoming: readonly HighlightRecord[]): Promise<{ added: number; updated: number; unchanged: number }> {
    const db = await this.database();
    const tx = db.transaction('highlights', 'readwrite');
    try {
      // One read of the stored ids, then the stored versions of only the ids that collide.
      const storedIds = new Set(await tx.store.getAllKeys());
      const existing = new Map<string, HighlightRecord>();
      const colliding = incoming.filter((h) => storedIds.has(h.id));
      const olds = await Promise.all(colliding.map((h) => tx.store.get(h.id)));
      for (const old of olds) if (old) existing.set(old.id, record(old));
      const plan = planMerge(incoming, existing);
      const rows = plan.write.map(stored);
      await Promise.all([...rows.map((r) => tx.store.put(r)), tx.done]);
      await this.updateIndex(rows);
      this.onChange(new Set(rows.map((r) => r.url)));
      return { added: plan.added, updated: plan.updated, unchanged: plan.unchanged };
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted.
      }
      throw new StorageError(describeStorageError(error, 'import the highlights'));
    }
  }

  /**
   * Records the result of anchoring a page's highlights on a visit, in one readwrite transaction:
   * a highlight deleted before this commits is not written back.
   */
  async setOrphans(anchored: readonly string[], orphaned: readonly string[]): Promise<void> {
    const db = await this.database();
    const tx = db.transaction('highlights', 'readwrite');
    const wanted = new Map<string, boolean>([
      ...anchored.map((id): [string, boolean] => [id, false]),
      ...orphaned.map((id): [string, boolean] => [id, true]),
    ]);
    const current = await Promise.all([...wanted.keys()].map((id) => tx.store.get(id)));
    const changed = current.filter((h): h is StoredHighlight => !!h && h.orphan !== wanted.get(h.id));
    const rows = changed.map((h) => ({ ...h, orphan: wanted.get(h.id)! }));
    await Promise.all([...rows.map((r) => tx.store.put(r)), tx.done]);
    if (rows.length === 0) return;
    await this.updateIndex(rows);
    this.onChange(new Set(rows.map((r) => r.url)));
  }

  /** Closes the database (tests, and before an upgrade elsewhere). */
  async close(): Promise<void> {
    if (this.db) (await this.db).close();
    this.forget();
  }
}

function describeBatch(b: DeletedBatch): Deletion {
  return {
    undoId: b.undoId,
    deletedAt: b.deletedAt,
    count: b.highlights.length,
    quote: b.highlights[0]?.quote.exact ?? '',
  };
}
