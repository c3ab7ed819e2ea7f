import { describe, expect, test } from 'vitest';
import {
  cardIdOf,
  isActive,
  isDue,
  newCard,
  previewDue,
  rateCard,
  reviewCardValidator,
  reviewLogValidator,
  undoRating,
  type ReviewCard,
  type ReviewRating,
} from './review-card';
import { validate } from './validate';

const NOW = Date.UTC(2026, 0, 5, 9, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;

const fresh = () => newCard('word', 'hợp tác', 'forward', NOW, true);

describe('scheduling through ts-fsrs, with a fixed clock', () => {
  test.each<[string, ReviewRating, number, number]>([
    // rating, then when the card is due again and the FSRS state it is in (1 learning, 2 review)
    ['Again: back in one minute (first learning step)', 1, NOW + MINUTE, 1],
    ['Hard: back in six minutes', 2, NOW + 6 * MINUTE, 1],
    ['Good: back in ten minutes (second learning step)', 3, NOW + 10 * MINUTE, 1],
    ['Easy: graduates at once, due in a week', 4, NOW + 7 * DAY, 2],
  ])('a new card rated %s', (_name, rating, due, state) => {
    const { card, log } = rateCard(fresh(), rating, NOW, 'r_test0001');
    expect(card.due).toBe(due);
    expect(card.state).toBe(state);
    expect(card.reps).toBe(1);
    expect(card.lastReview).toBe(NOW);
    expect(log).toEqual({
      id: 'r_test0001',
      cardId: 'word:vi-en:hợp tác',
      rating,
      reviewedAt: NOW,
      before: expect.any(Object),
    });
    expect(log.before.state).toBe(0);
  });

  test('a new card rated Easy leaves today’s queue; rated Again, it comes back within the day', () => {
    const easy = rateCard(fresh(), 4, NOW, 'r_easy0001').card;
    expect(isDue(easy, NOW)).toBe(false);
    expect(isDue(easy, NOW + DAY - 1)).toBe(false);
    const again = rateCard(fresh(), 1, NOW, 'r_again001').card;
    expect(isDue(again, NOW)).toBe(false);
    expect(isDue(again, NOW + MINUTE)).toBe(true);
  });

  test('Good reviews on time space out: intervals grow at each step', () => {
    let card = fresh();
    let at = NOW;
    const intervals: number[] = [];
    for (let i = 0; i < 6; i++) {
      card = rateCard(card, 3, at, `r_good000${i}`).card;
      intervals.push(card.due - at);
      at = card.due;
    }
    expect(intervals[0]).toBe(10 * MINUTE);
    for (let i = 2; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1]!);
    expect(card.state).toBe(2);
    expect(card.stability).toBeGreaterThan(100);
  });

  test('a lapse: Again on a card in review puts it back into relearning and counts a lapse', () => {
    let card = rateCard(fresh(), 4, NOW, 'r_a0000001').card;
    card = rateCard(card, 1, card.due, 'r_a0000002').card;
    expect(card.state).toBe(3);
    expect(card.lapses).toBe(1);
    expect(card.due - card.lastReview!).toBe(10 * MINUTE);
  });

  test('the same rating at the same time schedules the same way (the fuzz is seeded by the card and time)', () => {
    const grown = [3, 3, 3, 3].reduce<ReviewCard>(
      (c, r, i) => rateCard(c, r as ReviewRating, c.due, `r_seed000${i}`).card,
      fresh(),
    );
    const a = rateCard(grown, 3, grown.due + DAY, 'r_x0000001').card;
    const b = rateCard(structuredClone(grown), 3, grown.due + DAY, 'r_x0000002').card;
    expect(a).toEqual(b);
  });
});

test('the preview of each rating says when the card would fall due, as rating it would', () => {
  let card = fresh();
  for (let i = 0; i < 3; i++) {
    const preview = previewDue(card, card.due);
    for (const rating of [1, 2, 3, 4] as const)
      expect(preview[rating]).toBe(rateCard(card, rating, card.due, 'r_prev0001').card.due);
    card = rateCard(card, 3, card.due, 'r_prev0002').card;
  }
});

describe('undo', () => {
  test('undoing the last rating restores the card exactly, whatever the rating', () => {
    for (const rating of [1, 2, 3, 4] as const) {
      let card = fresh();
      for (let i = 0; i < 3; i++) card = rateCard(card, 3, card.due, `r_pre0000${i}`).card;
      const before = structuredClone(card);
      const { card: after, log } = rateCard(card, rating, card.due + 5 * MINUTE, 'r_last0001');
      expect(after).not.toEqual(before);
      expect(undoRating(after, log)).toEqual(before);
    }
  });

  test('a log that is not the card’s last rating, or another card’s, undoes nothing', () => {
    const first = rateCard(fresh(), 3, NOW, 'r_first001');
    const second = rateCard(first.card, 3, first.card.due, 'r_second01');
    expect(undoRating(second.card, first.log)).toBeNull();
    const other = newCard('word', 'binh sĩ', 'forward', NOW, true);
    expect(undoRating(other, second.log)).toBeNull();
  });
});

describe('cards', () => {
  test('ids: one per word and direction, one per highlight', () => {
    expect(cardIdOf('word', 'hợp tác', 'forward')).toBe('word:vi-en:hợp tác');
    expect(cardIdOf('word', 'hợp tác', 'reverse')).toBe('word:en-vi:hợp tác');
    expect(cardIdOf('highlight', 'h_0001aaaa')).toBe('highlight:h_0001aaaa');
  });

  test.each([
    ['a forward card of a word in review', 'forward', false, false, true],
    ['a forward card of a word marked known', 'forward', true, false, false],
    ['a reverse card while reverse cards are off', 'reverse', false, false, false],
    ['a reverse card while they are on', 'reverse', false, true, true],
    ['a reverse card of a word marked known', 'reverse', true, true, false],
  ] as const)('in the queue or not: %s', (_name, direction, marked, reverse, expected) => {
    expect(isActive({ direction }, { marked }, reverse)).toBe(expected);
  });

  test('an inactive card is never due', () => {
    const card = { ...fresh(), active: 0 as const };
    expect(isDue(card, NOW + DAY)).toBe(false);
  });

  test('validators accept what the scheduler makes and name what is wrong', () => {
    const { card, log } = rateCard(fresh(), 3, NOW, 'r_valid001');
    expect(validate(reviewCardValidator, card).ok).toBe(true);
    expect(validate(reviewLogValidator, log).ok).toBe(true);
    const bad = validate(reviewCardValidator, { ...card, id: 'word:vi-en:khác', state: 7 }, 'cards[2]');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.path)).toEqual(['cards[2].state']);
    const mismatch = validate(reviewCardValidator, { ...card, id: 'word:vi-en:khác' }, 'cards[2]');
    expect(mismatch.ok ? [] : mismatch.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'cards[2]: id does not match the card (expected "word:vi-en:hợp tác")',
    ]);
    const badLog = validate(reviewLogValidator, { ...log, rating: 5 }, 'reviewLogs[0]');
    expect(badLog.ok ? [] : badLog.issues.map((i) => i.path)).toEqual(['reviewLogs[0].rating']);
  });
});
