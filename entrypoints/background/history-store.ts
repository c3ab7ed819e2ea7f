/**
 * The lookup history: one readwrite transaction records a lookup (unless it repeats the headword's
 * newest one) and drops the oldest entries beyond the cap. Counting a headword's lookups reads one
 * key range of the [headword, time] index.
 */

import { HISTORY_CAP, isRepeat, newLookup, overflow, type LookupDraft, type LookupEntry } from '@/core/lookup-history';
import { headwordKey } from '@/core/saved-word';
import type { LookupCount } from '@/lib/protocol';
import { mintId, storing, type Connection } from './db-connection';

/** Every lookup of one headword: its slice of the [headword, time] index. */
const headwordRange = (headword: string) => IDBKeyRange.bound([headword, -Infinity], [headword, Infinity]);

export class HistoryStore {
  /** The most entries kept (a parameter for tests). */
  cap = HISTORY_CAP;

  constructor(private readonly connection: Connection) {}

  /** Records a lookup. Returns whether it was recorded (not a repeat) and the headword's count. */
  record(draft: LookupDraft, now: number): Promise<{ recorded: boolean } & LookupCount> {
    return storing('record the lookup', async () => {
      const entry = newLookup(draft, mintId('l', now), now);
      const db = await this.connection.database();
      const tx = db.transaction('history', 'readwrite');
      const byHeadword = tx.store.index('headwordAt');
      const last = await byHeadword.openCursor(headwordRange(entry.headword), 'prev');
      if (isRepeat(last?.value, entry)) {
        const count = await byHeadword.count(headwordRange(entry.headword));
        await tx.done;
        return { recorded: false, count, lastAt: last!.value.at };
      }
      const before = await tx.store.count();
      const writes: Promise<unknown>[] = [tx.store.add(entry)];
      let drop = overflow(before + 1, this.cap);
      let oldest = drop > 0 ? await tx.store.index('at').openCursor() : null;
      while (oldest && drop > 0) {
        writes.push(oldest.delete());
        drop--;
        oldest = await oldest.continue();
      }
      const count = await byHeadword.count(headwordRange(entry.headword));
      await Promise.all([...writes, tx.done]);
      return { recorded: true, count, lastAt: now };
    });
  }

  /** How often a headword was looked up, and when last. */
  async count(headword: string): Promise<LookupCount> {
    const db = await this.connection.database();
    const tx = db.transaction('history');
    const range = headwordRange(headwordKey(headword));
    const [count, last] = await Promise.all([
      tx.store.index('headwordAt').count(range),
      tx.store.index('headwordAt').openCursor(range, 'prev'),
    ]);
    await tx.done;
    return { count, lastAt: last?.value.at ?? null };
  }

  /** The newest lookups first, `limit` of them. */
  async recent(limit: number): Promise<{ items: LookupEntry[]; total: number }> {
    const db = await this.connection.database();
    const tx = db.transaction('history');
    const items: LookupEntry[] = [];
    let c = await tx.store.index('at').openCursor(null, 'prev');
    while (c && items.length < limit) {
      items.push(c.value);
      c = await c.continue();
    }
    const total = await tx.store.count();
    await tx.done;
    return { items, total };
  }

  /** Forgets every lookup. */
  clear(): Promise<void> {
    return storing('clear the lookup history', async () => {
      await (await this.connection.database()).clear('history');
    });
  }
}
