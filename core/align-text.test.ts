/**
 * Aligning real text: the six corpus articles, whose English is paragraph-aligned by hand, with
 * the glossary as lexicon, as the extension will use it.
 */

import { beforeAll, describe, expect, test } from 'vitest';
import { buildGlossary, loadArticles, loadGlossarySources } from '@/scripts/lib/data-sources';
import { alignmentAccuracy, type AccuracyRow } from '@/scripts/bench/alignment';
import type { Lexicon } from './align-anchors';
import { alignArticle, alignParagraphs, alignParagraphsToText, alignSentences } from './align-text';
import type { CorpusArticle } from './corpus-schema';
import { glossaryLexicon } from './glossary-lexicon';

let articles: CorpusArticle[];
let lexicon: Lexicon;

beforeAll(async () => {
  articles = loadArticles();
  lexicon = glossaryLexicon((await buildGlossary(loadGlossarySources(), articles)).entries);
}, 60_000);

const texts = (a: CorpusArticle, lang: 'vi' | 'en') => a.paragraphs.map((p) => p[lang]);

describe('alignArticle', () => {
  test('pairs every corpus paragraph with its English, and sentences inside', () => {
    for (const a of articles) {
      const result = alignArticle(texts(a, 'vi'), texts(a, 'en'), { lexicon });
      expect(
        result.paragraphs.map((b) => [b.source[0], b.target[0], b.source[1] - b.source[0], b.target[1] - b.target[0]]),
      ).toEqual(a.paragraphs.map((_, i) => [i, i, 1, 1]));
      // Every sentence is in exactly one sentence bead, inside its paragraph's bead.
      const viCovered = result.sentences.flatMap((b) =>
        Array.from({ length: b.source[1] - b.source[0] }, (_, k) => b.source[0] + k),
      );
      expect(viCovered).toEqual(result.vi.map((_, k) => k));
      for (const b of result.sentences) {
        const paragraphs = new Set([
          ...result.vi.slice(...b.source).map((s) => s.paragraph),
          ...result.en.slice(...b.target).map((s) => s.paragraph),
        ]);
        expect(paragraphs.size).toBe(1);
      }
    }
  });

  test('the example: located sentences point into the texts given', () => {
    const vi = ['Ông Kim nói. Ông Putin đồng ý.', 'Quảng cáo'];
    const en = ['Kim spoke. Putin agreed.'];
    const result = alignArticle(vi, en);
    expect(result.paragraphs.map((b) => [b.source, b.target])).toEqual([
      [
        [0, 1],
        [0, 1],
      ],
      [
        [1, 2],
        [1, 1],
      ],
    ]);
    const pairs = result.sentences.map((b) => [
      result.vi.slice(...b.source).map((s) => vi[s.paragraph]!.slice(s.start, s.end)),
      result.en.slice(...b.target).map((s) => en[s.paragraph]!.slice(s.start, s.end)),
    ]);
    expect(pairs).toEqual([
      [['Ông Kim nói.'], ['Kim spoke.']],
      [['Ông Putin đồng ý.'], ['Putin agreed.']],
      [['Quảng cáo'], []],
    ]);
  });
});

describe('alignSentences', () => {
  test('the corpus paragraphs whose English merges or splits sentences say so', () => {
    const uneven: string[] = [];
    for (const a of articles) {
      a.paragraphs.forEach((p, i) => {
        const r = alignSentences(p.vi, p.en, { lexicon });
        const shapes = r.beads.map((b) => `${b.source[1] - b.source[0]}:${b.target[1] - b.target[0]}`);
        if (shapes.some((s) => s !== '1:1')) uneven.push(`${a.id}:${i} ${shapes.join(' ')}`);
      });
    }
    // Read by hand: two captions whose Vietnamese credit ("Ảnh: KCNA") is a sentence of its
    // own, and a long Vietnamese sentence the English splits in two.
    expect(uneven).toEqual([
      'russia-north-korea-tighten-military-cooperation:1 2:1',
      'russia-north-korea-tighten-military-cooperation:5 2:1',
      'russia-north-korea-tighten-military-cooperation:7 1:2 1:1',
    ]);
  });
});

describe('alignParagraphsToText', () => {
  test('assigns English sentences to paragraphs when the paragraph breaks are lost', () => {
    const vi = ['Ông Kim nói. Ông Putin đồng ý.', 'Hơn 10.000 binh sĩ đã tới Kursk.', 'Moscow chưa bình luận.'];
    const en = 'Kim spoke. Putin agreed. More than 10,000 troops have reached Kursk. Moscow has not commented.';
    const result = alignParagraphsToText(vi, en);
    expect(result.paragraphs.map((p) => p?.target)).toEqual([
      [0, 2],
      [2, 3],
      [3, 4],
    ]);
  });
});

describe('accuracy on the corpus (the figures of the alignment bench)', () => {
  let rows: AccuracyRow[];
  beforeAll(() => {
    rows = alignmentAccuracy(articles, lexicon);
  }, 60_000);
  const right = (scenario: string, method = 'anchors + glossary') =>
    rows.find((r) => r.scenario === scenario && r.method === method)!;

  test('English paragraphs kept, or pasted as hard-wrapped Markdown: every paragraph right', () => {
    expect(right('kept').right).toBe(100);
    expect(right('markdown').right).toBe(100);
    expect(right('kept', 'length only').right).toBe(100);
  });

  test('English without captions and credits: every paragraph right', () => {
    expect(right('no captions').right).toBe(100);
    // Length alone cannot tell which short paragraph is missing.
    expect(right('no captions', 'length only').right).toBeLessThan(95);
  });

  test('with site furniture, or merged and split paragraphs: at most one wrong', () => {
    expect(right('furniture').right).toBeGreaterThanOrEqual(99);
    expect(right('merged / split').right).toBeGreaterThanOrEqual(99);
    // The glossary is what fixes the merges the numbers and names alone get wrong.
    expect(right('merged / split', 'anchors').right).toBeLessThan(right('merged / split').right);
  });

  test('paragraph breaks lost: every paragraph right that the splitter leaves reachable', () => {
    const dropped = right('dropped');
    expect(dropped.total).toBe(100);
    expect(dropped.reachable).toBeGreaterThanOrEqual(88);
    expect(dropped.right).toBe(dropped.reachable);
  });
});

test('alignParagraphs is deterministic', () => {
  const a = articles[0]!;
  expect(alignParagraphs(texts(a, 'vi'), texts(a, 'en'), { lexicon })).toEqual(
    alignParagraphs(texts(a, 'vi'), texts(a, 'en'), { lexicon }),
  );
});
