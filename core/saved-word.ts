/**
 * A saved word: the headword as the lexicon gives it, the sense the reader chose, its Hán and the
 * sentences the reader met it in. Saving the same headword again adds the new sentence to the same
 * word (an identical sentence on the same page is not added twice), and the sense chosen last
 * becomes the word's sense. Validators here guard every way a word enters the database: a save
 * from a page, "I know this", and a backup import.
 */

import { pageUrlValidator } from './highlight-record';
import { normalizePageUrl } from './page-url';
import { array, boolean, literal, nullable, number, object, refine, string, type Validator } from './validate';
import type { HanSyllable } from './glossary-format';

/** Where a sense comes from: the hand-written glossary, the news supplement or the dictionary. */
export const SENSE_SOURCES = ['glossary', 'supplement', 'dictionary'] as const;
export type SenseSource = (typeof SENSE_SOURCES)[number];

export const WORD_STATUSES = ['new', 'learning', 'known'] as const;
/** See core/word-status.ts for when a word is which. */
export type WordStatus = (typeof WORD_STATUSES)[number];

/** The sense of a headword the reader chose when saving it. */
export interface WordSense {
  /** The part of speech (dictionary) or kind (glossary: country, person, term…). */
  pos: string;
  /** The English gloss, as the popover showed it. */
  gloss: string;
  source: SenseSource;
  /** The entry's key in its source, as the lexicon gives it (opaque here). */
  entryKey: string;
}

/** The English of the sentence a word was met in, when the page is a recognised corpus paragraph. */
export interface ContextEnglish {
  text: string;
  /** The aligned English sentence, or the whole paragraph's English until sentences are aligned. */
  kind: 'sentence' | 'paragraph';
}

/** One sentence a word was met in. */
export interface WordContext {
  sentence: string;
  /** Where the word is in the sentence: [start, end). */
  start: number;
  end: number;
  /** The page, normalised as highlights normalise it. */
  url: string;
  title: string;
  /** When it was saved, in milliseconds since the epoch. */
  at: number;
  english: ContextEnglish | null;
}

export interface SavedWord {
  /** The headword as the lexicon gives it, NFC; the word's key (Anh and anh are two words). */
  headword: string;
  /** Null for a word marked known from a popover without being saved. */
  sense: WordSense | null;
  han: HanSyllable[] | null;
  /** Oldest first, at most {@link WORD_LIMITS.contexts}. */
  contexts: WordContext[];
  /** True once the reader saved it: saved words have review cards. */
  saved: boolean;
  /** "I know this": the reader said so (see core/word-status.ts). */
  marked: boolean;
  status: WordStatus;
  /** When the word last became known; null while it is not. */
  knownAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** What a page sends to save a word; the background adds the times and the status. */
export interface WordDraft {
  headword: string;
  sense: WordSense;
  han: HanSyllable[] | null;
  context: Omit<WordContext, 'at'>;
}

/** Limits that keep one word, and one backup, from exhausting the browser. */
export const WORD_LIMITS = {
  headword: 100,
  gloss: 1_000,
  pos: 40,
  entryKey: 200,
  sentence: 2_000,
  english: 20_000,
  title: 1_000,
  url: 4_096,
  /** Sentences kept per word; the oldest is dropped beyond this. */
  contexts: 50,
} as const;

const time = number({ int: true, min: 0, max: 8.64e15 });

/** A headword: a word or phrase, not blank, without line breaks. */
export const headwordValidator: Validator<string> = string({
  min: 1,
  max: WORD_LIMITS.headword,
  nonBlank: true,
  pattern: /^[^\n\r\t]+$/,
  patternMessage: 'must be one line',
});

export const senseValidator: Validator<WordSense> = object({
  pos: string({ min: 1, max: WORD_LIMITS.pos, nonBlank: true }),
  gloss: string({ min: 1, max: WORD_LIMITS.gloss, nonBlank: true }),
  source: literal(...SENSE_SOURCES),
  entryKey: string({ min: 1, max: WORD_LIMITS.entryKey }),
});

export const hanValidator: Validator<HanSyllable[] | null> = nullable(
  array(
    object({
      syllable: string({ min: 1, max: 20 }),
      char: nullable(string({ min: 1, max: 4 })),
      gloss: nullable(string({ max: 200 })),
    }),
    { min: 1, max: 20 },
  ),
);

const englishValidator: Validator<ContextEnglish | null> = nullable(
  object({ text: string({ min: 1, max: WORD_LIMITS.english }), kind: literal('sentence', 'paragraph') }),
);

const contextFields = {
  sentence: string({ min: 1, max: WORD_LIMITS.sentence, nonBlank: true }),
  start: number({ int: true, min: 0 }),
  end: number({ int: true, min: 1 }),
  url: pageUrlValidator,
  title: string({ max: WORD_LIMITS.title }),
  english: englishValidator,
};

function checkOffsets(c: { sentence: string; start: number; end: number }): string | null {
  if (c.end <= c.start) return 'end must come after start';
  if (c.end > c.sentence.length) return `end is beyond the sentence (${c.sentence.length} characters)`;
  return null;
}

const draftContextValidator: Validator<Omit<WordContext, 'at'>> = refine(object(contextFields), checkOffsets);
export const contextValidator: Validator<WordContext> = refine(object({ ...contextFields, at: time }), checkOffsets);

export const wordDraftValidator: Validator<WordDraft> = object({
  headword: headwordValidator,
  sense: senseValidator,
  han: hanValidator,
  context: draftContextValidator,
});

export const savedWordValidator: Validator<SavedWord> = refine(
  object({
    headword: headwordValidator,
    sense: nullable(senseValidator),
    han: hanValidator,
    contexts: array(contextValidator, { max: WORD_LIMITS.contexts }),
    saved: boolean,
    marked: boolean,
    status: literal(...WORD_STATUSES),
    knownAt: nullable(time),
    createdAt: time,
    updatedAt: time,
  }),
  (w) => {
    if (w.updatedAt < w.createdAt) return 'updatedAt comes before createdAt';
    if (w.saved && (w.sense === null || w.contexts.length === 0)) return 'a saved word needs a sense and a sentence';
    if (!w.saved && !w.marked) return 'a word is either saved or marked known';
    return null;
  },
);

/** The key a headword is stored under: NFC, trimmed, inner white space as single spaces. */
export function headwordKey(headword: string): string {
  return headword.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** Two contexts are the same when they are the same spot of the same sentence on the same page. */
function sameContext(a: Omit<WordContext, 'at'>, b: Omit<WordContext, 'at'>): boolean {
  return a.url === b.url && a.sentence === b.sentence && a.start === b.start && a.end === b.end;
}

/** A draft's context as stored: the URL normalised, the sentence NFC (offsets kept: NFC of NFC text). */
function cleanContext(c: Omit<WordContext, 'at'>, at: number): WordContext {
  return { ...c, url: normalizePageUrl(c.url), at };
}

/**
 * Adds a context to a list: nothing when the same spot of the same sentence is there already,
 * else appended, dropping the oldest beyond the limit. Returns the list and whether it changed.
 */
export function addContext(
  contexts: readonly WordContext[],
  context: WordContext,
): { contexts: WordContext[]; added: boolean } {
  if (contexts.some((c) => sameContext(c, context))) return { contexts: [...contexts], added: false };
  const all = [...contexts, context].sort((a, b) => a.at - b.at);
  return { contexts: all.slice(Math.max(0, all.length - WORD_LIMITS.contexts)), added: true };
}

/**
 * Saves a draft onto the stored word (or a new one): the new context added, the chosen sense and
 * Hán taken from the draft. The status is left for core/word-status.ts to derive.
 */
export function saveWord(
  current: SavedWord | undefined,
  draft: WordDraft,
  now: number,
): { word: SavedWord; created: boolean; added: boolean } {
  const context = cleanContext(draft.context, now);
  const headword = headwordKey(draft.headword);
  if (!current) {
    return {
      word: {
        headword,
        sense: draft.sense,
        han: draft.han,
        contexts: [context],
        saved: true,
        marked: false,
        status: 'new',
        knownAt: null,
        createdAt: now,
        updatedAt: now,
      },
      created: true,
      added: true,
    };
  }
  const { contexts, added } = addContext(current.contexts, context);
  return {
    word: {
      ...current,
      sense: draft.sense,
      han: draft.han ?? current.han,
      contexts,
      saved: true,
      updatedAt: Math.max(now, current.updatedAt),
    },
    created: !current.saved,
    added,
  };
}

/** Merges two versions of one word (a backup import): every context of both, the newer version's other fields. */
export function mergeWords(a: SavedWord, b: SavedWord): SavedWord {
  const [older, newer] = b.updatedAt > a.updatedAt ? [a, b] : [b, a];
  let contexts = newer.contexts;
  for (const c of older.contexts) contexts = addContext(contexts, c).contexts;
  return {
    ...newer,
    sense: newer.sense ?? older.sense,
    han: newer.han ?? older.han,
    contexts,
    saved: a.saved || b.saved,
    createdAt: Math.min(a.createdAt, b.createdAt),
  };
}

/** The context a card shows: they take turns, one per review, so a word comes back in each of its sentences. */
export function contextForReview(word: SavedWord, reps: number): WordContext | null {
  if (word.contexts.length === 0) return null;
  return word.contexts[word.contexts.length - 1 - (reps % word.contexts.length)]!;
}
