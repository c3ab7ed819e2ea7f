/**
 * Where the reader's words occur in a page's text, for colouring them by status (new, learning,
 * known). Words are matched whole, syllable by syllable (a space or hyphen between syllables),
 * the longest first, left to right, never overlapping; a common word matches in any case
 * ("Binh sĩ" opening a sentence), a name only as written ("Nga" the country, not "nga" a swan).
 * The text may be in any Unicode form and either tone placement.
 */

import type { WordStatus } from './saved-word';
import { normalize, normalizeText, toSourceRange } from './normalize';
import { lazyRegExp } from './lazy-regexp';

/** A word found in the text: [start, end) there, and its status. */
export interface WordOccurrence {
  readonly start: number;
  readonly end: number;
  readonly status: WordStatus;
}

/** The most syllables a word may have to be found (the longest headwords are shorter). */
const MAX_SYLLABLES = 8;
const SYLLABLE = lazyRegExp(String.raw`[\p{L}\p{M}\p{N}]+`, 'gu');

/** The reader's words, keyed for matching: built once per list, used for every pass. */
export class WordMatcher {
  private readonly byKey = new Map<string, { status: WordStatus; cased: string | null }>();
  private longest = 1;

  constructor(words: Readonly<Record<string, WordStatus>>) {
    for (const [headword, status] of Object.entries(words)) {
      const form = normalizeText(headword).trim();
      const syllables = form.split(/[\s-]+/).filter(Boolean);
      if (syllables.length === 0 || syllables.length > MAX_SYLLABLES) continue;
      const key = syllables.join(' ').toLowerCase();
      const cased = form !== form.toLowerCase() ? syllables.join(' ') : null;
      this.byKey.set(key, { status, cased });
      this.longest = Math.max(this.longest, syllables.length);
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The occurrences of the words in `text`, in order. */
  find(text: string): WordOccurrence[] {
    if (this.byKey.size === 0) return [];
    const n = normalize(text);
    const t = n.text;
    const starts: number[] = [];
    const ends: number[] = [];
    for (const m of t.matchAll(SYLLABLE())) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
    const out: WordOccurrence[] = [];
    for (let k = 0; k < starts.length; ) {
      let matched = 0;
      let status: WordStatus | null = null;
      let joined = 0;
      while (joined + 1 < this.longest && k + joined + 1 < starts.length) {
        const gap = t.slice(ends[k + joined], starts[k + joined + 1]);
        if (gap !== ' ' && gap !== '-') break;
        joined++;
      }
      for (let len = joined + 1; len >= 1; len--) {
        const surface = t.slice(starts[k], ends[k + len - 1]).replace(/-/g, ' ');
        const hit = this.byKey.get(surface.toLowerCase());
        if (hit && (hit.cased === null || hit.cased === surface)) {
          matched = len;
          status = hit.status;
          break;
        }
      }
      if (status === null) {
        k++;
        continue;
      }
      const [start, end] = toSourceRange(n, starts[k]!, ends[k + matched - 1]!);
      out.push({ start, end, status });
      k += matched;
    }
    return out;
  }
}
