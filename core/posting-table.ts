/**
 * Growable posting lists keyed by 32-bit shingle hash, for the paragraphs added to the corpus
 * index after its build (readers' own articles).
 *
 * A `Map<number, …>` keyed by these hashes is slow: half of all uint32 values do not fit a small
 * integer, so every key is a boxed number, hashed and compared as one. Open addressing over a
 * typed array of keys needs no boxing, and the hashes are already well mixed (murmur3's
 * finaliser), so their low bits index the table directly.
 */

/** A list that grew past the common limit: its shingle is no longer evidence, and its list is dropped. */
export const COMMON = null;

export class PostingTable {
  private keys = new Uint32Array(1024);
  /** Per slot: 1 + the list's position in `lists`, or 0 for an empty slot. */
  private slots = new Int32Array(1024);
  private readonly lists: (number[] | typeof COMMON)[] = [];

  /** How many distinct shingles the table holds (common ones included). */
  get size(): number {
    return this.lists.length;
  }

  /** The slot of `h`: where it is, or the empty slot where it would go. */
  private slotOf(h: number): number {
    const mask = this.slots.length - 1;
    let i = h & mask;
    while (this.slots[i] !== 0 && this.keys[i] !== h) i = (i + 1) & mask;
    return i;
  }

  /** The paragraphs containing `h`; `COMMON` when it is too common to keep; undefined when none. */
  get(h: number): number[] | typeof COMMON | undefined {
    const s = this.slots[this.slotOf(h)]!;
    return s === 0 ? undefined : this.lists[s - 1];
  }

  /** Adds paragraph `p` to the list of `h`, creating the list; returns the list (`COMMON` adds nothing). */
  add(h: number, p: number): number[] | typeof COMMON {
    const i = this.slotOf(h);
    const s = this.slots[i]!;
    if (s !== 0) {
      const list = this.lists[s - 1]!;
      list?.push(p);
      return list;
    }
    const list = [p];
    this.keys[i] = h;
    this.slots[i] = this.lists.push(list);
    // Kept at most half full, so probes stay short.
    if (this.lists.length * 2 > this.slots.length) this.grow();
    return list;
  }

  /** Marks `h`, which the table holds, as common: its list is dropped. */
  markCommon(h: number): void {
    const s = this.slots[this.slotOf(h)]!;
    if (s !== 0) this.lists[s - 1] = COMMON;
  }

  private grow(): void {
    const { keys, slots } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.slots = new Int32Array(slots.length * 2);
    for (let i = 0; i < slots.length; i++) {
      if (slots[i] === 0) continue;
      const j = this.slotOf(keys[i]!);
      this.keys[j] = keys[i]!;
      this.slots[j] = slots[i]!;
    }
  }
}
