import { describe, expect, it } from 'vitest';
import { COMMON, PostingTable } from './posting-table';

describe('PostingTable', () => {
  it('keeps one list per hash, whatever its bits (0, the top bit, equal low bits)', () => {
    const t = new PostingTable();
    const hashes = [0, 1, 0x80000000, 0xffffffff, 1024, 2048, 0x12340000 + 1];
    hashes.forEach((h, k) => t.add(h, k));
    t.add(1024, 99);
    expect(hashes.map((h) => t.get(h))).toEqual([[0], [1], [2], [3], [4, 99], [5], [6]]);
    expect(t.get(3)).toBeUndefined();
    expect(t.size).toBe(hashes.length);
  });

  it('grows without losing a list', () => {
    const t = new PostingTable();
    for (let k = 0; k < 5000; k++) t.add((k * 0x9e3779b1) >>> 0, k);
    for (let k = 0; k < 5000; k++) expect(t.get((k * 0x9e3779b1) >>> 0)).toEqual([k]);
    expect(t.size).toBe(5000);
  });

  it('drops the list of a hash marked common, and adds nothing to it after', () => {
    const t = new PostingTable();
    t.add(7, 1);
    t.add(7, 2);
    t.markCommon(7);
    expect(t.get(7)).toBe(COMMON);
    expect(t.add(7, 3)).toBe(COMMON);
    expect(t.get(7)).toBe(COMMON);
  });
});
