import { describe, expect, test } from 'vitest';
import { adjustTally, dueFrom, tallyOf } from './due-tally';

const H = 6 * 3_600_000;

describe('the kept due count', () => {
  const tally = tallyOf(1000, 5, [1500, 2000, 2000, 9000], H, 100, 1000 + H + 1);
  test.each([
    { now: 1000, want: { due: 5, next: null } },
    { now: 1499, want: { due: 5, next: null } },
    { now: 1500, want: { due: 6, next: null } },
    { now: 2000, want: { due: 8, next: null } },
    { now: 1000 + H, want: { due: 9, next: null } },
  ])('at $now: $want.due due', ({ now, want }) => {
    expect(dueFrom(tally, now)).toEqual(want);
  });

  test('before it was taken, or past its horizon, it does not answer', () => {
    expect(dueFrom(tally, 999)).toBeNull();
    expect(dueFrom(tally, 1001 + H)).toBeNull();
  });

  test('with nothing due it says when the next card falls due, inside the horizon or beyond it', () => {
    const empty = tallyOf(1000, 0, [4000], H, 100, null);
    expect(dueFrom(empty, 2000)).toEqual({ due: 0, next: 4000 });
    expect(dueFrom(empty, 4000)).toEqual({ due: 1, next: null });
    const later = tallyOf(1000, 0, [], H, 100, 1000 + 2 * H);
    expect(dueFrom(later, 1000 + H)).toEqual({ due: 0, next: 1000 + 2 * H });
    expect(dueFrom(tallyOf(1000, 0, [], H, 100, null), 1500)).toEqual({ due: 0, next: null });
  });

  test('a read cut off by its limit answers only before the last time it read (others may share it)', () => {
    const cut = tallyOf(1000, 2, [1100, 1200, 1300, 1300], H, 4, null);
    expect(cut.until).toBe(1299);
    expect(dueFrom(cut, 1299)).toEqual({ due: 4, next: null });
    expect(dueFrom(cut, 1300)).toBeNull();
    expect(dueFrom(tallyOf(1000, 0, [1100, 1100], H, 2, null), 1050)).toEqual({ due: 0, next: 1100 });
  });
});

describe('the kept count follows a card that changed', () => {
  const base = tallyOf(1000, 3, [1500, 2000], 5000, 100, 9000);
  const card = (due: number, active: 0 | 1 = 1) => ({ due, active });
  test.each([
    { what: 'a due card rated out to later today', before: card(900), after: card(1800), at: 1900, due: 4 },
    { what: 'a due card rated to next week', before: card(900), after: card(8000), at: 5000, due: 4 },
    { what: 'an upcoming card made due (undo)', before: card(2000), after: card(950), at: 1000, due: 4 },
    { what: 'a new card, due at once', before: null, after: card(1000), at: 1000, due: 4 },
    { what: 'a card deleted', before: card(1500), after: null, at: 1600, due: 3 },
    { what: 'a card taken out of the queue (known)', before: card(900), after: card(900, 0), at: 1000, due: 2 },
    { what: 'an inactive card changed', before: card(900, 0), after: card(950, 0), at: 1000, due: 3 },
  ])('$what', ({ before, after, at, due }) => {
    const t = adjustTally(base, before, after)!;
    expect(dueFrom(t, at)!.due).toBe(due);
  });

  test('the next due time moves when a card falls due sooner than it, or is lost with its card', () => {
    const none = tallyOf(1000, 0, [], 5000, 100, 9000);
    expect(dueFrom(adjustTally(none, null, card(7000))!, 2000)).toEqual({ due: 0, next: 7000 });
    expect(adjustTally(none, card(9000), card(10_000))).toBeNull();
    expect(dueFrom(adjustTally(none, card(9500), null)!, 2000)).toEqual({ due: 0, next: 9000 });
  });
});
