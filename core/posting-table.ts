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
  /**
   * Slot `i` is `cells[2i]` (the hash) and `cells[2i + 1]` (1 + the list's position in `lists`,
   * or 0 for an empty slot): side by side, so a probe costs one cache line, not two. The table
   * is large (every shingle of every added paragraph) and each lookup lands somewhere new in it.
   */
  private cells = new Uint32Array(2 * 1024);
  private readonly lists: (number[] | typeof COMMON)[] = [];

  /** How many distinct shingles the table holds (common ones included). */
  get size(): number {
    return this.lists.length;
  }

  /** The cell index of `h`'s slot: where it is, or the empty slot where it would go. */
  private slotOf(h: number): number {
    const cells = this.cells;
    const mask = (cells.length >>> 1) - 1;
    let i = h & mask;
    while (cells[2 * i + 1] !== 0 && cells[2 * i] !== h) i = (i + 1) & mask;
    return 2 * i;
  }

  /** The paragraphs containing `h`; `COMMON` when it is too common to keep; undefined when none. */
  get(h: number): number[] | typeof COMMON | undefined {
    const s = this.cells[this.slotOf(h) + 1]!;
    return s === 0 ? undefined : this.lists[s - 1];
  }

  /** Adds paragraph `p` to the list of `h`, creating the list; returns the list (`COMMON` adds nothing). */
  add(h: number, p: number): number[] | typeof COMMON {
    const c = this.slotOf(h);
    const s = this.cells[c + 1]!;
    if (s !== 0) {
      const list = this.lists[s - 1]!;
      list?.push(p);
      return list;
    }
    const list = [p];
    this.cells[c] = h;
    this.cells[c + 1] = this.lists.push(list);
    // Kept at most half full, so probes stay short.
    if (this.lists.length * 4 > this.cells.length) this.grow();
    return list;
  }

  /** Marks `h`, which the table holds, as common: its list is dropped. */
  markCommon(h: number): void {
    const s = this.cells[this.slotOf(h) + 1]!;
    if (s !== 0) this.lists[s - 1] = COMMON;
  }

  private grow(): void {
    const old = this.cells;
    this.cells = new Uint32Array(old.length * 2);
    for (let c = 0; c < old.length; c += 2) {
      if (old[c + 1] === 0) continue;
      const d = this.slotOf(old[c]!);
      this.cells[d] = old[c]!;
      this.cells[d + 1] = old[c + 1]!;
    }
  }
}
