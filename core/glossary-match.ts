/**
 * Finds glossary terms in normalised text: whole syllables only, longest match first,
 * diacritic-sensitive, and case-aware for proper nouns.
 *
 * The glossary compiles to a trie over syllables. Scanning reads each syllable once and walks the
 * trie from it; the longest form that fits wins and the scan resumes after it, so
 * "Bộ Quốc phòng Hàn Quốc" is one term when the glossary has it and "Bộ Quốc phòng" + "Hàn Quốc"
 * when it does not.
 */

import { normalizeText } from './normalize';

/** What the matcher needs of an entry. */
export interface MatchableEntry {
  readonly vi: string;
  readonly variants?: readonly string[];
  readonly proper: boolean;
  readonly kind?: string;
}

/**
 * Words that make the next capitalised syllable part of a person's name: "bà Nga", "anh Đức".
 * Country names of one syllable (Nga, Mỹ, Đức, Pháp) are also common given names.
 */
const HONORIFICS = new Set([
  'ông',
  'bà',
  'anh',
  'chị',
  'em',
  'cô',
  'chú',
  'bác',
  'cháu',
  'cụ',
  'dì',
  'cậu',
  'mợ',
  'thím',
]);
const NAME_LIKE_KINDS = new Set(['country', 'place']);

/** One term found: [start, end) in the text given to {@link GlossaryMatcher.match}. */
export interface TermMatch {
  readonly start: number;
  readonly end: number;
  /** Position of the entry in the list the matcher was built from. */
  readonly entry: number;
}

interface Terminal {
  readonly entry: number;
  /** For proper nouns: per syllable, whether the text must capitalise it. Null for common words. */
  readonly caps: Uint8Array | null;
  /** A one-syllable place name that is also a given name: checked against the syllable before it. */
  readonly nameLike: boolean;
}

interface TrieNode {
  next: Map<number, TrieNode> | null;
  terminal: Terminal | null;
}

const TOKEN = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{M}\p{N}]+/gu;

/**
 * Between two syllables of one term the text may have spaces and hyphens, and a full stop after
 * an initial or abbreviation ("Jean H. Lee", "TS. Vũ Đăng Minh"); nothing else, so a term never
 * runs across a sentence or a comma.
 */
function isJoiner(text: string, from: number, to: number, previousLength: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 45) continue;
    if (c === 46 && i === from && previousLength <= 2) continue;
    return false;
  }
  return true;
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}

export class GlossaryMatcher {
  private readonly syllableIds = new Map<string, number>();
  private readonly root = new Map<number, TrieNode>();
  /** Longest form, in syllables: bounds how far a walk can go. */
  private maxLength = 0;

  constructor(entries: readonly MatchableEntry[]) {
    entries.forEach((entry, index) => {
      const nameLike = entry.proper && NAME_LIKE_KINDS.has(entry.kind ?? '');
      for (const form of [entry.vi, ...(entry.variants ?? [])]) this.add(form, index, entry.proper, nameLike);
    });
  }

  get size(): number {
    return this.syllableIds.size;
  }

  private idOf(syllable: string, create: boolean): number {
    let id = this.syllableIds.get(syllable);
    if (id === undefined) {
      if (!create) return -1;
      id = this.syllableIds.size;
      this.syllableIds.set(syllable, id);
    }
    return id;
  }

  private add(form: string, entry: number, proper: boolean, nameLike: boolean): void {
    const text = normalizeText(form);
    const syllables = [...text.matchAll(TOKEN)].map((m) => m[0]);
    if (syllables.length === 0) return;
    let level = this.root;
    let node: TrieNode | undefined;
    for (const s of syllables) {
      const id = this.idOf(s.toLowerCase(), true);
      node = level.get(id);
      if (!node) {
        node = { next: null, terminal: null };
        level.set(id, node);
      }
      node.next ??= new Map();
      level = node.next;
    }
    // The first form added for a syllable sequence wins; duplicates are a build error upstream.
    node!.terminal ??= {
      entry,
      caps: proper ? Uint8Array.from(syllables, (s) => (isUpper(s[0]!) ? 1 : 0)) : null,
      nameLike: nameLike && syllables.length === 1,
    };
    this.maxLength = Math.max(this.maxLength, syllables.length);
  }

  /**
   * Finds terms in `text`, which must already be normalised (`normalizeText`), left to right,
   * never overlapping.
   */
  match(text: string): TermMatch[] {
    const lower = text.toLowerCase();
    // Lower-casing is length-preserving for Vietnamese; if some letter is not, fall back per token.
    const aligned = lower.length === text.length;
    const starts: number[] = [];
    const ends: number[] = [];
    const ids: number[] = [];
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      starts.push(start);
      ends.push(end);
      ids.push(this.idOf(aligned ? lower.slice(start, end) : m[0].toLowerCase(), false));
    }
    const out: TermMatch[] = [];
    const n = ids.length;
    let i = 0;
    while (i < n) {
      let level: Map<number, TrieNode> | null = this.root;
      let best: { end: number; entry: number } | null = null;
      for (let j = i; j < n && j - i < this.maxLength && level; j++) {
        if (j > i && !isJoiner(text, ends[j - 1]!, starts[j]!, ends[j - 1]! - starts[j - 1]!)) break;
        const id = ids[j]!;
        if (id < 0) break;
        const node: TrieNode | undefined = level.get(id);
        if (!node) break;
        const t = node.terminal;
        if (
          t &&
          this.caseFits(text, starts, i, t) &&
          !(t.nameLike && this.inPersonName(text, lower, starts, ends, i))
        ) {
          best = { end: j, entry: t.entry };
        }
        level = node.next;
      }
      if (best) {
        out.push({ start: starts[i]!, end: ends[best.end]!, entry: best.entry });
        i = best.end + 1;
      } else {
        i++;
      }
    }
    return out;
  }

  /**
   * True when the syllable at `i` reads as part of a person's name: right after a capitalised
   * syllable (Nguyễn Minh Đức, Lê Thị Nga) or an honorific (bà Nga), joined by a space.
   */
  private inPersonName(text: string, lower: string, starts: number[], ends: number[], i: number): boolean {
    if (i === 0) return false;
    const gapStart = ends[i - 1]!;
    const gapEnd = starts[i]!;
    for (let k = gapStart; k < gapEnd; k++) if (text.charCodeAt(k) !== 32) return false;
    const prev = text.slice(starts[i - 1], gapStart);
    const prevLower = lower.length === text.length ? lower.slice(starts[i - 1], gapStart) : prev.toLowerCase();
    if (HONORIFICS.has(prevLower)) return true;
    // Title case (Minh), not ALL CAPS (a headline) and not a single letter.
    return prev.length > 1 && isUpper(prev[0]!) && prev !== prev.toUpperCase();
  }

  private caseFits(text: string, starts: number[], first: number, t: Terminal): boolean {
    if (!t.caps) return true;
    for (let k = 0; k < t.caps.length; k++) {
      if (t.caps[k] && !isUpper(text[starts[first + k]!]!)) return false;
    }
    return true;
  }
}
