import { describe, expect, test } from 'vitest';
import { SAMPLE_BACKUP, SAMPLE_CARDS } from '@/tests/fixtures/words-sample';
import { BACKUP_LISTS } from './backup';
import { planBackupMerge, type StoredCollisions } from './backup-merge';
import { rateCard } from './review-card';

const none: StoredCollisions = {
  highlights: new Map(),
  words: new Map(),
  cards: new Map(),
  reviewLogIds: new Set(),
  historyIds: new Set(),
  articles: new Map(),
};

describe('merging a backup with what is stored', () => {
  test('into an empty profile: everything is added', () => {
    const plan = planBackupMerge(SAMPLE_BACKUP, none);
    expect(plan.write).toEqual(SAMPLE_BACKUP);
    expect(plan.counts.cards).toEqual({ added: 4, updated: 0, unchanged: 0 });
  });

  test('over itself: nothing to write', () => {
    const plan = planBackupMerge(SAMPLE_BACKUP, {
      highlights: new Map(SAMPLE_BACKUP.highlights.map((h) => [h.id, h])),
      words: new Map(SAMPLE_BACKUP.words.map((w) => [w.headword, w])),
      cards: new Map(SAMPLE_BACKUP.cards.map((c) => [c.id, c])),
      reviewLogIds: new Set(SAMPLE_BACKUP.reviewLogs.map((l) => l.id)),
      historyIds: new Set(SAMPLE_BACKUP.history.map((e) => e.id)),
      articles: new Map(SAMPLE_BACKUP.articles.map((a) => [a.article.id, a])),
    });
    expect(BACKUP_LISTS.every((name) => plan.write[name].length === 0)).toBe(true);
    expect(plan.counts.words).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(plan.counts.articles).toEqual({ added: 0, updated: 0, unchanged: 1 });
  });

  test.each([
    ['the stored article was saved later: kept', 1, 'unchanged'],
    ['the file’s article was saved later: taken', -1, 'updated'],
  ] as const)('%s', (_name, later, outcome) => {
    const file = SAMPLE_BACKUP.articles[0]!;
    const stored = {
      article: { ...file.article, title: { ...file.article.title, en: 'An older title' } },
      savedAt: file.savedAt + later,
    };
    const plan = planBackupMerge(SAMPLE_BACKUP, { ...none, articles: new Map([[file.article.id, stored]]) });
    expect(plan.counts.articles[outcome]).toBe(1);
    expect(plan.write.articles).toEqual(outcome === 'updated' ? [file] : []);
  });

  test.each([
    ['the stored card has more reviews: kept', 1, 'unchanged'],
    ['the file’s card has more reviews: taken', -1, 'updated'],
  ] as const)('%s', (_name, extra, outcome) => {
    const fileCard = SAMPLE_CARDS[0]!;
    const storedCard =
      extra > 0 ? rateCard(fileCard, 3, fileCard.due, 'r_more0001').card : { ...fileCard, reps: fileCard.reps - 1 };
    const plan = planBackupMerge(
      { ...SAMPLE_BACKUP, cards: [fileCard] },
      { ...none, cards: new Map([[fileCard.id, storedCard]]) },
    );
    expect(plan.counts.cards[outcome]).toBe(1);
    expect(plan.write.cards).toEqual(outcome === 'updated' ? [fileCard] : []);
  });

  test('a word in both: the sentences of both, counted as updated', () => {
    const [w] = SAMPLE_BACKUP.words;
    const stored = { ...w!, contexts: [w!.contexts[0]!] };
    const incoming = { ...w!, contexts: [w!.contexts[1]!] };
    const plan = planBackupMerge(
      { ...SAMPLE_BACKUP, words: [incoming] },
      { ...none, words: new Map([[w!.headword, stored]]) },
    );
    expect(plan.counts.words).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect(plan.write.words[0]!.contexts).toEqual(w!.contexts);
  });
});
