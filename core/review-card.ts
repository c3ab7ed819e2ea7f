/**
 * Review cards and their scheduling with FSRS (the `ts-fsrs` implementation, FSRS-6 with its
 * default parameters: 90% requested retention, learning steps of 1 and 10 minutes, fuzzed long
 * intervals whose fuzz is seeded by the card and the review time, so the same review always
 * schedules the same way).
 *
 * A card is stored flat: its id, what it reviews (a saved word, one direction of it, or a
 * highlight), whether it is in the queue, and FSRS's memory state with times as milliseconds.
 * Every rating writes a review log holding the card's state before the rating, so undoing the
 * last rating restores the card exactly, and the logs can be exported and imported.
 */

import { createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';
import { literal, nullable, number, object, refine, string, type Validator } from './validate';

export const RATINGS = [1, 2, 3, 4] as const;
/** Again, Hard, Good, Easy: FSRS's grades. */
export type ReviewRating = (typeof RATINGS)[number];
export const RATING_NAMES: Record<ReviewRating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** FSRS's card states: New, Learning, Review, Relearning. */
export type CardState = 0 | 1 | 2 | 3;
export const STATE_REVIEW: CardState = 2;

/** FSRS's memory state of a card, with times as milliseconds since the epoch. */
export interface CardMemory {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardState;
  lastReview: number | null;
}

/** What a card reviews: a saved word (keyed by headword) or a highlight (by id). */
export type CardSource = 'word' | 'highlight';
/** A word card asks Vietnamese → English (forward) or English → Vietnamese (reverse). */
export type CardDirection = 'forward' | 'reverse';

export interface ReviewCard extends CardMemory {
  id: string;
  source: CardSource;
  /** The headword of a word card, the id of a highlight card. */
  ref: string;
  direction: CardDirection;
  /** 1 when the card is in the review queue; 0 when it is set aside (see {@link isActive}). A number, for the index. */
  active: 0 | 1;
  createdAt: number;
}

/** One rating of one card. */
export interface ReviewLog {
  id: string;
  cardId: string;
  rating: ReviewRating;
  reviewedAt: number;
  /** The card's memory state before this rating: what an undo restores. */
  before: CardMemory;
}

const scheduler = fsrs({
  request_retention: 0.9,
  maximum_interval: 36_500,
  enable_fuzz: true,
  enable_short_term: true,
});

/** A card's id: one per word and direction, one per highlight. */
export function cardIdOf(source: CardSource, ref: string, direction: CardDirection = 'forward'): string {
  return source === 'highlight' ? `highlight:${ref}` : `word:${direction === 'forward' ? 'vi-en' : 'en-vi'}:${ref}`;
}

function memoryOf(card: Card): CardMemory {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as number as CardState,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

function fsrsCard(m: CardMemory): Card {
  return {
    due: new Date(m.due),
    stability: m.stability,
    difficulty: m.difficulty,
    elapsed_days: m.elapsedDays,
    scheduled_days: m.scheduledDays,
    learning_steps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    state: m.state,
    ...(m.lastReview === null ? {} : { last_review: new Date(m.lastReview) }),
  };
}

/** Just the memory state of a card. */
export function memoryFields(c: CardMemory): CardMemory {
  return {
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsedDays,
    scheduledDays: c.scheduledDays,
    learningSteps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.lastReview,
  };
}

/** A new card, due at once. */
export function newCard(
  source: CardSource,
  ref: string,
  direction: CardDirection,
  now: number,
  active: boolean,
): ReviewCard {
  return {
    id: cardIdOf(source, ref, direction),
    source,
    ref,
    direction,
    active: active ? 1 : 0,
    createdAt: now,
    ...memoryOf(createEmptyCard(new Date(now))),
  };
}

/** Rates a card at `now`: the card as FSRS reschedules it, and the log of this rating. */
export function rateCard(
  card: ReviewCard,
  rating: ReviewRating,
  now: number,
  logId: string,
): { card: ReviewCard; log: ReviewLog } {
  const before = memoryFields(card);
  const next = scheduler.next(fsrsCard(before), new Date(now), rating as Grade);
  return {
    card: { ...card, ...memoryOf(next.card) },
    log: { id: logId, cardId: card.id, rating, reviewedAt: now, before },
  };
}

/** When the card would fall due after each rating at `now` (for the rating buttons). */
export function previewDue(card: CardMemory, now: number): Record<ReviewRating, number> {
  const preview = scheduler.repeat(fsrsCard(card), new Date(now));
  return {
    1: preview[1].card.due.getTime(),
    2: preview[2].card.due.getTime(),
    3: preview[3].card.due.getTime(),
    4: preview[4].card.due.getTime(),
  };
}

/**
 * Undoes a card's last rating: the card exactly as it was before. Null when `log` is not the
 * card's last rating (the card was rated again since, or the log is another card's).
 */
export function undoRating(card: ReviewCard, log: ReviewLog): ReviewCard | null {
  if (log.cardId !== card.id || card.lastReview !== log.reviewedAt) return null;
  return { ...card, ...log.before };
}

/** Whether a card is in the queue and due at `now`. */
export function isDue(card: ReviewCard, now: number): boolean {
  return card.active === 1 && card.due <= now;
}

/**
 * Whether a card belongs in the queue: a word marked known is not reviewed, and reverse cards
 * only while the reader wants them.
 */
export function isActive(
  card: Pick<ReviewCard, 'direction'>,
  word: { marked: boolean } | null,
  reverse: boolean,
): boolean {
  if (word?.marked) return false;
  return card.direction === 'forward' || reverse;
}

const time = number({ int: true, min: 0, max: 8.64e15 });
const nonNegative = number({ min: 0, max: 1e9 });

const memoryShape = {
  due: time,
  stability: nonNegative,
  difficulty: number({ min: 0, max: 11 }),
  elapsedDays: nonNegative,
  scheduledDays: nonNegative,
  learningSteps: number({ int: true, min: 0, max: 100 }),
  reps: number({ int: true, min: 0, max: 1e9 }),
  lapses: number({ int: true, min: 0, max: 1e9 }),
  state: literal(0, 1, 2, 3),
  lastReview: nullable(time),
};

export const cardMemoryValidator: Validator<CardMemory> = object(memoryShape);

export const cardIdValidator: Validator<string> = string({
  min: 1,
  max: 200,
  pattern: /^(word:(vi-en|en-vi)|highlight):[^\n\r\t]+$/,
  patternMessage: 'must be a card id',
});

export const reviewCardValidator: Validator<ReviewCard> = refine(
  object({
    id: cardIdValidator,
    source: literal('word', 'highlight'),
    ref: string({ min: 1, max: 100 }),
    direction: literal('forward', 'reverse'),
    active: literal(0, 1),
    createdAt: time,
    ...memoryShape,
  }),
  (c) => {
    if (c.id !== cardIdOf(c.source, c.ref, c.direction))
      return `id does not match the card (expected "${cardIdOf(c.source, c.ref, c.direction)}")`;
    if (c.source === 'highlight' && c.direction !== 'forward') return 'a highlight card has one direction';
    return null;
  },
);

export const reviewLogValidator: Validator<ReviewLog> = object({
  id: string({ pattern: /^r_[A-Za-z0-9_-]{4,80}$/, patternMessage: 'must be a review log id' }),
  cardId: cardIdValidator,
  rating: literal(...RATINGS),
  reviewedAt: time,
  before: cardMemoryValidator,
});
