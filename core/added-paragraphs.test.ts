import { describe, expect, test } from 'vitest';
import { clearsFloor, EXPOSED_COVERAGE, RARE_LIMIT, type CandidateFloor } from './added-paragraphs';
import { CorpusIndex } from './corpus-index';
import { shinglesOf } from './shingles';
import { seededRandom } from '@/tests/fixtures/seeded-random';

/** A deterministic generator of Vietnamese-like text from a small vocabulary, so shingles repeat a lot. */
function texts(seed: number, count: number, vocabulary: number): string[] {
  const words = Array.from({ length: vocabulary }, (_, k) => `từ${k.toString(36)}`);
  const random = seededRandom(seed);
  const next = () => random(2 ** 24);
  return Array.from({ length: count }, () => {
    const n = 2 + (next() % 40);
    // Mostly the first words of the vocabulary: their trigrams recur across paragraphs.
    return Array.from({ length: n }, () => words[next() % (next() % 5 < 2 ? vocabulary : 7)]!).join(' ');
  });
}

describe('readers’ paragraphs looked up without walking frequent shingles', () => {
  const COMMON_LIMIT = 24;
  const floor: CandidateFloor = { minHits: 2, minCoverage: EXPOSED_COVERAGE, minPurity: 0.5 };
  const paragraphs = texts(7, 1_500, 60);
  const index = CorpusIndex.build([['Một đoạn văn của bài có sẵn, về thời tiết ở Huế hôm nay.']], COMMON_LIMIT);
  for (let a = 0; a < paragraphs.length; a += 10) index.addArticle(1 + a / 10, paragraphs.slice(a, a + 10));
  // Blocks: the paragraphs themselves, merges of neighbours, halves, and unrelated text.
  const blocks = [
    ...paragraphs.slice(0, 300),
    ...Array.from({ length: 100 }, (_, k) => paragraphs.slice(3 * k, 3 * k + 3).join(' ')),
    ...paragraphs.slice(300, 400).map((p) => p.slice(0, p.length / 2)),
    ...texts(99, 300, 60),
  ];

  test('the corpus has frequent shingles, common ones and exposed paragraphs to exercise', () => {
    const counts = new Map<number, number>();
    for (const p of paragraphs) for (const h of shinglesOf(p)) counts.set(h, (counts.get(h) ?? 0) + 1);
    const lengths = [...counts.values()];
    expect(lengths.filter((n) => n > RARE_LIMIT && n <= COMMON_LIMIT).length).toBeGreaterThan(50);
    expect(lengths.filter((n) => n > COMMON_LIMIT).length).toBeGreaterThan(5);
    // Paragraphs whose frequent shingles alone could reach the coverage floor.
    const atRisk = paragraphs.filter((p) => {
      const set = shinglesOf(p);
      const informative = [...set].filter((h) => counts.get(h)! <= COMMON_LIMIT);
      return informative.filter((h) => counts.get(h)! > RARE_LIMIT).length >= EXPOSED_COVERAGE * informative.length;
    });
    expect(atRisk.length).toBeGreaterThan(50);
  });

  test('find exactly the candidates a walk of every list finds, with the same hits', () => {
    let found = 0;
    for (const block of blocks) {
      const shingles = shinglesOf(block);
      const slow = index
        .candidates(shingles, floor.minHits)
        .filter((c) => clearsFloor(floor, c.hits, index.paragraphShingles(c.paragraph), shingles.length));
      expect(index.candidates(shingles, floor)).toEqual(slow);
      found += slow.length;
    }
    expect(found).toBeGreaterThan(blocks.length);
  });

  test('a floor below the exposed coverage walks every list, and stays exact', () => {
    const low = { ...floor, minCoverage: 0.1 };
    for (const block of blocks.slice(0, 200)) {
      const shingles = shinglesOf(block);
      const slow = index
        .candidates(shingles, low.minHits)
        .filter((c) => clearsFloor(low, c.hits, index.paragraphShingles(c.paragraph), shingles.length));
      expect(index.candidates(shingles, low)).toEqual(slow);
    }
  });
});
