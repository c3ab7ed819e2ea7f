/**
 * A word's status, new → learning → known, derived from its cards and the reader's "I know this".
 *
 * The rule:
 * - **known** when the reader said "I know this", or when the Vietnamese → English card is in
 *   FSRS's review state with a stability of at least {@link KNOWN_STABILITY_DAYS} days (FSRS
 *   expects the reader to still recall it with 90% probability three weeks after the last review:
 *   Anki's threshold for a "mature" card). With the default parameters that is about four good
 *   reviews spread over a couple of weeks, or fewer with Easy.
 * - **learning** once any of its cards has been rated, until it is known; a known word whose card
 *   lapses (Again drops its stability under the threshold) is learning again.
 * - **new** while none of its cards has been rated.
 *
 * Only the forward card counts towards "known": recognising the word when reading is what the
 * status is for (it colours words on the page). Reverse cards make a word learning, never known.
 */

import type { CardDirection, CardMemory } from './review-card';
import { STATE_REVIEW } from './review-card';
import type { SavedWord, WordStatus } from './saved-word';

/** The stability, in days, from which a word counts as known. */
export const KNOWN_STABILITY_DAYS = 21;

type StatusCard = Pick<CardMemory, 'state' | 'stability' | 'reps'> & { direction: CardDirection };

/** A word's status from whether it is marked known and from its cards' memory states. */
export function deriveStatus(marked: boolean, cards: readonly StatusCard[]): WordStatus {
  if (marked) return 'known';
  if (cards.some((c) => c.direction === 'forward' && c.state === STATE_REVIEW && c.stability >= KNOWN_STABILITY_DAYS)) {
    return 'known';
  }
  return cards.some((c) => c.reps > 0) ? 'learning' : 'new';
}

/**
 * The word with its status derived again at `now`: `knownAt` is set when it becomes known, kept
 * while it stays known, and cleared when it no longer is.
 */
export function withStatus(word: SavedWord, cards: readonly StatusCard[], now: number): SavedWord {
  const status = deriveStatus(word.marked, cards);
  const knownAt = status !== 'known' ? null : word.status === 'known' && word.knownAt !== null ? word.knownAt : now;
  return status === word.status && knownAt === word.knownAt ? word : { ...word, status, knownAt };
}
