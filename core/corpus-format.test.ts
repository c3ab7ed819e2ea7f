/** The compiled corpus: a JSON round trip, the sentence pairs it carries, and strict loading. */

import { beforeAll, describe, expect, test } from 'vitest';
import { loadArticles } from '@/scripts/lib/data-sources';
import { compileCorpus, CORPUS_FORMAT_VERSION, loadCorpus, type CompiledCorpus, type Corpus } from './corpus-format';
import type { CorpusArticle } from './corpus-schema';
import { sentenceTexts } from './sentences';

let articles: CorpusArticle[];
let compiled: CompiledCorpus;
let corpus: Corpus;

beforeAll(() => {
  articles = loadArticles();
  compiled = JSON.parse(JSON.stringify(compileCorpus(articles))) as CompiledCorpus;
  corpus = loadCorpus(compiled);
});

describe('sentence pairs', () => {
  test('every paragraph has its sentences paired, each sentence once, in text order', () => {
    expect(compiled.version).toBe(CORPUS_FORMAT_VERSION);
    articles.forEach((a, k) => {
      a.paragraphs.forEach((p, i) => {
        const pairs = corpus.sentences[k]![i]!;
        const vi = pairs.flatMap((pair) => pair.vi.map(([s, e]) => p.vi.slice(s, e)));
        const en = pairs.flatMap((pair) => pair.en.map(([s, e]) => p.en.slice(s, e)));
        expect(vi).toEqual(sentenceTexts(p.vi, 'vi'));
        expect(en).toEqual(sentenceTexts(p.en, 'en'));
      });
    });
  });

  test('a paragraph whose English merges or splits sentences says so', () => {
    const k = articles.findIndex((a) => a.id === 'russia-north-korea-tighten-military-cooperation');
    const article = articles[k]!;
    const shape = (i: number) => corpus.sentences[k]![i]!.map((pair) => `${pair.vi.length}:${pair.en.length}`);
    // The caption's credit is a Vietnamese sentence of its own, in parentheses in the English.
    expect(shape(1)).toEqual(['2:1']);
    const [caption] = corpus.sentences[k]![1]!;
    expect(caption!.vi.map(([s, e]) => article.paragraphs[1]!.vi.slice(s, e))[1]).toBe('Ảnh: KCNA');
    expect(shape(5)).toEqual(['2:1']);
    // One long Vietnamese sentence, two English ones.
    expect(shape(7)).toEqual(['1:2', '1:1']);
    expect(shape(0)).toEqual(['1:1']);
  });

  test('every other paragraph pairs its sentences one to one', () => {
    const uneven = corpus.sentences.flatMap((paragraphs, k) =>
      paragraphs.flatMap((pairs, i) =>
        pairs.every((p) => p.vi.length === 1 && p.en.length === 1) ? [] : [`${articles[k]!.id}:${i}`],
      ),
    );
    expect(uneven).toEqual([
      'russia-north-korea-tighten-military-cooperation:1',
      'russia-north-korea-tighten-military-cooperation:5',
      'russia-north-korea-tighten-military-cooperation:7',
    ]);
  });
});

describe('loadCorpus is strict', () => {
  const broken = (change: (c: CompiledCorpus) => void) => {
    const copy = JSON.parse(JSON.stringify(compiled)) as CompiledCorpus;
    change(copy);
    return () => loadCorpus(copy);
  };

  test.each<[string, (c: CompiledCorpus) => void, RegExp]>([
    ['another format', (c) => ((c as { format: string }).format = 'other'), /not a compiled/],
    ['the previous version', (c) => ((c as { version: number }).version = 1), /unsupported corpus version 1/],
    [
      'no sentence pairs',
      (c) => delete (c as Partial<CompiledCorpus>).sentences,
      /lacks sentence pairs for every article/,
    ],
    [
      'an article short of paragraphs',
      (c) => c.sentences[0]!.pop(),
      /every paragraph of isw-north-korean-troops-kursk/,
    ],
    ['a paragraph with none', (c) => (c.sentences[0]![2] = []), /paragraph 2 has no sentence pairs/],
    ['an empty pair', (c) => c.sentences[0]![2]!.push({ vi: [], en: [] }), /paragraph 2 has an empty sentence pair/],
    [
      'a span past the end of its text',
      (c) => (c.sentences[0]![0]![0] = { vi: [[0, 10_000]], en: [[0, 5]] }),
      /paragraph 0 has vi span \[0, 10000\) out of order or outside its text/,
    ],
    ['spans out of order', (c) => c.sentences[0]![1]!.reverse(), /paragraph 1 has (vi|en) span .* out of order/],
    [
      'a span that is not a pair of integers',
      (c) => (c.sentences[0]![0]![0] = { vi: [[0.5, 3]], en: [[0, 5]] } as never),
      /has a vi span that is not \[start, end\]/,
    ],
  ])('rejects %s', (_name, change, message) => {
    expect(broken(change)).toThrow(message);
  });

  test('accepts the compiled corpus, whose index still finds its paragraphs', () => {
    expect(corpus.articles.map((a) => a.id)).toEqual(articles.map((a) => a.id));
    expect(corpus.index.arrays.paraArticle.length).toBe(articles.reduce((n, a) => n + a.paragraphs.length, 0));
  });
});
