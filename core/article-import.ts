/**
 * Readers' own article files, as the options page reads them: YAML in the corpus format of
 * `assets/corpus/README.md`, or JSON of the same shape (one article or a list), checked with the
 * line of every problem; and an article written back out as YAML for export. The checks themselves
 * are `article-check.ts`'s, which the background runs again on what it is sent.
 */

import { LineCounter, parseDocument, stringify } from 'yaml';
import {
  articlesOfValue,
  at,
  checkAcrossFiles,
  type ArticleProblem,
  type Locate,
  type ReadFile,
} from './article-check';
import type { CorpusArticle } from './corpus-schema';

export {
  formatArticleProblem,
  importSizeProblems,
  MAX_ARTICLE_FILE_BYTES,
  MAX_ARTICLE_IMPORT_BYTES,
  MAX_ARTICLES_PER_IMPORT,
  type ArticleProblem,
} from './article-check';

/** Parses one imported file's text: `.json` as JSON, anything else as YAML. */
export function parseArticleFile(
  name: string,
  text: string,
): { articles: CorpusArticle[]; problems: ArticleProblem[] } {
  if (/\.json$/i.test(name)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const position = /position (\d+)/.exec(message);
      const line = position ? text.slice(0, Number(position[1])).split('\n').length : null;
      return { articles: [], problems: [{ ...at(name), line, message: `is not valid JSON: ${message}` }] };
    }
    return articlesOfValue(value, name);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    return {
      articles: [],
      problems: doc.errors.map((e) => ({
        ...at(name),
        line: e.linePos ? e.linePos[0].line : null,
        message: `is not valid YAML: ${e.message.split('\n')[0]!}`,
      })),
    };
  }
  const locate: Locate = (path) => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : null;
  };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Aliases that would expand into an enormous document.
    return {
      articles: [],
      problems: [{ ...at(name), message: `is not usable YAML: ${e instanceof Error ? e.message : String(e)}` }],
    };
  }
  return articlesOfValue(value, name, locate);
}

/**
 * Reads an import's files (`.json` as JSON, anything else as YAML) and checks them, ids across
 * files included: what the options page does before it sends anything. Ids of bundled articles
 * are the background's to refuse (pass them here where they are known).
 */
export function readArticleFiles(
  files: readonly { name: string; text: string }[],
  bundledIds: ReadonlySet<string> = new Set(),
): { files: ReadFile[]; problems: ArticleProblem[] } {
  const read = files.map((f) => ({ name: f.name, ...parseArticleFile(f.name, f.text) }));
  const { problems } = checkAcrossFiles(read, bundledIds);
  return { files: problems.length > 0 ? [] : read, problems };
}

/** One article in the corpus file format (YAML), as an export writes it: it imports back as it was. */
export function articleToYaml(article: CorpusArticle): string {
  const { source } = article;
  const out = {
    id: article.id,
    title: article.title,
    source: {
      outlet: source.outlet,
      author: source.author,
      published: source.published,
      credits: source.credits,
      seed: source.seed,
      ...(source.url ? { url: source.url } : {}),
    },
    paragraphs: article.paragraphs.map((p) => (p.kind ? { kind: p.kind, vi: p.vi, en: p.en } : { vi: p.vi, en: p.en })),
  };
  return stringify(out, { lineWidth: 0 });
}
