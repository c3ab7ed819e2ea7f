/**
 * The corpus the engine reads pages with: the bundled articles and the reader's own, behind one
 * {@link Corpus}. A reader's article is recognised exactly like a bundled one: its paragraphs are
 * added to the same index, its sentence pairs computed once when it is saved (the build's own
 * alignment), and its id is its `articleId` in the automation contract.
 *
 * Adding articles is incremental (their own shingles only); replacing or deleting one re-adds
 * the reader's articles, never the bundled index.
 */

import { paragraphSentencePairs, type Corpus, type SentencePair } from './corpus-format';
import type { CorpusArticle } from './corpus-schema';
import type { TitleIndex } from './title-match';

/** A reader's article as stored: the article, its sentence pairs, when it was saved. */
export interface UserArticleRecord {
  readonly id: string;
  readonly article: CorpusArticle;
  /** `sentences[p]`: the sentence pairs of paragraph `p`, as the build computes them. */
  readonly sentences: SentencePair[][];
  readonly savedAt: number;
}

/** What a list of articles shows of one (the library, the options page). */
export interface ArticleSummary {
  id: string;
  title: { vi: string; en: string };
  outlet: string | null;
  published: string | null;
  url: string | null;
  paragraphs: number;
  /** The reader's own article (true) or one that comes with the extension. */
  user: boolean;
}

/** Makes the stored form of a reader's article, aligning its sentences as the build does. */
export function userArticleRecord(article: CorpusArticle, savedAt: number): UserArticleRecord {
  return {
    id: article.id,
    article,
    sentences: article.paragraphs.map((p) => paragraphSentencePairs(p.vi, p.en)),
    savedAt,
  };
}

export function summaryOf(article: CorpusArticle, user: boolean): ArticleSummary {
  return {
    id: article.id,
    title: article.title,
    outlet: article.source.outlet,
    published: article.source.published,
    url: article.source.url ?? null,
    paragraphs: article.paragraphs.length,
    user,
  };
}

/** The bundled corpus plus the reader's articles, kept current as they are added and deleted. */
export class LiveCorpus implements Corpus {
  readonly articles: CorpusArticle[];
  readonly sentences: SentencePair[][][];
  readonly index: Corpus['index'];
  readonly titles: TitleIndex;
  private readonly bundledCount: number;
  private readonly bundledIds: ReadonlySet<string>;

  constructor(bundled: Corpus, records: readonly UserArticleRecord[] = []) {
    this.articles = [...bundled.articles];
    this.sentences = bundled.sentences.map((a) => a.map((p) => [...p]));
    this.bundledCount = bundled.articles.length;
    // The bundled corpus' index and titles, with anything added to them before dropped.
    this.index = bundled.index;
    this.index.clearAdded();
    this.titles = bundled.titles;
    this.titles.truncate(this.bundledCount);
    this.bundledIds = new Set(bundled.articles.map((a) => a.id));
    this.append(records);
  }

  /** The ids of the articles that come with the extension. */
  get bundled(): ReadonlySet<string> {
    return this.bundledIds;
  }

  /** The reader's articles, in the order they were added. */
  get userArticles(): readonly CorpusArticle[] {
    return this.articles.slice(this.bundledCount);
  }

  isUser(id: string): boolean {
    return !this.bundledIds.has(id) && this.articles.some((a) => a.id === id);
  }

  /**
   * Adds the reader's articles; one with the id of a reader's article already here replaces it.
   * A bundled id is refused (the import checks it first; this is the last guard).
   */
  add(records: readonly UserArticleRecord[]): void {
    const clash = records.find((r) => this.bundledIds.has(r.id));
    if (clash) throw new Error(`“${clash.id}” is the id of an article that comes with Song ngữ`);
    const ids = new Set(records.map((r) => r.id));
    if (this.userArticles.some((a) => ids.has(a.id))) {
      this.rebuildUser((a) => !ids.has(a.id));
    }
    this.append(records);
  }

  /** Removes the reader's articles with these ids; returns how many there were. */
  remove(ids: readonly string[]): number {
    const gone = new Set(ids.filter((id) => !this.bundledIds.has(id)));
    const before = this.articles.length;
    if (this.userArticles.some((a) => gone.has(a.id))) this.rebuildUser((a) => !gone.has(a.id));
    return before - this.articles.length;
  }

  summaries(): ArticleSummary[] {
    return this.articles.map((a, k) => summaryOf(a, k >= this.bundledCount));
  }

  private append(records: readonly UserArticleRecord[]): void {
    for (const r of records) {
      this.index.addArticle(
        this.articles.length,
        r.article.paragraphs.map((p) => p.vi),
      );
      this.titles.add(r.article.id, r.article.title.vi);
      this.articles.push(r.article);
      this.sentences.push(r.sentences);
    }
  }

  /** Keeps the reader's articles that pass `keep` and adds them to the index again. */
  private rebuildUser(keep: (a: CorpusArticle) => boolean): void {
    const kept = this.articles
      .slice(this.bundledCount)
      .map((article, k) => ({ article, sentences: this.sentences[this.bundledCount + k]! }))
      .filter((r) => keep(r.article));
    this.articles.length = this.bundledCount;
    this.sentences.length = this.bundledCount;
    this.titles.truncate(this.bundledCount);
    this.index.clearAdded();
    this.append(kept.map((r) => ({ id: r.article.id, article: r.article, sentences: r.sentences, savedAt: 0 })));
  }
}
