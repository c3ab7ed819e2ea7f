import { describe, expect, test } from 'vitest';
import { alignParagraphs } from './align-text';
import {
  articleOfPairs,
  dropPair,
  mergePairs,
  moveEnglish,
  pairsOfBeads,
  slugOf,
  splitPair,
  type EditPair,
} from './pair-edit';

const pair = (vi: string[], en: string[]): EditPair => ({ vi, en, confidence: 1 });
const P = [pair(['A1'], ['a1']), pair(['B1', 'B2'], ['b1']), pair(['C1'], [])];
const sides = (pairs: EditPair[]) => pairs.map((p) => [p.vi, p.en]);

describe('pair edits', () => {
  test.each([
    [
      'merge 0',
      mergePairs(P, 0),
      [
        [
          ['A1', 'B1', 'B2'],
          ['a1', 'b1'],
        ],
        [['C1'], []],
      ],
    ],
    ['merge the last: nothing to merge with', mergePairs(P, 2), sides(P)],
    [
      'split 1 at its middle paragraph',
      splitPair(P, 1),
      [
        [['A1'], ['a1']],
        [['B1'], ['b1']],
        [['B2'], []],
        [['C1'], []],
      ],
    ],
    ['split a one-paragraph pair of one sentence: unchanged', splitPair(P, 0), sides(P)],
    [
      'move English up',
      moveEnglish(P, 1, 'up'),
      [
        [['A1'], ['a1', 'b1']],
        [['B1', 'B2'], []],
        [['C1'], []],
      ],
    ],
    [
      'move English down',
      moveEnglish(P, 1, 'down'),
      [
        [['A1'], ['a1']],
        [['B1', 'B2'], []],
        [['C1'], ['b1']],
      ],
    ],
    ['move English up from the first: nowhere to go', moveEnglish(P, 0, 'up'), sides(P)],
    [
      'drop 1',
      dropPair(P, 1),
      [
        [['A1'], ['a1']],
        [['C1'], []],
      ],
    ],
  ])('%s', (_name, got, expected) => {
    expect(sides(got)).toEqual(expected);
  });

  test('a pair emptied by a move goes', () => {
    const pairs = [pair(['A'], ['a']), pair([], ['stray'])];
    expect(sides(moveEnglish(pairs, 1, 'up'))).toEqual([[['A'], ['a', 'stray']]]);
  });

  test('a one-paragraph side splits at the sentence nearest its middle', () => {
    const p = pair(['Câu một dài. Câu hai. Câu ba cũng dài.'], ['One is long. Two. Three is long too.']);
    expect(sides(splitPair([p], 0))).toEqual([
      [['Câu một dài. Câu hai.'], ['One is long. Two.']],
      [['Câu ba cũng dài.'], ['Three is long too.']],
    ]);
  });
});

describe('from alignment to article', () => {
  test('beads become pairs, and only complete pairs are saved, each side joined', () => {
    const vi = ['Hà Nội có 10 tuyến metro.', 'Quảng cáo', 'Mỗi tuyến dài 20 km.'];
    const en = ['Hanoi has 10 metro lines.', 'Each line is 20 km long.'];
    const pairs = pairsOfBeads(vi, en, alignParagraphs(vi, en));
    expect(sides(pairs)).toEqual([
      [['Hà Nội có 10 tuyến metro.'], ['Hanoi has 10 metro lines.']],
      [['Quảng cáo'], []],
      [['Mỗi tuyến dài 20 km.'], ['Each line is 20 km long.']],
    ]);
    const article = articleOfPairs(pairs, {
      title: { vi: ' Metro Hà Nội ', en: 'Hanoi’s metro: 10 lines' },
      url: 'https://vnexpress.net/metro.html',
      outlet: null,
    });
    expect(article).toEqual({
      id: 'hanoi-s-metro-10-lines',
      title: { vi: 'Metro Hà Nội', en: 'Hanoi’s metro: 10 lines' },
      source: {
        outlet: null,
        author: null,
        published: null,
        credits: [],
        seed: null,
        url: 'https://vnexpress.net/metro.html',
      },
      paragraphs: [
        { vi: 'Hà Nội có 10 tuyến metro.', en: 'Hanoi has 10 metro lines.' },
        { vi: 'Mỗi tuyến dài 20 km.', en: 'Each line is 20 km long.' },
      ],
    });
  });

  test.each([
    ['Đường sắt đô thị Hà Nội', 'duong-sat-do-thi-ha-noi'],
    ['  !!! ', 'article'],
    ['Kim Jong-un meets Putin', 'kim-jong-un-meets-putin'],
  ])('slugOf(%j) = %s', (title, slug) => {
    expect(slugOf(title)).toBe(slug);
  });
});
