/**
 * The alignment engine on units whose right alignment is known, and the length model against
 * the corpus it was calibrated on.
 */

import { describe, expect, test } from 'vitest';
import { loadArticles } from '@/scripts/lib/data-sources';
import {
  alignUnits,
  calibrateLengthModel,
  lengthCost,
  PARAGRAPH_BEADS,
  PARAGRAPH_EXTRA_LENGTH,
  textLength,
  VI_EN_LENGTH,
  type AlignUnit,
  type Bead,
} from './align';

const unit = (length: number, anchors: number[] = []): AlignUnit => ({ length, anchors });
/** English units the length model expects for Vietnamese units of these lengths. */
const translated = (lengths: number[]) => lengths.map((l) => unit(Math.round(l * VI_EN_LENGTH.ratio)));
const shape = (beads: Bead[]) => beads.map((b) => `${b.source.join('-')}:${b.target.join('-')}`);

describe('textLength', () => {
  test('counts characters other than spaces and combining marks, the same in NFC and NFD', () => {
    const nfc = 'Bình Nhưỡng\u00a0và  Mát-xcơ-va';
    expect(textLength(nfc)).toBe(22);
    expect(textLength(nfc.normalize('NFD'))).toBe(22);
    expect(textLength('a\u{1F600}b')).toBe(3);
    expect(textLength(' \n\t')).toBe(0);
  });
});

describe('lengthCost', () => {
  test('is least at the expected ratio and grows with the deviation', () => {
    const at = (en: number) => lengthCost(200, en);
    const expected = 200 * VI_EN_LENGTH.ratio;
    expect(at(expected)).toBeLessThan(1e-6);
    expect(at(expected * 1.1)).toBeLessThan(at(expected * 1.3));
    expect(at(expected * 0.9)).toBeLessThan(at(expected * 0.7));
    // Far tails stay finite: the cost is computed in the log domain.
    expect(Number.isFinite(at(5000))).toBe(true);
    expect(at(5000)).toBeGreaterThan(1000);
  });

  test('tolerates more relative deviation in short texts than in long ones', () => {
    expect(lengthCost(20, 20 * VI_EN_LENGTH.ratio * 1.3)).toBeLessThan(lengthCost(400, 400 * VI_EN_LENGTH.ratio * 1.3));
  });
});

describe('alignUnits', () => {
  test('pairs translations one to one', () => {
    const vi = [120, 40, 300, 80, 200].map((l) => unit(l));
    const beads = alignUnits(vi, translated([120, 40, 300, 80, 200]));
    expect(shape(beads)).toEqual(['0-1:0-1', '1-2:1-2', '2-3:2-3', '3-4:3-4', '4-5:4-5']);
    for (const b of beads) expect(b.confidence).toBeGreaterThan(0.5);
  });

  test('finds a sentence the translation split in two and two it merged', () => {
    const vi = [100, 300, 60, 60, 150].map((l) => unit(l));
    const en = translated([100, 160, 140, 120, 150]);
    expect(shape(alignUnits(vi, en))).toEqual(['0-1:0-1', '1-2:1-3', '2-4:3-4', '4-5:4-5']);
  });

  test('leaves out a paragraph the other side lacks', () => {
    const vi = [200, 250, 30, 220, 180].map((l) => unit(l));
    const en = translated([200, 250, 220, 180]);
    const beads = alignUnits(vi, en, { beads: PARAGRAPH_BEADS, extraLength: PARAGRAPH_EXTRA_LENGTH });
    expect(shape(beads)).toEqual(['0-1:0-1', '1-2:1-2', '2-3:2-2', '3-4:2-3', '4-5:3-4']);
  });

  test('anchors decide where lengths cannot', () => {
    // Four units of the same length, one missing on the English side: by length alone any of
    // them could be the missing one; the numbers they share say it is the second.
    const vi = [unit(100, [0]), unit(100, [1]), unit(100, [2]), unit(100, [3])];
    const en = [unit(111, [0]), unit(111, [2]), unit(111, [3])];
    const weights = [2, 2, 2, 2];
    expect(shape(alignUnits(vi, en, { anchorWeights: weights }))).toEqual(['0-1:0-1', '1-2:1-1', '2-3:1-2', '3-4:2-3']);
    const [, missing] = alignUnits(vi, en, { anchorWeights: weights });
    expect(missing!.confidence).toBeGreaterThan(0.5);
  });

  test('a shared anchor counts once per occurrence', () => {
    // The number occurs once on the English side: pairing it with the first Vietnamese
    // occurrence or the second is the same evidence, so length decides.
    const vi = [unit(100, [0]), unit(300, [0])];
    const en = [unit(111, [0]), unit(333)];
    expect(shape(alignUnits(vi, en, { anchorWeights: [5] }))).toEqual(['0-1:0-1', '1-2:1-2']);
  });

  test('no bead joins units across a barrier', () => {
    const vi = [unit(60), unit(60)];
    const en = translated([120]);
    expect(shape(alignUnits(vi, en))).toEqual(['0-2:0-1']);
    const barred = alignUnits(vi, en, { sourceBarriers: [false, true] });
    expect(barred.every((b) => b.source[1] - b.source[0] <= 1)).toBe(true);
  });

  test('refuses lattices too large, and bead types that cannot cover both sides', () => {
    const many = Array.from({ length: 1001 }, () => unit(10));
    expect(() => alignUnits(many, many)).toThrow(RangeError);
    expect(() => alignUnits([unit(10)], [], { beads: [{ source: 1, target: 1, prior: 1 }] })).toThrow(RangeError);
  });

  test('empty sides', () => {
    expect(alignUnits([], [])).toEqual([]);
    expect(shape(alignUnits([unit(10)], []))).toEqual(['0-1:0-0']);
    expect(shape(alignUnits([], [unit(10), unit(20)]))).toEqual(['0-0:0-1', '0-0:1-2']);
  });

  test('covers both sides in order, with confidences between 0 and 1, and is deterministic', () => {
    const vi = [90, 10, 10, 400, 35, 35, 35, 120].map((l) => unit(l));
    const en = translated([100, 12, 410, 30, 80, 20, 110]);
    const beads = alignUnits(vi, en);
    let s = 0;
    let t = 0;
    for (const b of beads) {
      expect(b.source[0]).toBe(s);
      expect(b.target[0]).toBe(t);
      s = b.source[1];
      t = b.target[1];
      expect(b.confidence).toBeGreaterThanOrEqual(0);
      expect(b.confidence).toBeLessThanOrEqual(1);
    }
    expect([s, t]).toEqual([vi.length, en.length]);
    expect(alignUnits(vi, en)).toEqual(beads);
  });
});

describe('the length model', () => {
  test('matches the corpus it was calibrated on', () => {
    const pairs = loadArticles().flatMap((a) => a.paragraphs.map((p) => [textLength(p.vi), textLength(p.en)] as const));
    const fitted = calibrateLengthModel(pairs);
    expect(pairs.length).toBeGreaterThanOrEqual(100);
    expect(fitted.ratio).toBeCloseTo(VI_EN_LENGTH.ratio, 2);
    expect(Math.abs(fitted.variance - VI_EN_LENGTH.variance) / VI_EN_LENGTH.variance).toBeLessThan(0.05);
  });
});
