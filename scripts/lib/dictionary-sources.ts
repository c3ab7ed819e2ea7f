/**
 * Reads and validates the hover lexicon's sources: the Wiktionary dictionary in ../shared (read
 * as it is, never modified) and the news supplement in assets/dictionary/*.yaml. Every problem
 * is reported with its file, line and field, and fails the build.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { compileDictionary, type CompiledDictionary } from '../../core/dictionary-format';
import { parsePointer } from '../../core/dictionary-senses';
import { parseDictionary, type DictionaryRow } from '../../core/dictionary-source';
import { duplicateFormIssues, hanIssues } from '../../core/glossary-schema';
import {
  compileSupplement,
  supplementFileValidator,
  type CompiledSupplement,
  type SupplementSourceEntry,
} from '../../core/supplement-format';
import { validate } from '../../core/validate';
import type { HanReadings } from './data-sources';
import { SourceError, type SourceProblem } from './source-error';
import { REPO_ROOT, SHARED_DIR } from './paths';
import { lookupUnihan } from './unihan';

export const DICTIONARY_DIR = join(SHARED_DIR, 'data/dictionary');
export const DICTIONARY_FILE = join(DICTIONARY_DIR, 'vi-en.tsv');
export const SUPPLEMENT_DIR = join(REPO_ROOT, 'assets/dictionary');

const display = (file: string) => {
  const rel = relative(REPO_ROOT, file);
  return rel && !rel.startsWith('..') ? rel : file;
};

/** Reads the dictionary's rows; throws a {@link SourceError} naming every bad line and field. */
export function loadDictionaryRows(file = DICTIONARY_FILE): DictionaryRow[] {
  const { rows, issues } = parseDictionary(readFileSync(file, 'utf8'));
  if (issues.length > 0)
    throw new SourceError(issues.map((i) => ({ file: display(file), path: i.path, message: i.message })));
  return rows;
}

/** Compiles the dictionary's rows with Unihan's glosses of the Hán characters they use. */
export async function buildDictionary(rows: readonly DictionaryRow[]): Promise<CompiledDictionary> {
  const chars = new Set<string>();
  for (const row of rows) {
    for (const spelling of row.han) for (const ch of spelling) chars.add(ch);
    for (const gloss of row.glosses) {
      const p = parsePointer(gloss);
      if (p?.kind === 'Sino-Vietnamese reading of') for (const ch of p.target) chars.add(ch);
    }
  }
  const unihan = await lookupUnihan(chars);
  return compileDictionary(rows, (ch) => unihan.get(ch)?.definition ?? null);
}

/** A supplement entry with where it was written. */
export type LocatedSupplementEntry = SupplementSourceEntry & { file: string; position: number; line: number };

/**
 * Reads the supplement's files (none, or no folder, is fine); throws a {@link SourceError} on any
 * problem of syntax or shape, naming the file, the line, the entry and the field.
 */
export function loadSupplementSources(dir = SUPPLEMENT_DIR): LocatedSupplementEntry[] {
  if (!existsSync(dir)) return [];
  const problems: SourceProblem[] = [];
  const entries: LocatedSupplementEntry[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const file = join(dir, name);
    const lineCounter = new LineCounter();
    const doc = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true, prettyErrors: true, lineCounter });
    if (doc.errors.length > 0) {
      for (const e of doc.errors)
        problems.push({
          file: display(file),
          path: e.linePos ? `line ${e.linePos[0].line}` : '',
          message: e.message.split('\n')[0]!,
        });
      continue;
    }
    const value: unknown = doc.toJS() ?? [];
    // The line of entry i, and of its field when the field is written.
    const lineOf = (i: number, field?: string): number | null => {
      const seq = doc.contents;
      if (!isSeq(seq)) return null;
      const item = seq.items[i];
      if (!isMap(item) || !item.range) return null;
      const pair = field ? item.items.find((p) => (p.key as { value?: unknown } | null)?.value === field) : undefined;
      const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range ?? item.range;
      return lineCounter.linePos(range[0]).line;
    };
    const result = validate(supplementFileValidator, value);
    if (!result.ok) {
      for (const issue of result.issues) {
        const m = /^\[(\d+)\](?:\.(\w+))?/.exec(issue.path);
        const i = m ? Number(m[1]) : -1;
        const line = i >= 0 ? lineOf(i, m?.[2]) : null;
        const vi = i >= 0 && Array.isArray(value) ? (value[i] as { vi?: unknown } | undefined)?.vi : undefined;
        const path =
          m && typeof vi === 'string'
            ? issue.path.replace(m[0].slice(0, m[0].indexOf(']') + 1), `$& (${vi})`)
            : issue.path;
        problems.push({ file: display(file), path: `${line ? `line ${line}, ` : ''}${path}`, message: issue.message });
      }
      continue;
    }
    result.value.forEach((e, position) =>
      entries.push({ ...e, file: display(file), position, line: lineOf(position) ?? 0 }),
    );
  }
  if (problems.length > 0) throw new SourceError(problems);
  return entries;
}

const where = (e: LocatedSupplementEntry) => `line ${e.line}, [${e.position}] (${e.vi})`;

/**
 * Checks the supplement as a whole (forms claimed twice, Hán characters that must read as their
 * syllables by Unihan or the glossary's cited readings) and compiles it.
 */
export async function buildSupplement(
  entries: readonly LocatedSupplementEntry[],
  hanReadings: HanReadings,
): Promise<CompiledSupplement> {
  const problems: SourceProblem[] = [];
  for (const issue of duplicateFormIssues(entries, (e) => `${e.file}\t${where(e)}`)) {
    const [file = '', path = ''] = issue.path.split('\t');
    problems.push({ file, path, message: issue.message.replaceAll('\t', ' ') });
  }
  const unihan = await lookupUnihan(entries.flatMap((e) => [...(e.han ?? '')].filter((c) => c !== '_')));
  const readingsOf = (ch: string) => [...(unihan.get(ch)?.vietnamese ?? []), ...(hanReadings.get(ch) ?? [])];
  for (const e of entries) {
    for (const message of hanIssues(e, readingsOf)) problems.push({ file: e.file, path: `${where(e)}: han`, message });
  }
  if (problems.length > 0) throw new SourceError(problems);
  return compileSupplement(
    entries.map(({ file: _f, position: _p, line: _l, ...e }) => e),
    (ch) => unihan.get(ch)?.definition ?? null,
  );
}
