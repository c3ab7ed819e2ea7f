import { describe, expect, test } from 'vitest';
import { keyOf, resolvePage, type Candidate } from './corpus-resolve';

const c = (
  articleId: string,
  index: number,
  hits: number,
  coverage: number,
  purity: number,
  paragraphShingles = 40,
): Candidate => ({
  articleId,
  index,
  hits,
  coverage,
  purity,
  paragraphShingles,
});

const keys = (blocks: Candidate[][]) => resolvePage(blocks).map((r) => r.matches.map(keyOf));
const rendered = (blocks: Candidate[][]) => resolvePage(blocks).map((r) => r.renderAfter.map(keyOf));

describe('resolvePage', () => {
  test('a block covering most of a paragraph claims it', () => {
    expect(keys([[c('a', 0, 40, 1, 1)], [c('a', 1, 25, 0.6, 0.9)], []])).toEqual([['a:0'], ['a:1'], []]);
  });

  test('a block covering less than most of a paragraph claims nothing on its own', () => {
    expect(keys([[c('a', 3, 12, 0.3, 0.9)]])).toEqual([[]]);
  });

  test('a block merging two consecutive paragraphs claims both, in order, with both English after it', () => {
    const merged = [c('a', 5, 30, 1, 0.55), c('a', 4, 24, 1, 0.45)];
    expect(keys([merged])).toEqual([['a:4', 'a:5']]);
    expect(rendered([merged])).toEqual([['a:4', 'a:5']]);
  });

  test('a paragraph split over two blocks is claimed by both, English after the second', () => {
    const blocks = [[c('a', 2, 18, 0.45, 1)], [c('a', 2, 19, 0.47, 1)]];
    expect(keys(blocks)).toEqual([['a:2'], ['a:2']]);
    expect(rendered(blocks)).toEqual([[], ['a:2']]);
  });

  test('a clean part next to the strong rest of its paragraph joins it', () => {
    const blocks = [[c('a', 2, 30, 0.75, 1)], [c('a', 2, 9, 0.22, 1)]];
    expect(keys(blocks)).toEqual([['a:2'], ['a:2']]);
  });

  test('rival readings of one block go to the article the page shows', () => {
    const page = [[c('a', 0, 40, 1, 1)], [c('b', 7, 30, 0.9, 0.9), c('a', 1, 29, 0.9, 0.9)], [c('a', 2, 40, 1, 1)]];
    expect(keys(page)).toEqual([['a:0'], ['a:1'], ['a:2']]);
  });

  test('rival readings within one article go to the one that fits the order', () => {
    const page = [[c('a', 0, 40, 1, 1)], [c('a', 9, 30, 0.9, 0.9), c('a', 1, 29, 0.9, 0.9)], [c('a', 2, 40, 1, 1)]];
    expect(keys(page)).toEqual([['a:0'], ['a:1'], ['a:2']]);
  });

  test('a short paragraph is claimed only on a page that shows its article', () => {
    const heading = c('a', 1, 3, 1, 1, 3);
    expect(keys([[heading]])).toEqual([[]]);
    expect(keys([[c('a', 0, 40, 1, 1)], [heading], [c('a', 2, 40, 1, 1)]])).toEqual([['a:0'], ['a:1'], ['a:2']]);
  });

  test('blocks without candidates, around and between, claim nothing and change no other answer', () => {
    const heading = c('a', 1, 3, 1, 1, 3);
    const half = (coverage: number) => c('a', 3, 18, coverage, 1);
    const page = [[c('a', 0, 40, 1, 1)], [heading], [c('a', 2, 40, 1, 1)], [half(0.45)], [half(0.47)]];
    const answers = [['a:0'], ['a:1'], ['a:2'], ['a:3'], ['a:3']];
    expect(keys(page)).toEqual(answers);
    const spaced = [[], [], page[0]!, [], page[1]!, [], page[2]!, page[3]!, page[4]!, [], []];
    expect(keys(spaced)).toEqual([[], [], answers[0], [], answers[1], [], answers[2], answers[3], answers[4], [], []]);
    expect(rendered(spaced)).toEqual([[], [], ['a:0'], [], ['a:1'], [], ['a:2'], [], ['a:3'], [], []]);
    // A block between the halves of a paragraph breaks their run: neither covers most of it alone.
    expect(keys([[half(0.45)], [], [half(0.47)]])).toEqual([[], [], []]);
  });

  test('a short paragraph out of its place is not claimed', () => {
    const heading = c('a', 7, 3, 1, 1, 3);
    expect(keys([[c('a', 0, 40, 1, 1)], [heading], [c('a', 1, 40, 1, 1)]])).toEqual([['a:0'], [], ['a:1']]);
  });

  test('context never stands in for text: a block sharing almost nothing stays unclaimed', () => {
    const weak = c('a', 1, 2, 0.05, 0.1);
    expect(keys([[c('a', 0, 40, 1, 1)], [weak], [c('a', 2, 40, 1, 1)]])).toEqual([['a:0'], [], ['a:2']]);
  });

  test('a paragraph missing a long sentence is claimed in its slot', () => {
    const shortened = c('a', 1, 14, 0.35, 1);
    expect(keys([[c('a', 0, 40, 1, 1)], [shortened], [c('a', 2, 40, 1, 1)]])).toEqual([['a:0'], ['a:1'], ['a:2']]);
    expect(keys([[shortened]])).toEqual([[]]);
  });

  test('a lead restating a later paragraph is not claimed as that paragraph too', () => {
    const lead = [c('a', 0, 50, 1, 0.6), c('a', 3, 25, 0.7, 0.35)];
    expect(keys([lead, [c('a', 1, 40, 1, 1)], [c('a', 2, 40, 1, 1)], [c('a', 3, 36, 1, 1)]])).toEqual([
      ['a:0'],
      ['a:1'],
      ['a:2'],
      ['a:3'],
    ]);
  });
});
