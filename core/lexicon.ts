/**
 * The lexicon: the glossary, the news supplement and the dictionary behind one index, and the
 * segmentation every reading of a text goes through.
 *
 * A clause (syllables joined by spaces and hyphens, see `isJoiner`) is segmented into words by a
 * dynamic programme over every word of the lexicon that fits: fewest words first, then the most
 * even lengths (hợp tác | xã hội rather than hợp tác xã | hội), then the longest first word.
 * Painting and lookup read the same segmentation, so the underline on the page and the word the
 * popover shows agree, and a compound always beats the name hidden in it: "Pháp luật" is law, not
 * France; "Nhà thờ Đức Bà" is Our Lady, not Germany.
 *
 * Painting is selective: only glossary entries are painted, and a one-syllable name only where
 * its case says it is one (Nga, not nga) and it is not a person's name (bà Nga).
 */

import type { Dictionary } from './dictionary-format';
import type { DictionarySenses } from './dictionary-shards';
import { foldSyllable, lexiconSyllables } from './lexicon-key';
import { LexiconIndex, type IndexedForm, type Syllables } from './lexicon-index';
import { coordinatedWithGivenName, inPersonName } from './person-name';
import { isJoiner, isUpperUnit } from './syllable-scan';

/** What the lexicon needs of a glossary entry. */
export interface LexiconGlossaryEntry {
  readonly vi: string;
  readonly variants?: readonly string[];
  readonly proper: boolean;
  readonly kind?: string;
}

/** What the lexicon needs of a supplement entry. */
export interface LexiconSupplementEntry {
  readonly vi: string;
  readonly variants?: readonly string[];
  readonly proper: boolean;
}

export type LexiconSource = 'glossary' | 'supplement' | 'dictionary';
const SOURCES: readonly LexiconSource[] = ['glossary', 'supplement', 'dictionary'];

/** An item of the index: its source in the top byte, its position in that source below. */
export const itemRef = (source: LexiconSource, index: number): number => (SOURCES.indexOf(source) << 24) | index;
export const itemSource = (item: number): LexiconSource => SOURCES[item >>> 24]!;
export const itemIndex = (item: number): number => item & 0xffffff;

// Flags of an item, as the index stores them.
/**
 * Bit k set: syllable k of the form is capitalised (the first 16 syllables). Only for proper nouns
 * of the glossary and the supplement, and for every dictionary headword (Anh and anh differ).
 */
export const CAPS_MASK = 0xffff;
/** A one-syllable proper glossary form: painted only where the text capitalises it (Nga, not nga). */
export const NEEDS_CAPITAL = 1 << 16;
/** A one-syllable country or place: not painted as part of a person's name (bà Nga). */
export const NAME_LIKE = 1 << 17;
/** A dictionary word "người/nước/tiếng + name" (người Mỹ): the name inside keeps its meaning. */
export const TRANSPARENT = 1 << 18;
/** A dictionary word with no ordinary sense (nga "only in thiên nga"; see `isWeakWord`). */
export const WEAK = 1 << 19;
/** A proper noun of the glossary or the supplement. */
export const PROPER = 1 << 20;

const NAME_LIKE_KINDS = new Set(['country', 'place']);
/**
 * Words that keep a name's meaning when the dictionary lists them with it: người Mỹ (Americans),
 * nước Nga (Russia), tiếng Anh (English). Such a dictionary word does not hide the name: the
 * segmentation reads người | Mỹ and paints Mỹ, while the lookup still lists người Mỹ.
 */
const TRANSPARENT_HEADS = new Set(['người', 'nước', 'tiếng', 'dân', 'quân', 'phía']);

// Node flags, derived from the items.
const SEGMENT = 1;
const GLOSSARY = 2;
/** The node or one below it holds a glossary entry: a walk from here may reach something to paint. */
const TOWARD_GLOSSARY = 4;

/** How painted glossary entries are told apart: names (proper entries) and terms (common words). */
export type TermClass = 'name' | 'term';

/** A glossary entry painted in a text: [start, end) there, its position in the glossary, its class. */
export interface PaintedTerm {
  readonly start: number;
  readonly end: number;
  readonly entry: number;
  readonly class: TermClass;
}

/** A word chosen by the segmentation: syllables [from, to) of the scanned text and its node. */
export interface Segment {
  readonly from: number;
  readonly to: number;
  /** The index node, 0 for a syllable the lexicon does not know. */
  readonly node: number;
}

function capsOf(syllables: readonly string[]): number {
  let mask = 0;
  syllables.forEach((s, k) => {
    if (k < 16 && s !== s.toLowerCase()) mask |= 1 << k;
  });
  return mask;
}

/** Every form the index holds, with its item and flags. */
function* indexedForms(
  glossary: readonly LexiconGlossaryEntry[],
  supplement: readonly LexiconSupplementEntry[],
  dictionary: Pick<Dictionary, 'size' | 'headword' | 'isWeak'> | null,
): Generator<IndexedForm> {
  const properKeys = new Set<string>();
  for (const [i, e] of glossary.entries()) {
    for (const form of [e.vi, ...(e.variants ?? [])]) {
      const syllables = lexiconSyllables(form);
      const folded = syllables.map(foldSyllable);
      // A common word's capitals are incidental (titles are written Tổng thống): only a proper
      // noun's tell the lookup anything.
      let info = 0;
      if (e.proper) {
        info |= PROPER | capsOf(syllables);
        properKeys.add(folded.join(' '));
        if (syllables.length === 1) info |= NEEDS_CAPITAL;
        if (syllables.length === 1 && NAME_LIKE_KINDS.has(e.kind ?? '')) info |= NAME_LIKE;
      }
      yield { syllables: folded, item: itemRef('glossary', i), info };
    }
  }
  for (const [i, e] of supplement.entries()) {
    for (const form of [e.vi, ...(e.variants ?? [])]) {
      const syllables = lexiconSyllables(form);
      yield {
        syllables: syllables.map(foldSyllable),
        item: itemRef('supplement', i),
        info: e.proper ? PROPER | capsOf(syllables) : 0,
      };
    }
  }
  for (let i = 0; i < (dictionary?.size ?? 0); i++) {
    const syllables = lexiconSyllables(dictionary!.headword(i));
    const folded = syllables.map(foldSyllable);
    let info = capsOf(syllables) | (dictionary!.isWeak(i) ? WEAK : 0);
    if (folded.length > 1 && TRANSPARENT_HEADS.has(folded[0]!) && properKeys.has(folded.slice(1).join(' ')))
      info |= TRANSPARENT;
    yield { syllables: folded, item: itemRef('dictionary', i), info };
  }
}

export class Lexicon<
  G extends LexiconGlossaryEntry = LexiconGlossaryEntry,
  S extends LexiconSupplementEntry = LexiconSupplementEntry,
> {
  private readonly nodeFlags: Uint8Array;
  /** Per syllable id: 1 when the syllable alone is a capitalised word of the lexicon (a name: Mỹ, Nga, Anh). */
  private readonly knownName: Uint8Array;
  /** True when the index holds dictionary words (whether or not their senses are loaded yet). */
  private readonly knowsWords: boolean;
  private words: DictionarySenses | null;
  // Buffers of the segmentation, reused from clause to clause.
  private counts = new Int32Array(64);
  private squares = new Int32Array(64);
  private choice = new Int32Array(64);
  private choiceNode = new Int32Array(64);

  /**
   * `dictionary` holds the dictionary words' senses, which only lookups show; painting needs the
   * index alone, so the words may come later (`attachDictionary`).
   */
  constructor(
    readonly index: LexiconIndex,
    readonly glossary: readonly G[],
    readonly supplement: readonly S[],
    dictionary: DictionarySenses | null,
  ) {
    this.words = dictionary;
    // Plain loops over the typed arrays: this runs once as the service worker starts, cold.
    const { itemStart, items, info, childStart, label } = index.arrays;
    const size = index.size;
    const nodeFlags = new Uint8Array(size);
    for (let node = 0; node < size; node++) {
      let flags = 0;
      for (let k = itemStart[node]!; k < itemStart[node + 1]!; k++) {
        if ((info[k]! & TRANSPARENT) === 0) flags |= SEGMENT;
        if (items[k]! >>> 24 === 0) flags |= GLOSSARY;
      }
      nodeFlags[node] = flags;
    }
    this.nodeFlags = nodeFlags;
    // A node's parent comes before it (breadth-first numbering): one pass finds the parents, and
    // the paths to the glossary's forms are marked from each form up.
    const parent = new Int32Array(size);
    for (let node = 0; node < size; node++) {
      for (let c = childStart[node]!; c < childStart[node + 1]!; c++) parent[c] = node;
    }
    for (let node = 1; node < size; node++) {
      if ((nodeFlags[node]! & GLOSSARY) === 0) continue;
      for (let n = node; n > 0 && (nodeFlags[n]! & TOWARD_GLOSSARY) === 0; n = parent[n]!) {
        nodeFlags[n] = nodeFlags[n]! | TOWARD_GLOSSARY;
      }
    }
    const knownName = new Uint8Array(index.syllables.length);
    for (let c = childStart[0]!; c < childStart[1]!; c++) {
      for (let k = itemStart[c]!; k < itemStart[c + 1]!; k++) if (info[k]! & 1) knownName[label[c]!] = 1;
    }
    this.knownName = knownName;
    this.knowsWords = items.some((item) => item >>> 24 === SOURCES.indexOf('dictionary'));
  }

  /** The dictionary words' senses, when they are loaded (a sharded one: those of its loaded shards). */
  get dictionary(): DictionarySenses | null {
    return this.words;
  }

  /** Adds the dictionary words' senses to a lexicon loaded without them. */
  attachDictionary(dictionary: DictionarySenses): void {
    this.words = dictionary;
  }

  /** Builds the lexicon and its index from its sources (at build time, and in tests). */
  static build<G extends LexiconGlossaryEntry, S extends LexiconSupplementEntry>(
    glossary: readonly G[],
    supplement: readonly S[],
    dictionary: Dictionary | null,
  ): Lexicon<G, S> {
    return new Lexicon(
      LexiconIndex.build(indexedForms(glossary, supplement, dictionary)),
      glossary,
      supplement,
      dictionary,
    );
  }

  /** The end (exclusive) of the clause that syllable `k` is in, scanning forward. */
  clauseEnd(text: string, sy: Syllables, k: number): number {
    let b = k + 1;
    while (b < sy.count && isJoiner(text, sy.ends[b - 1]!, sy.starts[b]!, sy.ends[b - 1]! - sy.starts[b - 1]!)) b++;
    return b;
  }

  /** The start of the clause that syllable `k` is in, scanning backward. */
  clauseStart(text: string, sy: Syllables, k: number): number {
    let a = k;
    while (a > 0 && isJoiner(text, sy.ends[a - 1]!, sy.starts[a]!, sy.ends[a - 1]! - sy.starts[a - 1]!)) a--;
    return a;
  }

  /**
   * Segments syllables [a, b) of a clause (see the file comment). Leaves, for each syllable where
   * a chosen word starts, the word's end in `choice` and its node in `choiceNode`.
   */
  private segmentInto(sy: Syllables, a: number, b: number): void {
    const m = b - a;
    if (this.counts.length <= m) {
      const size = Math.max(m + 1, this.counts.length * 2);
      this.counts = new Int32Array(size);
      this.squares = new Int32Array(size);
      this.choice = new Int32Array(size);
      this.choiceNode = new Int32Array(size);
    }
    const { counts: words, squares, choice, choiceNode, index, nodeFlags } = this;
    const ids = sy.ids;
    words[m] = 0;
    squares[m] = 0;
    for (let k = m - 1; k >= 0; k--) {
      // One syllable alone is always possible, known or not.
      let node = index.child(0, ids[a + k]!);
      let bestWords = 1 + words[k + 1]!;
      let bestSquares = 1 + squares[k + 1]!;
      let bestEnd = k + 1;
      let bestNode = node !== 0 && (nodeFlags[node]! & SEGMENT) !== 0 ? node : 0;
      for (let j = k + 1; node !== 0 && j < m && j - k < index.maxDepth; j++) {
        node = index.child(node, ids[a + j]!);
        if (node === 0 || (nodeFlags[node]! & SEGMENT) === 0) continue;
        const length = j + 1 - k;
        const w = 1 + words[j + 1]!;
        const s = length * length + squares[j + 1]!;
        if (w < bestWords || (w === bestWords && s <= bestSquares)) {
          bestWords = w;
          bestSquares = s;
          bestEnd = j + 1;
          bestNode = node;
        }
      }
      words[k] = bestWords;
      squares[k] = bestSquares;
      choice[k] = bestEnd;
      choiceNode[k] = bestNode;
    }
  }

  /** The words the segmentation chooses for syllables [a, b) of scanned text. */
  segment(sy: Syllables, a: number, b: number): Segment[] {
    this.segmentInto(sy, a, b);
    const out: Segment[] = [];
    for (let k = 0; k < b - a; k = this.choice[k]!)
      out.push({ from: a + k, to: a + this.choice[k]!, node: this.choiceNode[k]! });
    return out;
  }

  /**
   * Finds the glossary entries to paint in `text`, which must be normalised (`normalizeText`):
   * left to right, never overlapping, each a word the segmentation chose.
   */
  paint(text: string): PaintedTerm[] {
    const sy = this.index.scan(text);
    const out: PaintedTerm[] = [];
    const { starts, ends, ids, count } = sy;
    const { index, nodeFlags } = this;
    // One pass over the syllables finds each clause and whether a glossary form may start in it;
    // most clauses of a page have none and are not segmented.
    let a = 0;
    while (a < count) {
      let hint = ids[a]! >= 0 && (nodeFlags[index.child(0, ids[a]!)]! & TOWARD_GLOSSARY) !== 0;
      let b = a + 1;
      for (; b < count; b++) {
        const gap = ends[b - 1]!;
        const next = starts[b]!;
        const c = text.charCodeAt(gap);
        const joined = next === gap + 1 ? c === 32 || c === 45 : isJoiner(text, gap, next, gap - starts[b - 1]!);
        if (!joined) break;
        if (!hint && ids[b]! >= 0) hint = (nodeFlags[index.child(0, ids[b]!)]! & TOWARD_GLOSSARY) !== 0;
      }
      if (hint && this.mayPaint(sy, a, b)) {
        this.segmentInto(sy, a, b);
        for (let k = 0; k < b - a; k = this.choice[k]!) {
          const node = this.choiceNode[k]!;
          if ((nodeFlags[node]! & GLOSSARY) === 0) continue;
          const from = a + k;
          const entry = this.paintable(text, sy, from, node);
          if (entry >= 0) {
            out.push({
              start: starts[from]!,
              end: ends[a + this.choice[k]! - 1]!,
              entry,
              class: this.glossary[entry]!.proper ? 'name' : 'term',
            });
          }
        }
      }
      a = b;
    }
    return out;
  }

  /**
   * True when the one capitalised syllable `k` reads as a person's name: after a title or a
   * capitalised syllable (bà Nga, Lê Thị Nga), or coordinated with a given name (Nga và My).
   */
  isPersonName(text: string, sy: Syllables, k: number): boolean {
    if (k > 0 && inPersonName(text, sy.starts[k - 1]!, sy.ends[k - 1]!, sy.starts[k]!)) return true;
    // Telling a given name from other capitalised words takes the dictionary's ordinary words.
    if (!this.knowsWords) return false;
    // The other name must stand alone: "Latinh" in "Mỹ Latinh", "Triều" in "Triều Tiên" are not given names.
    const { index } = this;
    const pair = (i: number) => {
      const first = index.child(0, sy.ids[i]!);
      return (
        first !== 0 &&
        isJoiner(text, sy.ends[i]!, sy.starts[i + 1]!, sy.ends[i]! - sy.starts[i]!) &&
        index.child(first, sy.ids[i + 1]!) !== 0
      );
    };
    return coordinatedWithGivenName(text, sy.starts, sy.ends, sy.count, k, (i) => {
      const id = sy.ids[i]!;
      return (id >= 0 && this.knownName[id] === 1) || (i > 0 && pair(i - 1)) || (i + 1 < sy.count && pair(i));
    });
  }

  /**
   * True when some glossary form occurs in syllables [a, b): only then is the clause worth
   * segmenting to paint. Most syllables start no glossary form, and cost one array read here.
   */
  private mayPaint(sy: Syllables, a: number, b: number): boolean {
    const { index, nodeFlags } = this;
    const ids = sy.ids;
    for (let k = a; k < b; k++) {
      let node = index.child(0, ids[k]!);
      for (let j = k + 1; node !== 0 && (nodeFlags[node]! & TOWARD_GLOSSARY) !== 0; j++) {
        if (nodeFlags[node]! & GLOSSARY) return true;
        if (j >= b) break;
        node = index.child(node, ids[j]!);
      }
    }
    return false;
  }

  /** The first glossary entry at `node` that may be painted where the word starts at syllable `from`, or -1. */
  private paintable(text: string, sy: Syllables, from: number, node: number): number {
    const { items, info } = this.index;
    const [lo, hi] = this.index.itemRange(node);
    for (let k = lo; k < hi; k++) {
      const item = items[k]!;
      if (itemSource(item) !== 'glossary') continue;
      const flags = info[k]!;
      if (flags & NEEDS_CAPITAL && !isUpperUnit(text.charCodeAt(sy.starts[from]!))) continue;
      if (flags & NAME_LIKE && this.isPersonName(text, sy, from)) continue;
      return itemIndex(item);
    }
    return -1;
  }
}
