/**
 * A looked-up word as the dictionary popover shows it, and what "Save word" stores of it: the
 * entries of one word of `lookupAt`, glossary first, then the news supplement (with its usage
 * notes), then the dictionary's senses grouped by part of speech, and the Hán syllable by syllable.
 */

import type { DictionarySense } from './dictionary-format';
import type { HanSyllable } from './glossary-format';
import type { LexiconGlossaryEntry, LexiconSupplementEntry } from './lexicon';
import type { LookupEntry, LookupWord } from './lexicon-lookup';
import type { WordSense } from './saved-word';

/** A glossary or supplement entry as shown: English, kind or part of speech, note (may hold inline markup). */
export interface EntryView {
  readonly source: 'glossary' | 'supplement';
  readonly id: number;
  readonly vi: string;
  readonly en: readonly string[];
  /** The glossary's kind (country, person, term…) or the supplement's part of speech. */
  readonly label: string;
  readonly note: string;
  /** Ids of the corpus articles a glossary entry occurs in. */
  readonly articles: readonly string[];
}

/** The dictionary's senses of one part of speech, in their ranked order. */
export interface SenseGroup {
  readonly pos: string;
  readonly glosses: readonly string[];
  /** Words the senses point to ("see X"). */
  readonly see: readonly string[];
}

/** One word of a lookup, ready to render. */
export interface WordView {
  /** The headword of its first entry (the word's key when saved). */
  readonly headword: string;
  /** The word as the page writes it. */
  readonly text: string;
  readonly entries: readonly EntryView[];
  readonly senses: readonly SenseGroup[];
  /** Other spellings the dictionary knows (mĩ phẩm for mỹ phẩm). */
  readonly spellings: readonly string[];
  readonly han: readonly HanSyllable[] | null;
  /** A capitalised syllable read as a person's name (bà Nga): its country is probably not meant. */
  readonly personName: boolean;
}

type AnyEntry = LookupEntry<LexiconGlossaryEntry & GlossaryFields, LexiconSupplementEntry & SupplementFields>;

/** What a glossary entry and a supplement entry both carry. */
interface EntryFields {
  readonly id: number;
  readonly vi: string;
  readonly en: readonly string[];
  readonly kind: string;
  readonly note: string;
  readonly han: HanSyllable[] | null;
}
interface GlossaryFields extends EntryFields {
  readonly articles: readonly string[];
}
interface SupplementFields extends EntryFields {
  readonly pos: string | null;
}

/** The dictionary senses grouped by part of speech, each group where its first sense ranks. */
export function groupSenses(senses: readonly DictionarySense[]): SenseGroup[] {
  const groups = new Map<string, { glosses: string[]; see: string[] }>();
  for (const s of senses) {
    const g = groups.get(s.pos) ?? { glosses: [], see: [] };
    for (const x of s.glosses) if (!g.glosses.includes(x)) g.glosses.push(x);
    for (const x of s.see) if (!g.see.includes(x)) g.see.push(x);
    groups.set(s.pos, g);
  }
  return [...groups].map(([pos, g]) => ({ pos, glosses: g.glosses, see: g.see }));
}

/** The Hán of a word: its glossary or supplement entry's, else the dictionary's first spelling. */
function hanOf(entries: readonly AnyEntry[]): HanSyllable[] | null {
  for (const e of entries) {
    if (e.source === 'dictionary') {
      const h = e.entry.senses.find((s) => s.han.length > 0)?.han[0];
      if (h) return h;
    } else if (e.entry.han?.some((h) => h.char)) {
      return e.entry.han;
    }
  }
  return null;
}

/** One word of a lookup as the popover shows it. */
export function wordView(
  word: LookupWord<LexiconGlossaryEntry & GlossaryFields, LexiconSupplementEntry & SupplementFields>,
): WordView {
  const entries: EntryView[] = [];
  const senses: DictionarySense[] = [];
  const spellings: string[] = [];
  let headword: string | null = null;
  for (const e of word.entries) {
    if (e.source === 'dictionary') {
      headword ??= e.entry.headword;
      senses.push(...e.entry.senses);
      for (const s of e.entry.spellings) if (!spellings.includes(s)) spellings.push(s);
    } else {
      headword ??= e.entry.vi;
      entries.push({
        source: e.source,
        id: e.entry.id,
        vi: e.entry.vi,
        en: e.entry.en,
        label: e.source === 'supplement' ? (e.entry.pos ?? e.entry.kind) : e.entry.kind,
        note: e.entry.note,
        articles: e.source === 'glossary' ? e.entry.articles : [],
      });
    }
  }
  // Glossary, then supplement: the lookup ranks by case fit first, the popover by source.
  entries.sort((a, b) => (a.source === b.source ? 0 : a.source === 'glossary' ? -1 : 1));
  return {
    headword: headword ?? word.text,
    text: word.text,
    entries,
    senses: groupSenses(senses),
    spellings,
    han: hanOf(word.entries),
    personName: word.personName,
  };
}

/** The sense "Save word" stores: the first entry shown, or the first dictionary sense. */
export function chosenSense(view: WordView): WordSense | null {
  const e = view.entries[0];
  if (e) {
    const prefix = e.source === 'glossary' ? 'g' : 's';
    return { pos: e.label, gloss: e.en.join('; ').slice(0, 1000), source: e.source, entryKey: `${prefix}:${e.id}` };
  }
  const s = view.senses[0];
  if (s && s.glosses.length > 0) {
    return {
      pos: s.pos,
      gloss: s.glosses.slice(0, 3).join('; ').slice(0, 1000),
      source: 'dictionary',
      entryKey: `d:${view.headword}`.slice(0, 200),
    };
  }
  return null;
}

/** What a screen reader hears when the popover opens: the word and its first English. */
export function announcement(view: WordView): string {
  const english = view.entries[0]?.en.join(', ') ?? view.senses[0]?.glosses.slice(0, 3).join(', ') ?? '';
  return `${view.text}: ${english}`;
}
