/**
 * How a backup merges with what is stored, record by record: nothing stored is lost, and where both
 * hold a record the more advanced version wins.
 *
 * - highlights: the version updated last (as a highlights import does);
 * - words: one word with the sentences of both, the other fields of the version updated last;
 * - cards: the version reviewed more often (then the one reviewed last): review progress is kept;
 * - review logs and lookups: added when their id is new (a log or lookup never changes);
 * - the reader's articles: the version saved last.
 */

import type { BackupArticle, BackupData } from './backup';
import { planMerge } from './highlight-import';
import type { HighlightRecord } from './highlight-record';
import type { LookupEntry } from './lookup-history';
import type { ReviewCard, ReviewLog } from './review-card';
import { mergeWords, type SavedWord } from './saved-word';

/** The stored versions of the records a backup's keys collide with. */
export interface StoredCollisions {
  highlights: ReadonlyMap<string, HighlightRecord>;
  words: ReadonlyMap<string, SavedWord>;
  cards: ReadonlyMap<string, ReviewCard>;
  reviewLogIds: ReadonlySet<string>;
  historyIds: ReadonlySet<string>;
  articles: ReadonlyMap<string, BackupArticle>;
}

export interface MergeCount {
  added: number;
  updated: number;
  unchanged: number;
}

export interface BackupMergePlan {
  write: BackupData;
  counts: Record<keyof BackupData, MergeCount>;
}

const isAhead = (a: ReviewCard, b: ReviewCard) =>
  a.reps > b.reps || (a.reps === b.reps && (a.lastReview ?? 0) > (b.lastReview ?? 0));

/** Plans a merge: what to write, and how many records are new, updated or already up to date. */
export function planBackupMerge(incoming: BackupData, stored: StoredCollisions): BackupMergePlan {
  const highlights = planMerge(incoming.highlights, stored.highlights);
  const words: SavedWord[] = [];
  const wordCount: MergeCount = { added: 0, updated: 0, unchanged: 0 };
  for (const w of incoming.words) {
    const old = stored.words.get(w.headword);
    if (!old) {
      wordCount.added++;
      words.push(w);
      continue;
    }
    const merged = mergeWords(old, w);
    if (JSON.stringify(merged) === JSON.stringify(old)) wordCount.unchanged++;
    else {
      wordCount.updated++;
      words.push(merged);
    }
  }
  const cards: ReviewCard[] = [];
  const cardCount: MergeCount = { added: 0, updated: 0, unchanged: 0 };
  for (const c of incoming.cards) {
    const old = stored.cards.get(c.id);
    if (!old) cardCount.added++;
    else if (isAhead(c, old)) cardCount.updated++;
    else {
      cardCount.unchanged++;
      continue;
    }
    cards.push(c);
  }
  const newOnly = <T extends { id: string }>(list: readonly T[], ids: ReadonlySet<string>): [T[], MergeCount] => {
    const fresh = list.filter((r) => !ids.has(r.id));
    return [fresh, { added: fresh.length, updated: 0, unchanged: list.length - fresh.length }];
  };
  const [reviewLogs, logCount] = newOnly<ReviewLog>(incoming.reviewLogs, stored.reviewLogIds);
  const [history, historyCount] = newOnly<LookupEntry>(incoming.history, stored.historyIds);
  const articles: BackupArticle[] = [];
  const articleCount: MergeCount = { added: 0, updated: 0, unchanged: 0 };
  for (const a of incoming.articles) {
    const old = stored.articles.get(a.article.id);
    if (!old) articleCount.added++;
    else if (a.savedAt > old.savedAt) articleCount.updated++;
    else {
      articleCount.unchanged++;
      continue;
    }
    articles.push(a);
  }
  return {
    write: { highlights: highlights.write, words, cards, reviewLogs, history, articles },
    counts: {
      highlights: { added: highlights.added, updated: highlights.updated, unchanged: highlights.unchanged },
      words: wordCount,
      cards: cardCount,
      reviewLogs: logCount,
      history: historyCount,
      articles: articleCount,
    },
  };
}
