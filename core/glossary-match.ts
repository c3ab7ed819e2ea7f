/**
 * Finds glossary terms in normalised text: whole syllables only, longest match first,
 * diacritic-sensitive, and case-aware for proper nouns.
 *
 * The glossary compiles to a trie over syllables. Scanning reads each character once: syllables
 * are delimited with a character-class table, hashed and looked up while they are read (no
 * substrings, no regular expressions), and the trie is walked from every syllable that can start
 * a term. The longest form that fits wins and the scan resumes after it, so
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

/** One term found: [start, end) in the text given to {@link GlossaryMatcher.match}. */
export interface TermMatch {
  readonly start: number;
  readonly end: number;
  /** Position of the entry in the list the matcher was built from. */
  readonly entry: number;
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

// Character tables for the UTF-16 code units: which belong to syllables (letters, marks, digits;
// surrogates too, as halves of astral letters), and each one's lower case when that is one unit.
let WORD: Uint8Array | undefined;
let LOWER: Uint16Array | undefined;
let UPPER: Uint8Array | undefined;
let FOLD: Uint16Array | undefined;

function tables(): { word: Uint8Array; lower: Uint16Array; upper: Uint8Array; fold: Uint16Array } {
  if (!WORD || !LOWER || !UPPER || !FOLD) {
    const word = new Uint8Array(0x10000);
    const lower = new Uint16Array(0x10000);
    const upper = new Uint8Array(0x10000);
    const letter = /[\p{L}\p{M}\p{N}]/u;
    for (let c = 0; c < 0x10000; c++) {
      lower[c] = c;
      if (c >= 0xd800 && c <= 0xdfff) {
        word[c] = 1;
        continue;
      }
      const ch = String.fromCharCode(c);
      if (!letter.test(ch)) continue;
      word[c] = 1;
      const l = ch.toLowerCase();
      if (l.length === 1) lower[c] = l.charCodeAt(0);
      if (l !== ch) upper[c] = 1;
    }
    // One load per character in the hot loop: the lower-case unit of a syllable character, 0 otherwise.
    const fold = new Uint16Array(0x10000);
    for (let c = 1; c < 0x10000; c++) if (word[c]) fold[c] = lower[c] || c;
    WORD = word;
    LOWER = lower;
    UPPER = upper;
    FOLD = fold;
  }
  return { word: WORD, lower: LOWER, upper: UPPER, fold: FOLD };
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

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Open-addressed table from lower-cased syllable to id. Hashes are int32 FNV-1a (kept as small
 * integers, so comparisons stay cheap), and lookups read the text in place: no strings are built.
 */
class SyllableTable {
  keys: string[] = [];
  hashes = new Int32Array(16);
  slots = new Int32Array(64).fill(-1);

  get size(): number {
    return this.keys.length;
  }

  static hash(s: string): number {
    let h = FNV_OFFSET | 0;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
    return h;
  }

  idOf(s: string): number {
    const h = SyllableTable.hash(s);
    const mask = this.slots.length - 1;
    for (let i = h & mask; this.slots[i] !== -1; i = (i + 1) & mask) {
      const id = this.slots[i]!;
      if (this.hashes[id] === h && this.keys[id] === s) return id;
    }
    const id = this.keys.length;
    this.keys.push(s);
    if (id >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = h;
    // Kept at most an eighth full: most syllables of a page are not in the glossary, and a miss
    // should cost one probe.
    if (this.keys.length * 8 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      for (let k = 0; k < this.keys.length; k++) this.insert(k);
    } else {
      this.insert(id);
    }
    return id;
  }

  private insert(id: number): void {
    const mask = this.slots.length - 1;
    let i = this.hashes[id]! & mask;
    while (this.slots[i] !== -1) i = (i + 1) & mask;
    this.slots[i] = id;
  }
}

export class GlossaryMatcher {
  private readonly syllables = new SyllableTable();
  /** Root of the trie by first syllable id. */
  private readonly root = new Map<number, TrieNode>();
  /** The same, as an array indexed by syllable id, for the scan's hot path. */
  private rootById: (TrieNode | undefined)[] = [];
  /** Longest form, in syllables: bounds how far a walk can go. */
  private maxLength = 0;

  constructor(entries: readonly MatchableEntry[]) {
    tables();
    entries.forEach((entry, index) => {
      const nameLike = entry.proper && NAME_LIKE_KINDS.has(entry.kind ?? '');
      for (const form of [entry.vi, ...(entry.variants ?? [])]) this.add(form, index, entry.proper, nameLike);
    });
    for (const [id, node] of this.root) this.rootById[id] = node;
  }

  get size(): number {
    return this.syllables.size;
  }

  private add(form: string, entry: number, proper: boolean, nameLike: boolean): void {
    const text = normalizeText(form);
    const spans = this.scan(text);
    if (spans.count === 0) return;
    const syllables = Array.from({ length: spans.count }, (_, k) => text.slice(spans.starts[k], spans.ends[k]));
    let level = this.root;
    let node: TrieNode | undefined;
    for (const s of syllables) {
      const id = this.syllables.idOf(lowerCase(s));
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
      caps: proper ? Uint8Array.from(syllables, (s) => (isUpper(s.charCodeAt(0)) ? 1 : 0)) : null,
      nameLike: nameLike && syllables.length === 1,
    };
    this.maxLength = Math.max(this.maxLength, syllables.length);
  }

  /**
   * Splits text into syllables as `tokenize` does (runs of letters, marks and digits; a number
   * keeps its separators), looking each up as it goes.
   */
  private buffers: { starts: Int32Array; ends: Int32Array; ids: Int32Array } = {
    starts: new Int32Array(256),
    ends: new Int32Array(256),
    ids: new Int32Array(256),
  };

  /**
   * Splits text into syllables as `tokenize` does (runs of letters, marks and digits; a number
   * keeps its separators), looking each up as it goes. This loop reads every character of the
   * page, so it is written for speed: local variables, typed arrays, no allocation per syllable.
   */
  private scan(text: string): { starts: Int32Array; ends: Int32Array; ids: Int32Array; count: number } {
    const { fold } = tables();
    const { keys, hashes, slots } = this.syllables;
    const mask = slots.length - 1;
    const n = text.length;
    // Buffers are reused from call to call: a page is matched block by block.
    let { starts, ends, ids } = this.buffers;
    let count = 0;
    let i = 0;
    while (i < n) {
      let f = fold[text.charCodeAt(i)]!;
      if (f === 0) {
        i++;
        continue;
      }
      const start = i;
      let h = FNV_OFFSET | 0;
      for (;;) {
        h = Math.imul(h ^ f, FNV_PRIME);
        // Never index the table past the end of the text: a NaN index would deoptimise the loop.
        if (++i >= n) break;
        const c = text.charCodeAt(i);
        f = fold[c]!;
        if (f !== 0) continue;
        // 10.000 and 81,9: a separator between digits stays inside the number.
        if ((c === 46 || c === 44) && i + 1 < n && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) {
          f = c;
          continue;
        }
        break;
      }
      if (count === starts.length) {
        starts = grow(starts, count * 2);
        ends = grow(ends, count * 2);
        ids = grow(ids, count * 2);
      }
      starts[count] = start;
      ends[count] = i;
      // Probe the syllable table with the text in place.
      let id = -1;
      const length = i - start;
      for (let slot = h & mask; ; slot = (slot + 1) & mask) {
        const candidate = slots[slot]!;
        if (candidate === -1) break;
        if (hashes[candidate] !== h) continue;
        const key = keys[candidate]!;
        if (key.length !== length) continue;
        let k = 0;
        while (k < length && key.charCodeAt(k) === (fold[text.charCodeAt(start + k)] || text.charCodeAt(start + k)))
          k++;
        if (k === length) {
          id = candidate;
          break;
        }
      }
      ids[count] = id;
      count++;
    }
    this.buffers = { starts, ends, ids };
    return { starts, ends, ids, count };
  }

  /**
   * Finds terms in `text`, which must already be normalised (`normalizeText`), left to right,
   * never overlapping.
   */
  match(text: string): TermMatch[] {
    const { starts, ends, ids, count } = this.scan(text);
    const out: TermMatch[] = [];
    let i = 0;
    while (i < count) {
      const first = ids[i]!;
      let node: TrieNode | undefined = first >= 0 ? this.rootById[first] : undefined;
      if (!node) {
        i++;
        continue;
      }
      let best = -1;
      let bestEntry = -1;
      for (let j = i; node; ) {
        const t = node.terminal;
        if (t && this.caseFits(text, starts, i, t) && !(t.nameLike && this.inPersonName(text, starts, ends, i))) {
          best = j;
          bestEntry = t.entry;
        }
        j++;
        if (j >= count || j - i >= this.maxLength || !node.next) break;
        if (!isJoiner(text, ends[j - 1]!, starts[j]!, ends[j - 1]! - starts[j - 1]!)) break;
        const id = ids[j]!;
        node = id >= 0 ? node.next.get(id) : undefined;
      }
      if (best >= 0) {
        out.push({ start: starts[i]!, end: ends[best]!, entry: bestEntry });
        i = best + 1;
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
  private inPersonName(text: string, starts: Int32Array, ends: Int32Array, i: number): boolean {
    if (i === 0) return false;
    const gapStart = ends[i - 1]!;
    for (let k = gapStart; k < starts[i]!; k++) if (text.charCodeAt(k) !== 32) return false;
    const prev = text.slice(starts[i - 1], gapStart);
    if (HONORIFICS.has(lowerCase(prev))) return true;
    // Title case (Minh), not ALL CAPS (a headline) and not a single letter.
    return prev.length > 1 && isUpper(prev.charCodeAt(0)) && prev !== prev.toUpperCase();
  }

  private caseFits(text: string, starts: Int32Array, first: number, t: Terminal): boolean {
    if (!t.caps) return true;
    for (let k = 0; k < t.caps.length; k++) {
      if (t.caps[k] && !isUpper(text.charCodeAt(starts[first + k]!))) return false;
    }
    return true;
  }
}

function grow(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

function isUpper(c: number): boolean {
  return tables().upper[c] === 1;
}

function lowerCase(s: string): string {
  const { lower } = tables();
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(lower[s.charCodeAt(i)]!);
  return out;
}

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
