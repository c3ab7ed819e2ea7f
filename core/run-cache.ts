/**
 * A bounded cache keyed by a run of a text's UTF-16 units, looked up without building the run's
 * string: the normalisation fast paths ask it for every word of every block, and slicing each
 * word out only to hash it again in a `Map` was most of their time and garbage. The caller hashes
 * the run with FNV-1a as it scans it (`hash.ts`); a hit compares the units in place.
 *
 * It starts small and grows to its limit, then stops taking new runs (a language has a few
 * thousand syllables, and a page repeats them).
 */

import { avalanche } from './hash';

export class RunCache<T> {
  /** Per slot, its entry + 1 (0: empty). Kept at most half full. */
  private slots = new Int32Array(256);
  private hashes: number[] = [];
  private keys: string[] = [];
  private values: T[] = [];

  constructor(private readonly limit: number) {}

  /** The value for `text[start, end)`, whose FNV-1a hash is `hash`, if the cache has it. */
  get(text: string, start: number, end: number, hash: number): T | undefined {
    const slots = this.slots;
    const mask = slots.length - 1;
    const length = end - start;
    // (Spread first: FNV-1a's low bits depend mostly on a run's last units.)
    for (let s = avalanche(hash) & mask; slots[s] !== 0; s = (s + 1) & mask) {
      const e = slots[s]! - 1;
      if (this.hashes[e] !== hash) continue;
      const key = this.keys[e]!;
      if (key.length !== length) continue;
      let k = 0;
      while (k < length && key.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === length) return this.values[e];
    }
    return undefined;
  }

  /** Keeps `value` for `key` (whose FNV-1a hash is `hash`), unless the cache is full. */
  set(key: string, hash: number, value: T): void {
    if (this.keys.length >= this.limit) return;
    if (2 * (this.keys.length + 1) > this.slots.length) this.grow();
    this.keys.push(key);
    this.hashes.push(hash);
    this.values.push(value);
    this.place(this.slots, this.keys.length - 1, hash);
  }

  private place(slots: Int32Array, entry: number, hash: number): void {
    const mask = slots.length - 1;
    let s = avalanche(hash) & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = entry + 1;
  }

  private grow(): void {
    const slots = new Int32Array(2 * this.slots.length);
    this.hashes.forEach((h, e) => this.place(slots, e, h));
    this.slots = slots;
  }
}
