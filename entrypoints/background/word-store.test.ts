import { openPastVersion } from '@/tests/fixtures/past-schemas';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { searchTextOf, type HighlightRecord } from '@/core/highlight-record';
import { cardIdOf, type CardState, type ReviewLog, type ReviewRating } from '@/core/review-card';
import { knownOverTime, perDay, RETENTION_DAYS, retention, startOfDay } from '@/core/review-stats';
import { progressOf } from '@/core/review-tally';
import { seededRandom } from '@/scripts/lib/variations';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { SAMPLE_LOGS, SAMPLE_WORDS, sampleDraft } from '@/tests/fixtures/words-sample';
import { DB_NAME, DB_VERSION, openDatabase } from './db';
import { Connection } from './db-connection';
import { HighlightStore } from './highlight-store';
import { HistoryStore } from './history-store';
import { readProgress } from './progress-store';
import { tallyLogs } from './review-days';
import { importBackup, readBackup } from './backup-store';
import { WordStore } from './word-store';

const NOW = Date.UTC(2026, 0, 5, 9, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;

function deleteDb(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error as Error);
    req.onblocked = () => resolve();
  });
}

const draft = sampleDraft;

let connection: Connection;
let words: WordStore;
let history: HistoryStore;

beforeEach(async () => {
  fakeBrowser.reset();
  await deleteDb();
  connection = new Connection();
  words = new WordStore(connection);
  history = new HistoryStore(connection);
});

afterEach(async () => {
  await connection.close();
  await deleteDb();
});

describe('schema upgrade', () => {
  test('from version 5 with highlights and a trash: every record kept, the word and review stores added', async () => {
    const v5 = await openPastVersion(DB_NAME, 5);
    for (const h of SAMPLE_HIGHLIGHTS) await v5.put('highlights', { ...h, searchText: searchTextOf(h) });
    const batch = {
      undoId: 'u_00000000-0000-0000-0000-000000000000',
      deletedAt: NOW,
      highlights: [SAMPLE_HIGHLIGHTS[0]],
    };
    await v5.put('trash', batch);
    v5.close();

    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'articles',
      'cards',
      'highlights',
      'history',
      'reviewDays',
      'reviewLogs',
      'trash',
      'words',
    ]);
    const tx = db.transaction(['words', 'cards', 'reviewLogs', 'history', 'highlights', 'trash']);
    const indexes = (name: 'words' | 'cards' | 'reviewLogs' | 'history') => [...tx.objectStore(name).indexNames].sort();
    expect(indexes('words')).toEqual(['knownAt', 'status']);
    expect(indexes('cards')).toEqual(['queue']);
    expect(indexes('reviewLogs')).toEqual(['cardId', 'reviewedAt']);
    expect(indexes('history')).toEqual(['at', 'headwordAt']);
    expect(tx.objectStore('cards').index('queue').keyPath).toEqual(['active', 'due']);
    const kept = await tx.objectStore('highlights').getAll();
    expect(kept.map(({ searchText: _s, ...h }) => h)).toEqual(
      [...SAMPLE_HIGHLIGHTS].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(await tx.objectStore('trash').get(batch.undoId)).toEqual(batch);
    await tx.done;
    db.close();

    // And the stores work on the upgraded database.
    await words.saveWord(draft(0), NOW);
    expect(await words.dueCount(NOW)).toEqual({ due: 1, next: null });
  });
});

describe('schema upgrade from version 7', () => {
  test('the review counts are built from the logs; a known word without knownAt gets its last update, a word not known loses one', async () => {
    // Version 7 as it was: the word and review stores without what the progress read needs.
    const v7 = await openPastVersion(DB_NAME, 7);
    const [a, b, c] = SAMPLE_WORDS;
    const stored = [
      { ...a!, headword: 'một', status: 'known', knownAt: null, updatedAt: NOW - 3 * DAY },
      { ...b!, headword: 'hai', status: 'known', knownAt: NOW - 5 * DAY },
      { ...c!, headword: 'ba', status: 'learning', knownAt: NOW - DAY },
    ];
    for (const w of stored) await v7.put('words', w);
    for (const l of SAMPLE_LOGS) await v7.put('reviewLogs', l);
    v7.close();

    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    const knownAts = Object.fromEntries((await db.getAll('words')).map((w) => [w.headword, w.knownAt]));
    expect(knownAts).toEqual({ một: NOW - 3 * DAY, hai: NOW - 5 * DAY, ba: null });
    expect(await db.getAllKeysFromIndex('words', 'knownAt')).toEqual(['hai', 'một']);
    const days = await db.getAll('reviewDays');
    const now = Math.max(...SAMPLE_LOGS.map((l) => l.reviewedAt));
    expect(progressOf(days, now, 420, RETENTION_DAYS)).toEqual({
      reviewsPerDay: perDay(
        SAMPLE_LOGS.map((l) => l.reviewedAt),
        now,
        420,
      ),
      retention: retention(SAMPLE_LOGS),
    });
    expect((await db.getAll('reviewLogs')).sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(
      [...SAMPLE_LOGS].sort((x, y) => (x.id < y.id ? -1 : 1)),
    );
  });
});

describe('progress read from the review counts and the knownAt index', () => {
  // Time zones east of UTC in minutes: UTC, Hanoi, New York, Kathmandu (+5:45), St John's (−3:30).
  test.each([0, 420, -300, 345, -210])('agrees with the log-by-log computation at offset %i', async (offset) => {
    const random = seededRandom(offset + 1000);
    const now = NOW + Math.floor(random() * DAY);
    const db = await connection.database();
    const logs: ReviewLog[] = [];
    // 600 logs over 100 days (some before the chart, a few a little in the future), every state and rating.
    for (let i = 0; i < 600; i++) {
      const reviewedAt = now - Math.floor(random() * 100 * DAY) + (i % 50 === 0 ? 2 * DAY : 0);
      const base = SAMPLE_LOGS[0]!;
      logs.push({
        ...base,
        id: `r_${i}`,
        cardId: `word:vi-en:w${i % 40}`,
        rating: (1 + Math.floor(random() * 4)) as ReviewRating,
        reviewedAt,
        before: { ...base.before, state: Math.floor(random() * 4) as CardState },
      });
    }
    const knownAts: number[] = [];
    const tx = db.transaction(['reviewLogs', 'words', 'reviewDays'], 'readwrite');
    for (const l of logs) void tx.objectStore('reviewLogs').put(l);
    void tallyLogs(tx.objectStore('reviewDays'), logs, 1);
    for (let i = 0; i < 120; i++) {
      const known = i % 3 !== 0;
      const knownAt = known ? now - Math.floor(random() * 120 * DAY) : null;
      if (knownAt !== null) knownAts.push(knownAt);
      void tx.objectStore('words').put({
        ...SAMPLE_WORDS[0]!,
        headword: `từ ${i}`,
        status: known ? 'known' : 'learning',
        knownAt,
      });
    }
    await tx.done;

    const p = await readProgress(connection, now, offset, (at) => words.dueCount(at));
    expect(p.reviewsPerDay).toEqual(
      perDay(
        logs.map((l) => l.reviewedAt),
        now,
        offset,
      ),
    );
    const recent = startOfDay(now, offset, RETENTION_DAYS - 1);
    expect(p.retention).toEqual({ ...retention(logs.filter((l) => l.reviewedAt >= recent)), days: RETENTION_DAYS });
    expect(p.knownPerDay).toEqual(knownOverTime(knownAts, now, offset));
    expect(p.words).toEqual({ new: 0, learning: 40, known: 80 });
  });
});

describe('saving words', () => {
  test('a first save makes the word and its two cards; only the forward card is due', async () => {
    const r = await words.saveWord(draft(0), NOW);
    expect([r.created, r.added, r.word.status]).toEqual([true, true, 'new']);
    const db = await connection.database();
    const cards = await db.getAll('cards');
    expect(cards.map((c) => [c.id, c.active])).toEqual([
      ['word:en-vi:binh sĩ', 0],
      ['word:vi-en:binh sĩ', 1],
    ]);
    expect(await words.dueCount(NOW)).toEqual({ due: 1, next: null });
  });

  test('saving twice adds the sentence to the same word and makes no new cards', async () => {
    await words.saveWord(draft(0, 0), NOW);
    const again = await words.saveWord(draft(0, 1), NOW + 1000);
    expect([again.created, again.added]).toEqual([false, true]);
    expect(again.word.contexts).toHaveLength(2);
    expect(await (await connection.database()).count('cards')).toBe(2);
    const same = await words.saveWord(draft(0, 1), NOW + 2000);
    expect(same.added).toBe(false);
  });

  test('with reverse cards on, both cards of a new word are due', async () => {
    words.reverseCards = () => Promise.resolve(true);
    await words.saveWord(draft(1), NOW);
    expect((await words.dueCount(NOW)).due).toBe(2);
  });

  test('statuses of a batch: only words saved or marked appear', async () => {
    await words.saveWord(draft(0), NOW);
    await words.markKnown('Bình Nhưỡng', true, NOW);
    expect(await words.statuses(['binh sĩ', 'Bình Nhưỡng', 'hợp tác', 'binh  sĩ'])).toEqual({
      'binh sĩ': 'new',
      'Bình Nhưỡng': 'known',
    });
  });
});

describe('"I know this"', () => {
  test('marking a saved word known takes its cards out of the queue; taking it back puts them in again', async () => {
    await words.saveWord(draft(0), NOW);
    expect(await words.markKnown('binh sĩ', true, NOW + 1)).toEqual({
      headword: 'binh sĩ',
      status: 'known',
      saved: true,
    });
    expect((await words.dueCount(NOW + 2)).due).toBe(0);
    expect(await words.markKnown('binh sĩ', false, NOW + 3)).toEqual({
      headword: 'binh sĩ',
      status: 'new',
      saved: true,
    });
    expect((await words.dueCount(NOW + 4)).due).toBe(1);
  });

  test('a word marked known without being saved is kept with its sense, and forgotten when unmarked', async () => {
    const sense = SAMPLE_WORDS[2]!.sense!;
    await words.markKnown('Bình Nhưỡng', true, NOW, sense);
    expect(await words.getWord('Bình Nhưỡng')).toMatchObject({ saved: false, marked: true, sense, contexts: [] });
    expect(await words.markKnown('Bình Nhưỡng', false, NOW + 1)).toEqual({
      headword: 'Bình Nhưỡng',
      status: null,
      saved: false,
    });
    expect(await words.getWord('Bình Nhưỡng')).toBeUndefined();
  });
});

describe('reviewing', () => {
  test('the queue, a rating, and undo restoring the card exactly', async () => {
    await words.saveWord(draft(0), NOW);
    await words.saveWord(draft(1), NOW + 1);
    const first = await words.queue(NOW + 2, 10, new Set());
    expect(first.due).toBe(2);
    expect(first.items.map((i) => i.vi)).toEqual(['binh sĩ', 'chỉ trích']);
    expect(first.items[0]!.face).toMatchObject({
      kind: 'word',
      direction: 'forward',
      headword: 'binh sĩ',
      status: 'new',
    });

    const db = await connection.database();
    const before = await db.get('cards', cardIdOf('word', 'binh sĩ'));
    const rated = await words.rate(cardIdOf('word', 'binh sĩ'), 3, NOW + MINUTE);
    expect(rated).toEqual({ due: 1, next: null, status: 'learning' });
    expect(await db.count('reviewLogs')).toBe(1);

    const undone = await words.undo(cardIdOf('word', 'binh sĩ'), NOW + 2 * MINUTE);
    expect(undone.item?.vi).toBe('binh sĩ');
    expect(undone.due).toBe(2);
    expect(await db.get('cards', cardIdOf('word', 'binh sĩ'))).toEqual(before);
    expect(await db.count('reviewLogs')).toBe(0);
    expect((await words.getWord('binh sĩ'))!.status).toBe('new');
  });

  test('undo refuses when the newest rating is another card’s', async () => {
    await words.saveWord(draft(0), NOW);
    await words.saveWord(draft(1), NOW);
    await words.rate(cardIdOf('word', 'binh sĩ'), 3, NOW + 1);
    await words.rate(cardIdOf('word', 'chỉ trích'), 3, NOW + 2);
    await expect(words.undo(cardIdOf('word', 'binh sĩ'), NOW + 3)).rejects.toThrow(/can no longer be undone/);
    await words.undo(cardIdOf('word', 'chỉ trích'), NOW + 3);
    await words.undo(cardIdOf('word', 'binh sĩ'), NOW + 4);
    expect((await words.dueCount(NOW + 5)).due).toBe(2);
  });

  test('a new card rated Easy leaves the queue; the queue says when the next is due', async () => {
    await words.saveWord(draft(0), NOW);
    const r = await words.rate(cardIdOf('word', 'binh sĩ'), 4, NOW + 1);
    const card = await (await connection.database()).get('cards', cardIdOf('word', 'binh sĩ'));
    expect(r.due).toBe(0);
    expect(r.next).toBe(card!.due);
    // FSRS's first Easy interval, fuzzed: about a week.
    expect(card!.due - NOW).toBeGreaterThan(5 * DAY);
    expect(await words.dueCount(NOW + DAY)).toEqual({ due: 0, next: card!.due });
  });

  test('the queue skips the cards the page holds, and drops cards whose highlight is gone', async () => {
    const highlights = new HighlightStore();
    await highlights.put(SAMPLE_HIGHLIGHTS.slice(0, 2));
    await highlights.close();
    expect(await words.addHighlightCards('green', NOW)).toEqual({ added: 1, total: 1 });
    expect(await words.addHighlightCards(null, NOW)).toEqual({ added: 1, total: 2 });
    expect(await words.addHighlightCards(null, NOW)).toEqual({ added: 0, total: 2 });
    const q = await words.queue(NOW + 5, 10, new Set([cardIdOf('highlight', SAMPLE_HIGHLIGHTS[1]!.id)]));
    expect(q.items.map((i) => i.face.kind === 'highlight' && i.face.quote.exact)).toEqual([
      SAMPLE_HIGHLIGHTS[0]!.quote.exact,
    ]);
    const db = await connection.database();
    await db.delete('highlights', SAMPLE_HIGHLIGHTS[0]!.id);
    await words.rate(cardIdOf('highlight', SAMPLE_HIGHLIGHTS[0]!.id), 1, NOW + 6);
    const after = await words.queue(NOW + 10 * MINUTE, 10, new Set());
    expect(after.items.map((i) => i.cardId)).toEqual([cardIdOf('highlight', SAMPLE_HIGHLIGHTS[1]!.id)]);
    expect(await db.count('cards')).toBe(1);
    expect(await db.count('reviewLogs')).toBe(0);
  });

  test('turning reverse cards on and off moves them in and out of the queue (not those of known words)', async () => {
    await words.saveWord(draft(0), NOW);
    await words.saveWord(draft(1), NOW);
    await words.markKnown('chỉ trích', true, NOW);
    expect(await words.setReverse(true)).toBe(1);
    expect((await words.dueCount(NOW + 1)).due).toBe(2);
    expect(await words.setReverse(false)).toBe(1);
    expect((await words.dueCount(NOW + 1)).due).toBe(1);
  });

  test('deleting a word deletes its cards and their logs', async () => {
    await words.saveWord(draft(0), NOW);
    await words.rate(cardIdOf('word', 'binh sĩ'), 3, NOW + 1);
    expect(await words.deleteWord('binh sĩ')).toBe(true);
    const db = await connection.database();
    expect([await db.count('words'), await db.count('cards'), await db.count('reviewLogs')]).toEqual([0, 0, 0]);
    expect(await words.deleteWord('binh sĩ')).toBe(false);
  });

  test('progress: reviews per day, retention, known words', async () => {
    await words.saveWord(draft(0), NOW);
    await words.saveWord(draft(1), NOW);
    await words.markKnown('Bình Nhưỡng', true, NOW);
    let t = NOW;
    for (const rating of [3, 3, 3, 1] as const) {
      const due = (await (await connection.database()).get('cards', cardIdOf('word', 'binh sĩ')))!.due;
      t = Math.max(t, due);
      await words.rate(cardIdOf('word', 'binh sĩ'), rating, t);
    }
    const p = await readProgress(connection, t, 0, (at) => words.dueCount(at));
    expect(p.reviewsPerDay.reduce((a, b) => a + b, 0)).toBe(4);
    expect(p.reviewsPerDay).toHaveLength(90);
    // Two reviews were of the card in review state: one Good, one Again.
    expect(p.retention).toEqual({ reviews: 2, passed: 1, days: 30 });
    expect(p.words).toEqual({ new: 1, learning: 1, known: 1 });
    expect(p.knownPerDay.at(-1)).toBe(1);
    expect(p.cards).toBe(4);
    // chỉ trích's card, due since it was saved; binh sĩ's, rated Again, comes back minutes later.
    expect(p.due).toBe(1);

    // The counts follow the logs: an undo takes the last rating out, deleting the word the rest.
    await words.undo(cardIdOf('word', 'binh sĩ'), t);
    const undone = await readProgress(connection, t, 0, (at) => words.dueCount(at));
    expect(undone.reviewsPerDay.reduce((a, b) => a + b, 0)).toBe(3);
    expect(undone.retention).toEqual({ reviews: 1, passed: 1, days: 30 });
    await words.deleteWord('binh sĩ');
    const gone = await readProgress(connection, t, 0, (at) => words.dueCount(at));
    expect(gone.reviewsPerDay.reduce((a, b) => a + b, 0)).toBe(0);
    expect(gone.retention).toEqual({ reviews: 0, passed: 0, days: 30 });
    expect(await (await connection.database()).count('reviewDays')).toBe(0);
  });
});

describe('the lookup history', () => {
  const lookup = (headword: string, sentence = `Câu có ${headword}.`) => ({
    headword,
    sentence,
    url: 'https://vnexpress.net/a.html',
    title: 'Tin',
  });

  test('records, counts per headword, and does not count a repeat within five minutes', async () => {
    expect(await history.record(lookup('binh sĩ'), NOW)).toEqual({ recorded: true, count: 1, lastAt: NOW });
    expect(await history.record(lookup('binh sĩ'), NOW + MINUTE)).toEqual({ recorded: false, count: 1, lastAt: NOW });
    expect(await history.record(lookup('binh sĩ', 'Một câu khác có binh sĩ.'), NOW + 2 * MINUTE)).toMatchObject({
      count: 2,
    });
    expect(await history.record(lookup('binh sĩ'), NOW + 10 * MINUTE)).toMatchObject({ recorded: true, count: 3 });
    await history.record(lookup('hợp tác'), NOW + 11 * MINUTE);
    expect(await history.count('binh sĩ')).toEqual({ count: 3, lastAt: NOW + 10 * MINUTE });
    expect(await history.count('chỉ trích')).toEqual({ count: 0, lastAt: null });
  });

  test('the cap: beyond it the oldest entries are dropped', async () => {
    history.cap = 5;
    for (let i = 0; i < 8; i++) await history.record(lookup(`từ ${i}`), NOW + i * 1000);
    const { items, total } = await history.recent(100);
    expect(total).toBe(5);
    expect(items.map((e) => e.headword)).toEqual(['từ 7', 'từ 6', 'từ 5', 'từ 4', 'từ 3']);
  });

  test('clearing forgets everything', async () => {
    await history.record(lookup('binh sĩ'), NOW);
    await history.clear();
    expect((await history.recent(10)).total).toBe(0);
  });
});

export type { HighlightRecord };

describe('the kept due count', () => {
  /** The count as a store with nothing kept reads it, on a connection of its own. */
  async function counted(at: number) {
    const fresh = new Connection();
    try {
      return await new WordStore(fresh).dueCount(at);
    } finally {
      await fresh.close();
    }
  }

  test('after every kind of change to the cards, it agrees with a count taken afresh', async () => {
    const random = seededRandom(17);
    const highlights = new HighlightStore();
    await highlights.put(SAMPLE_HIGHLIGHTS.slice(0, 3));
    await highlights.close();
    let t = NOW;
    const rated: string[] = [];
    let ratings = 0;
    const steps: [string, () => Promise<unknown>][] = [
      ['save', () => words.saveWord(draft(random() < 0.5 ? 0 : 1), t)],
      ['known', () => words.markKnown('binh sĩ', random() < 0.5, t)],
      ['mark unsaved', () => words.markKnown('mới biết', random() < 0.5, t)],
      [
        'rate',
        async () => {
          const q = await words.queue(t, 5, new Set());
          const item = q.items[Math.floor(random() * q.items.length)];
          if (!item) return;
          await words.rate(item.cardId, (1 + Math.floor(random() * 4)) as ReviewRating, t);
          rated.push(item.cardId);
          ratings++;
        },
      ],
      ['undo', () => (rated.length ? words.undo(rated.pop()!, t).catch(() => undefined) : Promise.resolve())],
      ['highlight cards', () => words.addHighlightCards(null, t)],
      ['reverse', () => words.setReverse(random() < 0.5)],
      ['delete', () => words.deleteWord('chỉ trích')],
      ['backup', async () => importBackup(connection, await readBackup(connection), t, false)],
    ];
    // Ratings are half the walk, as in a review session.
    const rate = steps.find(([name]) => name === 'rate')![1];
    for (let i = 0; i < 300; i++) {
      const step = random() < 0.5 ? rate : steps[Math.floor(random() * steps.length)]![1];
      await step();
      // Time moves on, sometimes past cards' due times, sometimes past the kept count's horizon.
      t += random() < 0.2 ? DAY : Math.floor(random() * 30 * MINUTE);
      expect(await words.dueCount(t)).toEqual(await counted(t));
    }
    // The walk went through ratings and their undoing, not only saves.
    expect(ratings).toBeGreaterThan(30);
  });

  test('it is kept: a second ask reads nothing, and a write through the connection makes it count again', async () => {
    await words.saveWord(draft(0), NOW);
    expect((await words.dueCount(NOW + 1)).due).toBe(1);
    // Written behind the store's back (nothing in the extension does this): the kept count does not see it.
    const other = await openDatabase();
    const card = (await other.get('cards', cardIdOf('word', 'binh sĩ')))!;
    await other.put('cards', { ...card, id: 'word:vi-en:khác', ref: 'khác' });
    other.close();
    expect((await words.dueCount(NOW + 2)).due).toBe(1);
    expect((await counted(NOW + 2)).due).toBe(2);
    // Any write to the cards through the connection, even one the count cannot follow, brings it back in line.
    await words.setReverse(false);
    expect((await words.dueCount(NOW + 3)).due).toBe(2);
  });
});
