/**
 * Growable posting lists keyed by 32-bit shingle hash, for the paragraphs added to the corpus
 * index after its build (readers' own articles).
 *
 * With thousands of articles the table is megabytes, and a lookup is a few random memory reads
 * whose cache misses are nearly all of its cost: so it is laid out for few of them.
 * - Open addressing over one typed array, not a `Map`: half of all uint32 hashes do not fit a small
 *   integer and a `Map` would box, hash and compare each as a heap number. The hashes are already
 *   well mixed (murmur3's finaliser), so their low bits index the table directly.
 * - A slot is four words side by side: the hash, the list's length, and the list itself when it
 *   holds one or two paragraphs (most do), else where it starts in one shared pool. A lookup reads
 *   one cache line, and a longer list one more.
 * - A bit array an eighth of the table's size says which hashes may be held: a third of a block's
 *   shingles are in no reader's article, and most of those are answered without the table.
 */

/** The length `lengthOf` gives a list grown past the common limit: no longer kept. */
export const COMMON_LENGTH = -1;

/** Words per slot: hash, state (0 empty, 1 + length, or COMMON_STATE), then two words of list. */
const STRIDE = 4;
const COMMON_STATE = 0xffffffff;
/** Lists of up to this many paragraphs live in their slot. */
const INLINE = 2;

export class PostingTable {
  private cells = new Uint32Array(STRIDE * 1024);
  /** Eight bits per slot, one set for each hash held (by other bits of the hash than its slot). */
  private present = new Int32Array((8 * 1024) / 32);
  /** Lists longer than INLINE: `pool[start .. start + capacity]`, start and capacity in the slot. */
  private pool = new Uint32Array(4096);
  private poolEnd = 0;
  private keys = 0;

  /** How many distinct hashes the table holds (common ones included). */
  get size(): number {
    return this.keys;
  }

  /** The slot of `h`: where it is, or the empty slot where it would go. */
  private slotOf(h: number): number {
    const cells = this.cells;
    const mask = cells.length / STRIDE - 1;
    let i = h & mask;
    while (cells[STRIDE * i + 1] !== 0 && cells[STRIDE * i] !== h) i = (i + 1) & mask;
    return STRIDE * i;
  }

  /** The slot holding `h`, or -1. */
  find(h: number): number {
    const c = this.slotOf(h);
    return this.cells[c + 1] === 0 ? -1 : c;
  }

  /**
   * `find` for each of the first `count` hashes of `hashes`, into `slots`, through the filter of
   * hashes held. A lookup waits on a cache miss or two: in one tight loop of independent reads the
   * processor has several in flight at once, where interleaved with the work on each answer it
   * had one. (And a hash above 2³⁰ passed to a call that is not inlined would be boxed as a heap
   * number; read here, it never leaves a register.)
   */
  findAll(hashes: Uint32Array, count: number, slots: Int32Array): void {
    const bits = this.present;
    const bitMask = bits.length * 32 - 1;
    const cells = this.cells;
    const mask = cells.length / STRIDE - 1;
    for (let i = 0; i < count; i++) {
      const h = hashes[i]!;
      const bit = (h >>> 7) & bitMask;
      if ((bits[bit >>> 5]! & (1 << (bit & 31))) === 0) {
        slots[i] = -1;
        continue;
      }
      let s = h & mask;
      while (cells[STRIDE * s + 1] !== 0 && cells[STRIDE * s] !== h) s = (s + 1) & mask;
      slots[i] = cells[STRIDE * s + 1] === 0 ? -1 : STRIDE * s;
    }
  }

  /** The length of the list in slot `c` (from `find`), or COMMON_LENGTH. */
  lengthOf(c: number): number {
    const state = this.cells[c + 1]!;
    return state === COMMON_STATE ? COMMON_LENGTH : state - 1;
  }

  /** Paragraph `k` of the list in slot `c`. */
  postingOf(c: number, k: number): number {
    const cells = this.cells;
    return cells[c + 1]! - 1 <= INLINE ? cells[c + 2 + k]! : this.pool[cells[c + 2]! + k]!;
  }

  /**
   * Counts the list in slot `c` (from `find`, not common) into `counts`, at `first` + each
   * paragraph, appending the paragraphs counted for the first time to `touched` from
   * `touchedCount`; returns the new count. One call per list, its place read once: a lookup
   * walks many short lists.
   */
  countInto(c: number, first: number, counts: Uint32Array, touched: Uint32Array, touchedCount: number): number {
    const cells = this.cells;
    const length = cells[c + 1]! - 1;
    const list = length <= INLINE ? cells : this.pool;
    const start = length <= INLINE ? c + 2 : cells[c + 2]!;
    for (let i = start, end = start + length; i < end; i++) {
      const p = first + list[i]!;
      if (counts[p] === 0) touched[touchedCount++] = p;
      counts[p]!++;
    }
    return touchedCount;
  }

  /** The list of `h`, copied (empty when none or common). */
  postings(h: number): number[] {
    const c = this.find(h);
    const n = c < 0 ? 0 : this.lengthOf(c);
    return Array.from({ length: Math.max(0, n) }, (_, k) => this.postingOf(c, k));
  }

  /** Adds paragraph `p` to the list of `h`; returns the list's new length, or COMMON_LENGTH (nothing added). */
  add(h: number, p: number): number {
    const c = this.slotOf(h);
    const cells = this.cells;
    const state = cells[c + 1]!;
    if (state === COMMON_STATE) return COMMON_LENGTH;
    if (state === 0) {
      cells[c] = h;
      cells[c + 1] = 2;
      cells[c + 2] = p;
      this.keys++;
      this.mark(h);
      // Kept at most half full, so probes stay short.
      if (this.keys * 2 * STRIDE > cells.length) this.grow();
      return 1;
    }
    const n = state - 1;
    if (n < INLINE) {
      cells[c + 2 + n] = p;
    } else if (n === INLINE) {
      const start = this.allocate(2 * INLINE);
      for (let k = 0; k < INLINE; k++) this.pool[start + k] = cells[c + 2 + k]!;
      this.pool[start + n] = p;
      cells[c + 2] = start;
      cells[c + 3] = 2 * INLINE;
    } else {
      if (n === cells[c + 3]) {
        // Full: moved to a chunk twice the size (the old one is left unused).
        const start = this.allocate(2 * n);
        this.pool.copyWithin(start, cells[c + 2]!, cells[c + 2]! + n);
        cells[c + 2] = start;
        cells[c + 3] = 2 * n;
      }
      this.pool[cells[c + 2]! + n] = p;
    }
    cells[c + 1] = n + 2;
    return n + 1;
  }

  /** Marks `h`, which the table holds, as common: its list is dropped. */
  markCommon(h: number): void {
    const c = this.find(h);
    if (c >= 0) this.cells[c + 1] = COMMON_STATE;
  }

  private allocate(size: number): number {
    if (this.poolEnd + size > this.pool.length) {
      const pool = new Uint32Array(Math.max(2 * this.pool.length, this.poolEnd + size));
      pool.set(this.pool.subarray(0, this.poolEnd));
      this.pool = pool;
    }
    const start = this.poolEnd;
    this.poolEnd += size;
    return start;
  }

  private mark(h: number): void {
    const bit = (h >>> 7) & (this.present.length * 32 - 1);
    this.present[bit >>> 5]! |= 1 << (bit & 31);
  }

  private grow(): void {
    const old = this.cells;
    this.cells = new Uint32Array(old.length * 2);
    this.present = new Int32Array(this.present.length * 2);
    for (let c = 0; c < old.length; c += STRIDE) {
      if (old[c + 1] === 0) continue;
      const d = this.slotOf(old[c]!);
      for (let w = 0; w < STRIDE; w++) this.cells[d + w] = old[c + w]!;
      this.mark(old[c]!);
    }
  }
}
