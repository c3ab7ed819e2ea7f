/**
 * What the review page shows of a card: a word card's headword in one of its sentences, its sense,
 * the sentence's English and its Hán; a highlight card's quote in its context, with the
 * paragraph's English and the note. Built in the background, so the page gets only what it shows.
 */

import type { HanSyllable } from './glossary-format';
import type { HighlightRecord } from './highlight-record';
import { previewDue, type CardDirection, type CardState, type ReviewCard, type ReviewRating } from './review-card';
import { contextForReview, type SavedWord, type WordContext, type WordSense, type WordStatus } from './saved-word';

export type CardFace =
  | {
      kind: 'word';
      direction: CardDirection;
      headword: string;
      sense: WordSense | null;
      han: HanSyllable[] | null;
      /** The sentence this review shows (they take turns), null if the word has none. */
      context: WordContext | null;
      status: WordStatus;
    }
  | {
      kind: 'highlight';
      quote: { exact: string; prefix: string; suffix: string };
      english: string | null;
      note: string;
      title: string;
      url: string;
      terms: { vi: string; en: string }[];
    };

/** A card ready for the review page. */
export interface ReviewItem {
  cardId: string;
  /** The Vietnamese the card is about: the headword, or a highlight's quote. */
  vi: string;
  state: CardState;
  reps: number;
  due: number;
  /** When it would fall due after each rating, from when it was read (for the buttons' labels). */
  nextDue: Record<ReviewRating, number>;
  /** When it was read. */
  readAt: number;
  face: CardFace;
}

/** The card as the page shows it; null when what it reviews no longer exists. */
export function reviewItemOf(
  card: ReviewCard,
  word: SavedWord | undefined,
  highlight: HighlightRecord | undefined,
  now: number,
): ReviewItem | null {
  const base = {
    cardId: card.id,
    state: card.state,
    reps: card.reps,
    due: card.due,
    nextDue: previewDue(card, now),
    readAt: now,
  };
  if (card.source === 'word') {
    if (!word) return null;
    return {
      ...base,
      vi: word.headword,
      face: {
        kind: 'word',
        direction: card.direction,
        headword: word.headword,
        sense: word.sense,
        han: word.han,
        context: contextForReview(word, card.reps),
        status: word.status,
      },
    };
  }
  if (!highlight) return null;
  return {
    ...base,
    vi: highlight.quote.exact,
    face: {
      kind: 'highlight',
      quote: highlight.quote,
      english: highlight.corpus?.english ?? null,
      note: highlight.note,
      title: highlight.title,
      url: highlight.url,
      terms: highlight.corpus?.terms ?? [],
    },
  };
}

/** A sentence cut around the word it holds, for marking the word. */
export function splitSentence(context: Pick<WordContext, 'sentence' | 'start' | 'end'>): {
  before: string;
  word: string;
  after: string;
} {
  const { sentence, start, end } = context;
  return { before: sentence.slice(0, start), word: sentence.slice(start, end), after: sentence.slice(end) };
}

/** A wait as the rating buttons say it: "1 min", "10 min", "5 h", "3 d", "2 mo", "1.4 y". */
export function formatWait(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 1) return '< 1 min';
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)} h`;
  const days = hours / 24;
  if (days < 30) return `${Math.round(days)} d`;
  if (days < 365) return `${Math.round(days / 30)} mo`;
  return `${(days / 365).toFixed(1)} y`;
}
