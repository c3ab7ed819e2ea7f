/**
 * Reads and validates the human-edited sources: the corpus articles and the glossary. Every
 * problem is reported with its file, and within it the article and paragraph or the entry.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { compileCorpus, type CompiledCorpus } from '../../core/corpus-format';
import { corpusIssues, validateArticle, type CorpusArticle } from '../../core/corpus-schema';
import { Dictionary, type CompiledDictionary } from '../../core/dictionary-format';
import { compileGlossary, mergeGenerated, type CompiledGlossary, type SourcedEntry } from '../../core/glossary-format';
import {
  duplicateFormIssues,
  hanIssues,
  validateGlossaryFile,
  type GlossarySourceEntry,
} from '../../core/glossary-schema';
import { array, object, oneOf, string, validate, type Validator } from '../../core/validate';
import { cldrCountryEntries } from './cldr-countries';
import { REPO_ROOT } from './paths';
import { SourceError, type SourceProblem } from './source-error';
import { Lexicon } from '../../core/lexicon';
import { compileLexiconIndex, type CompiledLexiconIndexFile } from '../../core/lexicon-load';
import type { CompiledSupplement } from '../../core/supplement-format';
import {
  buildDictionary,
  buildSupplement,
  loadDictionaryRows,
  loadSupplementSources,
  SUPPLEMENT_DIR,
} from './dictionary-sources';
import { lookupUnihan, type UnihanRecord } from './unihan';

export const CORPUS_DIR = join(REPO_ROOT, 'assets/corpus');
export const GLOSSARY_DIR = join(REPO_ROOT, 'assets/glossary');
export const HAN_READINGS_FILE = 'han-readings.yaml';

export { formatProblems, SourceError, type SourceProblem } from './source-error';

/** A file's name for messages: relative to the repository when it is inside it. */
const display = (file: string) => {
  const rel = relative(REPO_ROOT, file);
  return rel && !rel.startsWith('..') ? rel : file;
};

/** Parses YAML text; syntax errors and duplicate keys become problems with line numbers. */
export function parseYaml(text: string, file: string): { value: unknown; problems: SourceProblem[] } {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const problems = doc.errors.map((e) => ({
    file: display(file),
    path: e.linePos ? `line ${e.linePos[0].line}` : '',
    message: e.message.split('\n')[0]!,
  }));
  return { value: problems.length > 0 ? undefined : doc.toJS(), problems };
}

function yamlFiles(dir: string, exclude: string[] = []): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && !exclude.includes(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Parses and validates one corpus source file's text. */
export function parseArticle(text: string, file: string): { article?: CorpusArticle; problems: SourceProblem[] } {
  const parsed = parseYaml(text, file);
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  const result = validateArticle(parsed.value, basename(file));
  if (!result.ok) return { problems: result.issues.map((i) => ({ file: display(file), ...i })) };
  return { article: result.value, problems: [] };
}

/** Reads every article in `dir`; throws a {@link SourceError} listing all problems. */
export function loadArticles(dir = CORPUS_DIR): CorpusArticle[] {
  const problems: SourceProblem[] = [];
  const articles: CorpusArticle[] = [];
  for (const file of yamlFiles(dir)) {
    const { article, problems: p } = parseArticle(readFileSync(file, 'utf8'), file);
    problems.push(...p);
    if (article) articles.push(article);
  }
  if (articles.length === 0 && problems.length === 0)
    problems.push({ file: display(dir), path: '', message: 'holds no articles' });
  problems.push(...corpusIssues(articles).map((i) => ({ file: display(dir), ...i })));
  if (problems.length > 0) throw new SourceError(problems);
  return articles;
}

/** Supplementary Hán-Việt readings with their citations: character → readings. */
export type HanReadings = Map<string, string[]>;

const hanReadingsValidator: Validator<Record<string, { reading: string | string[]; source: string }>> = (
  value,
  path,
  issues,
) => {
  const entry = object({
    reading: oneOf<string | string[]>(
      [string({ nonBlank: true }), array(string({ nonBlank: true }), { min: 1 })],
      'must be a reading or a list of readings',
    ),
    source: string({ nonBlank: true, max: 300 }),
  });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({ path, message: 'must map Hán characters to { reading, source }' });
    return value as Record<string, { reading: string | string[]; source: string }>;
  }
  for (const [ch, v] of Object.entries(value)) {
    if ([...ch].length !== 1 || !/\p{Script=Han}/u.test(ch))
      issues.push({ path: ch, message: 'must be one Hán character' });
    entry(v, ch, issues);
  }
  return value as Record<string, { reading: string | string[]; source: string }>;
};

export function parseHanReadings(text: string, file: string): { readings: HanReadings; problems: SourceProblem[] } {
  const parsed = parseYaml(text, file);
  const readings: HanReadings = new Map();
  if (parsed.problems.length > 0) return { readings, problems: parsed.problems };
  const result = validate(hanReadingsValidator, parsed.value ?? {});
  if (!result.ok) return { readings, problems: result.issues.map((i) => ({ file: display(file), ...i })) };
  for (const [ch, { reading }] of Object.entries(result.value))
    readings.set(ch, Array.isArray(reading) ? reading : [reading]);
  return { readings, problems: [] };
}

export interface GlossarySources {
  readonly entries: (GlossarySourceEntry & { file: string; position: number })[];
  readonly hanReadings: HanReadings;
}

/** Reads the hand-written glossary files; throws a {@link SourceError} on any shape problem. */
export function loadGlossarySources(dir = GLOSSARY_DIR): GlossarySources {
  const problems: SourceProblem[] = [];
  const entries: GlossarySources['entries'] = [];
  for (const file of yamlFiles(dir, [HAN_READINGS_FILE])) {
    const parsed = parseYaml(readFileSync(file, 'utf8'), file);
    if (parsed.problems.length > 0) {
      problems.push(...parsed.problems);
      continue;
    }
    const result = validateGlossaryFile(parsed.value ?? []);
    if (!result.ok) {
      problems.push(...result.issues.map((i) => ({ file: display(file), ...i })));
      continue;
    }
    result.value.forEach((e, position) => entries.push({ ...e, file: display(file), position }));
  }
  const readingsFile = join(dir, HAN_READINGS_FILE);
  const { readings, problems: readingProblems } = parseHanReadings(readFileSync(readingsFile, 'utf8'), readingsFile);
  problems.push(...readingProblems);
  if (problems.length > 0) throw new SourceError(problems);
  return { entries, hanReadings: readings };
}

type Located = GlossarySources['entries'][number];
const where = (e: Located) => `[${e.position}] (${e.vi})`;

/**
 * Checks the glossary as a whole (duplicate headwords, Hán readings against Unihan and the cited
 * supplements) and merges the CLDR countries under it.
 */
export async function checkGlossary(
  sources: GlossarySources,
): Promise<{ entries: SourcedEntry[]; unihan: Map<string, UnihanRecord> }> {
  const problems: SourceProblem[] = [];
  for (const issue of duplicateFormIssues(sources.entries, (e) => `${e.file} ${where(e)}`)) {
    problems.push({
      file: issue.path.split(' ')[0]!,
      path: issue.path.slice(issue.path.indexOf(' ') + 1),
      message: issue.message,
    });
  }
  const chars = sources.entries.flatMap((e) => [...(e.han ?? '')].filter((c) => c !== '_'));
  const unihan = await lookupUnihan(chars);
  const readingsOf = (ch: string) => [...(unihan.get(ch)?.vietnamese ?? []), ...(sources.hanReadings.get(ch) ?? [])];
  for (const e of sources.entries) {
    for (const message of hanIssues(e, readingsOf)) problems.push({ file: e.file, path: where(e), message });
  }
  if (problems.length > 0) throw new SourceError(problems);
  const entries = mergeGenerated(
    sources.entries.map(({ file: _f, position: _p, ...e }) => e),
    cldrCountryEntries().map(({ region: _r, ...e }) => e),
  );
  return { entries, unihan };
}

/**
 * Checks and compiles the glossary with the CLDR countries merged in. `paint` finds entries in
 * the corpus for their occurrence lists (the glossary alone when not given).
 */
export async function buildGlossary(
  sources: GlossarySources,
  articles: readonly CorpusArticle[],
): Promise<CompiledGlossary> {
  const { entries, unihan } = await checkGlossary(sources);
  return compileGlossary(entries, articles, (ch) => unihan.get(ch)?.definition ?? null);
}

/** Everything `npm run corpus` produces. */
export interface BuiltData {
  corpus: CompiledCorpus;
  glossary: CompiledGlossary;
  supplement: CompiledSupplement;
  dictionary: CompiledDictionary;
  /** The lexicon's index over the glossary, the supplement and the dictionary. */
  lexiconIndex: CompiledLexiconIndexFile;
}

/**
 * Reads, checks and compiles every source. The glossary's occurrence lists and the lexicon's
 * index come from the lexicon of all three, so they agree with what the extension paints.
 * `supplementDir` is the supplement's folder (tests point it at fixtures).
 */
export async function buildData(supplementDir = SUPPLEMENT_DIR): Promise<BuiltData> {
  const articles = loadArticles();
  const sources = loadGlossarySources();
  const supplement = await buildSupplement(loadSupplementSources(supplementDir), sources.hanReadings);
  const dictionary = await buildDictionary(loadDictionaryRows());
  const { entries, unihan } = await checkGlossary(sources);
  const lexicon = Lexicon.build(entries, supplement.entries, new Dictionary(dictionary.words, dictionary));
  const glossary = compileGlossary(
    entries,
    articles,
    (ch) => unihan.get(ch)?.definition ?? null,
    (text) => lexicon.paint(text),
  );
  return {
    corpus: compileCorpus(articles),
    glossary,
    supplement,
    dictionary,
    lexiconIndex: compileLexiconIndex(lexicon, {
      glossary: glossary.entries.length,
      supplement: supplement.entries.length,
      dictionary: dictionary.words.length,
    }),
  };
}
