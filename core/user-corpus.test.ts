/** The live corpus: readers' articles recognised like bundled ones, added, replaced and deleted. */

import { beforeEach, describe, expect, test } from 'vitest';
import { loadArticles } from '@/scripts/lib/data-sources';
import { compileCorpus, loadCorpus, type Corpus } from './corpus-format';
import { scoreBlock } from './corpus-match';
import { keyOf, resolvePage } from './corpus-resolve';
import { analyzeTexts } from './page-analysis';
import type { CorpusArticle } from './corpus-schema';
import { sentenceTexts } from './sentences';
import { LiveCorpus, userArticleRecord } from './user-corpus';
import { METRO } from '@/tests/fixtures/reader-articles';

const bundledArticles = loadArticles();
const compiled = JSON.stringify(compileCorpus(bundledArticles));
const freshBundled = (): Corpus => loadCorpus(JSON.parse(compiled));

const withText = (a: CorpusArticle, suffix: string): CorpusArticle => ({
  ...a,
  paragraphs: a.paragraphs.map((p) => ({ ...p, vi: `${p.vi} ${suffix}` })),
});

/** What a page of these blocks is recognised as, in the contract's `<id>:<index>` form. */
function recognise(corpus: Corpus, blocks: readonly string[]): string[][] {
  const candidates = blocks.map((text) =>
    scoreBlock(corpus.index, text).candidates.map((c) => ({
      articleId: corpus.articles[c.article]!.id,
      index: c.index,
      hits: c.hits,
      coverage: c.coverage,
      purity: c.purity,
      paragraphShingles: c.paragraphShingles,
    })),
  );
  return resolvePage(candidates).map((r) => r.matches.map(keyOf));
}

let live: LiveCorpus;
beforeEach(() => {
  live = new LiveCorpus(freshBundled());
});

describe('LiveCorpus', () => {
  test('a reader’s article is recognised like a bundled one, on the same page', () => {
    const bundled = bundledArticles[0]!;
    expect(
      recognise(
        live,
        METRO.paragraphs.map((p) => p.vi),
      ),
    ).toEqual([[], []]);
    live.add([userArticleRecord(METRO, 1)]);
    const page = [bundled.paragraphs[0]!.vi, ...METRO.paragraphs.map((p) => p.vi)];
    expect(recognise(live, page)).toEqual([[`${bundled.id}:0`], ['hanoi-metro-trial:0'], ['hanoi-metro-trial:1']]);
  });

  test('sentence pairs are computed when the article is saved, as the build computes them', () => {
    const record = userArticleRecord(METRO, 1);
    const p = METRO.paragraphs[0]!;
    expect(record.sentences[0]!.flatMap((pair) => pair.en.map(([s, e]) => p.en.slice(s, e)))).toEqual(
      sentenceTexts(p.en, 'en'),
    );
    live.add([record]);
    expect(live.sentences[live.articles.length - 1]).toBe(record.sentences);
  });

  test('re-adding an id replaces the reader’s article, and deleting forgets it', () => {
    const other: CorpusArticle = {
      ...METRO,
      id: 'other',
      paragraphs: [{ vi: 'Giá vàng miếng trong nước sáng nay tăng thêm 500.000 đồng mỗi lượng.', en: 'x' }],
    };
    live.add([userArticleRecord(METRO, 1), userArticleRecord(other, 2)]);
    const replaced = withText(METRO, 'Các ga ngầm sẽ hoàn thành vào năm 2027.');
    live.add([userArticleRecord(replaced, 3)]);
    expect(live.userArticles.map((a) => a.id)).toEqual(['other', 'hanoi-metro-trial']);
    expect(live.articles.filter((a) => a.id === METRO.id)).toEqual([replaced]);
    expect(live.remove(['hanoi-metro-trial', bundledArticles[0]!.id])).toBe(1);
    expect(live.userArticles.map((a) => a.id)).toEqual(['other']);
    expect(recognise(live, [METRO.paragraphs[1]!.vi])).toEqual([[]]);
    // The bundled articles are untouched, and found where they were.
    expect(live.articles.slice(0, bundledArticles.length)).toEqual(bundledArticles);
    expect(recognise(live, [bundledArticles[2]!.paragraphs[1]!.vi])).toEqual([[`${bundledArticles[2]!.id}:1`]]);
  });

  test('refuses a bundled id', () => {
    expect(() => live.add([userArticleRecord({ ...METRO, id: bundledArticles[0]!.id }, 1)])).toThrow(/comes with/);
  });

  test('summaries list bundled and user articles', () => {
    live.add([userArticleRecord(METRO, 1)]);
    const summaries = live.summaries();
    expect(summaries.filter((s) => !s.user)).toHaveLength(bundledArticles.length);
    expect(summaries.at(-1)).toEqual({
      id: 'hanoi-metro-trial',
      title: METRO.title,
      outlet: 'VnExpress',
      published: '2024-05-20',
      url: 'https://vnexpress.net/a.html',
      paragraphs: 2,
      user: true,
    });
  });

  test('loading with stored articles recognises them from the start', () => {
    const loaded = new LiveCorpus(freshBundled(), [userArticleRecord(METRO, 1)]);
    expect(loaded.isUser('hanoi-metro-trial')).toBe(true);
    expect(loaded.isUser(bundledArticles[0]!.id)).toBe(false);
    expect(recognise(loaded, [METRO.paragraphs[1]!.vi])).toEqual([['hanoi-metro-trial:1']]);
  });

  test('a headline is recognised for the articles there are now: added after the first page, not after deletion', () => {
    // A lexicon that paints nothing: only the headline is under test.
    const lexicon = { glossary: [], paint: () => [] } as unknown as Parameters<typeof analyzeTexts>[1];
    const headline = (text: string) => analyzeTexts(live, lexicon, [text]).results[0]!.title;
    const bundledTitle = bundledArticles[1]!.title.vi;
    // The worker has read a page before the reader adds an article.
    expect(headline(bundledTitle)).toEqual({ articleId: bundledArticles[1]!.id, exact: true });
    expect(headline(METRO.title.vi)).toBeUndefined();
    live.add([userArticleRecord(METRO, 1)]);
    expect(headline(METRO.title.vi)).toEqual({ articleId: 'hanoi-metro-trial', exact: true });
    expect(headline('Tuyến metro Nhổn - ga Hà Nội bắt đầu chạy thử')).toEqual({
      articleId: 'hanoi-metro-trial',
      exact: false,
    });
    // Deleted: its headline is nobody's, and reading it does not fail.
    live.remove(['hanoi-metro-trial']);
    expect(headline(METRO.title.vi)).toBeUndefined();
    expect(headline(bundledTitle)).toEqual({ articleId: bundledArticles[1]!.id, exact: true });
  });
});
