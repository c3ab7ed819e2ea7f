import { describe, expect, test } from 'vitest';
import { base64ToUint32, uint32ToBase64 } from './base64';
import { CorpusIndex } from './corpus-index';
import { shinglesOf } from './shingles';

const A = [
  'Moscow và Bình Nhưỡng hiện chưa bình luận về thông tin này.',
  'Quân đội Triều Tiên đã tham gia chiến đấu ở Kursk cùng Nga.',
];
const B = [
  'Tỉnh Lạng Sơn có gần 21.000 sản phẩm trên sàn thương mại điện tử.',
  'Quân đội Triều Tiên đã tham gia chiến đấu ở Kursk cùng Nga.',
];

describe('CorpusIndex', () => {
  test('finds every paragraph sharing shingles with a block, most hits first', () => {
    const index = CorpusIndex.build([A, B]);
    expect(index.paragraphCount).toBe(4);
    const candidates = index.candidates(shinglesOf(A[1]!));
    expect(candidates.map((c) => index.ref(c.paragraph))).toEqual([
      { article: 0, index: 1 },
      { article: 1, index: 1 },
    ]);
    expect(candidates[0]!.hits).toBe(shinglesOf(A[1]!).length);
  });

  test('shingles in more paragraphs than the limit are left out, and out of the coverage denominator', () => {
    const index = CorpusIndex.build([A, B], 1);
    const shared = shinglesOf(A[1]!).length;
    expect(index.paragraphShingles(1)).toBe(0);
    expect(index.paragraphShingles(0)).toBe(shinglesOf(A[0]!).length);
    expect(index.candidates(shinglesOf(A[1]!))).toEqual([]);
    expect(shared).toBeGreaterThan(5);
  });

  test('round-trips through its arrays and base64', () => {
    const index = CorpusIndex.build([A, B]);
    const again = CorpusIndex.fromArrays(
      Object.fromEntries(
        Object.entries(index.arrays).map(([k, v]) => [k, base64ToUint32(uint32ToBase64(v as Uint32Array))]),
      ) as never,
    );
    expect(again.candidates(shinglesOf(B[0]!))).toEqual(index.candidates(shinglesOf(B[0]!)));
  });

  test('refuses inconsistent arrays', () => {
    const a = CorpusIndex.build([A]).arrays;
    expect(() => CorpusIndex.fromArrays({ ...a, offsets: a.offsets.slice(1) })).toThrow(/offsets/);
    expect(() => CorpusIndex.fromArrays({ ...a, paraIndex: a.paraIndex.slice(1) })).toThrow(/per-paragraph/);
  });
});
