/**
 * The background's answers about the reader's own articles: import (all or nothing), save from
 * "Add an English version", delete, export, and the list the library and options page show. The
 * database is written first and the live corpus after, so a failed write changes nothing, and a
 * successful one is recognised on the very next analysis.
 */

import { articlesOfValue, checkImportedValues, formatArticleProblem, refusal } from '@/core/article-check';
import { userArticleRecord, type LiveCorpus } from '@/core/user-corpus';
import { array, object, string, validate, type Validator } from '@/core/validate';
import type { Handlers, Protocol } from '@/lib/messaging';
import type { PageParagraphs } from '@/lib/protocol';
import type { ArticleStore } from './article-store';
import { newToken } from './staged-highlights';
import { holdExport, receiveImportChunk } from './transfers';

type ArticleMessages =
  | 'listArticles'
  | 'importArticles'
  | 'saveArticle'
  | 'deleteArticle'
  | 'exportArticle'
  | 'getPageParagraphs';

export interface ArticleDeps {
  readonly store: ArticleStore;
  /** The live corpus the engine reads pages with. */
  readonly corpus: () => Promise<LiveCorpus>;
  /** Asks a tab's content script for its page's paragraphs. */
  readonly pageParagraphs: (tabId: number) => Promise<PageParagraphs>;
  readonly now?: () => number;
}

/** A file's articles as the options page read them: checked here again, article by article. */
const anyValue: Validator<unknown> = (value) => value;
const filesValidator = array(object({ name: string({ max: 500 }), articles: anyValue }), { min: 1, max: 100 });

export function articleHandlers(deps: ArticleDeps): Pick<Handlers<Protocol>, ArticleMessages> {
  const now = deps.now ?? Date.now;
  // Changes run one after another: an import must not interleave with a delete.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    listArticles: async () => (await deps.corpus()).summaries(),

    importArticles: async ({ importId, index, chunks, text }) => {
      const whole = receiveImportChunk(importId, index, chunks, text, now());
      if (whole === null) return null;
      let value: unknown;
      try {
        value = JSON.parse(whole);
      } catch {
        return { ok: false, errors: ['The import arrived damaged. Nothing was imported.'] };
      }
      const files = validate(filesValidator, value);
      if (!files.ok) return { ok: false, errors: ['The import arrived damaged. Nothing was imported.'] };
      return serial(async () => {
        const corpus = await deps.corpus();
        const checked = checkImportedValues(
          files.value.map((f) => ({ name: f.name, value: f.articles })),
          corpus.bundled,
        );
        if (checked.problems.length > 0) return refusal(checked.problems);
        const at = now();
        const records = checked.articles.map((a) => userArticleRecord(a, at));
        const existing = await deps.store.existing(records.map((r) => r.id));
        await deps.store.put(records);
        corpus.add(records);
        return {
          ok: true as const,
          added: records.length - existing.size,
          replaced: existing.size,
          ids: records.map((r) => r.id),
        };
      });
    },

    saveArticle: ({ article }) =>
      serial(async () => {
        const corpus = await deps.corpus();
        const { articles, problems } = articlesOfValue(article, 'the new article');
        if (problems.length > 0) throw new Error(problems.map(formatArticleProblem).join('; '));
        const taken = new Set(corpus.articles.map((a) => a.id));
        const base = articles[0]!.id.slice(0, 110);
        let id = base;
        for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
        const record = userArticleRecord({ ...articles[0]!, id }, now());
        await deps.store.put([record]);
        corpus.add([record]);
        return { id };
      }),

    deleteArticle: ({ articleId }) =>
      serial(async () => {
        const corpus = await deps.corpus();
        if (corpus.bundled.has(articleId)) throw new Error('This article comes with Song ngữ and cannot be deleted.');
        const deleted = await deps.store.delete(articleId);
        corpus.remove([articleId]);
        return { deleted };
      }),

    exportArticle: async ({ articleId }) => {
      const article = (await deps.corpus()).articles.find((a) => a.id === articleId);
      if (!article) throw new Error(`There is no article “${articleId}”.`);
      const exportId = newToken();
      return {
        exportId,
        filename: `${article.id}.yaml`,
        mime: 'application/yaml',
        count: 1,
        // The article's JSON: the options page writes the YAML (the parser and writer stay out of
        // the service worker).
        chunks: holdExport(exportId, JSON.stringify(article), now()),
      };
    },

    getPageParagraphs: async ({ tabId }) => {
      try {
        return await deps.pageParagraphs(tabId);
      } catch {
        // No content script there (not a supported page, or loaded before the extension).
        return null;
      }
    },
  };
}
