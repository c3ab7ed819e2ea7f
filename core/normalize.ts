/**
 * The one normalisation used wherever Vietnamese text is compared: corpus matching, glossary
 * matching, highlight anchoring and search.
 *
 * It folds what differs only in encoding or typography and keeps what differs in meaning:
 * - Unicode NFC, whatever form the page used;
 * - Ð/ð (Icelandic eth, U+00D0/U+00F0) and Ɖ/ɖ (African D) typed for Đ/đ;
 * - one tone-mark placement per syllable (see `vietnamese-tone.ts`): hoà → hòa, qúy → quý;
 * - every kind of space (no-break, thin, ideographic, line breaks) → one ASCII space, runs collapsed;
 * - zero-width characters, soft hyphens, BOMs and bidi marks removed;
 * - curly quotes → straight quotes, every dash → hyphen-minus, … → "...".
 * Letters keep their case and their diacritics: hòa ≠ hóa, Triều ≠ Triệu, Nga ≠ ngã ≠ ngà.
 *
 * Every unit of the output remembers which span of the input it came from, so a match found in
 * normalised text can be painted on the page's real characters.
 */

import { applyTone, splitTone, tonePosition, type Tone } from './vietnamese-tone';
import { lazyRegExp } from './lazy-regexp';
import { isLatinLetterBeyondAscii } from './letters';
import { FNV_OFFSET, fnvStep } from './hash';
import { RunCache } from './run-cache';

/** Normalised text with a map back to the input. */
export interface NormalizedText {
  /** The normalised text. */
  readonly text: string;
  /** `starts[i]` is the input offset where the source of output unit `i` begins. */
  readonly starts: Int32Array;
  /** `ends[i]` is the input offset just after the source of output unit `i`. */
  readonly ends: Int32Array;
  /** Length of the input. */
  readonly sourceLength: number;
}

const WORD = lazyRegExp(String.raw`[\p{L}\p{M}]+`, 'uy');
const MARK = lazyRegExp(String.raw`\p{M}`, 'u');
const SPACE = lazyRegExp(String.raw`[\s\p{Zs}\u0085\u2028\u2029]`, 'u');

/** Characters dropped outright: zero-width spaces and joiners, soft hyphen, BOM, bidi marks. */
const REMOVED = new Set(['\u00ad', '\u180e', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff']);

/** Typographic variants folded to one ASCII form. */
const FOLDED = new Map<string, string>([
  ...[...'“”„‟″〝〞＂«»'].map((c): [string, string] => [c, '"']),
  ...[...'‘’‚‛′＇`´'].map((c): [string, string] => [c, "'"]),
  ...[...'‐‑‒–—―−﹘﹣－'].map((c): [string, string] => [c, '-']),
  ['…', '...'],
]);

/** Letters typed in place of Đ/đ. */
const D_LOOKALIKES = new Map([
  ['\u00d0', '\u0110'],
  ['\u00f0', '\u0111'],
  ['\u0189', '\u0110'],
  ['\u0256', '\u0111'],
]);

class Builder {
  readonly parts: string[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  lastWasSpace = false;

  constructor(private readonly withMap: boolean) {}

  /** Emits a word whose every output unit comes from the input unit at the same position. */
  emitAligned(s: string, start: number): void {
    this.parts.push(s);
    this.lastWasSpace = false;
    if (!this.withMap) return;
    for (let k = 0; k < s.length; k++) {
      this.starts.push(start + k);
      this.ends.push(start + k + 1);
    }
  }

  emit(s: string, start: number, end: number): void {
    this.parts.push(s);
    this.lastWasSpace = false;
    if (!this.withMap) return;
    for (let k = 0; k < s.length; k++) {
      this.starts.push(start);
      this.ends.push(end);
    }
  }

  space(start: number, end: number): void {
    if (this.lastWasSpace) {
      if (this.withMap) this.ends[this.ends.length - 1] = end;
      return;
    }
    this.emit(' ', start, end);
    this.lastWasSpace = true;
  }
}

interface Cluster {
  text: string;
  start: number;
  end: number;
}

/** Splits a run of letters and marks into clusters: one base letter with its combining marks. */
function clustersOf(word: string, offset: number): Cluster[] {
  const clusters: Cluster[] = [];
  let i = 0;
  for (const cp of word) {
    const last = clusters[clusters.length - 1];
    if (last && MARK().test(cp)) {
      last.text += cp;
      last.end += cp.length;
    } else {
      const text = D_LOOKALIKES.get(cp) ?? cp;
      clusters.push({ text, start: offset + i, end: offset + i + cp.length });
    }
    i += cp.length;
  }
  return clusters;
}

/**
 * Canonical forms of words already seen whose output aligns unit for unit with their input (no
 * combining marks, no astral characters): the common case, worth remembering, since a language
 * has a few thousand syllables and a page repeats them.
 */
const alignedWords = new Map<string, string>();
const ALIGNED_LIMIT = 50_000;
/** Without the `u` flag, so that it sees the halves of a surrogate pair (with it, it sees only lone ones). */
const SURROGATE = /[\uD800-\uDFFF]/;

function emitWord(b: Builder, word: string, offset: number): void {
  let canonical = alignedWords.get(word);
  if (canonical === undefined && !MARK().test(word) && !SURROGATE.test(word)) {
    const scratch = new Builder(false);
    emitWordSlow(scratch, word, 0);
    const out = scratch.parts.join('');
    if (out.length === word.length) {
      canonical = out;
      if (alignedWords.size < ALIGNED_LIMIT) alignedWords.set(word, out);
    }
  }
  if (canonical !== undefined) b.emitAligned(canonical, offset);
  else emitWordSlow(b, word, offset);
}

function emitWordSlow(b: Builder, word: string, offset: number): void {
  // Plain ASCII words carry no tone and need no work.
  if (/^[A-Za-z]+$/.test(word)) {
    b.emit(word, offset, offset + word.length);
    return;
  }
  const clusters = clustersOf(word, offset);
  const splits = clusters.map((c) => splitTone(c.text));
  let toned = -1;
  let tone: Tone = 0;
  let tones = 0;
  let splittable = true;
  splits.forEach((s, k) => {
    if (!s) {
      splittable = false;
    } else if (s.tone !== 0) {
      tones++;
      toned = k;
      tone = s.tone;
    }
  });
  let target = toned;
  if (splittable && tones === 1) {
    const p = tonePosition(splits.map((s) => s!.base.toLowerCase()));
    if (p >= 0) target = p;
  }
  if (target === toned) {
    // Nothing moves. Composition can still join clusters (Hangul jamo), so compose the word whole
    // and fall back to mapping every unit to the whole word when that happened.
    const perCluster = clusters.map((c) => c.text.normalize('NFC'));
    const composed = clusters
      .map((c) => c.text)
      .join('')
      .normalize('NFC');
    if (composed === perCluster.join('')) {
      clusters.forEach((c, k) => b.emit(perCluster[k]!, c.start, c.end));
    } else {
      b.emit(composed, offset, offset + word.length);
    }
    return;
  }
  clusters.forEach((c, k) => {
    let text: string;
    if (k === target) text = applyTone(splits[k]!.base, tone);
    else if (k === toned) text = splits[k]!.base;
    else text = c.text.normalize('NFC');
    b.emit(text, c.start, c.end);
  });
}

function run(input: string, withMap: boolean): Builder {
  const b = new Builder(withMap);
  const n = input.length;
  let i = 0;
  while (i < n) {
    const word = WORD();
    word.lastIndex = i;
    const m = word.exec(input);
    if (m) {
      emitWord(b, m[0], i);
      i += m[0].length;
      continue;
    }
    const c = input.charCodeAt(i);
    // Spaces and printable ASCII punctuation (all but the backtick, folded to an apostrophe) are
    // most of what is not a word: they need none of the lookups below.
    if (c === 0x20) {
      b.space(i, i + 1);
      i++;
      continue;
    }
    if (c > 0x20 && c < 0x7f && c !== 0x60) {
      b.emit(input[i]!, i, i + 1);
      i++;
      continue;
    }
    const cp = String.fromCodePoint(input.codePointAt(i)!);
    const end = i + cp.length;
    // REMOVED goes first: JavaScript's \s counts the BOM as a space.
    if (REMOVED.has(cp)) {
      // dropped
    } else if (SPACE().test(cp)) {
      b.space(i, end);
    } else {
      b.emit(FOLDED.get(cp) ?? cp, i, end);
    }
    i = end;
  }
  return b;
}

/**
 * The fast path for text in the Latin script, which is nearly all a Vietnamese page holds: one
 * loop over the input, each word looked up in `canonicalWords`, the map written into typed arrays;
 * no pattern is matched. It gives exactly what `run` gives (`normalize.test.ts` compares them on
 * every character of the Basic Multilingual Plane and on real text), and answers null, leaving
 * the text to `run`, at the first character it does not handle: a letter or mark outside the
 * Latin blocks (other scripts, combining marks), an astral character, or a word whose normal
 * form is not as long as it is.
 */
/** What the fast path makes of a UTF-16 unit (`latinUnitKind`): one it leaves to `run`. */
export const UNIT_OTHER = 0;
/** A letter of the Latin blocks. */
export const UNIT_LETTER = 1;
/** A space: written as one, runs collapsed. */
export const UNIT_SPACE = 2;
/** Dropped: it joins what it separates. */
export const UNIT_DROPPED = 3;
/** Written as itself or folded (punctuation, digits, symbols). */
export const UNIT_WRITTEN = 4;
/**
 * The units classed: ASCII, Latin-1, Latin Extended-A and -B, Latin Extended Additional (where
 * Vietnamese letters with tones live) and General Punctuation; every unit from here on is
 * UNIT_OTHER.
 */
export const LATIN_UNITS = 0x2070;
let kinds: Uint8Array | null = null;
/** For a UNIT_WRITTEN unit, what it is written as. */
const written: string[] = [];

function kindTable(): Uint8Array {
  if (kinds) return kinds;
  const t = new Uint8Array(LATIN_UNITS);
  const letterOrMark = new RegExp(WORD().source, 'u');
  for (let c = 0; c < LATIN_UNITS; c++) {
    if (c >= 0x250 && c < 0x2000 && !isLatinLetterBeyondAscii(c)) continue;
    const ch = String.fromCharCode(c);
    const latin = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || isLatinLetterBeyondAscii(c);
    if (letterOrMark.test(ch)) t[c] = latin ? UNIT_LETTER : UNIT_OTHER;
    else if (REMOVED.has(ch)) t[c] = UNIT_DROPPED;
    else if (SPACE().test(ch)) t[c] = UNIT_SPACE;
    else {
      t[c] = UNIT_WRITTEN;
      written[c] = FOLDED.get(ch) ?? ch;
    }
  }
  return (kinds = t);
}

/** What the fast path makes of the UTF-16 unit `c` (one of the UNIT_ kinds). */
export function latinUnitKind(c: number): number {
  return c < LATIN_UNITS ? kindTable()[c]! : UNIT_OTHER;
}

function runLatin(input: string, withMap: boolean): NormalizedText | null {
  const table = kindTable();
  const n = input.length;
  // The output is mostly the input itself: it is built from runs of the input kept as they are
  // (from `kept` up to where a change is written) and the changes, and is the input itself when
  // nothing changed.
  const parts: string[] = [];
  let kept = 0;
  // An input unit writes at most three ("…" → "..."). The map is written into scratch arrays,
  // kept between calls for text of a paragraph's size, and copied out at its length.
  const size = withMap ? 3 * n : 0;
  if (size > mapScratch.starts.length && size <= SCRATCH_LIMIT) {
    const grown = Math.min(SCRATCH_LIMIT, Math.max(2 * size, 1024));
    mapScratch = { starts: new Int32Array(grown), ends: new Int32Array(grown) };
  }
  const { starts, ends } =
    size > SCRATCH_LIMIT ? { starts: new Int32Array(size), ends: new Int32Array(size) } : mapScratch;
  let out = 0;
  let lastWasSpace = false;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    const kind = c < LATIN_UNITS ? table[c]! : UNIT_OTHER;
    if (kind === UNIT_LETTER) {
      let hash = fnvStep(FNV_OFFSET, c);
      let j = i + 1;
      for (; j < n; j++) {
        const d = input.charCodeAt(j);
        if (d >= LATIN_UNITS || table[d] !== UNIT_LETTER) break;
        hash = fnvStep(hash, d);
      }
      let canonical = canonicalWords.get(input, i, j, hash);
      if (canonical === undefined) {
        const word = input.slice(i, j);
        const normal = normalizeWord(word);
        if (normal.length !== word.length) return null;
        // The same word: null, so that the output keeps the input's run.
        canonical = normal === word ? null : normal;
        canonicalWords.set(word, hash, canonical);
      }
      if (canonical !== null) {
        if (kept < i) parts.push(input.slice(kept, i));
        parts.push(canonical);
        kept = j;
      }
      if (withMap) {
        for (let k = i; k < j; k++, out++) {
          starts[out] = k;
          ends[out] = k + 1;
        }
      }
      lastWasSpace = false;
      i = j;
      continue;
    }
    if (kind === UNIT_OTHER) return null;
    if (kind === UNIT_SPACE) {
      if (lastWasSpace) {
        if (kept < i) parts.push(input.slice(kept, i));
        kept = i + 1;
        if (withMap) ends[out - 1] = i + 1;
      } else {
        if (c !== 0x20) {
          if (kept < i) parts.push(input.slice(kept, i));
          parts.push(' ');
          kept = i + 1;
        }
        if (withMap) {
          starts[out] = i;
          ends[out++] = i + 1;
        }
        lastWasSpace = true;
      }
    } else if (kind === UNIT_WRITTEN) {
      const w = written[c]!;
      if (w.length !== 1 || w.charCodeAt(0) !== c) {
        if (kept < i) parts.push(input.slice(kept, i));
        parts.push(w);
        kept = i + 1;
      }
      if (withMap) {
        for (let k = 0; k < w.length; k++, out++) {
          starts[out] = i;
          ends[out] = i + 1;
        }
      }
      lastWasSpace = false;
    } else {
      // Dropped.
      if (kept < i) parts.push(input.slice(kept, i));
      kept = i + 1;
    }
    i++;
  }
  let text: string;
  if (parts.length === 0) text = kept === 0 ? input : input.slice(kept);
  else {
    if (kept < n) parts.push(input.slice(kept));
    text = parts.join('');
  }
  return withMap
    ? { text, starts: starts.slice(0, out), ends: ends.slice(0, out), sourceLength: n }
    : { text, starts: NO_MAP, ends: NO_MAP, sourceLength: n };
}

/** Per word the fast path has seen, its normal form, or null when that is the word itself. */
const canonicalWords = new RunCache<string | null>(ALIGNED_LIMIT);

const NO_MAP = new Int32Array(0);
/** The most map units kept as scratch between calls (512 KB). */
const SCRATCH_LIMIT = 65_536;
let mapScratch = { starts: new Int32Array(0), ends: new Int32Array(0) };

/**
 * The normalised form of one word: a run of letters (no marks) as `normalize` writes it, tone
 * placement and Đ look-alikes included.
 */
export function normalizeWord(word: string): string {
  const b = new Builder(false);
  emitWord(b, word, 0);
  return b.parts.join('');
}

/** Normalises `input` and keeps the map from output offsets back to input offsets. */
export function normalize(input: string): NormalizedText {
  return normalizeLatin(input) ?? normalizeByPattern(input);
}

/** `normalize`'s fast path alone: null for text it leaves to the full one. */
export function normalizeLatin(input: string): NormalizedText | null {
  return runLatin(input, true);
}

/** `normalize` without its fast path: the definition that path keeps to. */
export function normalizeByPattern(input: string): NormalizedText {
  const b = run(input, true);
  return {
    text: b.parts.join(''),
    starts: Int32Array.from(b.starts),
    ends: Int32Array.from(b.ends),
    sourceLength: input.length,
  };
}

/** Normalises `input` when only the text is needed. */
export function normalizeText(input: string): string {
  return runLatin(input, false)?.text ?? run(input, false).parts.join('');
}

/**
 * Maps the half-open range [start, end) of normalised text back to the input. An empty range maps
 * to an empty range at the corresponding input position.
 */
export function toSourceRange(n: NormalizedText, start: number, end: number): [number, number] {
  const len = n.text.length;
  if (start < 0 || end > len || start > end) {
    throw new RangeError(`range [${start}, ${end}) is outside normalised text of length ${len}`);
  }
  if (start === end) {
    const at = start < len ? n.starts[start]! : n.sourceLength;
    return [at, at];
  }
  return [n.starts[start]!, n.ends[end - 1]!];
}

/**
 * Maps an input offset to the offset of the first output unit that comes from at or after it.
 * Used to turn a stored text position into normalised coordinates.
 */
export function fromSourceOffset(n: NormalizedText, offset: number): number {
  let lo = 0;
  let hi = n.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (n.ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
