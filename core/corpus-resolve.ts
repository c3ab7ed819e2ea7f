/**
 * Decides, for a whole page, which blocks are which corpus paragraphs.
 *
 * Precision comes first: a block is only claimed on textual evidence, and how much evidence is
 * enough depends on what the rest of the page says.
 * 1. A block that covers most of a paragraph (and is mostly that paragraph, or a run of
 *    consecutive paragraphs merged) claims it outright: "strong". These set the page's context.
 * 2. When a block could be two different paragraphs, the article the page shows wins, then the
 *    paragraph whose position fits between its matched neighbours.
 * 3. Consecutive blocks that are each a clean part of one paragraph, and together cover most of
 *    it, claim it together: a paragraph the page split in two.
 * 4. A block sitting exactly in a paragraph's slot (its neighbours matched the paragraphs before
 *    and after it) claims that paragraph on weaker evidence: a short heading or credit line, or
 *    a paragraph that lost a long sentence. Never without shared text, never off the article.
 */

/** A corpus paragraph, as the automation contract names it (`articleId:index`). */
export interface ParagraphKey {
  readonly articleId: string;
  readonly index: number;
}

/** A candidate as the resolver needs it (see `scoreBlock`). */
export interface Candidate extends ParagraphKey {
  readonly hits: number;
  readonly coverage: number;
  readonly purity: number;
  readonly paragraphShingles: number;
}

/** The resolver's decision for one block. */
export interface BlockResolution {
  /** The paragraphs this block is, all or part of, in corpus order. */
  readonly matches: ParagraphKey[];
  /** The paragraphs whose English belongs right after this block, in corpus order. */
  readonly renderAfter: ParagraphKey[];
}

/** Paragraphs with fewer informative shingles than this are "short". */
export const SHORT_PARAGRAPH = 8;
const STRONG_COVERAGE = 0.5;
const STRONG_PURITY = 0.25;
const STRONG_MIN_HITS = 4;
/** Candidates explaining the same part of a block add up to more than this. */
const OVERLAP_PURITY = 1.15;
const SHORT_COVERAGE = 0.8;
const PART_PURITY = 0.7;
const PART_MIN_HITS = 3;
const SLOT_SHORT_COVERAGE = 0.3;

export const keyOf = (p: ParagraphKey): string => `${p.articleId}:${p.index}`;

const same = (a: ParagraphKey, b: ParagraphKey) => a.articleId === b.articleId && a.index === b.index;
const isShort = (c: Candidate) => c.paragraphShingles < SHORT_PARAGRAPH;
const byHits = (a: Candidate, b: Candidate) => b.hits - a.hits;

function isStrong(c: Candidate): boolean {
  return !isShort(c) && c.coverage >= STRONG_COVERAGE && c.purity >= STRONG_PURITY && c.hits >= STRONG_MIN_HITS;
}

function isPart(c: Candidate): boolean {
  return !isShort(c) && c.purity >= PART_PURITY && c.hits >= PART_MIN_HITS && c.coverage < STRONG_COVERAGE;
}

/** Covers most of its paragraph: enough for a paragraph merged next to a strong one. */
function coversMost(c: Candidate): boolean {
  return (
    c.coverage >= (isShort(c) ? SHORT_COVERAGE : STRONG_COVERAGE) &&
    c.hits >= Math.min(PART_MIN_HITS, c.paragraphShingles)
  );
}

/**
 * A block's strong readings: those it claims together (a block merging consecutive paragraphs
 * explains a different part of itself with each) and rival readings of the same text.
 */
function strongSets(candidates: readonly Candidate[]): { claimed: Candidate[]; rivals: Candidate[] } {
  const claimed: Candidate[] = [];
  const rivals: Candidate[] = [];
  let purity = 0;
  // Pages merge consecutive paragraphs; a second strong reading that is not next to the first
  // explains the same text another way (a lead restating a later paragraph) and is a rival.
  const adjacent = (c: Candidate) =>
    claimed.some((k) => k.articleId === c.articleId && Math.abs(k.index - c.index) === 1);
  for (const c of candidates.filter(isStrong).sort(byHits)) {
    if (claimed.length === 0 || (adjacent(c) && purity + c.purity <= OVERLAP_PURITY)) {
      claimed.push(c);
      purity += c.purity;
    } else {
      rivals.push(c);
    }
  }
  // A short paragraph merged into a long one explains little of the block: accept it as a
  // neighbour of a claimed paragraph of the same article.
  for (let grew = claimed.length > 0; grew; ) {
    grew = false;
    for (const c of candidates) {
      if (claimed.some((k) => same(k, c)) || rivals.some((k) => same(k, c)) || !coversMost(c)) continue;
      if (adjacent(c) && purity + c.purity <= OVERLAP_PURITY) {
        claimed.push(c);
        purity += c.purity;
        grew = true;
      }
    }
  }
  return { claimed, rivals };
}

class PageClaims {
  readonly claims: ParagraphKey[][];
  /** Strong, unambiguous claims per article: what the page is about. */
  readonly support = new Map<string, number>();
  /**
   * Per article, the blocks holding one of its claims, in document order: slots are found by
   * binary search, since a 1 MB page has thousands of blocks and a scan per block is quadratic.
   */
  private readonly blocksOf = new Map<string, number[]>();

  constructor(size: number) {
    this.claims = Array.from({ length: size }, () => []);
  }

  place(b: number, p: ParagraphKey, strong = false): void {
    if (this.claims[b]!.some((q) => same(p, q))) return;
    this.claims[b]!.push(p);
    if (strong) this.support.set(p.articleId, (this.support.get(p.articleId) ?? 0) + 1);
    const blocks = this.blocksOf.get(p.articleId) ?? [];
    this.blocksOf.set(p.articleId, blocks);
    const at = lowerBound(blocks, b);
    if (blocks[at] !== b) blocks.splice(at, 0, b);
  }

  has(b: number, p: ParagraphKey): boolean {
    return this.claims[b]?.some((q) => same(p, q)) ?? false;
  }

  /** How many of the article's claims elsewhere contradict `p` sitting at block `b`. */
  misfit(b: number, p: ParagraphKey): number {
    let n = 0;
    for (const k of this.blocksOf.get(p.articleId) ?? []) {
      if (k === b) continue;
      for (const q of this.claims[k]!) {
        if (q.articleId !== p.articleId) continue;
        if ((k < b && q.index > p.index) || (k > b && q.index < p.index)) n++;
      }
    }
    return n;
  }

  /**
   * The article's claimed paragraph indexes nearest before and after block `b`: the slot `b`
   * sits in.
   */
  slot(b: number, articleId: string): { before?: number; after?: number } {
    const blocks = this.blocksOf.get(articleId) ?? [];
    const indexesAt = (k: number | undefined) =>
      k === undefined ? [] : this.claims[k]!.filter((q) => q.articleId === articleId).map((q) => q.index);
    const at = lowerBound(blocks, b);
    const before = indexesAt(blocks[at - 1]);
    const after = indexesAt(blocks[blocks[at] === b ? at + 1 : at]);
    return {
      before: before.length > 0 ? Math.max(...before) : undefined,
      after: after.length > 0 ? Math.min(...after) : undefined,
    };
  }
}

/** The first position in ascending `sorted` whose value is at least `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Picks among rival readings: the page's article first, then order, then evidence. */
function choose(page: PageClaims, b: number, options: readonly Candidate[]): Candidate {
  return [...options].sort(
    (x, y) =>
      (page.support.get(y.articleId) ?? 0) - (page.support.get(x.articleId) ?? 0) ||
      page.misfit(b, x) - page.misfit(b, y) ||
      y.hits - x.hits,
  )[0]!;
}

/** Resolves every block of a page, given each block's candidates in document order. */
export function resolvePage(blocks: readonly (readonly Candidate[])[]): BlockResolution[] {
  const page = new PageClaims(blocks.length);

  // 1. Unambiguous strong matches set the page's context.
  const ambiguous: { block: number; options: Candidate[] }[] = [];
  // Most blocks of a page have no candidate at all (its other news, menus, credits): every step
  // passes them over before building anything for them.
  blocks.forEach((candidates, b) => {
    if (candidates.length === 0) return;
    const { claimed, rivals } = strongSets(candidates);
    if (claimed.length === 1) {
      const top = claimed[0]!;
      // Another paragraph explaining the same text, strongly or as a clean part of it.
      const others = [
        ...rivals,
        ...candidates.filter((c) => isPart(c) && !same(c, top) && top.purity + c.purity > OVERLAP_PURITY),
      ].filter((c) => !same(c, top));
      if (others.length > 0) {
        ambiguous.push({ block: b, options: [top, ...others] });
        return;
      }
    }
    for (const c of claimed) page.place(b, c, true);
  });

  // 2. Rival readings, settled by the page's article and the order around them. A part reading
  //    that wins is left to step 3, which only claims it with its other parts.
  for (const { block, options } of ambiguous) {
    const chosen = choose(page, block, options);
    if (isStrong(chosen)) page.place(block, chosen);
  }

  // 3. Consecutive clean parts of one paragraph claim it together.
  claimParts(blocks, page);

  // 4. Blocks in their paragraph's slot, on weaker evidence, only on pages showing the article.
  blocks.forEach((candidates, b) => {
    if (candidates.length === 0 || page.claims[b]!.length > 0) return;
    const fits = candidates.filter((c) => {
      if ((page.support.get(c.articleId) ?? 0) === 0) return false;
      const { before, after } = page.slot(b, c.articleId);
      if ((before !== undefined && before >= c.index) || (after !== undefined && after <= c.index)) return false;
      // Pinned on both sides, a short paragraph needs less of its text (one edited word of five).
      const pinned = before === c.index - 1 && after === c.index + 1;
      const enough =
        c.coverage >= STRONG_COVERAGE ||
        (c.purity >= PART_PURITY && c.hits >= PART_MIN_HITS) ||
        (pinned && isShort(c) && c.coverage >= SLOT_SHORT_COVERAGE);
      return enough && (before === c.index - 1 || after === c.index + 1);
    });
    if (fits.length > 0) page.place(b, choose(page, b, fits));
  });

  return render(page.claims);
}

function claimParts(blocks: readonly (readonly Candidate[])[], page: PageClaims): void {
  const none: Candidate[] = [];
  const parts = blocks.map((candidates, b) =>
    candidates.length === 0 || page.claims[b]!.length > 0 ? none : candidates.filter(isPart),
  );
  const partFor = (b: number, p: ParagraphKey) => parts[b]?.find((c) => same(c, p));
  const done = new Set<string>();
  parts.forEach((list, b) => {
    for (const c of list) {
      if (done.has(`${b}|${keyOf(c)}`)) continue;
      // The run of consecutive part-blocks of this paragraph around b.
      let first = b;
      while (first > 0 && partFor(first - 1, c)) first--;
      let last = b;
      while (last + 1 < blocks.length && partFor(last + 1, c)) last++;
      let coverage = 0;
      for (let k = first; k <= last; k++) {
        coverage += partFor(k, c)!.coverage;
        done.add(`${k}|${keyOf(c)}`);
      }
      const besideStrong = page.has(first - 1, c) || page.has(last + 1, c);
      if (coverage >= STRONG_COVERAGE || besideStrong) {
        for (let k = first; k <= last; k++) if (page.claims[k]!.length === 0) page.place(k, c);
      }
    }
  });
}

/** Orders each block's claims and puts each paragraph's English after the last block of its run. */
function render(claims: ParagraphKey[][]): BlockResolution[] {
  const byOrder = (a: ParagraphKey, b: ParagraphKey) => a.articleId.localeCompare(b.articleId) || a.index - b.index;
  const matches = claims.map((list) => (list.length < 2 ? list : [...list].sort(byOrder)));
  return matches.map((list, b) => ({
    matches: list,
    renderAfter: list.filter((p) => !(matches[b + 1] ?? []).some((q) => same(p, q))),
  }));
}
