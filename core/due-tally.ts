/**
 * The review queue's due count, kept between asks. IndexedDB counts an index range entry by entry
 * (about 8 µs each in Chromium), so counting 5,000 due cards every time the popup opens costs more
 * than the popup's whole first screen. A tally is taken once: the cards due at its moment, and the
 * due times of the cards falling due in the hours after it, sorted. Until its horizon, the count at
 * any later moment is the first number plus a binary search of the second.
 *
 * Pure: the background takes it (word-store.ts) and says when it is stale.
 */

export interface DueTally {
  /** When it was taken (ms since the epoch). */
  readonly at: number;
  /** Cards due at `at`. */
  readonly dueAt: number;
  /** Due times after `at`, ascending: every card falling due in (`at`, `until`]. */
  readonly upcoming: readonly number[];
  /** The last moment the tally answers for. */
  readonly until: number;
  /** The first due time after `until`, if any card has one (when nothing is due, the popup says when). */
  readonly beyond: number | null;
}

/**
 * A tally from what the store read at `at`: the count due then, and up to `limit` due times from
 * `at` to `at + horizon` in order (a full read may stop short of the horizon).
 */
export function tallyOf(
  at: number,
  dueAt: number,
  upcoming: readonly number[],
  horizon: number,
  limit: number,
  beyond: number | null,
): DueTally {
  if (upcoming.length < limit) return { at, dueAt, upcoming, until: at + horizon, beyond };
  // A full read: cards sharing the last time read may continue past it, so answer only before it.
  const last = upcoming[upcoming.length - 1]!;
  return { at, dueAt, upcoming: upcoming.filter((t) => t < last), until: last - 1, beyond: last };
}

/** The due count at `now` and when the next card falls due if none is; null when the tally cannot answer. */
export function dueFrom(tally: DueTally, now: number): { due: number; next: number | null } | null {
  if (now < tally.at || now > tally.until) return null;
  const u = tally.upcoming;
  let lo = 0;
  let hi = u.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u[mid]! <= now) lo = mid + 1;
    else hi = mid;
  }
  const due = tally.dueAt + lo;
  return { due, next: due > 0 ? null : (u[lo] ?? tally.beyond) };
}

/** What the tally needs of a card: whether it is in the queue, and when it falls due. */
export interface QueuedCard {
  readonly active: 0 | 1;
  readonly due: number;
}

/**
 * The tally after one card changed from `before` to `after` (either absent for a card made or
 * deleted). Null when it can no longer answer and must be taken again: the card was the one
 * {@link DueTally.beyond} pointed at, and the next after it is unknown.
 */
export function adjustTally(tally: DueTally, before: QueuedCard | null, after: QueuedCard | null): DueTally | null {
  let { dueAt, beyond } = tally;
  const upcoming = [...tally.upcoming];
  if (before?.active) {
    if (before.due <= tally.at) dueAt--;
    else if (before.due <= tally.until) {
      const i = upcoming.indexOf(before.due);
      if (i < 0) return null;
      upcoming.splice(i, 1);
    } else if (before.due === beyond) return null;
  }
  if (after?.active) {
    if (after.due <= tally.at) dueAt++;
    else if (after.due <= tally.until) {
      let i = 0;
      while (i < upcoming.length && upcoming[i]! <= after.due) i++;
      upcoming.splice(i, 0, after.due);
    } else if (beyond === null || after.due < beyond) beyond = after.due;
  }
  return { ...tally, dueAt, upcoming, beyond };
}
