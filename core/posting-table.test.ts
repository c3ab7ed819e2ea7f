import { describe, expect, it } from 'vitest';
import { COMMON_LENGTH, PostingTable } from './posting-table';

describe('PostingTable', () => {
  it('keeps one list per hash, whatever its bits (0, the top bit, equal low bits)', () => {
    const t = new PostingTable();
    const hashes = [0, 1, 0x80000000, 0xffffffff, 1024, 2048, 0x12340000 + 1];
    hashes.forEach((h, k) => expect(t.add(h, k)).toBe(1));
    expect(t.add(1024, 99)).toBe(2);
    expect(hashes.map((h) => t.postings(h))).toEqual([[0], [1], [2], [3], [4, 99], [5], [6]]);
    expect(t.find(3)).toBe(-1);
    expect(t.postings(3)).toEqual([]);
    expect(t.size).toBe(hashes.length);
    const block = Uint32Array.of(3, 0xffffffff, 1024);
    const slots = new Int32Array(3).fill(7);
    t.findAll(block, 2, slots);
    // Only the first `count` hashes are looked up.
    expect([...slots]).toEqual([-1, t.find(0xffffffff), 7]);
  });

  it('grows without losing a list', () => {
    const t = new PostingTable();
    for (let k = 0; k < 5000; k++) t.add((k * 0x9e3779b1) >>> 0, k);
    for (let k = 0; k < 5000; k++) expect(t.postings((k * 0x9e3779b1) >>> 0)).toEqual([k]);
    expect(t.size).toBe(5000);
    // The lookup loop's way in, with its filter of hashes held, finds each of them too, and no other.
    const held = Uint32Array.from({ length: 5000 }, (_, k) => (k * 0x9e3779b1) >>> 0);
    const slots = new Int32Array(5000);
    t.findAll(held, held.length, slots);
    for (let k = 0; k < held.length; k++) expect(slots[k]).toBe(t.find(held[k]!));
    const others = Uint32Array.from({ length: 5000 }, (_, k) => (k * 0x9e3779b1 + 12345) >>> 0);
    t.findAll(others, others.length, slots);
    expect(slots.every((c) => c === -1)).toBe(true);
  });

  it('keeps lists, of one paragraph in its slot and longer in the shared pool, in order, while others grow beside them', () => {
    const t = new PostingTable();
    const expected = new Map<number, number[]>();
    for (let p = 0; p < 3000; p++) {
      // Lists of every length up to 600, their growth interleaved.
      const h = ((p % 7) * 0x9e3779b1) >>> 0;
      if ((expected.get(h)?.length ?? 0) >= 600) continue;
      expected.set(h, [...(expected.get(h) ?? []), p]);
      expect(t.add(h, p)).toBe(expected.get(h)!.length);
    }
    for (const [h, list] of expected) {
      expect(t.postings(h)).toEqual(list);
      const c = t.find(h);
      expect(t.lengthOf(c)).toBe(list.length);
      expect(Array.from({ length: list.length }, (_, k) => t.postingOf(c, k))).toEqual(list);
    }
  });

  it('drops the list of a hash marked common, and adds nothing to it after', () => {
    const t = new PostingTable();
    t.add(7, 1);
    t.add(7, 2);
    t.markCommon(7);
    expect(t.lengthOf(t.find(7))).toBe(COMMON_LENGTH);
    expect(t.add(7, 3)).toBe(COMMON_LENGTH);
    expect(t.postings(7)).toEqual([]);
  });
});
