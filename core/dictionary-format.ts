/**
 * The compiled dictionary (CC BY-SA like its source; shipped in shards, see `dictionary-shards.ts`):
 * one record per word, sorted by lookup key, with its senses resolved and ranked, and Unihan's
 * short gloss for each Hán character the senses use.
 *
 * Each record is one string, and a word's senses are only turned into objects when a lookup shows
 * them: the records parse in a few milliseconds and stay small in memory.
 */

import { isWeakWord, rankSenses, resolveGloss, type PointerContext, type ResolvedSense } from './dictionary-senses';
import { PARTS_OF_SPEECH, type DictionaryRow, type PartOfSpeech } from './dictionary-source';
import { shortGloss, type HanSyllable } from './glossary-format';
import { lexiconKey, lexiconSyllables } from './lexicon-key';

export const DICTIONARY_FORMAT = 'song-ngu-dictionary';
export const DICTIONARY_FORMAT_VERSION = 1;

/**
 * Separators inside a word's record: its fields, a sense's fields, the items of a list. ASCII
 * characters the source never uses (it is checked not to), so they cost one byte each and JSON
 * need not escape them as it would a tab.
 */
export const RECORD_FIELD = '^';
export const SENSE_FIELD = '`';
export const LIST_ITEM = '$';

export interface CompiledDictionary {
  format: typeof DICTIONARY_FORMAT;
  version: typeof DICTIONARY_FORMAT_VERSION;
  /** Where the data comes from and its licence, for anyone who opens the file. */
  attribution: string;
  pos: readonly PartOfSpeech[];
  /**
   * One record per word, in key order: `headword ^ flags ^ other spellings ^ sense ^ sense …`, a
   * sense being `pos index ` glosses ` see ` Hán spellings` (empty fields at the end left out),
   * lists joined by $. Strings rather than nested arrays: 21,000 of them parse several times
   * faster, and a word is only decoded when a lookup shows it.
   */
  words: string[];
  /** Unihan's English gloss of each Hán character in `words`, shortened. */
  han: Record<string, string>;
}

/** Record flag: every sense is weak (archaic, only in compounds, a letter…; see `isWeakWord`). */
export const WEAK_WORD = 1;

/** A dictionary sense as a lookup shows it. */
export interface DictionarySense {
  readonly pos: PartOfSpeech;
  readonly glosses: string[];
  /** Words the glosses point to: "see X". */
  readonly see: string[];
  /** Hán-Nôm spellings, each one character per syllable of the headword with Unihan's gloss. */
  readonly han: HanSyllable[][];
}

/** A dictionary word as a lookup shows it. */
export interface DictionaryWord {
  readonly headword: string;
  /** Other spellings of the same word in the dictionary (mĩ phẩm for mỹ phẩm). */
  readonly spellings: readonly string[];
  /** Ranked: see `rankSenses`. */
  readonly senses: readonly DictionarySense[];
}

export const DICTIONARY_ATTRIBUTION =
  'Vietnamese–English dictionary data: Wiktionary contributors, English Wiktionary (https://en.wiktionary.org), extracted by kaikki.org/wiktextract and Vuizur/Wiktionary-Dictionaries; shortened and reformatted. Licensed under CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/).';

/**
 * Compiles the parsed rows: pointer glosses resolved, senses ranked, spellings of one word that
 * the source repeats verbatim (hoà bình and its copy hòa bình) merged into one record.
 * `hanDefinition` gives Unihan's English definition of a character.
 */
export function compileDictionary(
  rows: readonly DictionaryRow[],
  hanDefinition: (char: string) => string | null,
): CompiledDictionary {
  const byHeadword = new Map<string, DictionaryRow[]>();
  const byKey = new Map<string, string[]>();
  for (const row of rows) {
    let list = byHeadword.get(row.headword);
    if (!list) {
      list = [];
      byHeadword.set(row.headword, list);
      const key = lexiconKey(row.headword);
      byKey.set(key, [...(byKey.get(key) ?? []), row.headword]);
    }
    list.push(row);
  }
  const context: PointerContext = {
    glossesOf(headword, pos) {
      const found = byHeadword.get(headword) ?? byKey.get(lexiconKey(headword))?.flatMap((h) => byHeadword.get(h)!);
      if (!found || found.length === 0) return null;
      return (found.find((r) => r.pos === pos) ?? found[0]!).glosses;
    },
    hanGloss: (char) => shortGloss(hanDefinition(char)),
  };
  const posIndex = new Map(PARTS_OF_SPEECH.map((p, i) => [p, i]));
  const hanGlosses: Record<string, string> = {};
  const words: Word[] = [];
  for (const [headword, list] of byHeadword) {
    const syllableCount = lexiconSyllables(headword).length;
    const senses = rankSenses(
      list.map((row): ResolvedSense => {
        const resolved = row.glosses.map((g) => resolveGloss(g, row.pos, context));
        return {
          pos: row.pos,
          glosses: resolved.map((r) => r.text),
          see: [...new Set(resolved.flatMap((r) => (r.see ? [r.see] : [])))],
          // A spelling that cannot be aligned syllable by syllable (博士 for "BS") is left out.
          han: row.han.filter((h) => [...h].length === syllableCount),
        };
      }),
    );
    for (const s of senses) {
      for (const spelling of s.han) {
        for (const ch of spelling) {
          const gloss = context.hanGloss(ch);
          if (gloss) hanGlosses[ch] = gloss;
        }
      }
    }
    const record = senses
      .map((s) =>
        [posIndex.get(s.pos)!, s.glosses.join(LIST_ITEM), s.see.join(LIST_ITEM), s.han.join(LIST_ITEM)]
          .join(SENSE_FIELD)
          .replace(/`+$/, ''),
      )
      .join(RECORD_FIELD);
    words.push({
      key: lexiconKey(headword),
      headword,
      flags: isWeakWord(senses) ? WEAK_WORD : 0,
      record,
      spellings: [],
    });
  }
  words.sort((a, b) => compare(a.key, b.key) || compare(a.headword, b.headword));
  return {
    format: DICTIONARY_FORMAT,
    version: DICTIONARY_FORMAT_VERSION,
    attribution: DICTIONARY_ATTRIBUTION,
    pos: PARTS_OF_SPEECH,
    words: mergeSpellings(words).map((w) =>
      [w.headword, w.flags, w.spellings.join(LIST_ITEM), w.record].join(RECORD_FIELD),
    ),
    han: hanGlosses,
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Word {
  key: string;
  headword: string;
  flags: number;
  /** The senses, encoded. */
  record: string;
  spellings: string[];
}

/** Capital letters of a headword, syllable by syllable: Anh and anh are different words. */
function capsPattern(headword: string): string {
  return lexiconSyllables(headword)
    .map((s) => (s[0] !== s[0]!.toLowerCase() ? 'A' : 'a'))
    .join('');
}

/**
 * Merges words with the same key, the same capitals and the same senses: the source copies a
 * lemma's rows onto its other spellings (mĩ phẩm → mỹ phẩm), which a lookup would show twice.
 * Words that only fold alike but mean different things (thủy 始 "beginning", thuỷ 水 "water")
 * stay apart.
 */
function mergeSpellings(sorted: Word[]): Word[] {
  const out: Word[] = [];
  let group: Word[] = [];
  const flush = () => {
    const kept: Word[] = [];
    for (const w of group) {
      const same = kept.find((k) => k.record === w.record && capsPattern(k.headword) === capsPattern(w.headword));
      if (same) same.spellings.push(w.headword);
      else kept.push(w);
    }
    out.push(...kept);
    group = [];
  };
  for (const w of sorted) {
    if (group.length > 0 && group[0]!.key !== w.key) flush();
    group.push(w);
  }
  flush();
  return out;
}

/**
 * Words decoded recently, by their number in the whole dictionary: a word read again is the same
 * object (a page's words read ahead share their entries by identity, lookup-spans.ts). At most
 * `limit` are kept, about a kilobyte each, then all are let go.
 */
export class RecentWords {
  private readonly words = new Map<number, DictionaryWord>();

  constructor(private readonly limit = 2048) {}

  get(i: number): DictionaryWord | undefined {
    return this.words.get(i);
  }

  set(i: number, word: DictionaryWord): void {
    if (this.words.size >= this.limit) this.words.clear();
    this.words.set(i, word);
  }
}

/** A loaded dictionary: records by position, decoded into {@link DictionaryWord}s on demand. */
export class Dictionary {
  private readonly pos: readonly PartOfSpeech[];
  private readonly hanGloss: Record<string, string>;

  /**
   * `recent` may be shared by the shards of one dictionary, each numbering its words from
   * `first`.
   */
  constructor(
    private readonly words: readonly string[],
    compiled: Pick<CompiledDictionary, 'pos' | 'han'>,
    private readonly recent = new RecentWords(),
    private readonly first = 0,
  ) {
    this.pos = compiled.pos;
    this.hanGloss = compiled.han;
  }

  get size(): number {
    return this.words.length;
  }

  headword(i: number): string {
    const w = this.words[i]!;
    return w.slice(0, w.indexOf(RECORD_FIELD));
  }

  /** True when word `i` has no ordinary sense (see `isWeakWord`). */
  isWeak(i: number): boolean {
    const w = this.words[i]!;
    const at = w.indexOf(RECORD_FIELD) + 1;
    return (Number(w.slice(at, w.indexOf(RECORD_FIELD, at))) & WEAK_WORD) !== 0;
  }

  /** Word `i` with its senses, ready to show: the same object as last time, if it was recent. */
  word(i: number): DictionaryWord {
    let word = this.recent.get(this.first + i);
    if (!word) {
      word = this.decode(i);
      this.recent.set(this.first + i, word);
    }
    return word;
  }

  private decode(i: number): DictionaryWord {
    const [headword = '', , spellings = '', ...senses] = this.words[i]!.split(RECORD_FIELD);
    const syllables = lexiconSyllables(headword);
    const list = (s: string) => (s === '' ? [] : s.split(LIST_ITEM));
    return {
      headword,
      spellings: list(spellings),
      senses: senses.map((sense) => {
        const [pos = '', glosses = '', see = '', han = ''] = sense.split(SENSE_FIELD);
        return {
          pos: this.pos[Number(pos)]!,
          glosses: list(glosses),
          see: list(see),
          han: list(han).map((spelling) =>
            [...spelling].map((char, k) => ({
              syllable: syllables[k] ?? '',
              char,
              gloss: this.hanGloss[char] ?? null,
            })),
          ),
        };
      }),
    };
  }
}

/** Checks the shape of a loaded compiled dictionary. */
export function checkDictionary(compiled: unknown): CompiledDictionary {
  const c = compiled as Partial<CompiledDictionary> | null;
  if (!c || c.format !== DICTIONARY_FORMAT) throw new Error('not a compiled Song ngữ dictionary');
  if (c.version !== DICTIONARY_FORMAT_VERSION) throw new Error(`unsupported dictionary version ${String(c.version)}`);
  if (!Array.isArray(c.words) || !Array.isArray(c.pos) || typeof c.han !== 'object' || c.han === null)
    throw new Error('compiled dictionary lacks its words, parts of speech or Hán glosses');
  return c as CompiledDictionary;
}

/** The words of a compiled dictionary. */
export function loadDictionary(compiled: unknown): Dictionary {
  const c = checkDictionary(compiled);
  return new Dictionary(c.words, c);
}
