/**
 * The Vietnamese → English dictionary source (`vi-en.tsv`, read from ../shared/data/dictionary;
 * its README documents the format): parsing and the checks that make bad data a build error
 * naming the line and the field.
 */

import type { Issue } from './validate';
import { lazyRegExp } from './lazy-regexp';

/** Parts of speech, as wiktextract names them (the dictionary README lists them). */
export const PARTS_OF_SPEECH = [
  'noun',
  'verb',
  'adj',
  'adv',
  'name',
  'pron',
  'num',
  'classifier',
  'particle',
  'conj',
  'prep',
  'det',
  'intj',
  'phrase',
  'proverb',
  'prefix',
  'suffix',
  'affix',
  'character',
  'romanization',
  'syllable',
] as const;
export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];

const POS_SET = new Set<string>(PARTS_OF_SPEECH);

export function isPartOfSpeech(value: string): value is PartOfSpeech {
  return POS_SET.has(value);
}

/** One row: a headword in one part of speech. */
export interface DictionaryRow {
  /** 1-based line in the file. */
  readonly line: number;
  readonly headword: string;
  readonly pos: PartOfSpeech;
  /** Up to three glosses, in Wiktionary's order. */
  readonly glosses: string[];
  /** Hán-Nôm spellings of the headword, as Wiktionary gives them (often none). */
  readonly han: string[];
}

export const DICTIONARY_HEADER = 'headword\tpos\tglosses\than';
const FIELDS = ['headword', 'pos', 'glosses', 'han'] as const;
/** The README's limits, with room: a gloss is cut at 120 characters plus "…". */
const MAX_GLOSSES = 3;
const MAX_GLOSS_LENGTH = 160;
const MAX_HEADWORD_LENGTH = 160;
const HAN_ONLY = lazyRegExp(String.raw`^\p{Script=Han}+$`, 'u');
/** Characters the compiled format uses as separators (see `dictionary-format.ts`). */
const RESERVED = /[\^`$]/;
const HAS_WORD_CHARACTER = lazyRegExp(String.raw`[\p{L}\p{N}]`, 'u');

/** A problem in the source, with the line and the field it is in. */
export interface RowIssue extends Issue {
  readonly line: number;
}

/**
 * Parses the dictionary's text. Every problem is reported (not only the first), each as
 * `line N, field: message`; rows with problems are left out of `rows`.
 */
export function parseDictionary(text: string): { rows: DictionaryRow[]; issues: RowIssue[] } {
  const rows: DictionaryRow[] = [];
  const issues: RowIssue[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const problem = (line: number, field: string, message: string) =>
    issues.push({ line, path: `line ${line}${field ? `, ${field}` : ''}`, message });
  if (lines[0] !== DICTIONARY_HEADER) {
    problem(1, '', `the header must be "${DICTIONARY_HEADER.replaceAll('\t', '⇥')}" (tab-separated)`);
    return { rows, issues };
  }
  const seen = new Map<string, number>();
  for (let k = 1; k < lines.length; k++) {
    const line = k + 1;
    const raw = lines[k]!;
    if (raw.endsWith('\r')) {
      problem(line, '', 'ends with a carriage return; the file must use LF line ends');
      continue;
    }
    const cells = raw.split('\t');
    if (cells.length !== FIELDS.length) {
      problem(line, '', `has ${cells.length} fields; a row has ${FIELDS.length} (${FIELDS.join(', ')})`);
      continue;
    }
    const [headword, pos, glossField, hanField] = cells as [string, string, string, string];
    const before = issues.length;
    for (const [k2, cell] of cells.entries()) {
      if (cell !== cell.normalize('NFC')) problem(line, FIELDS[k2]!, 'is not in Unicode NFC');
      if (RESERVED.test(cell)) problem(line, FIELDS[k2]!, 'holds ^, ` or $, which the compiled format reserves');
    }
    if (headword.trim() !== headword || headword === '') problem(line, 'headword', 'is empty or has spaces around it');
    else if (!HAS_WORD_CHARACTER().test(headword)) problem(line, 'headword', `"${headword}" has no letter or digit`);
    else if (headword.length > MAX_HEADWORD_LENGTH)
      problem(line, 'headword', `is longer than ${MAX_HEADWORD_LENGTH} characters`);
    if (!isPartOfSpeech(pos)) problem(line, 'pos', `"${pos}" is not one of ${PARTS_OF_SPEECH.join(', ')}`);
    const glosses = glossField.split(' | ');
    if (glossField.trim() === '') problem(line, 'glosses', 'is empty');
    else if (glosses.length > MAX_GLOSSES)
      problem(line, 'glosses', `has ${glosses.length} glosses; at most ${MAX_GLOSSES}`);
    glosses.forEach((g, i) => {
      if (glossField.trim() === '') return;
      if (g.trim() === '' || g.trim() !== g) problem(line, `glosses[${i}]`, 'is empty or has spaces around it');
      else if (g.length > MAX_GLOSS_LENGTH)
        problem(line, `glosses[${i}]`, `is longer than ${MAX_GLOSS_LENGTH} characters`);
    });
    const han = hanField === '' ? [] : hanField.split(' | ');
    han.forEach((h, i) => {
      if (!HAN_ONLY().test(h)) problem(line, `han[${i}]`, `"${h}" must hold only Hán characters`);
    });
    const key = `${headword}\t${pos}`;
    const first = seen.get(key);
    if (first !== undefined) problem(line, 'pos', `"${headword}" already has a ${pos} row on line ${first}`);
    else seen.set(key, line);
    if (issues.length > before) continue;
    rows.push({ line, headword, pos: pos as PartOfSpeech, glosses, han });
  }
  return { rows, issues };
}
