import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseBackup, toBackupJson } from '@/core/backup';
import { compileCorpus, loadCorpus } from '@/core/corpus-format';
import { cardIdOf } from '@/core/review-card';
import { LiveCorpus } from '@/core/user-corpus';
import { validate } from '@/core/validate';
import { PRIVILEGED, PROTOCOL_PARAMS, type Protocol } from '@/lib/protocol';
import { lookupHistory, lookupHistoryCap } from '@/lib/settings';
import { loadArticles } from '@/scripts/lib/data-sources';
import { SAMPLE_BACKUP, SAMPLE_WORDS, sampleDraft } from '@/tests/fixtures/words-sample';
import { DB_NAME } from './db';
import { createHandlers } from './handlers';
import { HighlightStore } from './highlight-store';
import { createReviewStores, WORD_LIMITS_PER_TAB, type ReviewStores } from './word-handlers';

const PAGE = SAMPLE_WORDS[0]!.contexts[0]!.url;
const fromTab = (tabId: number, url = PAGE) => ({ tabId, url, isExtensionPage: false });
const REVIEW_PAGE = { tabId: 7, url: 'chrome-extension://x/review.html', isExtensionPage: true };

const draft = sampleDraft;
const compiled = JSON.stringify(compileCorpus(loadArticles()));

let store: HighlightStore;
let review: ReviewStores;
let handlers: ReturnType<typeof createHandlers>;

beforeEach(() => {
  fakeBrowser.reset();
  store = new HighlightStore();
  review = createReviewStores();
  const corpus = new LiveCorpus(loadCorpus(JSON.parse(compiled)));
  handlers = createHandlers(store, review, () => Promise.resolve(corpus));
});

afterEach(async () => {
  await store.close();
  await review.connection.close();
  await new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = req.onerror = req.onblocked = resolve;
  });
});

describe('what a page may ask', () => {
  const contentMessages: (keyof Protocol)[] = [
    'saveWord',
    'recordLookup',
    'markKnown',
    'wordStatus',
    'lookupCount',
    'listColouredWords',
  ];

  test('the popover’s messages are open to content scripts; the rest are for extension pages only', () => {
    for (const m of contentMessages) expect(PRIVILEGED.has(m), m).toBe(false);
    for (const m of [
      'countDue',
      'listDueCards',
      'rateCard',
      'undoRating',
      'readProgress',
      'addHighlightCards',
      'listWordStatuses',
      'setReverseCards',
      'countPageWords',
      'deleteWord',
      'listLookups',
      'clearLookups',
      'exportBackup',
      'importBackup',
    ] as const) {
      expect(PRIVILEGED.has(m), m).toBe(true);
    }
  });

  test('saving a word returns it with its status', async () => {
    const r = await handlers.saveWord({ word: draft(0) }, fromTab(1));
    expect(r).toMatchObject({ status: 'new', created: true, added: true, word: { headword: 'binh sĩ' } });
  });

  test('a page may only save words from its own URL', async () => {
    await expect(handlers.saveWord({ word: draft(0) }, fromTab(1, 'https://vnexpress.net/other.html'))).rejects.toThrow(
      /only save its own words/,
    );
    await expect(
      handlers.recordLookup(
        { headword: 'binh sĩ', sentence: '', url: 'https://vnexpress.net/x', title: '' },
        fromTab(1),
      ),
    ).rejects.toThrow(/only save its own words/);
  });

  test(`a tab may save ${WORD_LIMITS_PER_TAB.save.burst} words at once, then is slowed down; another tab and extension pages are not`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 0, 5));
    try {
      for (let i = 0; i < WORD_LIMITS_PER_TAB.save.burst; i++) await handlers.saveWord({ word: draft(0) }, fromTab(1));
      await expect(handlers.saveWord({ word: draft(0) }, fromTab(1))).rejects.toThrow(/Too many words saved/);
      await expect(handlers.markKnown({ headword: 'binh sĩ', known: true }, fromTab(1))).rejects.toThrow(/Too many/);
      await expect(handlers.saveWord({ word: draft(0) }, fromTab(2))).resolves.toMatchObject({ added: false });
      await expect(handlers.saveWord({ word: draft(0) }, REVIEW_PAGE)).resolves.toMatchObject({ added: false });
    } finally {
      vi.useRealTimers();
    }
  });

  test('status questions are rationed by headwords', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 0, 5));
    try {
      const many = Array.from({ length: 2000 }, (_, i) => `từ ${i}`);
      for (let i = 0; i < WORD_LIMITS_PER_TAB.statuses.burst / 2000; i++)
        await handlers.wordStatus({ headwords: many }, fromTab(3));
      await expect(handlers.wordStatus({ headwords: many }, fromTab(3))).rejects.toThrow(/Too many words asked about/);
    } finally {
      vi.useRealTimers();
    }
  });

  test('lookups are recorded and counted, unless the reader switched the history off', async () => {
    const lookup = { headword: 'binh sĩ', sentence: SAMPLE_WORDS[0]!.contexts[0]!.sentence, url: PAGE, title: 'ISW' };
    expect(await handlers.recordLookup(lookup, fromTab(1))).toMatchObject({ recorded: true, count: 1 });
    await lookupHistory.setValue(false);
    expect(await handlers.recordLookup({ ...lookup, sentence: 'Khác.' }, fromTab(1))).toMatchObject({
      recorded: false,
      count: 1,
    });
    expect(await handlers.lookupCount({ headword: 'binh sĩ' }, fromTab(1))).toMatchObject({ count: 1 });
  });

  test('params are validated strictly: a page cannot slip in fields or junk', () => {
    const bad = validate(PROTOCOL_PARAMS.saveWord, { word: { ...draft(0), status: 'known' } }, 'params');
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual(['params.word.status']);
    const tooMany = validate(PROTOCOL_PARAMS.wordStatus, { headwords: Array.from({ length: 2001 }, () => 'a') });
    expect(tooMany.ok).toBe(false);
    expect(validate(PROTOCOL_PARAMS.markKnown, { headword: 'binh sĩ', known: true }).ok).toBe(true);
    expect(validate(PROTOCOL_PARAMS.rateCard, { cardId: 'word:vi-en:binh sĩ', rating: 5 }).ok).toBe(false);
  });
});

/** Exports through the handlers as the review page does: prepare, then every chunk. */
async function exportText(h: ReturnType<typeof createHandlers>, format: 'backup' | 'anki-words'): Promise<string> {
  const prepared = await h.exportBackup({ format }, REVIEW_PAGE);
  const parts: string[] = [];
  for (let index = 0; index < prepared.chunks; index++)
    parts.push(await h.exportChunk({ exportId: prepared.exportId, index }, REVIEW_PAGE));
  return parts.join('');
}

const importText = (h: ReturnType<typeof createHandlers>, text: string) =>
  h.importBackup({ importId: 'i'.repeat(20), index: 0, chunks: 1, text }, REVIEW_PAGE);

describe('backup through the messages', () => {
  test('a backup imported into an empty profile brings everything back, and exports the same again', async () => {
    const file = toBackupJson(SAMPLE_BACKUP, new Date());
    const result = await importText(handlers, file);
    expect(result).toEqual({
      ok: true,
      counts: {
        highlights: { added: 3, updated: 0, unchanged: 0 },
        words: { added: 3, updated: 0, unchanged: 0 },
        cards: { added: 4, updated: 0, unchanged: 0 },
        reviewLogs: { added: 4, updated: 0, unchanged: 0 },
        history: { added: 3, updated: 0, unchanged: 0 },
        articles: { added: 1, updated: 0, unchanged: 0 },
      },
    });
    const back = parseBackup(await exportText(handlers, 'backup'), Date.now());
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const sortBy = <T>(list: T[], key: (t: T) => string) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(sortBy(back.data.highlights, (h) => h.id)).toEqual(sortBy(SAMPLE_BACKUP.highlights, (h) => h.id));
    expect(back.data.reviewLogs).toEqual([...SAMPLE_BACKUP.reviewLogs].sort((a, b) => a.reviewedAt - b.reviewedAt));
    expect(back.data.history).toEqual([...SAMPLE_BACKUP.history].sort((a, b) => a.at - b.at));
    expect(sortBy(back.data.cards, (c) => c.id)).toEqual(sortBy(SAMPLE_BACKUP.cards, (c) => c.id));
    expect(back.data.articles).toEqual(SAMPLE_BACKUP.articles);
    // The reader's article is in the live corpus at once, recognised like any other.
    const mine = (await handlers.listArticles({}, REVIEW_PAGE)).filter((a) => a.user);
    expect(mine.map((a) => a.id)).toEqual(['hanoi-metro-trial']);
    // Statuses are derived from the cards, not taken from the file.
    expect(Object.fromEntries(back.data.words.map((w) => [w.headword, w.status]))).toEqual({
      'binh sĩ': 'learning',
      'chỉ trích': 'new',
      'Bình Nhưỡng': 'known',
    });
    // The highlights store sees the imported highlights at once.
    expect(
      (await handlers.listHighlights({ query: { search: 'dot kich' }, cursor: null, limit: 10 }, REVIEW_PAGE)).total,
    ).toBe(1);
    // And the queue: every active card of 2024 is due by now; the reverse card stays out (reverse cards are off).
    expect((await handlers.countDue({}, REVIEW_PAGE)).due).toBe(3);
  });

  test('importing the same backup twice changes nothing the second time', async () => {
    const file = toBackupJson(SAMPLE_BACKUP, new Date());
    await importText(handlers, file);
    const again = await importText(handlers, file);
    expect(again).toMatchObject({
      ok: true,
      counts: {
        words: { added: 0, updated: 0, unchanged: 3 },
        cards: { added: 0, updated: 0, unchanged: 4 },
        reviewLogs: { added: 0 },
      },
    });
  });

  test('a bad file is refused whole: nothing is written', async () => {
    const doc = JSON.parse(toBackupJson(SAMPLE_BACKUP, new Date())) as { words: { contexts: { url: string }[] }[] };
    doc.words[1]!.contexts[0]!.url = 'ftp://x';
    const result = await importText(handlers, JSON.stringify(doc));
    expect(result).toMatchObject({
      ok: false,
      errors: ['Nothing was imported: 1 problem in the file.', 'words[1].contexts[0].url: must be an http(s) URL'],
    });
    expect((await handlers.countDue({}, REVIEW_PAGE)).due).toBe(0);
    expect(await handlers.listLookups({ limit: 10 }, REVIEW_PAGE)).toEqual({ items: [], total: 0 });
  });

  test('an article with a bundled article’s id is refused, and nothing else is written either', async () => {
    const bundled = (await handlers.listArticles({}, REVIEW_PAGE)).find((a) => !a.user)!.id;
    const doc = JSON.parse(toBackupJson(SAMPLE_BACKUP, new Date())) as { articles: { article: { id: string } }[] };
    doc.articles[0]!.article.id = bundled;
    const result = await importText(handlers, JSON.stringify(doc));
    expect(result).toMatchObject({
      ok: false,
      errors: [
        'Nothing was imported: 1 problem in the file.',
        `articles[0].article.id: “${bundled}” is the id of an article that comes with Song ngữ; give your article another id`,
      ],
    });
    expect((await handlers.listArticles({}, REVIEW_PAGE)).filter((a) => a.user)).toEqual([]);
    expect(await handlers.listLookups({ limit: 10 }, REVIEW_PAGE)).toEqual({ items: [], total: 0 });
  });

  test('a merge keeps the reviews made on both sides', async () => {
    await handlers.saveWord({ word: draft(0) }, REVIEW_PAGE);
    await handlers.rateCard({ cardId: cardIdOf('word', 'binh sĩ'), rating: 3 }, REVIEW_PAGE);
    const result = await importText(handlers, toBackupJson(SAMPLE_BACKUP, new Date()));
    // The file's card has three reviews, ours one: the file's wins; both logs are kept.
    expect(result).toMatchObject({
      ok: true,
      counts: { cards: { updated: 1 }, reviewLogs: { added: 4 }, words: { updated: 1 } },
    });
    const back = parseBackup(await exportText(handlers, 'backup'), Date.now());
    expect(back.ok && back.data.reviewLogs).toHaveLength(5);
    expect(back.ok && back.data.cards.find((c) => c.id === cardIdOf('word', 'binh sĩ'))!.reps).toBe(3);
  });

  test('the Anki export holds the saved words', async () => {
    await handlers.saveWord({ word: draft(0) }, REVIEW_PAGE);
    await handlers.markKnown({ headword: 'Bình Nhưỡng', known: true }, REVIEW_PAGE);
    const tsv = await exportText(handlers, 'anki-words');
    expect(tsv.split('\n').filter((l) => l && !l.startsWith('#'))).toHaveLength(1);
    expect(tsv).toContain('{{c1::binh sĩ::soldiers, troops}}');
  });
});

describe('colouring and counting a page’s words', () => {
  test('listColouredWords: every word saved or marked known, with its status', async () => {
    expect(await handlers.listColouredWords({}, fromTab(1))).toEqual({ words: {} });
    await handlers.saveWord({ word: draft(0) }, fromTab(1));
    await handlers.markKnown({ headword: 'Bình Nhưỡng', known: true }, fromTab(1));
    expect(await handlers.listColouredWords({}, fromTab(1))).toEqual({
      words: { 'binh sĩ': 'new', 'Bình Nhưỡng': 'known' },
    });
  });

  test('countPageWords: nothing before the tab’s page was analysed', async () => {
    expect(await handlers.countPageWords({ tabId: 41 }, REVIEW_PAGE)).toBeNull();
  });
});

describe('the lookup history’s limit', () => {
  test('the chosen limit applies at the next lookup: the oldest entries go', async () => {
    await lookupHistoryCap.setValue(1_000);
    const lookup = (i: number) => ({ headword: `từ ${i}`, sentence: `câu ${i}`, url: PAGE, title: '' });
    for (let i = 0; i < 1_003; i++) await review.history.record(lookup(i), Date.UTC(2026, 0, 1) + i);
    expect((await handlers.listLookups({ limit: 1 }, REVIEW_PAGE)).total).toBe(1_003);
    await handlers.recordLookup(lookup(2_000), fromTab(1));
    const after = await handlers.listLookups({ limit: 1_000 }, REVIEW_PAGE);
    expect(after.total).toBe(1_000);
    expect(after.items.map((e) => e.headword)).not.toContain('từ 3');
    expect(after.items.map((e) => e.headword)).toContain('từ 4');
  });
});
