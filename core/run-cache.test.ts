import { describe, expect, it } from 'vitest';
import { FNV_OFFSET, fnvStep } from './hash';
import { RunCache } from './run-cache';

const hashOf = (s: string) => [...s].reduce((h, c) => fnvStep(h, c.charCodeAt(0)), FNV_OFFSET);

describe('RunCache', () => {
  it('finds a run of a longer text by its units, not by a string', () => {
    const cache = new RunCache<string>(100);
    cache.set('hòa', hashOf('hòa'), 'HÒA');
    const text = 'xin hòa bình';
    expect(cache.get(text, 4, 7, hashOf('hòa'))).toBe('HÒA');
    // Same length, other units; a prefix; the right units under a wrong hash.
    expect(cache.get(text, 8, 11, hashOf('bìn'))).toBeUndefined();
    expect(cache.get(text, 4, 6, hashOf('hò'))).toBeUndefined();
    expect(cache.get(text, 4, 7, hashOf('hòa') + 1)).toBeUndefined();
  });

  it('tells apart runs whose hashes collide, and keeps them all as it grows', () => {
    const cache = new RunCache<number>(10_000);
    // Every key under the same hash, so every lookup walks past the others.
    for (let k = 0; k < 300; k++) cache.set(`w${k}`, 42, k);
    for (let k = 0; k < 300; k++) expect(cache.get(`..w${k}`, 2, 2 + `w${k}`.length, 42)).toBe(k);
    for (let k = 0; k < 5_000; k++) cache.set(`v${k}`, hashOf(`v${k}`), k);
    for (let k = 0; k < 5_000; k += 7) expect(cache.get(`v${k}`, 0, `v${k}`.length, hashOf(`v${k}`))).toBe(k);
  });

  it('takes no more runs than its limit, and still answers the ones it has', () => {
    const cache = new RunCache<number>(3);
    for (const [k, w] of ['a', 'b', 'c', 'd'].entries()) cache.set(w, hashOf(w), k);
    expect(['a', 'b', 'c', 'd'].map((w) => cache.get(w, 0, 1, hashOf(w)))).toEqual([0, 1, 2, undefined]);
  });
});
