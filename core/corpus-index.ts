/**
 * The corpus paragraph index: an inverted index from shingle hash to the paragraphs containing it,
 * stored as three flat arrays (sorted keys, offsets, postings) so that it compiles once at build
 * time, loads without rebuilding, and answers a block in time proportional to the block's
 * shingles and their posting lists, not to the corpus size.
 */

import { AddedParagraphs, clearsFloor, type CandidateFloor } from './added-paragraphs';
import { shinglesOf } from './shingles';

/** Shingles found in more paragraphs than this are too common to be evidence and are skipped. */
export const DEFAULT_COMMON_LIMIT = 512;

/** Paragraph numbers must stay below this (2²¹): they share a float with a 32-bit hash while sorting. */
const PARAGRAPH_LIMIT = 2 ** 21;

/** One paragraph's place in the corpus. */
export interface ParagraphRef {
  /** Position of the article in the corpus' article list. */
  readonly article: number;
  /** 0-based position of the paragraph in its article. */
  readonly index: number;
}

/** The index's arrays; `fromArrays` takes them back. */
export interface CorpusIndexArrays {
  /** Per paragraph: its article's position. */
  readonly paraArticle: Uint32Array;
  /** Per paragraph: its position in the article. */
  readonly paraIndex: Uint32Array;
  /** Per paragraph: how many of its shingles are informative (not too common). */
  readonly paraShingles: Uint32Array;
  /** Distinct informative shingle hashes, ascending. */
  readonly keys: Uint32Array;
  /** `postings[offsets[k] .. offsets[k+1]]` are the paragraphs containing `keys[k]`. */
  readonly offsets: Uint32Array;
  readonly postings: Uint32Array;
}

/** A paragraph that shares shingles with a block. */
export interface RawCandidate {
  readonly paragraph: number;
  /** Shingles the block and the paragraph share. */
  readonly hits: number;
}

export class CorpusIndex {
  private counts: Uint32Array;
  private touched: Uint32Array;
  private added: AddedParagraphs;
  private readonly builtCount: number;

  private constructor(
    readonly arrays: CorpusIndexArrays,
    private readonly commonLimit = DEFAULT_COMMON_LIMIT,
  ) {
    this.builtCount = arrays.paraArticle.length;
    this.counts = new Uint32Array(this.builtCount);
    this.touched = new Uint32Array(this.builtCount);
    this.added = new AddedParagraphs(this.builtCount, commonLimit);
  }

  /**
   * Adds an article's paragraphs (article position `article` in the corpus' list) without
   * rebuilding: the cost is the article's own shingles. Paragraph numbers continue after the
   * built ones, in the order added.
   */
  addArticle(article: number, paragraphs: readonly string[]): void {
    const a = this.added;
    if (this.paragraphCount + paragraphs.length >= PARAGRAPH_LIMIT) {
      throw new Error(`corpus index: more than ${PARAGRAPH_LIMIT} paragraphs`);
    }
    paragraphs.forEach((text, i) => a.add(article, i, shinglesOf(text)));
    if (this.counts.length < this.paragraphCount) {
      const size = Math.max(this.paragraphCount, this.counts.length * 2);
      this.counts = new Uint32Array(size);
      this.touched = new Uint32Array(size);
    }
  }

  /** Forgets every added paragraph (a reader deleted an article: the rest are added again). */
  clearAdded(): void {
    this.added = new AddedParagraphs(this.builtCount, this.commonLimit);
  }

  /** How many paragraphs were added after the build. */
  get addedCount(): number {
    return this.added.size;
  }

  /**
   * Builds the index from paragraph texts, grouped by article. Every (shingle, paragraph) pair is
   * packed into one float (hash · 2²¹ + paragraph, exact below 2⁵³) so a single native sort
   * groups the postings; 10,000 articles build in seconds.
   */
  static build(articles: readonly (readonly string[])[], commonLimit = DEFAULT_COMMON_LIMIT): CorpusIndex {
    const paraArticle: number[] = [];
    const paraIndex: number[] = [];
    const sets: Uint32Array[] = [];
    articles.forEach((paragraphs, a) => {
      paragraphs.forEach((text, i) => {
        paraArticle.push(a);
        paraIndex.push(i);
        sets.push(shinglesOf(text));
      });
    });
    if (sets.length >= PARAGRAPH_LIMIT) throw new Error(`corpus index: more than ${PARAGRAPH_LIMIT} paragraphs`);
    const total = sets.reduce((n, set) => n + set.length, 0);
    const pairs = new Float64Array(total);
    let k = 0;
    sets.forEach((set, p) => {
      for (const h of set) pairs[k++] = h * PARAGRAPH_LIMIT + p;
    });
    pairs.sort();
    const keys: number[] = [];
    const offsets: number[] = [];
    const postings = new Uint32Array(total);
    const paraShingles = Uint32Array.from(sets, (set) => set.length);
    let written = 0;
    for (let i = 0; i < total; ) {
      const h = Math.floor(pairs[i]! / PARAGRAPH_LIMIT);
      let j = i;
      while (j < total && Math.floor(pairs[j]! / PARAGRAPH_LIMIT) === h) j++;
      if (j - i > commonLimit) {
        // Too common to be evidence: not indexed, and not counted in its paragraphs' coverage.
        for (let m = i; m < j; m++) paraShingles[pairs[m]! % PARAGRAPH_LIMIT]!--;
      } else {
        keys.push(h);
        offsets.push(written);
        for (let m = i; m < j; m++) postings[written++] = pairs[m]! % PARAGRAPH_LIMIT;
      }
      i = j;
    }
    offsets.push(written);
    return new CorpusIndex(
      {
        paraArticle: Uint32Array.from(paraArticle),
        paraIndex: Uint32Array.from(paraIndex),
        paraShingles,
        keys: Uint32Array.from(keys),
        offsets: Uint32Array.from(offsets),
        postings: postings.slice(0, written),
      },
      commonLimit,
    );
  }

  static fromArrays(arrays: CorpusIndexArrays): CorpusIndex {
    const n = arrays.paraArticle.length;
    if (arrays.paraIndex.length !== n || arrays.paraShingles.length !== n) {
      throw new Error('corpus index: per-paragraph arrays differ in length');
    }
    if (
      arrays.offsets.length !== arrays.keys.length + 1 ||
      arrays.offsets[arrays.keys.length] !== arrays.postings.length
    ) {
      throw new Error('corpus index: offsets do not match keys and postings');
    }
    return new CorpusIndex(arrays);
  }

  get paragraphCount(): number {
    return this.builtCount + this.added.size;
  }

  ref(paragraph: number): ParagraphRef {
    if (paragraph >= this.builtCount) {
      const k = paragraph - this.builtCount;
      return { article: this.added.paraArticle[k]!, index: this.added.paraIndex[k]! };
    }
    return { article: this.arrays.paraArticle[paragraph]!, index: this.arrays.paraIndex[paragraph]! };
  }

  /** Informative shingles of a paragraph: the denominator of its coverage. */
  paragraphShingles(paragraph: number): number {
    if (paragraph >= this.builtCount) return this.added.paraShingles[paragraph - this.builtCount]!;
    return this.arrays.paraShingles[paragraph]!;
  }

  private find(h: number): number {
    const keys = this.arrays.keys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid]!;
      if (k === h) return mid;
      if (k < h) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * Paragraphs sharing at least `need` shingles with `blockShingles` (distinct hashes), most hits
   * first. Given a floor instead, only the paragraphs that clear it: a caller that would discard
   * the rest says so here, before they are built and sorted, and the readers' articles are then
   * looked up without walking the long lists of frequent shingles (exactly: see
   * `added-paragraphs.ts`).
   */
  candidates(blockShingles: Uint32Array, need: number | CandidateFloor = 2): RawCandidate[] {
    const floor = typeof need === 'number' ? undefined : need;
    const minHits = typeof need === 'number' ? need : need.minHits;
    const { offsets, postings } = this.arrays;
    const counts = this.counts;
    const touched = this.touched;
    let touchedCount = 0;
    for (const h of blockShingles) {
      const k = this.find(h);
      if (k < 0) continue;
      for (let i = offsets[k]!; i < offsets[k + 1]!; i++) {
        const p = postings[i]!;
        if (counts[p] === 0) touched[touchedCount++] = p;
        counts[p]!++;
      }
    }
    touchedCount = this.added.count(blockShingles, counts, touched, touchedCount, floor);
    const out: RawCandidate[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const p = touched[t]!;
      const hits = counts[p]!;
      // (A paragraph's size is read only when the hits could be enough: most are one stray hit.)
      const worth =
        hits >= minHits && (!floor || clearsFloor(floor, hits, this.paragraphShingles(p), blockShingles.length));
      if (worth) out.push({ paragraph: p, hits });
      counts[p] = 0;
    }
    out.sort((a, b) => b.hits - a.hits || a.paragraph - b.paragraph);
    return out;
  }
}
