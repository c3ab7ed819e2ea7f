/**
 * The background's answers to the word, lookup and review messages.
 *
 * Content scripts (popovers) may save words, record lookups, mark words known and ask for
 * statuses and counts: each within a per-tab allowance, and only for their own page. Everything
 * else (the review queue, ratings, progress, backup) is for the extension's own pages.
 */

import { browser } from 'wxt/browser';
import { parseBackup, toBackupJson } from '@/core/backup';
import { normalizePageUrl } from '@/core/page-url';
import { RateLimiter, type RateLimit } from '@/core/rate-limit';
import { toWordsAnkiTsv } from '@/core/word-export';
import type { WordStatus } from '@/core/saved-word';
import type { LiveCorpus } from '@/core/user-corpus';
import type { Handlers, Protocol, SenderInfo } from '@/lib/messaging';
import { lookupHistory, lookupHistoryCap, reverseCards } from '@/lib/settings';
import { importBackup, readBackup } from './backup-store';
import { Connection } from './db-connection';
import { StorageError } from './db';
import type { HighlightStore } from './highlight-store';
import { HistoryStore } from './history-store';
import { notifyPages } from './page-notify';
import { readProgress } from './progress-store';
import { newToken } from './staged-highlights';
import { holdExport, receiveImportChunk } from './transfers';
import { WordStore } from './word-store';

type WordMessages =
  | 'saveWord'
  | 'recordLookup'
  | 'markKnown'
  | 'wordStatus'
  | 'lookupCount'
  | 'listColouredWords'
  | 'countDue'
  | 'listDueCards'
  | 'rateCard'
  | 'undoRating'
  | 'readProgress'
  | 'addHighlightCards'
  | 'listWordStatuses'
  | 'setReverseCards'
  | 'deleteWord'
  | 'listLookups'
  | 'clearLookups'
  | 'exportBackup'
  | 'importBackup';

/** What a tab may ask of the word messages: a reader saving and looking up as fast as they read stays far below. */
export const WORD_LIMITS_PER_TAB = {
  /** Saves and "I know this". */
  save: { burst: 30, perSecond: 1 },
  lookups: { burst: 60, perSecond: 2 },
  /** Headwords asked about for colouring: a long page's words at once, then a page's worth every few seconds. */
  statuses: { burst: 20_000, perSecond: 5_000 },
  counts: { burst: 60, perSecond: 10 },
} as const satisfies Record<string, RateLimit>;

/** The stores behind these messages, on one connection to the database. */
export interface ReviewStores {
  connection: Connection;
  words: WordStore;
  history: HistoryStore;
}

export function createReviewStores(): ReviewStores {
  const connection = new Connection();
  const words = new WordStore(connection);
  words.reverseCards = () => reverseCards.getValue();
  return { connection, words, history: new HistoryStore(connection) };
}

/** A page may only save words and lookups from its own URL; extension pages (tests, tools) any. */
function requireOwnPage(sender: SenderInfo, url: string): void {
  if (sender.isExtensionPage) return;
  const own = sender.url ? normalizePageUrl(sender.url) : '';
  if (!own || own !== normalizePageUrl(url)) throw new Error('refused: a page can only save its own words');
}

/**
 * `corpus`, the live corpus the engine reads pages with: a backup's articles may not take a
 * bundled article's id, and once imported they are recognised at once.
 */
export function wordHandlers(
  stores: ReviewStores,
  highlights: HighlightStore,
  corpus?: () => Promise<LiveCorpus>,
): Pick<Handlers<Protocol>, WordMessages> {
  const { words, history, connection } = stores;
  const limiters = {
    save: new RateLimiter(WORD_LIMITS_PER_TAB.save),
    lookups: new RateLimiter(WORD_LIMITS_PER_TAB.lookups),
    statuses: new RateLimiter(WORD_LIMITS_PER_TAB.statuses),
    counts: new RateLimiter(WORD_LIMITS_PER_TAB.counts),
  };
  browser.tabs.onRemoved.addListener((tabId) => Object.values(limiters).forEach((l) => l.forget(tabId)));

  /** Spends a tab's allowance; the extension's own pages are not rationed. */
  const ration = (kind: keyof typeof limiters, sender: SenderInfo, what: string, cost = 1) => {
    if (sender.isExtensionPage) return;
    if (!limiters[kind].take(sender.tabId ?? -1, Date.now(), cost)) {
      throw new Error(`Too many ${what} from this page in a short time. Wait a moment and try again.`);
    }
  };

  return {
    saveWord: async ({ word }, sender) => {
      requireOwnPage(sender, word.context.url);
      ration('save', sender, 'words saved');
      const saved = await words.saveWord(word, Date.now());
      return { ...saved, status: saved.word.status };
    },

    recordLookup: async (draft, sender) => {
      requireOwnPage(sender, draft.url);
      ration('lookups', sender, 'lookups');
      const [on, cap] = await Promise.all([lookupHistory.getValue(), lookupHistoryCap.getValue()]);
      if (!on) return { recorded: false, ...(await history.count(draft.headword)) };
      history.cap = cap;
      return history.record(draft, Date.now());
    },

    markKnown: async ({ headword, known, sense, han }, sender) => {
      ration('save', sender, 'words marked');
      return words.markKnown(headword, known, Date.now(), sense ?? null, han ?? null);
    },

    wordStatus: async ({ headwords }, sender) => {
      ration('statuses', sender, 'words asked about', headwords.length);
      return { statuses: await words.statuses(headwords) };
    },

    lookupCount: async ({ headword }, sender) => {
      ration('counts', sender, 'questions');
      return history.count(headword);
    },

    listColouredWords: async (_params, sender) => {
      ration('counts', sender, 'questions');
      const statuses = ['new', 'learning', 'known'] as const;
      const lists = await Promise.all(statuses.map((s) => words.headwordsWithStatus(s)));
      const all: Record<string, WordStatus> = {};
      lists.forEach((list, i) => list.forEach((h) => (all[h] = statuses[i]!)));
      return { words: all };
    },

    countDue: () => words.dueCount(Date.now()),

    listDueCards: ({ limit, exclude }) => words.queue(Date.now(), limit, new Set(exclude)),

    rateCard: ({ cardId, rating }) => words.rate(cardId, rating, Date.now()),

    undoRating: ({ cardId }) => words.undo(cardId, Date.now()),

    readProgress: ({ offsetMinutes }) =>
      readProgress(connection, Date.now(), offsetMinutes, (now) => words.dueCount(now)),

    addHighlightCards: ({ color }) => words.addHighlightCards(color, Date.now()),

    listWordStatuses: async ({ headwords }) => ({ statuses: await words.statuses(headwords) }),

    setReverseCards: async ({ enabled }) => {
      await reverseCards.setValue(enabled);
      return { changed: await words.setReverse(enabled) };
    },

    deleteWord: async ({ headword }) => ({ deleted: await words.deleteWord(headword) }),

    listLookups: ({ limit }) => history.recent(limit),

    clearLookups: async () => {
      await history.clear();
      return null;
    },

    exportBackup: async ({ format }) => {
      const now = new Date();
      const day = now.toISOString().slice(0, 10);
      const exportId = newToken();
      if (format === 'anki-words') {
        const all = (await words.allWords()).filter((w) => w.saved);
        return {
          exportId,
          filename: `song-ngu-words-${day}.txt`,
          mime: 'text/tab-separated-values',
          count: all.length,
          chunks: holdExport(exportId, toWordsAnkiTsv(all), now.getTime()),
        };
      }
      const data = await readBackup(connection);
      return {
        exportId,
        filename: `song-ngu-backup-${day}.json`,
        mime: 'application/json',
        count:
          data.highlights.length +
          data.words.length +
          data.cards.length +
          data.reviewLogs.length +
          data.history.length +
          data.articles.length,
        chunks: holdExport(exportId, toBackupJson(data, now), now.getTime()),
      };
    },

    importBackup: async ({ importId, index, chunks, text }) => {
      const whole = receiveImportChunk(importId, index, chunks, text, Date.now());
      if (whole === null) return null;
      const live = await corpus?.();
      const parsed = parseBackup(whole, Date.now(), live?.bundled);
      if (!parsed.ok) return parsed;
      try {
        const { counts, articles } = await importBackup(
          connection,
          parsed.data,
          Date.now(),
          await reverseCards.getValue(),
        );
        live?.add(articles);
        highlights.reload();
        const urls = new Set(parsed.data.highlights.map((h) => h.url));
        highlights.onChange(urls);
        await notifyPages(urls);
        return { ok: true, counts };
      } catch (error) {
        return {
          ok: false,
          errors: [error instanceof StorageError || error instanceof Error ? error.message : String(error)],
        };
      }
    },
  };
}
