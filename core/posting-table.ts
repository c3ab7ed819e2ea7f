/**
 * Growable posting lists keyed by 32-bit shingle hash, for the paragraphs added to the corpus
 * index after its build (readers' own articles).
 *
 * With thousands of articles the table holds hundreds of thousands of hashes (~612,000 for 1,000
 * articles), nearly all of them in one paragraph only, and a lookup is a few random memory reads.
 * So it is laid out small:
 * - Open addressing over one typed array, not a `Map`: half of all uint32 hashes do not fit a small
 *   integer and a `Map` would box, hash and compare each as a heap number. The hashes are already
 *   well mixed (murmur3's finaliser), so their low bits index the table directly.
 * - A slot is two words: the hash, and its list. A list of one paragraph is that word itself;
 *   a longer one lives in one shared pool, where the word points. Slots are kept at most 70% full.
 *   (Slots of four words, with lists of two inline, took four times the memory and were no
 *   faster: `bench/README.md`.)
 * - A bit array, eight bits per slot, says which hashes may be held: most of a block's shingles
 *   are in no reader's article, and nearly all of those are answered without the table.
 */

/** The length `lengthOf` gives a list grown past the common limit: no longer kept. */
export const COMMON_LENGTH = -1;

/** Words per slot: the hash, then its list word. */
const STRIDE = 2;
/** The list word of an empty slot. */
const EMPTY = 0;
/** The list word of a common hash. */
const COMMON_WORD = 0xffffffff;
/** A list word with this bit points into the pool; without it, it is one paragraph plus one. */
const IN_POOL = 0x80000000;
/** A pooled list: `pool[at]` its length, `pool[at + 1]` its capacity, then its paragraphs. */
const HEADER = 2;

export class PostingTable {
  private cells = new Uint32Array(STRIDE * 1024);
  /** Eight bits per slot, one set for each hash held (by other bits of the hash than its slot). */
  private present = new Int32Array((8 * 1024) / 32);
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
    while (cells[STRIDE * i + 1] !== EMPTY && cells[STRIDE * i] !== h) i = (i + 1) & mask;
    return STRIDE * i;
  }

  /** The slot holding `h`, or -1. */
  find(h: number): number {
    const c = this.slotOf(h);
    return this.cells[c + 1] === EMPTY ? -1 : c;
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
      while (cells[STRIDE * s + 1] !== EMPTY && cells[STRIDE * s] !== h) s = (s + 1) & mask;
      slots[i] = cells[STRIDE * s + 1] === EMPTY ? -1 : STRIDE * s;
    }
  }

  /** The length of the list in slot `c` (from `find`), or COMMON_LENGTH. */
  lengthOf(c: number): number {
    const word = this.cells[c + 1]!;
    if (word === COMMON_WORD) return COMMON_LENGTH;
    return word & IN_POOL ? this.pool[word & ~IN_POOL]! : 1;
  }

  /** Paragraph `k` of the list in slot `c`. */
  postingOf(c: number, k: number): number {
    const word = this.cells[c + 1]!;
    return word & IN_POOL ? this.pool[(word & ~IN_POOL) + HEADER + k]! : word - 1;
  }

  /**
   * Counts the list in slot `c` (from `find`, not common) into `counts`, at `first` + each
   * paragraph, appending the paragraphs counted for the first time to `touched` from
   * `touchedCount`; returns the new count. One call per list, its place read once: a lookup
   * walks many short lists.
   */
  countInto(c: number, first: number, counts: Uint32Array, touched: Uint32Array, touchedCount: number): number {
    const word = this.cells[c + 1]!;
    if (!(word & IN_POOL)) {
      const p = first + word - 1;
      if (counts[p] === 0) touched[touchedCount++] = p;
      counts[p]!++;
      return touchedCount;
    }
    const pool = this.pool;
    const at = word & ~IN_POOL;
    for (let i = at + HEADER, end = i + pool[at]!; i < end; i++) {
      const p = first + pool[i]!;
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
    const word = cells[c + 1]!;
    if (word === COMMON_WORD) return COMMON_LENGTH;
    if (word === EMPTY) {
      cells[c] = h;
      cells[c + 1] = p + 1;
      this.keys++;
      this.mark(h);
      // Kept at most 70% full, so probes stay short.
      if (10 * this.keys > 7 * (cells.length / STRIDE)) this.grow();
      return 1;
    }
    if (!(word & IN_POOL)) {
      // A second paragraph: the list moves to the pool.
      const at = this.allocate(4);
      this.pool[at] = 2;
      this.pool[at + HEADER] = word - 1;
      this.pool[at + HEADER + 1] = p;
      cells[c + 1] = (at | IN_POOL) >>> 0;
      return 2;
    }
    let at = word & ~IN_POOL;
    const n = this.pool[at]!;
    if (n === this.pool[at + 1]) {
      // Full: moved to a chunk twice the size (the old one is left unused).
      const moved = this.allocate(2 * n);
      this.pool.copyWithin(moved + HEADER, at + HEADER, at + HEADER + n);
      at = moved;
      cells[c + 1] = (at | IN_POOL) >>> 0;
    }
    this.pool[at + HEADER + n] = p;
    this.pool[at] = n + 1;
    return n + 1;
  }

  /** Marks `h`, which the table holds, as common: its list is dropped. */
  markCommon(h: number): void {
    const c = this.find(h);
    if (c >= 0) this.cells[c + 1] = COMMON_WORD;
  }

  /** A pool chunk for `capacity` paragraphs, its capacity set (its length is the caller's). */
  private allocate(capacity: number): number {
    const size = HEADER + capacity;
    if (this.poolEnd + size > this.pool.length) {
      const pool = new Uint32Array(Math.max(2 * this.pool.length, this.poolEnd + size));
      pool.set(this.pool.subarray(0, this.poolEnd));
      this.pool = pool;
    }
    if (this.poolEnd + size > IN_POOL) throw new Error('posting table: pool full');
    const at = this.poolEnd;
    this.poolEnd += size;
    this.pool[at + 1] = capacity;
    return at;
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
      if (old[c + 1] === EMPTY) continue;
      const d = this.slotOf(old[c]!);
      this.cells[d] = old[c]!;
      this.cells[d + 1] = old[c + 1]!;
      this.mark(old[c]!);
    }
  }
}
