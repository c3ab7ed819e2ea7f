/**
 * The lookup index of the lexicon: a trie over syllables holding, at each word's node, the items
 * (glossary entries, supplement entries, dictionary words) spelled that way, and the scanner that
 * reads normalised text into syllable ids.
 *
 * The index is built once at build time and shipped as typed arrays: a freshly started service
 * worker only decodes it, instead of inserting tens of thousands of words (~200 ms of cold
 * JavaScript). Nodes are numbered breadth first, so the children of a node are a contiguous range
 * sorted by syllable id; the root's children, the first step of every walk, sit in an array
 * indexed by syllable id.
 *
 * Syllables are compared folded (`lexicon-key.ts`): lower case, and a final y after a consonant
 * read as i. The scanner applies the same fold to the text in place, without building strings.
 */

import { base64ToBytes, base64ToUint32, bytesToBase64, uint32ToBase64 } from './base64';
import { FNV_OFFSET, FNV_PRIME } from './hash';
import { CONSONANT_UNIT, foldSyllable, Y_UNIT_TO_I } from './lexicon-key';
import { FOLD_TABLE, foldUnit, isDigitUnit, UNKNOWN_UNIT } from './syllable-scan';

/** A form to index: its syllables (already folded), the item it names and that item's flags. */
export interface IndexedForm {
  readonly syllables: readonly string[];
  readonly item: number;
  readonly info: number;
}

/** The index as arrays, for the compiled file. */
export interface LexiconIndexArrays {
  readonly syllables: readonly string[];
  readonly maxDepth: number;
  /** Children of node n: nodes childStart[n] … childStart[n + 1] - 1. */
  readonly childStart: Int32Array;
  /** The syllable id on the edge into each node (-1 for the root). */
  readonly label: Int32Array;
  /** Items of node n: items[itemStart[n]] … items[itemStart[n + 1] - 1]. */
  readonly itemStart: Int32Array;
  readonly items: Int32Array;
  /** Flags of each item, parallel to `items`; their meaning is the lexicon's. */
  readonly info: Int32Array;
}

/**
 * The arrays as JSON: strings and base64 of little-endian bytes, packed (the service worker reads
 * them as it starts): per node its number of children (16 bits) and of items (8 bits) instead of
 * offsets, its syllable id in 16 bits, items and their flags in 32.
 */
export interface CompiledLexiconIndex {
  syllables: string[];
  maxDepth: number;
  childCount: string;
  label: string;
  itemCount: string;
  items: string;
  info: string;
}

/** Syllables read from a text: [starts[k], ends[k]) and the id of each (-1 when unknown). */
export interface Syllables {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly ids: Int32Array;
  readonly count: number;
}

function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

function grow(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

const int32 = (a: Int32Array) => uint32ToBase64(new Uint32Array(a.buffer, a.byteOffset, a.length));
const fromBase64 = (s: string) => {
  const u = base64ToUint32(s);
  return new Int32Array(u.buffer, u.byteOffset, u.length);
};

/** Packs small non-negative integers (or -1, as the largest value) into `bytes` bytes each. */
function packSmall(values: ArrayLike<number>, bytes: 1 | 2): string {
  const out = new Uint8Array(values.length * bytes);
  const max = bytes === 1 ? 0xff : 0xffff;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]! < 0 ? max : values[i]!;
    if (v > max) throw new Error(`lexicon index: ${v} does not fit in ${bytes * 8} bits`);
    out[i * bytes] = v & 0xff;
    if (bytes === 2) out[i * 2 + 1] = v >> 8;
  }
  return bytesToBase64(out);
}

function unpackSmall(s: string, bytes: 1 | 2): Int32Array {
  const b = base64ToBytes(s);
  if (b.length % bytes !== 0) throw new Error('lexicon index: packed values are not whole');
  // Widened by the engine, not a loop: little-endian, as packSmall wrote them (and as every
  // platform we run on stores a Uint16Array).
  return new Int32Array(bytes === 1 ? b : new Uint16Array(b.buffer, b.byteOffset, b.length / 2));
}

/** Offsets from counts: [first, first + c0, first + c0 + c1, …]. */
function offsets(counts: Int32Array, first: number): Int32Array {
  const out = new Int32Array(counts.length + 1);
  out[0] = first;
  for (let i = 0; i < counts.length; i++) out[i + 1] = out[i]! + counts[i]!;
  return out;
}

interface BuildNode {
  children: Map<number, BuildNode>;
  items: [number, number][];
}

export class LexiconIndex {
  readonly syllables: readonly string[];
  readonly maxDepth: number;
  private readonly childStart: Int32Array;
  private readonly label: Int32Array;
  private readonly itemStart: Int32Array;
  private readonly itemList: Int32Array;
  private readonly infoList: Int32Array;
  private readonly rootChild: Int32Array;
  // Syllable table: folded syllable → id, open-addressed on int32 FNV-1a hashes, kept at most an
  // eighth full: most syllables of a page are in it, and a miss should cost one probe.
  private readonly hashes: Int32Array;
  private readonly slots: Int32Array;
  private buffers = { starts: new Int32Array(256), ends: new Int32Array(256), ids: new Int32Array(256) };

  private constructor(a: LexiconIndexArrays) {
    this.syllables = a.syllables;
    this.maxDepth = a.maxDepth;
    this.childStart = a.childStart;
    this.label = a.label;
    this.itemStart = a.itemStart;
    this.itemList = a.items;
    this.infoList = a.info;
    const n = a.syllables.length;
    this.rootChild = new Int32Array(n);
    for (let c = a.childStart[0]!; c < a.childStart[1]!; c++) this.rootChild[a.label[c]!] = c;
    this.hashes = new Int32Array(n);
    let size = 64;
    while (size < n * 8) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let id = 0; id < n; id++) {
      const h = hashString(a.syllables[id]!);
      this.hashes[id] = h;
      let i = h & mask;
      while (this.slots[i] !== -1) i = (i + 1) & mask;
      this.slots[i] = id;
    }
  }

  /** Builds the index of `forms`. Forms with no syllable are ignored. */
  static build(forms: Iterable<IndexedForm>): LexiconIndex {
    const ids = new Map<string, number>();
    const syllables: string[] = [];
    const root: BuildNode = { children: new Map(), items: [] };
    let maxDepth = 0;
    for (const form of forms) {
      if (form.syllables.length === 0) continue;
      let node = root;
      for (const s of form.syllables) {
        let id = ids.get(s);
        if (id === undefined) {
          id = syllables.length;
          ids.set(s, id);
          syllables.push(s);
        }
        let next = node.children.get(id);
        if (!next) {
          next = { children: new Map(), items: [] };
          node.children.set(id, next);
        }
        node = next;
      }
      if (!node.items.some(([item]) => item === form.item)) node.items.push([form.item, form.info]);
      maxDepth = Math.max(maxDepth, form.syllables.length);
    }
    // Breadth first, children by syllable id: each node's children get consecutive numbers.
    const order: BuildNode[] = [root];
    const labels: number[] = [-1];
    const childStart: number[] = [];
    for (let k = 0; k < order.length; k++) {
      childStart.push(order.length);
      for (const [id, child] of [...order[k]!.children].sort((a, b) => a[0] - b[0])) {
        order.push(child);
        labels.push(id);
      }
    }
    childStart.push(order.length);
    const itemStart: number[] = [];
    const items: number[] = [];
    const info: number[] = [];
    for (const node of order) {
      itemStart.push(items.length);
      for (const [item, flags] of node.items) {
        items.push(item);
        info.push(flags);
      }
    }
    itemStart.push(items.length);
    return new LexiconIndex({
      syllables,
      maxDepth,
      childStart: Int32Array.from(childStart),
      label: Int32Array.from(labels),
      itemStart: Int32Array.from(itemStart),
      items: Int32Array.from(items),
      info: Int32Array.from(info),
    });
  }

  get arrays(): LexiconIndexArrays {
    return {
      syllables: this.syllables,
      maxDepth: this.maxDepth,
      childStart: this.childStart,
      label: this.label,
      itemStart: this.itemStart,
      items: this.itemList,
      info: this.infoList,
    };
  }

  /** The index for a JSON file. */
  toJSON(): CompiledLexiconIndex {
    const counts = (starts: Int32Array) => starts.subarray(1).map((end, i) => end - starts[i]!);
    return {
      syllables: [...this.syllables],
      maxDepth: this.maxDepth,
      childCount: packSmall(counts(this.childStart), 2),
      label: packSmall(this.label, 2),
      itemCount: packSmall(counts(this.itemStart), 1),
      items: int32(this.itemList),
      info: int32(this.infoList),
    };
  }

  /** Reads an index from its JSON form; throws on anything malformed. */
  static fromJSON(c: CompiledLexiconIndex): LexiconIndex {
    if (!Array.isArray(c.syllables) || typeof c.maxDepth !== 'number') throw new Error('lexicon index is malformed');
    const label = unpackSmall(c.label, 2);
    label[0] = -1;
    const a = {
      syllables: c.syllables,
      maxDepth: c.maxDepth,
      // Node 0 is the root: the children of the first node start at 1.
      childStart: offsets(unpackSmall(c.childCount, 2), 1),
      label,
      itemStart: offsets(unpackSmall(c.itemCount, 1), 0),
      items: fromBase64(c.items),
      info: fromBase64(c.info),
    };
    const nodes = a.label.length;
    if (
      a.childStart.length !== nodes + 1 ||
      a.itemStart.length !== nodes + 1 ||
      a.items.length !== a.info.length ||
      a.itemStart[nodes] !== a.items.length ||
      a.childStart[nodes] !== nodes
    )
      throw new Error('lexicon index arrays disagree in length');
    return new LexiconIndex(a);
  }

  /** Number of nodes, the root (node 0) included. */
  get size(): number {
    return this.label.length;
  }

  /** The id of a folded syllable, or -1. */
  syllableId(folded: string): number {
    const h = hashString(folded);
    const mask = this.slots.length - 1;
    for (let i = h & mask; this.slots[i] !== -1; i = (i + 1) & mask) {
      const id = this.slots[i]!;
      if (this.hashes[id] === h && this.syllables[id] === folded) return id;
    }
    return -1;
  }

  /** The child of `node` by syllable id, or 0 when there is none. */
  child(node: number, syllable: number): number {
    if (syllable < 0) return 0;
    if (node === 0) return this.rootChild[syllable]!;
    let lo = this.childStart[node]!;
    let hi = this.childStart[node + 1]! - 1;
    const label = this.label;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const l = label[mid]!;
      if (l === syllable) return mid;
      if (l < syllable) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** The node of a word given as its (unfolded) syllables, or 0. */
  find(syllables: readonly string[]): number {
    let node = 0;
    for (const s of syllables) {
      node = this.child(node, this.syllableId(foldSyllable(s)));
      if (node === 0) return 0;
    }
    return node;
  }

  /** Where the items of `node` are in {@link items} and {@link info}: [start, end). */
  itemRange(node: number): [number, number] {
    return [this.itemStart[node]!, this.itemStart[node + 1]!];
  }

  /** The items of every node, by {@link itemRange}. */
  get items(): Int32Array {
    return this.itemList;
  }

  get info(): Int32Array {
    return this.infoList;
  }

  /**
   * Splits normalised text into syllables as `tokenize` does (runs of letters, marks and digits;
   * a number keeps its separators) and looks each up as it goes. This loop reads every character
   * of a page, so it is written for speed: typed arrays reused from call to call, the syllable
   * table probed with the text in place, no allocation per syllable. The arrays returned are only
   * valid until the next call.
   */
  scan(text: string): Syllables {
    const fold = FOLD_TABLE;
    const { syllables: keys, hashes, slots } = this;
    const mask = slots.length - 1;
    const n = text.length;
    let { starts, ends, ids } = this.buffers;
    let count = 0;
    let i = 0;
    while (i < n) {
      let f = fold[text.charCodeAt(i)]!;
      if (f === UNKNOWN_UNIT) f = foldUnit(text.charCodeAt(i));
      if (f === 0) {
        i++;
        continue;
      }
      const start = i;
      let h = FNV_OFFSET;
      for (;;) {
        h = Math.imul(h ^ f, FNV_PRIME);
        // Never index past the end of the text: a NaN index would deoptimise the loop.
        if (++i >= n) break;
        const c = text.charCodeAt(i);
        f = fold[c]!;
        if (f === UNKNOWN_UNIT) f = foldUnit(c);
        if (f !== 0) continue;
        // 10.000 and 81,9: a separator between digits stays inside the number.
        if (
          (c === 46 || c === 44) &&
          i + 1 < n &&
          isDigitUnit(text.charCodeAt(i - 1)) &&
          isDigitUnit(text.charCodeAt(i + 1))
        ) {
          f = c;
          continue;
        }
        break;
      }
      const length = i - start;
      // mỹ → mĩ: a final y after a consonant is read as i. Rare enough to hash the syllable again.
      let finalI = 0;
      if (length > 1) {
        const last = fold[text.charCodeAt(i - 1)]!;
        const previous = fold[text.charCodeAt(i - 2)]!;
        if (last < 0x2000 && Y_UNIT_TO_I[last] && previous < 0x2000 && CONSONANT_UNIT[previous]) {
          finalI = Y_UNIT_TO_I[last]!;
          h = FNV_OFFSET;
          for (let k = start; k < i - 1; k++) {
            const c = text.charCodeAt(k);
            h = Math.imul(h ^ (fold[c] || c), FNV_PRIME);
          }
          h = Math.imul(h ^ finalI, FNV_PRIME);
        }
      }
      if (count === starts.length) {
        starts = grow(starts, count * 2);
        ends = grow(ends, count * 2);
        ids = grow(ids, count * 2);
      }
      starts[count] = start;
      ends[count] = i;
      let id = -1;
      for (let slot = h & mask; ; slot = (slot + 1) & mask) {
        const candidate = slots[slot]!;
        if (candidate === -1) break;
        if (hashes[candidate] !== h) continue;
        const key = keys[candidate]!;
        if (key.length !== length) continue;
        let k = 0;
        for (; k < length; k++) {
          const c = text.charCodeAt(start + k);
          const u = k === length - 1 && finalI !== 0 ? finalI : fold[c] || c;
          if (key.charCodeAt(k) !== u) break;
        }
        if (k === length) {
          id = candidate;
          break;
        }
      }
      ids[count] = id;
      count++;
    }
    this.buffers = { starts, ends, ids };
    return { starts, ends, ids, count };
  }
}
