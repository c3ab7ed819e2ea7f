/**
 * The paragraphs added to the corpus index after its build (readers' own articles): a posting
 * list per shingle, grown in place, so adding an article costs its own shingles, never a rebuild.
 *
 * Looking a block up must not cost more as readers add articles. What grows with them is the
 * posting lists of frequent shingles (stock phrases: "cho biết rằng", "theo thông tin"), and
 * walking those was most of a lookup's cost with a thousand articles. A frequent shingle is no
 * evidence either: a paragraph worth naming shares rarer ones with the block. So a lookup walks
 * only the lists of rare shingles (at most {@link RARE_LIMIT} paragraphs), then adds to each
 * paragraph found the frequent shingles it shares with the block, by merging two sorted lists.
 *
 * That is exact, not a heuristic, for every paragraph a caller accepts (see {@link CandidateFloor}):
 * - a paragraph that could reach the coverage floor on frequent shingles alone ("exposed": its
 *   frequent shingles are at least that share of its informative ones) is kept in a second, short
 *   posting list per frequent shingle, which the lookup walks too;
 * - a paragraph that could reach the purity floor on frequent shingles alone shares at least one
 *   of the block's frequent shingles with the shortest lists (prefix filtering): in a block made
 *   mostly of frequent shingles, those few lists are walked too.
 *
 * {@link EXPOSED_COVERAGE}, the coverage floor this honours, is the least coverage the resolver
 * ever claims a paragraph on (a short one in its slot); a caller with a lower floor gets every
 * list walked. `added-paragraphs.test.ts` checks the candidates against a walk of every list.
 */

import { COMMON_LENGTH, PostingTable } from './posting-table';

/** Shingles in at most this many added paragraphs are rare: their lists are walked in every lookup. */
export const RARE_LIMIT = 16;

/**
 * The coverage below which the fast lookup could miss a paragraph: a caller whose floor is lower
 * gets every list walked.
 */
export const EXPOSED_COVERAGE = 0.3;

/**
 * What makes a paragraph worth returning for a block: at least `minHits` shared shingles, and
 * either `minCoverage` of the paragraph's informative shingles or `minPurity` of the block's.
 */
export interface CandidateFloor {
  readonly minHits: number;
  readonly minCoverage: number;
  readonly minPurity: number;
}

/** Whether `hits` shared shingles clear the floor, for a paragraph of `paragraphShingles` and a block of `blockShingles`. */
export function clearsFloor(
  floor: CandidateFloor,
  hits: number,
  paragraphShingles: number,
  blockShingles: number,
): boolean {
  return (
    hits >= floor.minHits &&
    paragraphShingles > 0 &&
    (Math.min(1, hits / paragraphShingles) >= floor.minCoverage || hits / blockShingles >= floor.minPurity)
  );
}

/** How many hashes two ascending lists share. */
function sharedCount(a: ArrayLike<number>, aLength: number, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < aLength && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** The readers' paragraphs of a corpus index: added one at a time, looked up with a block's shingles. */
export class AddedParagraphs {
  /** Per shingle, the added paragraphs containing it; `COMMON_LENGTH` past the common limit. */
  private readonly postings = new PostingTable();
  /** Per frequent shingle, the exposed paragraphs containing it. */
  private readonly exposedPostings = new PostingTable();
  readonly paraArticle: number[] = [];
  readonly paraIndex: number[] = [];
  /** Per paragraph, its informative shingles (the coverage denominator). */
  readonly paraShingles: number[] = [];
  /** Per paragraph, how many of its informative shingles are frequent (more than RARE_LIMIT paragraphs). */
  private readonly paraFrequent: number[] = [];
  /** Per paragraph, its distinct shingles, ascending. */
  private readonly sets: Uint32Array[] = [];
  private readonly exposed: boolean[] = [];
  /** The block's frequent shingles, ascending: scratch space of a lookup. */
  private frequentScratch = new Uint32Array(64);
  /** The slots of the block's shingles in a table: scratch space of a lookup. */
  private slotScratch = new Int32Array(64);

  /** `first` is the global number of the first added paragraph. */
  constructor(
    private readonly first: number,
    private readonly commonLimit: number,
  ) {}

  get size(): number {
    return this.paraArticle.length;
  }

  /** Adds one paragraph (its distinct shingles, ascending); returns its global number. */
  add(article: number, index: number, set: Uint32Array): number {
    const k = this.paraArticle.length;
    this.paraArticle.push(article);
    this.paraIndex.push(index);
    this.sets.push(set);
    this.exposed.push(false);
    // Its own counts come last, once the lists know it: until then it is left out of the others'.
    this.paraShingles.push(0);
    this.paraFrequent.push(0);
    let informative = 0;
    let frequent = 0;
    for (const h of set) {
      const length = this.postings.add(h, k);
      if (length === COMMON_LENGTH) continue;
      if (length > this.commonLimit) {
        // Now too common: no longer evidence for the paragraphs that counted it.
        const list = this.postings.postings(h);
        this.postings.markCommon(h);
        const wasFrequent = length - 1 > RARE_LIMIT;
        for (const q of list) {
          if (q === k) continue;
          this.paraShingles[q]!--;
          if (wasFrequent) this.paraFrequent[q]!--;
          else this.exposeIfAtRisk(q);
        }
        // (When it was frequent, no paragraph becomes exposed: both of its counts fell by one.)
        continue;
      }
      // (Each shingle of the set is seen once: its list's length is final for this paragraph.)
      informative++;
      if (length > RARE_LIMIT) frequent++;
      if (length === RARE_LIMIT + 1) {
        // Now frequent, for the paragraphs that had it as rare.
        for (const q of this.postings.postings(h)) {
          if (q === k) continue;
          this.paraFrequent[q]!++;
          if (this.exposed[q]) this.exposedPostings.add(h, q);
          else this.exposeIfAtRisk(q);
        }
      }
    }
    this.paraShingles[k] = informative;
    this.paraFrequent[k] = frequent;
    this.exposeIfAtRisk(k);
    return this.first + k;
  }

  /** Exposes paragraph `k` if its frequent shingles alone could reach the coverage floor. */
  private exposeIfAtRisk(k: number): void {
    const informative = this.paraShingles[k]!;
    if (this.exposed[k] || informative === 0 || this.paraFrequent[k]! < EXPOSED_COVERAGE * informative) return;
    this.exposed[k] = true;
    for (const h of this.sets[k]!) {
      const c = this.postings.find(h);
      if (c >= 0 && this.postings.lengthOf(c) > RARE_LIMIT) this.exposedPostings.add(h, k);
    }
  }

  /**
   * Counts, into `counts` (indexed by global paragraph number), the block's shingles each added
   * paragraph shares; appends newly touched paragraphs to `touched` from `touchedCount` and
   * returns the new count. Without a floor (or with one the fast way cannot honour), every list is
   * walked; with one, the counts are exact for every paragraph that clears it, and never more than
   * exact for the others.
   */
  count(
    block: Uint32Array,
    counts: Uint32Array,
    touched: Uint32Array,
    touchedCount: number,
    floor?: CandidateFloor,
  ): number {
    if (this.paraArticle.length === 0) return touchedCount;
    const { first, postings, exposedPostings } = this;
    const everything = !floor || floor.minCoverage < EXPOSED_COVERAGE;
    if (this.frequentScratch.length < block.length) {
      this.frequentScratch = new Uint32Array(block.length);
      this.slotScratch = new Int32Array(block.length);
    }
    const frequent = this.frequentScratch;
    const slots = this.slotScratch;
    let frequentCount = 0;
    const from = touchedCount;
    postings.findAll(block, block.length, slots);
    for (let b = 0; b < block.length; b++) {
      const c = slots[b]!;
      if (c < 0) continue;
      const length = postings.lengthOf(c);
      if (length === COMMON_LENGTH) continue;
      if (everything || length <= RARE_LIMIT)
        touchedCount = postings.countInto(c, first, counts, touched, touchedCount);
      else frequent[frequentCount++] = block[b]!;
    }
    if (frequentCount > 0) {
      exposedPostings.findAll(frequent, frequentCount, slots);
      for (let f = 0; f < frequentCount; f++) {
        const e = slots[f]!;
        if (e >= 0) touchedCount = exposedPostings.countInto(e, first, counts, touched, touchedCount);
      }
    }
    if (!floor || everything) return touchedCount;
    // The paragraphs found through rare shingles only: add the frequent ones they share, when
    // that could matter (a paragraph that is not exposed shares at most `paraFrequent` of them).
    for (let t = from; t < touchedCount; t++) {
      const p = touched[t]!;
      const k = p - first;
      if (this.exposed[k]) continue;
      const bound = counts[p]! + Math.min(frequentCount, this.paraFrequent[k]!);
      if (!clearsFloor(floor, bound, this.paraShingles[k]!, block.length)) continue;
      counts[p]! += sharedCount(frequent, frequentCount, this.sets[k]!);
    }
    // A paragraph sharing no rare shingle can still clear the purity floor on frequent ones
    // alone, when the block has enough of them. It then shares at least one of the block's
    // `frequentCount - need + 1` frequent shingles with the shortest lists: walk those. (It is not
    // exposed, or the walk above found it; and it shares at most `paraFrequent` of them.)
    const need = Math.max(floor.minHits, Math.ceil(floor.minPurity * block.length));
    if (frequentCount >= need) {
      const shortest = Array.from(frequent.subarray(0, frequentCount), (h) => postings.find(h))
        .sort((a, b) => postings.lengthOf(a) - postings.lengthOf(b))
        .slice(0, frequentCount - need + 1);
      for (const c of shortest) {
        for (let i = 0, length = postings.lengthOf(c); i < length; i++) {
          const k = postings.postingOf(c, i);
          const p = first + k;
          if (counts[p] !== 0 || this.paraFrequent[k]! < need) continue;
          const hits = sharedCount(frequent, frequentCount, this.sets[k]!);
          if (hits === 0) continue;
          touched[touchedCount++] = p;
          counts[p] = hits;
        }
      }
    }
    return touchedCount;
  }
}
