/**
 * The compiled glossary the extension loads: hand-written entries, CLDR countries merged
 * underneath them, each entry's Hán characters spelled out syllable by syllable, and the corpus
 * articles each entry occurs in.
 */

import type { CorpusArticle } from './corpus-schema';
import { GlossaryMatcher } from './glossary-match';
import { formKey, formsOf, headwordSyllables, type EntryKind, type GlossarySourceEntry } from './glossary-schema';
import { normalizeText } from './normalize';

export const GLOSSARY_FORMAT = 'song-ngu-glossary';
export const GLOSSARY_FORMAT_VERSION = 1;

/** One syllable of a headword with its Hán character, when it has one. */
export interface HanSyllable {
  readonly syllable: string;
  readonly char: string | null;
  /** Unihan's English gloss of the character, shortened. */
  readonly gloss: string | null;
}

/** What a compiled entry carries, in the glossary and in the news supplement alike. */
export interface CompiledEntryFields {
  readonly id: number;
  readonly vi: string;
  readonly variants: string[];
  readonly en: string[];
  readonly kind: EntryKind;
  readonly proper: boolean;
  readonly note: string;
  readonly han: HanSyllable[] | null;
}

export interface GlossaryEntry extends CompiledEntryFields {
  /** Ids of the corpus articles whose Vietnamese contains the entry. */
  readonly articles: string[];
  readonly source: 'hand' | 'cldr';
}

export interface CompiledGlossary {
  format: typeof GLOSSARY_FORMAT;
  version: typeof GLOSSARY_FORMAT_VERSION;
  entries: GlossaryEntry[];
}

export type SourcedEntry = GlossarySourceEntry & { source: 'hand' | 'cldr' };

/**
 * Merges generated country entries under the hand-written ones. A generated entry naming a
 * country a hand-written entry already covers (same English name, or a shared form) gives that
 * entry its extra Vietnamese forms as variants instead; the rest are added as they are.
 */
export function mergeGenerated(
  hand: readonly GlossarySourceEntry[],
  generated: readonly GlossarySourceEntry[],
): SourcedEntry[] {
  const merged: SourcedEntry[] = hand.map((e) => ({
    ...e,
    variants: [...(e.variants ?? [])],
    source: 'hand' as const,
  }));
  const owner = new Map<string, SourcedEntry>();
  for (const e of merged) for (const f of formsOf(e)) owner.set(formKey(f), e);
  const byEnglish = new Map<string, SourcedEntry>();
  for (const e of merged) {
    if (e.kind === 'country' || e.kind === 'place') for (const en of e.en) byEnglish.set(en.toLowerCase(), e);
  }
  for (const g of generated) {
    const forms = formsOf(g);
    const target =
      forms.map((f) => owner.get(formKey(f))).find((e) => e !== undefined) ??
      g.en.map((en) => byEnglish.get(en.toLowerCase())).find((e) => e !== undefined);
    if (target) {
      for (const f of forms) {
        const key = formKey(f);
        if (!owner.has(key)) {
          target.variants!.push(f);
          owner.set(key, target);
        }
      }
      continue;
    }
    const fresh = forms.filter((f) => !owner.has(formKey(f)));
    if (fresh.length === 0) continue;
    const entry: SourcedEntry = { ...g, vi: fresh[0]!, variants: fresh.slice(1), source: 'cldr' };
    merged.push(entry);
    for (const f of fresh) owner.set(formKey(f), entry);
  }
  return merged;
}

/** Shortens a Unihan gloss to the senses that fit in a popover line. */
export function shortGloss(definition: string | null): string | null {
  if (!definition) return null;
  const senses = definition
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  let out = senses[0] ?? '';
  for (const sense of senses.slice(1)) {
    if (out.length + sense.length + 2 > 48) break;
    out += `; ${sense}`;
  }
  return out.length > 60 ? `${out.slice(0, 57)}…` : out;
}

/**
 * A headword's Hán characters syllable by syllable, each with Unihan's gloss shortened; `_` marks
 * a syllable without one. Null when the entry gives no Hán.
 */
function hanSyllables(
  vi: string,
  han: string | undefined,
  glossOf: (char: string) => string | null,
): HanSyllable[] | null {
  if (!han) return null;
  const chars = [...han];
  return headwordSyllables(vi).map((syllable, i) => {
    const ch = chars[i]!;
    return ch === '_' ? { syllable, char: null, gloss: null } : { syllable, char: ch, gloss: shortGloss(glossOf(ch)) };
  });
}

/** The compiled fields of a source entry at position `id`. */
export function compileEntryFields(
  e: GlossarySourceEntry,
  id: number,
  glossOf: (char: string) => string | null,
): CompiledEntryFields {
  return {
    id,
    vi: e.vi,
    variants: e.variants ?? [],
    en: e.en,
    kind: e.kind,
    proper: e.proper,
    note: e.note,
    han: hanSyllables(e.vi, e.han, glossOf),
  };
}

/**
 * Builds the compiled glossary. `glossOf` gives Unihan's English definition of a character;
 * `paint` finds the entries in normalised text (by default with the glossary alone; the build
 * passes the whole lexicon's painter, so "Pháp luật" does not count as France).
 */
export function compileGlossary(
  entries: readonly SourcedEntry[],
  articles: readonly CorpusArticle[],
  glossOf: (char: string) => string | null,
  paint?: (text: string) => readonly { entry: number }[],
): CompiledGlossary {
  if (!paint) {
    const matcher = new GlossaryMatcher(entries);
    paint = (text) => matcher.match(text);
  }
  const occursIn = entries.map(() => new Set<string>());
  for (const article of articles) {
    for (const text of [article.title.vi, ...article.paragraphs.map((p) => p.vi)]) {
      for (const m of paint(normalizeText(text))) occursIn[m.entry]!.add(article.id);
    }
  }
  return {
    format: GLOSSARY_FORMAT,
    version: GLOSSARY_FORMAT_VERSION,
    entries: entries.map((e, id) => ({
      ...compileEntryFields(e, id, glossOf),
      articles: articles.filter((a) => occursIn[id]!.has(a.id)).map((a) => a.id),
      source: e.source,
    })),
  };
}

/** Checks the shape of a loaded compiled glossary. */
export function loadGlossary(compiled: unknown): GlossaryEntry[] {
  const c = compiled as Partial<CompiledGlossary> | null;
  if (!c || c.format !== GLOSSARY_FORMAT) throw new Error('not a compiled Song ngữ glossary');
  if (c.version !== GLOSSARY_FORMAT_VERSION) throw new Error(`unsupported glossary version ${String(c.version)}`);
  if (!Array.isArray(c.entries)) throw new Error('compiled glossary has no entries');
  return c.entries;
}
