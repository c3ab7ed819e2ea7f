/**
 * The corpus matcher end to end (index → block scores → page resolution) on the real corpus with
 * every variation real pages show, and on real news that is not in the corpus.
 */

import { beforeAll, describe, expect, test } from 'vitest';
import { loadArticles } from '@/scripts/lib/data-sources';
import { articlePages, evaluate, foreignPages, foreignNews, sameTopicNews } from '@/scripts/lib/matching-cases';
import { compileCorpus, loadCorpus, type Corpus } from './corpus-format';
import type { CorpusArticle } from './corpus-schema';

let articles: CorpusArticle[];
let corpus: Corpus;
let ids: string[];

beforeAll(() => {
  articles = loadArticles();
  corpus = loadCorpus(JSON.parse(JSON.stringify(compileCorpus(articles))));
  ids = corpus.articles.map((a) => a.id);
});

describe('corpus matching', () => {
  test('recognises the corpus under every variation, with precision and recall reported', () => {
    const result = evaluate(corpus.index, ids, articlePages(articles));
    console.log(
      `corpus pages: ${result.blocks} blocks, ${result.expectedClaims} expected claims; ` +
        `precision ${result.precision.toFixed(4)}, recall ${result.recall.toFixed(4)}`,
    );
    console.table(
      Object.fromEntries(
        Object.entries(result.byVariation).map(([k, [c, n]]) => [
          k,
          { correct: c, expected: n, recall: n ? c / n : 1 },
        ]),
      ),
    );
    for (const e of result.errors) console.log(e);
    expect(result.blocks).toBeGreaterThan(500);
    expect(result.errors.filter((e) => e.includes('wrongly'))).toEqual([]);
    expect(result.precision).toBe(1);
    expect(result.recall).toBeGreaterThanOrEqual(0.98);
  });

  test('never claims real news that is not in the corpus, even on the same events', () => {
    const pages = foreignPages();
    const result = evaluate(corpus.index, ids, pages);
    console.log(
      `foreign pages: ${result.blocks} blocks (${foreignNews().length} news sentences, ${sameTopicNews().length} same-topic paragraphs); claims ${result.claims}`,
    );
    expect(result.blocks).toBeGreaterThanOrEqual(1200);
    expect(result.errors).toEqual([]);
  });

  test('foreign news on a page that shows a corpus article is still not claimed', () => {
    // The article gives the page context, which must never stand in for textual evidence.
    const sameTopic = sameTopicNews();
    const pages = articles.map((a, k) => ({
      name: `${a.id}/with-same-topic`,
      blocks: a.paragraphs.flatMap((p, i) => [
        { text: p.vi, expected: [`${a.id}:${i}`], variation: 'exact' },
        { text: sameTopic[(k * 31 + i) % sameTopic.length]!, expected: [], variation: 'same-topic' },
      ]),
    }));
    const result = evaluate(corpus.index, ids, pages);
    expect(result.errors).toEqual([]);
  });
});
