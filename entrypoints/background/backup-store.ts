/**
 * The backup of everything: read in one transaction over every store, and imported in one
 * readwrite transaction over every store, so an import lands whole or not at all. What the
 * extension derives is derived again on import: the highlights' search text, which cards are in
 * the queue (the reader's reverse-card setting, the words marked known) and every touched word's
 * status; the lookup history is capped again; the reader's articles' sentence pairs are aligned
 * again, as when they were saved.
 */

import type { BackupArticle, BackupData } from '@/core/backup';
import { planBackupMerge, type BackupMergePlan, type StoredCollisions } from '@/core/backup-merge';
import { searchTextOf, type HighlightRecord } from '@/core/highlight-record';
import { HISTORY_CAP, overflow } from '@/core/lookup-history';
import { cardIdOf, isActive, type ReviewCard } from '@/core/review-card';
import type { SavedWord } from '@/core/saved-word';
import { userArticleRecord, type UserArticleRecord } from '@/core/user-corpus';
import { withStatus } from '@/core/word-status';
import type { StoredHighlight } from './db';
import { storing, type Connection } from './db-connection';
import { tallyLogs } from './review-days';

const STORES = ['highlights', 'words', 'cards', 'reviewLogs', 'history', 'articles'] as const;

const record = ({ searchText: _s, ...h }: StoredHighlight): HighlightRecord => h;
const backupArticle = (r: UserArticleRecord): BackupArticle => ({ article: r.article, savedAt: r.savedAt });

/**
 * Everything, as a backup holds it. Cards whose word or highlight is gone (a highlight deleted
 * since it was made a card) are left out with their logs, so the backup always imports.
 */
export async function readBackup(connection: Connection): Promise<BackupData> {
  const db = await connection.database();
  const tx = db.transaction([...STORES]);
  const [highlights, words, cards, reviewLogs, history, articles] = await Promise.all([
    tx.objectStore('highlights').getAll(),
    tx.objectStore('words').getAll(),
    tx.objectStore('cards').getAll(),
    tx.objectStore('reviewLogs').index('reviewedAt').getAll(),
    tx.objectStore('history').index('at').getAll(),
    tx.objectStore('articles').getAll(),
  ]);
  await tx.done;
  const saved = new Set(words.filter((w) => w.saved).map((w) => w.headword));
  const highlightIds = new Set(highlights.map((h) => h.id));
  const kept = cards.filter((c) => (c.source === 'word' ? saved.has(c.ref) : highlightIds.has(c.ref)));
  const cardIds = new Set(kept.map((c) => c.id));
  return {
    highlights: highlights.map(record),
    words,
    cards: kept,
    reviewLogs: reviewLogs.filter((l) => cardIds.has(l.cardId)),
    history,
    articles: articles.map(backupArticle),
  };
}

/** What a backup import did: the counts, and the reader's articles it wrote (for the live corpus). */
export interface BackupImported {
  counts: BackupMergePlan['counts'];
  articles: UserArticleRecord[];
}

/**
 * Imports a checked backup, merging it with what is stored (see core/backup-merge.ts), in one
 * transaction. `reverse` is the reader's reverse-card setting.
 */
export function importBackup(
  connection: Connection,
  data: BackupData,
  now: number,
  reverse: boolean,
  cap = HISTORY_CAP,
): Promise<BackupImported> {
  return storing('import the backup', async () => {
    const db = await connection.database();
    // And the per-day review counts, kept with the logs written.
    const tx = connection.readwrite(db, [...STORES, 'reviewDays']);
    const store = <N extends (typeof STORES)[number]>(name: N) => tx.objectStore(name);
    // One read of each store's keys, then the stored versions of only the records that collide.
    const [highlightKeys, wordKeys, cardKeys, logKeys, historyKeys, articleKeys] = await Promise.all(
      STORES.map((name) =>
        store(name)
          .getAllKeys()
          .then((keys) => new Set(keys)),
      ),
    );
    const colliding = async <T>(keys: Set<string>, wanted: string[], get: (k: string) => Promise<T | undefined>) => {
      const hits = wanted.filter((k) => keys.has(k));
      const values = await Promise.all(hits.map(get));
      return new Map(hits.map((k, i) => [k, values[i]!] as const));
    };
    const stored: StoredCollisions = {
      highlights: new Map(
        [
          ...(await colliding(
            highlightKeys!,
            data.highlights.map((h) => h.id),
            (k) => store('highlights').get(k),
          )),
        ].map(([k, h]) => [k, record(h)]),
      ),
      words: await colliding(
        wordKeys!,
        data.words.map((w) => w.headword),
        (k) => store('words').get(k),
      ),
      cards: await colliding(
        cardKeys!,
        data.cards.map((c) => c.id),
        (k) => store('cards').get(k),
      ),
      reviewLogIds: logKeys!,
      historyIds: historyKeys!,
      articles: new Map(
        [
          ...(await colliding(
            articleKeys!,
            data.articles.map((a) => a.article.id),
            (k) => store('articles').get(k),
          )),
        ].map(([k, r]) => [k, backupArticle(r)]),
      ),
    };
    const plan = planBackupMerge(data, stored);

    // The words the written cards belong to, as they will be after the merge.
    const words = new Map<string, SavedWord>(plan.write.words.map((w) => [w.headword, w]));
    for (const c of plan.write.cards) {
      if (c.source === 'word' && !words.has(c.ref)) {
        const w = await store('words').get(c.ref);
        if (w) words.set(w.headword, w);
      }
    }
    const cards = plan.write.cards.map(
      (c): ReviewCard => ({
        ...c,
        active: isActive(c, c.source === 'word' ? (words.get(c.ref) ?? null) : null, reverse) ? 1 : 0,
      }),
    );
    const articles = plan.write.articles.map((a) => userArticleRecord(a.article, a.savedAt));
    const writes: Promise<unknown>[] = [
      ...articles.map((r) => store('articles').put(r)),
      ...plan.write.highlights.map((h) => store('highlights').put({ ...h, searchText: searchTextOf(h) })),
      ...cards.map((c) => store('cards').put(c)),
      ...plan.write.reviewLogs.map((l) => store('reviewLogs').put(l)),
      ...plan.write.history.map((e) => store('history').put(e)),
      tallyLogs(tx.objectStore('reviewDays'), plan.write.reviewLogs, 1),
    ];
    // Statuses from the cards as they now are (reads see this transaction's writes).
    for (const word of words.values()) {
      const own = await Promise.all(
        (['forward', 'reverse'] as const).map((d) => store('cards').get(cardIdOf('word', word.headword, d))),
      );
      writes.push(
        store('words').put(
          withStatus(
            word,
            own.filter((c): c is ReviewCard => !!c),
            now,
          ),
        ),
      );
    }
    let drop = overflow(historyKeys!.size + plan.write.history.length, cap);
    let oldest = drop > 0 ? await store('history').index('at').openCursor() : null;
    while (oldest && drop > 0) {
      writes.push(oldest.delete());
      drop--;
      oldest = await oldest.continue();
    }
    try {
      await Promise.all([...writes, tx.done]);
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already aborted.
      }
      throw error;
    }
    return { counts: plan.counts, articles };
  });
}
