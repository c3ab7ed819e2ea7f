/**
 * Saved highlights: writes batched into single transactions, pages read through indexes, and an
 * in-memory search index (accent-folded text and facets) kept in step with every write, so the
 * popup can search 10,000 highlights as the reader types.
 */

import type { IDBPDatabase } from 'idb';
import { searchTextOf, type Colour, type HighlightRecord } from '@/core/highlight-record';
import { planMerge } from '@/core/highlight-import';
import { searchMatcher } from '@/core/search-key';
import { describeStorageError, openDatabase, StorageError, type SongNguDB, type StoredHighlight } from './db';

/** Which highlights a list or export is about. Empty fields match everything. */
export interface HighlightQuery {
  search?: string;
  color?: Colour;
  tag?: string;
  site?: string;
  url?: string;
  orphans?: boolean;
}

export interface HighlightPage {
  items: HighlightRecord[];
  /** Pass back to get the next page; null at the end. */
  next: string | null;
  /** How many highlights match the query in all. */
  total: number;
}

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

const stored_ = (h: HighlightRecord): StoredHighlight => ({ ...h, searchText: searchTextOf(h) });
const record = ({ searchText: _s, ...h }: StoredHighlight): HighlightRecord => h;

const newestFirst = (a: Summary, b: Summary) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1);

/** A predicate for one query, with its search words folded once. */
function matcherFor(q: HighlightQuery): (s: Summary) => boolean {
  const search = q.search ? searchMatcher(q.search) : null;
  const tag = q.tag?.toLowerCase();
  return (s) => {
    if (q.color && s.color !== q.color) return false;
    if (tag && !s.tags.some((t) => t.toLowerCase() === tag)) return false;
    if (q.site && s.site !== q.site) return false;
    if (q.url && s.url !== q.url) return false;
    if (q.orphans !== undefined && s.orphan !== q.orphans) return false;
    return !search || search(s.searchText);
  };
}

/** Page cursors name the last item shown: `createdAt:id`. */
const timeCursor = (h: { createdAt: number; id: string }) => `${h.createdAt}:${h.id}`;

function parseTimeCursor(cursor: string | null): { createdAt: number; id: string } | null {
  if (!cursor) return null;
  const at = cursor.indexOf(':');
  const createdAt = Number(cursor.slice(0, at));
  return at > 0 && Number.isFinite(createdAt) ? { createdAt, id: cursor.slice(at + 1) } : null;
}

const isPlainQuery = (q: HighlightQuery) =>
  !q.search && !q.color && !q.tag && !q.site && !q.url && q.orphans === undefined;

export class HighlightStore {
  private db: Promise<IDBPDatabase<SongNguDB>> | undefined;
  private index: Promise<Map<string, Summary>> | undefined;
  /** The search index once built (the same map as {@link index}), for answers that must not wait for it. */
  private builtIndex: Map<string, Summary> | undefined;
  private pendingPuts: { records: StoredHighlight[]; resolve: () => void; reject: (e: Error) => void }[] = [];
  private flushScheduled = false;
  /** Called after every change, with the URLs whose highlights changed (for the badge). */
  onChange: (urls: Set<string>) => void = () => {};
  /** Called when an older copy of the extension blocks a database upgrade. */
  onBlocked: () => void = () => {};

  private database(): Promise<IDBPDatabase<SongNguDB>> {
    this.db ??= openDatabase({ onBlocked: () => this.onBlocked() }).then((db) => {
      db.addEventListener('close', () => {
        this.db = undefined;
      });
      return db;
    });
    this.db.catch(() => (this.db = undefined));
    return this.db;
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

  private async updateIndex(put: StoredHighlight[], deleted: string[] = []): Promise<void> {
    if (!this.index) return;
    const index = await this.index;
    for (const h of put) index.set(h.id, summarise(h));
    for (const id of deleted) index.delete(id);
  }

  /**
   * Saves records. Saves arriving together (two tabs at once, a burst of edits) are batched
   * into one transaction; each caller learns when its records are committed, or why not.
   */
  put(records: HighlightRecord[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pendingPuts.push({ records: records.map(stored_), resolve, reject });
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
    return all.sort((a, b) => a.createdAt - b.createdAt).map(record);
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
    if (isPlainQuery(query)) {
      // Reading 20–50 records through the index beats filtering and sorting every summary, even
      // when the search index is built; only its size saves the count.
      const db = await this.database();
      const tx = db.transaction('highlights');
      const total = this.builtIndex?.size ?? (await tx.store.count());
      const after = parseTimeCursor(cursor);
      const before = after ? after.createdAt : Infinity;
      const afterId = after ? after.id : null;
      const range = Number.isFinite(before) ? IDBKeyRange.upperBound(before) : null;
      const items: StoredHighlight[] = [];
      let c = await tx.store.index('createdAt').openCursor(range, 'prev');
      while (c && items.length < limit) {
        const v = c.value;
        // Continue after the last item of the previous page (ties on createdAt by id).
        if (!(afterId !== null && v.createdAt === before && v.id >= afterId)) items.push(v);
        c = await c.continue();
      }
      items.sort((a, b) => newestFirst(summarise(a), summarise(b)));
      const last = items[items.length - 1];
      this.warmUp();
      return { items: items.map(record), next: items.length === limit && last ? timeCursor(last) : null, total };
    }
    const index = await this.searchIndex();
    const hits = [...index.values()].filter(matcherFor(query)).sort(newestFirst);
    // Continue after the last item shown, whichever way the previous page was read.
    const after = parseTimeCursor(cursor);
    const start = after ? hits.findIndex((h) => newestFirst(h, { ...h, ...after }) > 0) : 0;
    const from = start < 0 ? hits.length : start;
    const page = hits.slice(from, from + limit);
    const items = await this.getMany(page.map((s) => s.id));
    const last = page[page.length - 1];
    return { items, next: from + limit < hits.length && last ? timeCursor(last) : null, total: hits.length };
  }

  /** Every highlight matching a query, newest first (for export). */
  async all(query: HighlightQuery): Promise<HighlightRecord[]> {
    const index = await this.searchIndex();
    const ids = [...index.values()]
      .filter(matcherFor(query))
      .sort(newestFirst)
      .map((s) => s.id);
    return this.getMany(ids);
  }

  /** Tags, sites and counts, for the popup's filters. */
  async facets(): Promise<{ total: number; orphans: number; tags: [string, number][]; sites: [string, number][] }> {
    const index = await this.searchIndex();
    const tags = new Map<string, number>();
    const sites = new Map<string, number>();
    let orphans = 0;
    for (const s of index.values()) {
      for (const t of s.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
      sites.set(s.site, (sites.get(s.site) ?? 0) + 1);
      if (s.orphan) orphans++;
    }
    const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return { total: index.size, orphans, tags: sorted(tags), sites: sorted(sites) };
  }

  /** Deletes highlights and returns them, so the popup can undo. */
  async delete(ids: readonly string[]): Promise<HighlightRecord[]> {
    const db = await this.database();
    const tx = db.transaction('highlights', 'readwrite');
    const found = (await Promise.all(ids.map((id) => tx.store.get(id)))).filter((h): h is StoredHighlight => !!h);
    await Promise.all([...found.map((h) => tx.store.delete(h.id)), tx.done]).catch((error: unknown) => {
      throw new StorageError(describeStorageError(error, 'delete the highlight'));
    });
    await this.updateIndex(
      [],
      found.map((h) => h.id),
    );
    this.onChange(new Set(found.map((h) => h.url)));
    return found.map(record);
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
      const stored = new Set(await tx.store.getAllKeys());
      const existing = new Map<string, HighlightRecord>();
      const colliding = incoming.filter((h) => stored.has(h.id));
      const olds = await Promise.all(colliding.map((h) => tx.store.get(h.id)));
      for (const old of olds) if (old) existing.set(old.id, record(old));
      const plan = planMerge(incoming, existing);
      const rows = plan.write.map(stored_);
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

  /** Records the result of anchoring a page's highlights on a visit. */
  async setOrphans(anchored: readonly string[], orphaned: readonly string[]): Promise<void> {
    const changed: HighlightRecord[] = [];
    for (const h of await this.getMany([...anchored, ...orphaned])) {
      const orphan = orphaned.includes(h.id);
      if (h.orphan !== orphan) changed.push({ ...h, orphan });
    }
    if (changed.length > 0) await this.put(changed);
  }

  /** Closes the database (tests, and before an upgrade elsewhere). */
  async close(): Promise<void> {
    if (this.db) (await this.db).close();
    this.db = undefined;
    this.index = undefined;
    this.builtIndex = undefined;
  }
}
