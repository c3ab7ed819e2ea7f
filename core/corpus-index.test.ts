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

  describe('articles added after the build', () => {
    const C = [
      'Tuyến metro Nhổn - ga Hà Nội bắt đầu chạy thử từ sáng nay với 10 đoàn tàu.',
      'Quân đội Triều Tiên đã tham gia chiến đấu ở Kursk cùng Nga.',
    ];
    const refs = (index: CorpusIndex, text: string) =>
      index.candidates(shinglesOf(text)).map((c) => ({ ...index.ref(c.paragraph), hits: c.hits }));

    test('are found exactly as if they had been built in', () => {
      const built = CorpusIndex.build([A, B, C]);
      const grown = CorpusIndex.build([A, B]);
      grown.addArticle(2, C);
      expect(grown.paragraphCount).toBe(6);
      expect(grown.addedCount).toBe(2);
      for (const text of [...A, ...B, ...C]) expect(refs(grown, text)).toEqual(refs(built, text));
      expect(grown.paragraphShingles(4)).toBe(built.paragraphShingles(4));
    });

    test('can be forgotten and added again in another order', () => {
      const index = CorpusIndex.build([A]);
      index.addArticle(1, B);
      index.addArticle(2, C);
      index.clearAdded();
      expect(index.paragraphCount).toBe(2);
      expect(refs(index, C[0]!)).toEqual([]);
      index.addArticle(1, C);
      expect(refs(index, C[0]!)).toEqual([{ article: 1, index: 0, hits: shinglesOf(C[0]!).length }]);
    });

    test('shingles grown too common among them stop counting, as in a build', () => {
      const index = CorpusIndex.build([['Một đoạn văn hoàn toàn khác về thời tiết ở Huế hôm nay.']], 1);
      index.addArticle(1, [B[1]!]);
      expect(index.paragraphShingles(1)).toBe(shinglesOf(B[1]!).length);
      index.addArticle(2, [C[1]!]);
      expect(index.paragraphShingles(1)).toBe(0);
      expect(index.paragraphShingles(2)).toBe(0);
      expect(index.candidates(shinglesOf(C[1]!))).toEqual([]);
      expect(refs(index, C[0]!)).toEqual([]);
    });
  });
});
