/**
 * Readers' own articles, checked without reading any file format: the limits of an import, the
 * problems it reports, and the validation of article values with the bundled corpus' own schema.
 * The options page reads the files (YAML or JSON, with line numbers: `article-import.ts`); the
 * background checks again what it is sent, and only this module, so the YAML parser stays out of
 * the service worker, whose script every cold start compiles.
 *
 * Every problem names the file, the article, the paragraph (1-based, as a reader counts) and the
 * field, and the line where the file is YAML and the page read it. An import is all or nothing:
 * any problem in any file and nothing is written.
 */

import {
  repeatedParagraphIssues,
  userArticleValidator,
  type CorpusArticle,
  type UserArticleDraft,
} from './corpus-schema';
import { validate, type Issue } from './validate';

/** The largest file read at all: a reader's article is tens of kilobytes; a book is not an article. */
export const MAX_ARTICLE_FILE_BYTES = 5_000_000;
/** The most one import takes, all files together. */
export const MAX_ARTICLE_IMPORT_BYTES = 20_000_000;
/** The most articles one import takes. */
export const MAX_ARTICLES_PER_IMPORT = 1_000;

/** One problem with an imported file, located as precisely as the file allows. */
export interface ArticleProblem {
  readonly file: string;
  /** The article's id, or its position in the file ("article 2") when it has no usable id. */
  readonly article: string | null;
  /** 1-based paragraph number, when the problem is inside a paragraph. */
  readonly paragraph: number | null;
  /** The field inside the article or paragraph, e.g. `en`, `source.url`. */
  readonly field: string | null;
  /** 1-based line in a YAML file, when known. */
  readonly line: number | null;
  readonly message: string;
}

/** A problem as one line a reader can act on. */
export function formatArticleProblem(p: ArticleProblem): string {
  const where = [
    p.file,
    p.line !== null ? `line ${p.line}` : null,
    p.article !== null ? `article “${p.article}”` : null,
    p.paragraph !== null ? `paragraph ${p.paragraph}` : null,
    p.field !== null ? `field “${p.field}”` : null,
  ].filter((x) => x !== null);
  return `${where.join(', ')}: ${p.message}`;
}

/** Refuses files too large to read, before anything reads them. */
export function importSizeProblems(files: readonly { name: string; size: number }[]): ArticleProblem[] {
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  const problems: ArticleProblem[] = files
    .filter((f) => f.size > MAX_ARTICLE_FILE_BYTES)
    .map((f) => ({
      ...at(f.name),
      message: `the file is too large (${mb(f.size)}; an article file may be at most ${mb(MAX_ARTICLE_FILE_BYTES)}). Nothing was read.`,
    }));
  const total = files.reduce((n, f) => n + f.size, 0);
  if (problems.length === 0 && total > MAX_ARTICLE_IMPORT_BYTES) {
    problems.push({
      ...at(files.map((f) => f.name).join(', ')),
      message: `the files are too large together (${mb(total)}; one import may be at most ${mb(MAX_ARTICLE_IMPORT_BYTES)}). Nothing was read.`,
    });
  }
  return problems;
}

/** A problem's place in `file` (and `article`), before anything more precise is known. */
export const at = (file: string, article: string | null = null): Omit<ArticleProblem, 'message'> => ({
  file,
  article,
  paragraph: null,
  field: null,
  line: null,
});

/** Where in a parsed file a validator path points: a YAML node's line, when the file is YAML. */
export type Locate = (path: (string | number)[]) => number | null;

/** `paragraphs[3].en` → ['paragraphs', 3, 'en']. */
function pathKeys(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

function problemOf(file: string, article: string, issue: Issue, prefix: (string | number)[], locate: Locate) {
  const keys = pathKeys(issue.path);
  let paragraph: number | null = null;
  let field: string | null = issue.path || null;
  if (keys[0] === 'paragraphs' && typeof keys[1] === 'number') {
    paragraph = keys[1] + 1;
    field = keys.slice(2).join('.') || null;
  }
  // The line of the deepest node that exists (a missing field: its paragraph's line).
  let line: number | null = null;
  for (let n = keys.length; n >= 0 && line === null; n--) line = locate([...prefix, ...keys.slice(0, n)]);
  return { file, article, paragraph, field, line, message: issue.message };
}

/** A reader's article, validated, in the form it is stored in: no seed and no url are null. */
export function readerArticleOf(v: UserArticleDraft): CorpusArticle {
  return { ...v, source: { ...v.source, seed: v.source.seed ?? null, url: v.source.url ?? null } };
}

/** Why a reader's article may not have this id: it is a bundled article's. */
export const bundledIdMessage = (id: string): string =>
  `“${id}” is the id of an article that comes with Song ngữ; give your article another id`;

/** Validates one article value; `position` names it when it has no usable id. */
function validateOne(
  value: unknown,
  file: string,
  position: string,
  prefix: (string | number)[],
  locate: Locate,
): { article?: CorpusArticle; problems: ArticleProblem[] } {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  const label = typeof id === 'string' && id.length > 0 && id.length <= 120 ? id : position;
  const result = validate(userArticleValidator, value);
  if (!result.ok) return { problems: result.issues.map((i) => problemOf(file, label, i, prefix, locate)) };
  const article = readerArticleOf(result.value);
  // A paragraph given twice would make recognition ambiguous. (The bundled corpus also checks
  // that numbers carry over into the English: that is our editorial rule, not the reader's.)
  const issues = repeatedParagraphIssues(article).map((i) => ({
    ...i,
    message: i.message.replace(/\d+$/, (n) => String(Number(n) + 1)),
  }));
  return issues.length > 0
    ? { problems: issues.map((i) => problemOf(file, label, i, prefix, locate)) }
    : { article, problems: [] };
}

/**
 * Reads the articles of one parsed file: one article, or a list of them. `locate` finds a path's
 * line in the file.
 */
export function articlesOfValue(
  value: unknown,
  file: string,
  locate: Locate = () => null,
): { articles: CorpusArticle[]; problems: ArticleProblem[] } {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) return { articles: [], problems: [{ ...at(file), message: 'holds no articles' }] };
  if (list.length > MAX_ARTICLES_PER_IMPORT) {
    return {
      articles: [],
      problems: [
        { ...at(file), message: `holds ${list.length} articles; one import takes at most ${MAX_ARTICLES_PER_IMPORT}` },
      ],
    };
  }
  const articles: CorpusArticle[] = [];
  const problems: ArticleProblem[] = [];
  list.forEach((item, k) => {
    const prefix = Array.isArray(value) ? [k] : [];
    const one = validateOne(item, file, `article ${k + 1}`, prefix, locate);
    problems.push(...one.problems);
    if (one.article) articles.push(one.article);
  });
  return { articles: problems.length > 0 ? [] : articles, problems };
}

/** One file of an import, read: its articles (when it has no problems) and its problems. */
export interface ReadFile {
  readonly name: string;
  readonly articles: readonly CorpusArticle[];
  readonly problems: readonly ArticleProblem[];
}

/**
 * Checks a whole import across its files, once each is read: an id of a bundled article is
 * refused, as is an id two articles share; an id of the reader's own stored article is allowed
 * (the import replaces it).
 */
export function checkAcrossFiles(
  files: readonly ReadFile[],
  bundledIds: ReadonlySet<string>,
): { articles: CorpusArticle[]; problems: ArticleProblem[] } {
  const articles: CorpusArticle[] = [];
  const problems: ArticleProblem[] = [];
  const fileOf = new Map<string, string>();
  for (const f of files) {
    problems.push(...f.problems);
    for (const a of f.articles) {
      const field = { ...at(f.name, a.id), field: 'id' };
      if (bundledIds.has(a.id)) {
        problems.push({ ...field, message: bundledIdMessage(a.id) });
      } else if (fileOf.has(a.id)) {
        problems.push({ ...field, message: `“${a.id}” is also the id of an article in ${fileOf.get(a.id)!}` });
      } else {
        fileOf.set(a.id, f.name);
        articles.push(a);
      }
    }
  }
  if (articles.length > MAX_ARTICLES_PER_IMPORT) {
    problems.push({
      ...at(files.map((f) => f.name).join(', ')),
      message: `one import takes at most ${MAX_ARTICLES_PER_IMPORT} articles, got ${articles.length}`,
    });
  }
  return { articles: problems.length > 0 ? [] : articles, problems };
}

/** The most problems an import's refusal lists; the rest are counted. */
const MAX_LISTED = 30;

/** An import refused: its problems as lines a reader can act on, then "Nothing was imported.". */
export function refusal(problems: readonly ArticleProblem[]): { ok: false; errors: string[] } {
  const errors = problems.slice(0, MAX_LISTED).map(formatArticleProblem);
  if (problems.length > MAX_LISTED) errors.push(`… and ${problems.length - MAX_LISTED} more problems.`);
  return { ok: false, errors: [...errors, 'Nothing was imported.'] };
}

/** The background's check of an import: each file's article values, then ids across the files. */
export function checkImportedValues(
  files: readonly { name: string; value: unknown }[],
  bundledIds: ReadonlySet<string>,
): { articles: CorpusArticle[]; problems: ArticleProblem[] } {
  return checkAcrossFiles(
    files.map((f) => ({ name: f.name, ...articlesOfValue(f.value, f.name) })),
    bundledIds,
  );
}
