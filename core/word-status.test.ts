import { describe, expect, test } from 'vitest';
import { newCard, rateCard, type CardDirection, type ReviewCard, type ReviewRating } from './review-card';
import type { SavedWord } from './saved-word';
import { deriveStatus, KNOWN_STABILITY_DAYS, withStatus } from './word-status';

const NOW = Date.UTC(2026, 0, 5, 9, 0);

type C = { direction: CardDirection; state: 0 | 1 | 2 | 3; stability: number; reps: number };
const card = (direction: CardDirection, state: C['state'], stability: number, reps: number): C => ({
  direction,
  state,
  stability,
  reps,
});

describe('deriveStatus', () => {
  test.each<[string, boolean, C[], string]>([
    ['no card rated yet', false, [card('forward', 0, 0, 0)], 'new'],
    ['no cards at all', false, [], 'new'],
    ['rated once, in learning', false, [card('forward', 1, 2.3, 1)], 'learning'],
    [
      'in review, stability under the threshold',
      false,
      [card('forward', 2, KNOWN_STABILITY_DAYS - 0.01, 3)],
      'learning',
    ],
    ['in review, stability at the threshold', false, [card('forward', 2, KNOWN_STABILITY_DAYS, 4)], 'known'],
    ['stable, but relearning after a lapse', false, [card('forward', 3, 30, 6)], 'learning'],
    ['only the reverse card is stable', false, [card('forward', 1, 2, 1), card('reverse', 2, 40, 5)], 'learning'],
    ['only the reverse card was rated', false, [card('forward', 0, 0, 0), card('reverse', 1, 2, 1)], 'learning'],
    ['"I know this", never reviewed', true, [card('forward', 0, 0, 0)], 'known'],
    ['"I know this", not saved (no cards)', true, [], 'known'],
  ])('%s → %s', (_name, marked, cards, expected) => {
    expect(deriveStatus(marked, cards)).toBe(expected);
  });
});

describe('transitions through real reviews', () => {
  const word: SavedWord = {
    headword: 'hợp tác',
    sense: { pos: 'term', gloss: 'cooperation', source: 'glossary', entryKey: 'glossary:hợp tác' },
    han: null,
    contexts: [],
    saved: true,
    marked: false,
    status: 'new',
    knownAt: null,
    createdAt: NOW,
    updatedAt: NOW,
  };

  test('new → learning → known by Good reviews on time → learning after a lapse → known again', () => {
    let c: ReviewCard = newCard('word', word.headword, 'forward', NOW, true);
    let w = withStatus(word, [c], NOW);
    const seen: [string, number | null][] = [[w.status, w.knownAt]];
    const rate = (rating: ReviewRating) => {
      const at = c.due;
      c = rateCard(c, rating, at, `r_t${at}`).card;
      w = withStatus(w, [c], at);
      seen.push([w.status, w.knownAt === null ? null : w.knownAt - NOW]);
    };
    rate(3); // learning step
    rate(3); // graduates
    rate(3);
    rate(3); // stability passes three weeks here
    const knownAt = w.knownAt;
    rate(3); // stays known: knownAt kept
    expect(w.knownAt).toBe(knownAt);
    rate(1); // a lapse: relearning, then it must earn three weeks' stability again
    rate(3);
    rate(3);
    rate(3);
    expect(seen.map(([s]) => s)).toEqual([
      'new',
      'learning',
      'learning',
      'learning',
      'known',
      'known',
      'learning',
      'learning',
      'learning',
      'known',
    ]);
    // knownAt is when it last became known.
    expect(seen[9]![1]).toBeGreaterThan(seen[5]![1]!);
  });

  test('"I know this" makes it known at once; taking it back returns it to what its cards say', () => {
    const c = rateCard(newCard('word', word.headword, 'forward', NOW, true), 3, NOW, 'r_mark0001').card;
    const marked = withStatus({ ...word, marked: true }, [c], NOW + 1000);
    expect([marked.status, marked.knownAt]).toEqual(['known', NOW + 1000]);
    const unmarked = withStatus({ ...marked, marked: false }, [c], NOW + 2000);
    expect([unmarked.status, unmarked.knownAt]).toEqual(['learning', null]);
  });

  test('an unchanged status returns the same object (no write needed)', () => {
    const c = newCard('word', word.headword, 'forward', NOW, true);
    expect(withStatus(word, [c], NOW + 5)).toBe(word);
  });
});
