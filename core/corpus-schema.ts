/**
 * The schema of a corpus source file (`assets/corpus/<id>.yaml`) and the checks that go beyond
 * shape: ids, duplicates, and numbers carried over into the English.
 */

import { compareNumbers } from './numbers';
import { normalizeText } from './normalize';
import {
  array,
  literal,
  nullable,
  object,
  optional,
  refine,
  string,
  validate,
  type Infer,
  type Issue,
  type Result,
  type Validator,
} from './validate';

export const PARAGRAPH_KINDS = ['lead', 'heading', 'caption', 'credit'] as const;
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number];

export interface CorpusParagraph {
  kind?: ParagraphKind;
  vi: string;
  en: string;
}

export interface CorpusSource {
  outlet: string | null;
  author: string | null;
  /** ISO 8601, as precise as the seed gives it. */
  published: string | null;
  credits: string[];
  /** The file in ../shared/seeds a bundled article was taken from; null for a reader's own article. */
  seed: string | null;
  /** Where the article was published, when known (a reader's own article may give it). */
  url?: string | null;
}

export interface CorpusArticle {
  id: string;
  title: { vi: string; en: string };
  source: CorpusSource;
  paragraphs: CorpusParagraph[];
}

/** Markup in a field: fields are text, and a tag in one is a scrape residue or an attack. */
const MARKUP = /<\/?[a-z!?][^>]*>/i;

const text = (max: number) =>
  refine(string({ nonBlank: true, max }), (v) =>
    MARKUP.test(v) ? `must be plain text, not markup: found ${JSON.stringify(v.match(MARKUP)![0].slice(0, 40))}` : null,
  );
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2}))?$/;

const seedFile = string({
  pattern: /^[\w.-]+\.txt$/,
  patternMessage: 'must name a seed file, e.g. 000_59ebfc8f1aa1073e.txt',
});
const sourceUrl = string({ max: 2000, pattern: /^https?:\/\/[^\s]+$/, patternMessage: 'must be an http(s) address' });

const sourceFields = {
  outlet: nullable(text(200)),
  author: nullable(text(200)),
  published: nullable(
    refine(
      string({
        pattern: ISO_DATE,
        patternMessage: 'must be an ISO 8601 date, e.g. 2025-11-08 or 2023-09-06T12:44+07:00',
      }),
      (v) => (Number.isNaN(Date.parse(v)) ? 'is not a real date' : null),
    ),
  ),
  credits: array(text(200), { max: 50 }),
  url: optional(nullable(sourceUrl)),
};

/**
 * The one article schema, for the bundled corpus and for readers' own articles alike; only the
 * source differs: a bundled article names its seed file, a reader's may not (`seed` null or absent).
 */
function articleShape<S>(source: Validator<S>) {
  return object({
    id: string({
      pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/,
      patternMessage: 'must be a slug: a-z, 0-9 and single hyphens',
      max: 120,
    }),
    title: object({ vi: text(500), en: text(500) }),
    source,
    paragraphs: array(
      object({
        kind: optional(literal(...PARAGRAPH_KINDS)),
        vi: text(20_000),
        en: text(20_000),
      }),
      { min: 1, max: 2_000 },
    ),
  });
}

export const articleValidator = articleShape(object({ ...sourceFields, seed: seedFile }));
/** A reader's own article: the bundled schema, with `seed` optional. */
export const userArticleValidator = articleShape(object({ ...sourceFields, seed: optional(nullable(seedFile)) }));
/** A reader's article as given (an import, the "Add an English version" page): `seed` may be absent. */
export type UserArticleDraft = Infer<typeof userArticleValidator>;

/** Problems beyond shape within one article: duplicate paragraphs, numbers not carried over. */
export function articleContentIssues(article: CorpusArticle): Issue[] {
  const issues = repeatedParagraphIssues(article);
  article.paragraphs.forEach((p, i) => {
    for (const problem of compareNumbers(p.vi, p.en)) issues.push({ path: `paragraphs[${i}].en`, message: problem });
  });
  for (const problem of compareNumbers(article.title.vi, article.title.en)) {
    issues.push({ path: 'title.en', message: problem });
  }
  return issues;
}

/**
 * Vietnamese paragraphs an article gives twice: recognition could not tell them apart. (Paths
 * count paragraphs from 0, as the automation contract does.)
 */
export function repeatedParagraphIssues(article: CorpusArticle): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  article.paragraphs.forEach((p, i) => {
    const key = normalizeText(p.vi).toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) issues.push({ path: `paragraphs[${i}].vi`, message: `repeats paragraph ${first}` });
    else seen.set(key, i);
  });
  return issues;
}

/**
 * Validates one parsed source file. `fileName` is the file's base name, which must be the id.
 * Issue paths start with the article id and name the paragraph, e.g.
 * `isw-north-korean-troops-kursk › paragraphs[3].en: the number 10000 … is missing`.
 */
export function validateArticle(value: unknown, fileName: string): Result<CorpusArticle> {
  const result = validate(articleValidator, value);
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  const label = typeof id === 'string' ? id : '(no id)';
  const prefix = (issues: Issue[]) => issues.map((i) => ({ path: `${label} › ${i.path}`, message: i.message }));
  if (!result.ok) return { ok: false, issues: prefix(result.issues) };
  const issues = articleContentIssues(result.value);
  const expected = fileName.replace(/\.ya?ml$/, '');
  if (result.value.id !== expected) issues.unshift({ path: 'id', message: `must equal the file name "${expected}"` });
  return issues.length > 0 ? { ok: false, issues: prefix(issues) } : result;
}

/** Problems across articles: duplicate ids, the same paragraph in two articles. */
export function corpusIssues(articles: readonly CorpusArticle[]): Issue[] {
  const issues: Issue[] = [];
  const ids = new Set<string>();
  const paragraphs = new Map<string, string>();
  for (const a of articles) {
    if (ids.has(a.id)) issues.push({ path: a.id, message: 'id is used by another article' });
    ids.add(a.id);
    a.paragraphs.forEach((p, i) => {
      const key = normalizeText(p.vi).toLowerCase();
      const other = paragraphs.get(key);
      if (other && !other.startsWith(`${a.id}:`)) {
        issues.push({ path: `${a.id} › paragraphs[${i}]`, message: `is the same text as ${other}` });
      }
      paragraphs.set(key, `${a.id}:${i}`);
    });
  }
  return issues;
}
