/**
 * The schema of glossary source files (`assets/glossary/*.yaml`) and the checks beyond shape:
 * duplicate headwords, and Hán characters that must read as their Vietnamese syllables.
 */

import { foldSyllable } from './lexicon-key';
import { normalizeText } from './normalize';
import { tokenize } from './tokenize';
import {
  array,
  boolean,
  literal,
  object,
  optional,
  refine,
  string,
  validate,
  type Issue,
  type Result,
} from './validate';
import { lazyRegExp } from './lazy-regexp';

const HAN = lazyRegExp(String.raw`\p{Script=Han}`, 'u');

export const ENTRY_KINDS = [
  'country',
  'place',
  'person',
  'organisation',
  'media',
  'treaty',
  'event',
  'title',
  'term',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** A glossary entry as written in a source file. */
export interface GlossarySourceEntry {
  vi: string;
  variants?: string[];
  en: string[];
  kind: EntryKind;
  proper: boolean;
  note: string;
  han?: string;
}

const oneLine = (max: number) =>
  string({ nonBlank: true, max, pattern: /^[^\n\r]*$/, patternMessage: 'must be a single line' });

/** The fields of an entry, for the glossary and for formats that extend it (the news supplement). */
export const entryShape = {
  vi: oneLine(120),
  variants: optional(array(oneLine(160), { max: 40 })),
  en: array(oneLine(160), { min: 1, max: 12 }),
  kind: literal(...ENTRY_KINDS),
  proper: boolean,
  note: oneLine(400),
  han: optional(
    refine(string({ nonBlank: true, max: 40 }), (v) =>
      [...v].every((ch) => ch === '_' || HAN().test(ch)) ? null : 'must hold only Hán characters and _',
    ),
  ),
};

export const entryValidator = object(entryShape);

export const glossaryFileValidator = array(entryValidator);

/** The key two forms collide on: normalised, lower-cased, spaces and hyphens alike. */
export function formKey(form: string): string {
  const text = normalizeText(form);
  return tokenize(text)
    .map((t) => text.slice(t.start, t.end).toLowerCase())
    .join(' ');
}

/** The syllables of a headword, for Hán alignment: split on spaces and hyphens. */
export function headwordSyllables(vi: string): string[] {
  const text = normalizeText(vi);
  return tokenize(text).map((t) => text.slice(t.start, t.end));
}

/** Validates one parsed glossary file. Paths name the file's entry by position and headword. */
export function validateGlossaryFile(value: unknown): Result<GlossarySourceEntry[]> {
  const result = validate(glossaryFileValidator, value);
  if (result.ok) return result;
  const label = (path: string) => {
    const m = /^\[(\d+)\]/.exec(path);
    if (!m || !Array.isArray(value)) return path;
    const vi = (value[Number(m[1])] as { vi?: unknown } | undefined)?.vi;
    return typeof vi === 'string' ? path.replace(m[0], `${m[0]} (${vi})`) : path;
  };
  return { ok: false, issues: result.issues.map((i) => ({ path: label(i.path), message: i.message })) };
}

/** Every form of an entry: headword first, then variants. */
export function formsOf(entry: Pick<GlossarySourceEntry, 'vi' | 'variants'>): string[] {
  return [entry.vi, ...(entry.variants ?? [])];
}

/**
 * Duplicate forms across entries: a headword or variant that two entries (or one entry twice)
 * claim. `where` names an entry for messages.
 */
export function duplicateFormIssues<E extends GlossarySourceEntry>(
  entries: readonly E[],
  where: (e: E) => string,
): Issue[] {
  const issues: Issue[] = [];
  const owner = new Map<string, E>();
  for (const e of entries) {
    const own = new Set<string>();
    for (const form of formsOf(e)) {
      const key = formKey(form);
      if (key === '') {
        issues.push({ path: where(e), message: `form "${form}" has no letters` });
        continue;
      }
      if (own.has(key)) {
        issues.push({ path: where(e), message: `lists "${form}" twice` });
        continue;
      }
      own.add(key);
      const other = owner.get(key);
      if (other) issues.push({ path: where(e), message: `duplicate headword: "${form}" is also ${where(other)}` });
      else owner.set(key, e);
    }
  }
  return issues;
}

/** Folds the i/y spelling variation at the end of a syllable after a consonant (mỹ = mĩ, lý = lí). */
export function foldFinalY(syllable: string): string {
  return foldSyllable(normalizeText(syllable));
}

/**
 * Checks an entry's Hán characters against readings: one character or `_` per syllable, and
 * each character read as its syllable by `readingsOf` (Unihan kVietnamese plus cited supplements).
 * Returns problems in plain words.
 */
export function hanIssues(
  entry: Pick<GlossarySourceEntry, 'vi' | 'han'>,
  readingsOf: (char: string) => readonly string[],
): string[] {
  if (entry.han === undefined) return [];
  const chars = [...entry.han];
  const syllables = headwordSyllables(entry.vi);
  if (chars.length !== syllables.length) {
    return [
      `han "${entry.han}" has ${chars.length} characters for ${syllables.length} syllables (${syllables.join(' ')})`,
    ];
  }
  if (chars.every((c) => c === '_')) return ['han has no Hán character at all; leave it out'];
  const problems: string[] = [];
  chars.forEach((ch, i) => {
    if (ch === '_') return;
    const syllable = syllables[i]!;
    const readings = readingsOf(ch);
    const want = foldFinalY(syllable);
    if (!readings.some((r) => foldFinalY(r) === want)) {
      const known = readings.length > 0 ? `it reads ${readings.join(', ')}` : 'Unihan has no Vietnamese reading for it';
      problems.push(
        `Hán syllable ${ch} does not read as "${syllable}" (${known}); fix the character or cite the reading in han-readings.yaml`,
      );
    }
  });
  return problems;
}
