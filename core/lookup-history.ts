/**
 * The lookup history: which words the reader looked up, in which sentence, on which page, when.
 * Private, kept only in the extension's IndexedDB, and capped: beyond {@link HISTORY_CAP} entries
 * the oldest are dropped. Looking the same word up again in the same sentence of the same page
 * within {@link REPEAT_WINDOW_MS} is one lookup, not several (the pointer passing over it twice).
 */

import { pageUrlValidator } from './highlight-record';
import { headwordKey, headwordValidator, WORD_LIMITS } from './saved-word';
import { normalizePageUrl } from './page-url';
import { number, object, string, type Validator } from './validate';

/** The most entries kept; the oldest go first. */
export const HISTORY_CAP = 10_000;
/** A repeat of the same lookup within this long is not recorded again. */
export const REPEAT_WINDOW_MS = 5 * 60_000;

export interface LookupEntry {
  id: string;
  headword: string;
  sentence: string;
  url: string;
  title: string;
  /** Milliseconds since the epoch. */
  at: number;
}

/** What a page sends: the background adds the id and the time. */
export type LookupDraft = Omit<LookupEntry, 'id' | 'at'>;

const draftFields = {
  headword: headwordValidator,
  sentence: string({ max: WORD_LIMITS.sentence }),
  url: pageUrlValidator,
  title: string({ max: WORD_LIMITS.title }),
};

export const lookupDraftValidator: Validator<LookupDraft> = object(draftFields);

export const lookupEntryValidator: Validator<LookupEntry> = object({
  id: string({ pattern: /^l_[A-Za-z0-9_-]{4,80}$/, patternMessage: 'must be a lookup id' }),
  at: number({ int: true, min: 0, max: 8.64e15 }),
  ...draftFields,
});

/** A draft as stored: the headword keyed as saved words are, the URL normalised. */
export function newLookup(draft: LookupDraft, id: string, now: number): LookupEntry {
  return {
    id,
    headword: headwordKey(draft.headword),
    sentence: draft.sentence,
    url: normalizePageUrl(draft.url),
    title: draft.title,
    at: now,
  };
}

/** Whether `entry` repeats `last` (the newest lookup of the same headword) closely enough to be the same lookup. */
export function isRepeat(last: LookupEntry | undefined, entry: LookupEntry): boolean {
  return (
    !!last &&
    last.headword === entry.headword &&
    last.url === entry.url &&
    last.sentence === entry.sentence &&
    entry.at - last.at >= 0 &&
    entry.at - last.at < REPEAT_WINDOW_MS
  );
}

/** How many of the oldest entries must go for `count` entries to fit under `cap`. */
export function overflow(count: number, cap = HISTORY_CAP): number {
  return Math.max(0, count - cap);
}

/** Lookups per headword, most looked up first (ties in the order the headwords were first met). */
export function countByHeadword(entries: readonly Pick<LookupEntry, 'headword'>[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.headword, (counts.get(e.headword) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}
