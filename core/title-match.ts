/**
 * Recognising an article's headline: a page block that reads like the title of a corpus article.
 * A headline is short, so paragraph matching (syllable trigrams against the whole index) is not
 * the tool; titles are compared syllable by syllable instead. An exact match (after
 * normalisation: Unicode form, tone placement, case, punctuation and spacing) is enough on its
 * own; a close one (an outlet that shortened or reworded its headline) counts only on a page that
 * also carries paragraphs of that article, which the content script decides.
 *
 * This runs on every block of every page, and a reader may have a thousand articles of their own:
 * so the titles are indexed, not scanned. An exact match is one map lookup. A close one must share
 * more than half of the block's syllables (see `minShared`), so it shares at least one of the
 * block's rarer half: only the titles on those syllables' lists are compared.
 */

import { matchSyllables } from './shingles';

/** A block that reads like an article's title. */
export interface TitleMatch {
  readonly articleId: string;
  /** The same syllables in the same order; otherwise only close (see {@link CLOSE_TITLE}). */
  readonly exact: boolean;
}

/** A close title shares at least this share of syllables with the block, both ways (F1). */
export const CLOSE_TITLE = 0.7;
/** Headlines are short: longer blocks are paragraphs, never titles. */
export const MAX_TITLE_CHARS = 400;
/** Titles shorter than this many syllables only match exactly. */
const MIN_CLOSE_SYLLABLES = 4;
/** Sorting a block's lists by length: the key's unit, above every occurrence number (see `insert`). */
const LIST_KEY = 2 ** 24;

/** Whether titles of `a` and `b` syllables are close enough in length to ever be close. */
function lengthsCanBeClose(a: number, b: number): boolean {
  return 2 * Math.min(a, b) >= CLOSE_TITLE * (a + b);
}

/**
 * A lower bound on the syllables a close title shares with a block of `n`: F1 ≥ 0.7 with the
 * length condition above needs a title of at least 0.538·n syllables, so at least 0.538·n shared.
 * Rounded down a little, so that no rounding of the score's arithmetic can exceed it.
 */
function minShared(n: number): number {
  return Math.max(1, Math.floor(0.53 * n));
}

/**
 * The `n`th occurrence of a syllable, as a member of a set: the first is the syllable, a repeat is
 * marked with its count ("nga", "nga\u00002"), so that sets of these share exactly as many members
 * as the sequences share syllables as multisets.
 */
const occurrence = (s: string, n: number): string => (n === 1 ? s : `${s}\u0000${n}`);

/** Each syllable of a sequence as its occurrence. */
function occurrences(syls: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return syls.map((s) => {
    const n = (seen.get(s) ?? 0) + 1;
    seen.set(s, n);
    return occurrence(s, n);
  });
}

interface Title {
  readonly id: string;
  readonly syls: readonly string[];
  /** The title's length in characters, as written. */
  readonly chars: number;
}

/** The titles of a corpus' articles, in article order, indexed for {@link TitleIndex.match}. */
export class TitleIndex {
  private titles: Title[] = [];
  /** The syllables joined: the first article with each. */
  private exact = new Map<string, number>();
  /** A number for each syllable occurrence (see `occurrences`) of the titles that can be close. */
  private vocabulary = new Map<string, number>();
  /** Per occurrence number, the titles with it. */
  private lists: number[][] = [];
  /** Per title, its occurrence numbers (none if it is too short to be close). */
  private members: Int32Array[] = [];
  /** The shortest and longest title, in characters: a block far outside them is no title. */
  private minChars = Infinity;
  private maxChars = 0;
  /** The titles' lengths in syllables: an exact match has one of them. */
  private lengths = new Set<number>();
  /**
   * The shortest and longest title that can be close, in syllables: a block too long or too short
   * for both (see `lengthsCanBeClose`) is close to none, and its syllables need not be looked up.
   */
  private minClose = Infinity;
  private maxClose = 0;
  /** Per title, the last lookup that met it (a lookup meets each candidate once, and counts it at most once). */
  private met = new Uint32Array(16);
  /** Per occurrence number, the last lookup whose block has it. */
  private inBlock = new Uint32Array(16);
  /** A lookup's lists, as length · 2²⁴ + occurrence number, sorted in place. */
  private order = new Float64Array(64);
  private lookups = 0;

  constructor(titles: readonly { readonly id: string; readonly title: { readonly vi: string } }[] = []) {
    for (const a of titles) this.add(a.id, a.title.vi);
  }

  /** How many titles it holds. */
  get size(): number {
    return this.titles.length;
  }

  /** Adds the title of the next article in the corpus' order. */
  add(id: string, vi: string): void {
    this.insert({ id, syls: matchSyllables(vi), chars: vi.length });
  }

  /** Keeps the first `count` titles only (the corpus dropped the articles after them). */
  truncate(count: number): void {
    const kept = this.titles.slice(0, count);
    this.titles = [];
    this.exact = new Map();
    this.vocabulary = new Map();
    this.lists = [];
    this.members = [];
    this.inBlock.fill(0);
    this.minChars = Infinity;
    this.maxChars = 0;
    this.lengths = new Set();
    this.minClose = Infinity;
    this.maxClose = 0;
    for (const t of kept) this.insert(t);
  }

  private insert(title: Title): void {
    const k = this.titles.length;
    const { syls } = title;
    this.titles.push(title);
    this.minChars = Math.min(this.minChars, title.chars);
    this.maxChars = Math.max(this.maxChars, title.chars);
    const key = syls.join(' ');
    if (!this.exact.has(key)) this.exact.set(key, k);
    this.lengths.add(syls.length);
    const members: number[] = [];
    if (syls.length >= MIN_CLOSE_SYLLABLES) {
      this.minClose = Math.min(this.minClose, syls.length);
      this.maxClose = Math.max(this.maxClose, syls.length);
      for (const s of occurrences(syls)) {
        let m = this.vocabulary.get(s);
        if (m === undefined) {
          m = this.lists.length;
          if (m >= LIST_KEY) throw new Error(`title index: more than ${LIST_KEY} distinct syllables`);
          this.vocabulary.set(s, m);
          this.lists.push([]);
          if (this.inBlock.length <= m) {
            const inBlock = new Uint32Array(2 * this.inBlock.length);
            inBlock.set(this.inBlock);
            this.inBlock = inBlock;
          }
        }
        this.lists[m]!.push(k);
        members.push(m);
      }
    }
    this.members.push(Int32Array.from(members));
    if (this.met.length <= k) {
      const met = new Uint32Array(2 * this.met.length);
      met.set(this.met);
      this.met = met;
    }
  }

  /**
   * The article whose title `text` is, exactly or closely; the best one when several are close.
   * `syllables` are the text's, if they were read already (as `matchSyllables` reads them: none
   * empty or holding a space, so that joined they give back their count).
   */
  match(text: string, syllables?: readonly string[]): TitleMatch | null {
    // Most page blocks (menu items, paragraphs) are far shorter or longer than any title: no
    // normalisation for them.
    if (text.length > MAX_TITLE_CHARS || text.length < this.minChars / 2 || text.length > this.maxChars * 2) {
      return null;
    }
    const syls = syllables ?? matchSyllables(text);
    if (syls.length === 0) return null;
    if (this.lengths.has(syls.length)) {
      const exact = this.exact.get(syls.join(' '));
      if (exact !== undefined) return { articleId: this.titles[exact]!.id, exact: true };
    }
    return this.closest(syls);
  }

  /** The closest title to a block's syllables, the first in article order on a tie. */
  private closest(syls: readonly string[]): TitleMatch | null {
    const n = syls.length;
    // The lengths close enough to n are an interval around it: when the length in
    // [minClose, maxClose] nearest n (n itself when inside) is outside it, so is every length of
    // a title that can be close.
    if (!lengthsCanBeClose(Math.min(Math.max(n, this.minClose), this.maxClose), n)) return null;
    // A close title shares at least `minShared(n)` of the block's n syllables, so at least one of
    // any n − minShared(n) + 1 of them: take those with the shortest lists. A syllable in no
    // title is one of them, at no cost; when those are enough, no title can be close.
    const walk = n - minShared(n) + 1;
    if (this.lookups === 0xffffffff) {
      this.met.fill(0);
      this.inBlock.fill(0);
      this.lookups = 0;
    }
    const stamp = ++this.lookups;
    const { lists, inBlock, met, titles, members } = this;
    if (this.order.length < n) this.order = new Float64Array(2 * n);
    const order = this.order;
    let held = 0;
    for (const s of syls) {
      let m = this.vocabulary.get(s);
      if (m === undefined) continue;
      // A repeat is its occurrence's own member (see `occurrences`): rare, so looked up only then.
      for (let k = 2; inBlock[m] === stamp; k++) {
        m = this.vocabulary.get(occurrence(s, k));
        if (m === undefined) break;
      }
      if (m === undefined) continue;
      inBlock[m] = stamp;
      order[held] = lists[m]!.length * LIST_KEY + m;
      held++;
    }
    if (n - held >= walk) return null;
    const shortest = order.subarray(0, held).sort();
    let best = -1;
    let bestScore = 0;
    for (let i = 0, take = walk - (n - held); i < take; i++) {
      const list = lists[shortest[i]! % LIST_KEY]!;
      for (let j = 0; j < list.length; j++) {
        const k = list[j]!;
        if (met[k] === stamp) continue;
        met[k] = stamp;
        const length = titles[k]!.syls.length;
        if (!lengthsCanBeClose(length, n)) continue;
        // First met on the i-th shortest list, so on none before it: it shares at most the
        // block's held syllables from this list on. When even that cannot make it close, or beat
        // the best so far, its syllables need not be counted.
        const most = (2 * Math.min(length, held - i)) / (length + n);
        if (most < CLOSE_TITLE || (best >= 0 && most < bestScore)) continue;
        const own = members[k]!;
        let shared = 0;
        for (let x = 0; x < own.length; x++) if (inBlock[own[x]!] === stamp) shared++;
        const score = (2 * shared) / (length + n);
        // On a tie, the first in article order.
        if (score >= CLOSE_TITLE && (best < 0 || score > bestScore || (score === bestScore && k < best))) {
          best = k;
          bestScore = score;
        }
      }
    }
    return best < 0 ? null : { articleId: this.titles[best]!.id, exact: false };
  }
}
