/**
 * The word under the pointer: given a block's text and the offset of the hovered character, the
 * words of the lexicon that cover that syllable, the one the clause's segmentation picks first.
 *
 * Unlike a forward-only lookup (Yomitan's), the hovered syllable can be anywhere in the word:
 * "tác" in "hợp tác quân sự" finds "hợp tác quân sự" when the lexicon has it, then "hợp tác",
 * "tác" and "quân sự". Each word lists its entries ranked: glossary, then supplement, then
 * dictionary, after whether their capitals fit the text (Anh, the United Kingdom, before anh,
 * elder brother, in "sang Anh"; the other way round in "anh ấy"). A capital that starts a sentence
 * or sits in an ALL-CAPS headline says nothing either way.
 */

import type { DictionaryWord } from './dictionary-format';
import {
  CAPS_MASK,
  itemIndex,
  itemSource,
  WEAK,
  type Lexicon,
  type LexiconGlossaryEntry,
  type LexiconSupplementEntry,
  type Segment,
  type TermClass,
} from './lexicon';
import type { Syllables } from './lexicon-index';
import { fromSourceOffset, normalize, toSourceRange, type NormalizedText } from './normalize';
import { isUpperUnit } from './syllable-scan';

/** One entry of a looked-up word, from one of the three sources. */
export type LookupEntry<G, S> =
  | { readonly source: 'glossary'; readonly entry: G; readonly caseFits: boolean; readonly class: TermClass }
  | { readonly source: 'supplement'; readonly entry: S; readonly caseFits: boolean }
  | { readonly source: 'dictionary'; readonly entry: DictionaryWord; readonly caseFits: boolean };

/** A word of the lexicon found in the text: [start, end) in the text given to {@link lookupAt}. */
export interface LookupWord<G, S> {
  readonly start: number;
  readonly end: number;
  /** The word as the text writes it. */
  readonly text: string;
  /** Ranked: case fit, then glossary, supplement, dictionary (see the file comment). */
  readonly entries: LookupEntry<G, S>[];
  /**
   * True for one capitalised syllable that reads as part of a person's name (bà Nga, Nguyễn Minh
   * Đức): the country or word it spells is probably not meant. The painter skips such names.
   */
  readonly personName: boolean;
}

export interface LookupResult<G, S> {
  /** The word the segmentation of the clause picks under the pointer: `words[0]` when it is known. */
  readonly start: number;
  readonly end: number;
  /**
   * The segmentation's word first (when the lexicon knows it), then the other words covering the
   * hovered syllable, longest first, then the words inside the first one that do not cover it.
   */
  readonly words: LookupWord<G, S>[];
}

const SOURCE_ORDER = { glossary: 0, supplement: 1, dictionary: 2 } as const;
/** At most this many words are listed: the popover shows a few. */
const MAX_WORDS = 8;

/**
 * Looks up the word under `offset` (the index of the hovered character) in `text`, which may be in
 * any Unicode form and either tone placement. Null when the character is not part of a syllable
 * or no word of the lexicon covers it.
 */
export function lookupAt<G extends LexiconGlossaryEntry, S extends LexiconSupplementEntry>(
  lexicon: Lexicon<G, S>,
  text: string,
  offset: number,
): LookupResult<G, S> | null {
  if (offset < 0 || offset >= text.length) return null;
  const n = normalize(text);
  const at = fromSourceOffset(n, offset);
  const sy = lexicon.index.scan(n.text);
  let k = 0;
  while (k < sy.count && sy.ends[k]! <= at) k++;
  if (k >= sy.count || sy.starts[k]! > at) return null;
  return resultAt(lexicon, text, n, sy, k);
}

/** A syllable of a text ([start, end) in the text as given) and what hovering it finds. */
export interface SyllableLookup<G, S> {
  readonly start: number;
  readonly end: number;
  readonly result: LookupResult<G, S>;
}

/**
 * What {@link lookupAt} finds for every syllable of `text` that overlaps [from, to), reading the
 * text once (and segmenting each clause once): each answer is the one
 * `lookupAt(lexicon, text, offset)` gives for any offset inside that syllable. Syllables no word
 * covers are left out.
 */
export function lookupSyllables<G extends LexiconGlossaryEntry, S extends LexiconSupplementEntry>(
  lexicon: Lexicon<G, S>,
  text: string,
  from: number,
  to: number,
): SyllableLookup<G, S>[] {
  const n = normalize(text);
  const sy = lexicon.index.scan(n.text);
  const out: SyllableLookup<G, S>[] = [];
  const clauses = new Map<string, Segment[]>();
  for (let k = 0; k < sy.count; k++) {
    const [start, end] = toSourceRange(n, sy.starts[k]!, sy.ends[k]!);
    if (end <= from) continue;
    if (start >= to) break;
    const result = resultAt(lexicon, text, n, sy, k, clauses);
    if (result) out.push({ start, end, result });
  }
  return out;
}

/** The words under syllable `k` of `text` (normalised as `n`, scanned as `sy`). */
function resultAt<G extends LexiconGlossaryEntry, S extends LexiconSupplementEntry>(
  lexicon: Lexicon<G, S>,
  text: string,
  n: NormalizedText,
  sy: Syllables,
  k: number,
  /** Segmentations by clause ("start:end"), for a caller reading many syllables of one text. */
  clauses?: Map<string, Segment[]>,
): LookupResult<G, S> | null {
  const a = lexicon.clauseStart(n.text, sy, k);
  const b = lexicon.clauseEnd(n.text, sy, k);
  let segments = clauses?.get(`${a}:${b}`);
  if (!segments) {
    segments = lexicon.segment(sy, a, b);
    clauses?.set(`${a}:${b}`, segments);
  }
  const chosen = segments.find((s) => s.from <= k && k < s.to)!;

  // Every word of the lexicon over the clause that covers k or lies inside the chosen word.
  const spans: { from: number; to: number; node: number }[] = [];
  const { index } = lexicon;
  for (
    let s = Math.max(a, Math.min(chosen.from, k - index.maxDepth + 1));
    s < b && s <= Math.max(k, chosen.to - 1);
    s++
  ) {
    let node = 0;
    for (let j = s; j < b && j - s < index.maxDepth; j++) {
      node = index.child(node, sy.ids[j]!);
      if (node === 0) break;
      const [lo, hi] = index.itemRange(node);
      const covers = s <= k && k <= j;
      const inside = s >= chosen.from && j < chosen.to;
      if (lo < hi && (covers || inside)) spans.push({ from: s, to: j + 1, node });
    }
  }
  const isChosen = (x: { from: number; to: number }) => x.from === chosen.from && x.to === chosen.to;
  const covering = spans
    .filter((x) => x.from <= k && k < x.to && !isChosen(x))
    .sort((x, y) => y.to - y.from - (x.to - x.from) || x.from - y.from);
  const parts = spans
    .filter((x) => !(x.from <= k && k < x.to) && !isChosen(x))
    .sort((x, y) => x.from - y.from || y.to - y.from - (x.to - x.from));
  const ordered = [...(chosen.node !== 0 && spans.some(isChosen) ? [chosen] : []), ...covering, ...parts].slice(
    0,
    MAX_WORDS,
  );
  const words = ordered
    .map((x) => lookupWord(lexicon, n.text, sy, x.from, x.to, x.node))
    .filter((w) => w.entries.length > 0)
    .map((w) => {
      const [start, end] = toSourceRange(n, w.start, w.end);
      return { ...w, start, end, text: text.slice(start, end) };
    });
  if (words.length === 0) return null;
  const [start, end] = toSourceRange(n, sy.starts[chosen.from]!, sy.ends[chosen.to - 1]!);
  return { start, end, words };
}

/**
 * True when the word at `start` begins a sentence: at the start of the text, or after . ! ? : ;
 * … or a line break, with quotes, brackets, dashes and bullets between.
 */
export function startsSentence(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i]!;
    if (/[.!?:;…\n]/.test(c)) return true;
    if (!/[\s"'“”‘’«»()[\]{}\-–—•*]/.test(c)) return false;
  }
  return true;
}

/** Whether the capital of syllable `t` tells anything: not at a sentence's start, not in ALL CAPS. */
function capitalSaysSomething(text: string, sy: Syllables, t: number): boolean {
  const word = text.slice(sy.starts[t], sy.ends[t]);
  if (word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase()) return false;
  return !startsSentence(text, sy.starts[t]!);
}

/** The entries of one word, ranked, with offsets in the normalised text. */
function lookupWord<G extends LexiconGlossaryEntry, S extends LexiconSupplementEntry>(
  lexicon: Lexicon<G, S>,
  text: string,
  sy: Syllables,
  from: number,
  to: number,
  node: number,
): LookupWord<G, S> {
  const { items, info } = lexicon.index;
  const [lo, hi] = lexicon.index.itemRange(node);
  const evidence: boolean[] = [];
  const upper: boolean[] = [];
  for (let t = from; t < to; t++) {
    evidence.push(capitalSaysSomething(text, sy, t));
    upper.push(isUpperUnit(text.charCodeAt(sy.starts[t]!)));
  }
  const ranked: { entry: LookupEntry<G, S>; fit: number; source: number; tie: number; order: number }[] = [];
  for (let k = lo; k < hi; k++) {
    const item = items[k]!;
    const flags = info[k]!;
    // 4: the capitals agree; 2: the text capitalises a common word (a title, a name's part);
    // 0: the word is capitalised and the text is not.
    let fit = 4;
    for (let r = 0; r < evidence.length && r < 16; r++) {
      if (!evidence[r]) continue;
      const formUpper = ((flags & CAPS_MASK) >> r) & 1;
      if (formUpper && !upper[r]) fit = 0;
      else if (!formUpper && upper[r]) fit = Math.min(fit, 2);
    }
    const source = itemSource(item);
    const i = itemIndex(item);
    // A word with no ordinary sense (nga, "only in thiên nga") goes after the others; where the
    // first capital says nothing, a common word goes before a name spelled like it (anh, Anh).
    const tie = flags & WEAK ? 2 : !evidence[0] && flags & 1 ? 1 : 0;
    const caseFits = fit > 0;
    let entry: LookupEntry<G, S>;
    if (source === 'glossary') {
      entry = { source, entry: lexicon.glossary[i]!, caseFits, class: lexicon.glossary[i]!.proper ? 'name' : 'term' };
    } else if (source === 'supplement') {
      entry = { source, entry: lexicon.supplement[i]!, caseFits };
    } else {
      const word = lexicon.dictionary?.word(i);
      if (!word) continue; // the dictionary's senses (or this word's shard) are not loaded yet
      entry = { source, entry: word, caseFits };
    }
    ranked.push({ entry, fit, source: SOURCE_ORDER[source], tie, order: k });
  }
  ranked.sort((x, y) => y.fit - x.fit || x.source - y.source || x.tie - y.tie || x.order - y.order);
  const personName = to - from === 1 && upper[0] === true && lexicon.isPersonName(text, sy, from);
  return { start: sy.starts[from]!, end: sy.ends[to - 1]!, text: '', entries: ranked.map((r) => r.entry), personName };
}
