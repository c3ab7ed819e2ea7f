/**
 * Anchors for the aligner: things a Vietnamese text and its English translation both contain,
 * recognisable without understanding either language.
 *
 * - Numbers, read the Vietnamese way on one side and the English way on the other
 *   (100.000 = 100,000; 13/11 = 13 November; tháng 6 = June), with `numbers.ts`.
 * - Latin-script words: Vietnamese news writes foreign names and acronyms as the English does
 *   (Putin, Kursk, KCNA, G20, Jean H. Lee), so a capitalised word of plain Latin letters shared by
 *   both sides is evidence. Vietnamese words that happen to be plain Latin (Nga, Theo) never occur
 *   in the English, so they cost nothing.
 * - Lexicon terms: the caller's function names the English forms of the terms it finds in a
 *   Vietnamese text (Bình Nhưỡng → Pyongyang; Triều Tiên → North Korea), from the glossary and the
 *   dictionary.
 * - Quotations: a quoted span on both sides.
 *
 * An anchor shared by a Vietnamese unit and an English unit is weighted by how rare it is among
 * the English units (log(1 + units / units containing it)): a number found once in an article
 * pins its paragraph, "North Korea" in every paragraph pins nothing.
 */

import { textLength, type AlignUnit } from './align';
import { englishNumbers, vietnameseNumbers } from './numbers';
import { lazyRegExp } from './lazy-regexp';

/**
 * The caller's lexicon: for a Vietnamese text, the English forms of each term found in it, one
 * list of alternatives per occurrence (["North Korea", "North Korean", "DPRK"]).
 */
export type Lexicon = (vi: string) => readonly (readonly string[])[];

export interface AnchoredUnits {
  readonly source: AlignUnit[];
  readonly target: AlignUnit[];
  /** The weight of one shared occurrence of each anchor id. */
  readonly weights: number[];
}

/** Relative weight of each kind of anchor: quotation marks are weaker evidence than a number. */
const KIND_WEIGHT = { number: 1, word: 1, term: 1, quote: 0.5 } as const;
/** What an anchor is: a number, a Latin-script word, a lexicon term or a quotation. */
export type AnchorKind = keyof typeof KIND_WEIGHT;

const LATIN_WORD = /[A-Za-z0-9]+/g;
const QUOTE_OPEN = /“|(?:^|[\s(])["«]/g;
/** A letter or a mark: a Latin run next to one is part of a Vietnamese word. */
const LETTER_OR_MARK = lazyRegExp(String.raw`[\p{L}\p{M}]`, 'u');

/** Plain-Latin words worth matching: whole words of two characters or more with a capital letter. */
function latinWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(LATIN_WORD)) {
    const w = m[0];
    // Most are lower-case Vietnamese syllables: the cheap test first.
    if (w.length < 2 || !/[A-Z]/.test(w)) continue;
    const before = m.index > 0 ? text[m.index - 1]! : '';
    const after = text[m.index + w.length] ?? '';
    // Not the Latin part of a Vietnamese word ("Nguy" of "Nguyễn").
    if (LETTER_OR_MARK().test(before) || LETTER_OR_MARK().test(after)) continue;
    out.push(w);
  }
  return out;
}

const quotations = (text: string) => [...text.matchAll(QUOTE_OPEN)].length;

/** Anchor ids, interned per kind so that lookups need no key strings. */
class Keys {
  readonly kinds: AnchorKind[] = [];
  private readonly maps: Record<AnchorKind, Map<string, number>> = {
    number: new Map(),
    word: new Map(),
    term: new Map(),
    quote: new Map(),
  };
  id(key: string, kind: AnchorKind): number {
    const map = this.maps[kind];
    let id = map.get(key);
    if (id === undefined) {
      id = this.kinds.length;
      map.set(key, id);
      this.kinds.push(kind);
    }
    return id;
  }
  has(key: string, kind: AnchorKind): number | undefined {
    return this.maps[kind].get(key);
  }
}

/**
 * English is compared word by word, lower-cased, in NFC: forms and texts alike, so punctuation
 * and typography do not matter (People’s = People's = people s; US–Japan = US-Japan).
 */
const fold = (text: string) => text.normalize('NFC').toLowerCase();
const WORDS = lazyRegExp(String.raw`[\p{L}\p{M}\p{N}]+`, 'gu');
const wordsOf = (text: string) => fold(text).match(WORDS()) ?? [];

// Lexicons hand out the same few hundred forms again and again: what is derived from them is kept.
const termKeys = new WeakMap<readonly string[], { key: string; forms: string[] } | null>();

/** A lexicon occurrence's key (its forms, folded and sorted) and folded forms (words joined by a space); null if it has none. */
function termOf(forms: readonly string[]): { key: string; forms: string[] } | null {
  let term = termKeys.get(forms);
  if (term === undefined) {
    const folded = [...new Set(forms.map((f) => wordsOf(f).join(' ')).filter((f) => f.length > 0))].sort();
    term = folded.length > 0 ? { key: folded.join('|'), forms: folded } : null;
    termKeys.set(forms, term);
  }
  return term;
}

/**
 * The anchors of pieces of text (sentences, usually), found once and grouped into align units as
 * often as needed: the paragraphs of an article, then the sentences inside each paragraph pair.
 */
export interface AnchoredPieces {
  /** Per Vietnamese piece, its anchor ids, one per occurrence. */
  readonly vi: number[][];
  /** Per English piece, the ids of the Vietnamese anchors it contains, one per occurrence. */
  readonly en: number[][];
  readonly viLengths: number[];
  readonly enLengths: number[];
  /** The kind of each anchor id. */
  readonly kinds: readonly AnchorKind[];
}

interface Form {
  readonly words: readonly string[];
  readonly terms: readonly number[];
}

/** Finds the anchors of Vietnamese (source) and English (target) pieces. */
export function findAnchors(vi: readonly string[], en: readonly string[], lexicon?: Lexicon): AnchoredPieces {
  const keys = new Keys();
  // English forms of the lexicon's terms → the term ids they satisfy.
  const formTerms = new Map<string, number[]>();
  const viIds = vi.map((text) => {
    const ids: number[] = [];
    for (const v of vietnameseNumbers(text)) if (!v.startsWith('unreadable:')) ids.push(keys.id(v, 'number'));
    for (const w of latinWords(text)) ids.push(keys.id(w, 'word'));
    for (let q = quotations(text); q > 0; q--) ids.push(keys.id('', 'quote'));
    for (const forms of lexicon?.(text) ?? []) {
      const term = termOf(forms);
      if (!term) continue;
      const id = keys.id(term.key, 'term');
      ids.push(id);
      for (const f of term.forms) {
        const terms = formTerms.get(f);
        if (!terms) formTerms.set(f, [id]);
        else if (!terms.includes(id)) terms.push(id);
      }
    }
    return ids;
  });
  // Forms by their first word, longest first, to find them in one pass over an English text.
  const byFirstWord = new Map<string, Form[]>();
  for (const [form, terms] of formTerms) {
    const words = form.split(' ');
    const list = byFirstWord.get(words[0]!);
    if (list) list.push({ words, terms });
    else byFirstWord.set(words[0]!, [{ words, terms }]);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  const quote = keys.has('', 'quote');
  const hasNumbers = keys.kinds.includes('number');
  const enIds = en.map((text) => {
    const ids: number[] = [];
    if (hasNumbers) {
      const { digits, words } = englishNumbers(text);
      for (const list of [digits, words]) {
        for (const v of list) {
          const id = keys.has(v, 'number');
          if (id !== undefined) ids.push(id);
        }
      }
    }
    for (const w of text.match(LATIN_WORD) ?? []) {
      const id = keys.has(w, 'word');
      if (id !== undefined) ids.push(id);
    }
    if (quote !== undefined) for (let q = quotations(text); q > 0; q--) ids.push(quote);
    if (byFirstWord.size > 0) findForms(wordsOf(text), byFirstWord, ids);
    return ids;
  });
  return {
    vi: viIds,
    en: enIds,
    viLengths: vi.map(textLength),
    enLengths: en.map(textLength),
    kinds: keys.kinds,
  };
}

/** Adds to `ids` the terms of every form found in `words`, longest first, never overlapping. */
function findForms(words: readonly string[], byFirstWord: ReadonlyMap<string, readonly Form[]>, ids: number[]): void {
  for (let k = 0; k < words.length; k++) {
    const candidates = byFirstWord.get(words[k]!);
    if (!candidates) continue;
    for (const form of candidates) {
      let d = 1;
      while (d < form.words.length && words[k + d] === form.words[d]) d++;
      if (d < form.words.length) continue;
      ids.push(...form.terms);
      k += d - 1;
      break;
    }
  }
}

/**
 * Align units from groups of pieces ([from, to) of the pieces' indexes), and the weight of each
 * anchor: its rarity among these English units, log(1 + units / units containing it).
 */
export function groupAnchors(
  pieces: AnchoredPieces,
  viGroups: readonly (readonly [number, number])[],
  enGroups: readonly (readonly [number, number])[],
): AnchoredUnits {
  const unit = (ids: number[][], lengths: number[], [from, to]: readonly [number, number]): AlignUnit => {
    let length = 0;
    const anchors: number[] = [];
    for (let k = from; k < to; k++) {
      length += lengths[k]!;
      for (const id of ids[k]!) anchors.push(id);
    }
    return { length, anchors };
  };
  const source = viGroups.map((g) => unit(pieces.vi, pieces.viLengths, g));
  const target = enGroups.map((g) => unit(pieces.en, pieces.enLengths, g));
  const containing = new Int32Array(pieces.kinds.length);
  const seen = new Int32Array(pieces.kinds.length).fill(-1);
  target.forEach((u, k) => {
    for (const id of u.anchors) {
      if (seen[id] === k) continue;
      seen[id] = k;
      containing[id]!++;
    }
  });
  const weights = pieces.kinds.map(
    (kind, id) => KIND_WEIGHT[kind] * Math.log(1 + target.length / Math.max(1, containing[id]!)),
  );
  return { source, target, weights };
}

/** One group per piece: [k, k + 1) for k < count. */
export const eachPiece = (count: number) => Array.from({ length: count }, (_, k) => [k, k + 1] as const);

/** Builds align units from Vietnamese (source) and English (target) texts, one unit per text. */
export function anchorUnits(vi: readonly string[], en: readonly string[], lexicon?: Lexicon): AnchoredUnits {
  return groupAnchors(findAnchors(vi, en, lexicon), eachPiece(vi.length), eachPiece(en.length));
}
