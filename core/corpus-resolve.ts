/**
 * Decides, for a whole page, which blocks are which corpus paragraphs.
 *
 * Precision comes first: a block is only claimed on textual evidence, and how much evidence is
 * enough depends on what the rest of the page says.
 * - A block that covers most of a paragraph (and is mostly that paragraph, or a few paragraphs
 *   run together) claims it outright: "strong".
 * - Consecutive blocks that are each a clean part of one paragraph, and together cover most of
 *   it, claim it together: a paragraph the page split in two.
 * - A short paragraph (a heading, a credit line) is only claimed when the block is nearly
 *   identical to it and the page already shows strong matches from the same article.
 * - When a block could be two different paragraphs, the article the page is about wins, then
 *   the paragraph whose position fits between its matched neighbours.
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
const NEAR_IDENTICAL = 0.8;
const PART_PURITY = 0.7;
const PART_MIN_HITS = 3;

export const keyOf = (p: ParagraphKey): string => `${p.articleId}:${p.index}`;

const sameParagraph = (a: ParagraphKey, b: ParagraphKey) => a.articleId === b.articleId && a.index === b.index;

function isStrong(c: Candidate): boolean {
  return (
    c.paragraphShingles >= SHORT_PARAGRAPH &&
    c.coverage >= STRONG_COVERAGE &&
    c.purity >= STRONG_PURITY &&
    c.hits >= STRONG_MIN_HITS
  );
}

function isNearIdenticalShort(c: Candidate): boolean {
  return c.paragraphShingles < SHORT_PARAGRAPH && c.coverage >= NEAR_IDENTICAL && c.purity >= NEAR_IDENTICAL;
}

function isPart(c: Candidate): boolean {
  return c.paragraphShingles >= SHORT_PARAGRAPH && c.purity >= PART_PURITY && c.hits >= PART_MIN_HITS;
}

/**
 * Splits a block's strong candidates into those it claims together (a block merging several
 * paragraphs explains a different part of itself with each) and rival readings of the same text.
 */
function strongSets(candidates: readonly Candidate[]): { claimed: Candidate[]; rivals: Candidate[] } {
  const strong = candidates.filter(isStrong).sort((a, b) => b.hits - a.hits);
  const claimed: Candidate[] = [];
  const rivals: Candidate[] = [];
  let purity = 0;
  for (const c of strong) {
    if (claimed.length === 0 || purity + c.purity <= OVERLAP_PURITY) {
      claimed.push(c);
      purity += c.purity;
    } else {
      rivals.push(c);
    }
  }
  return { claimed, rivals };
}

interface Context {
  /** Strong, unambiguous claims per article. */
  readonly support: Map<string, number>;
  /** Per article, the (block position, paragraph index) pairs claimed so far. */
  readonly positions: Map<string, { block: number; index: number }[]>;
}

/** How well `c` at block `b` fits the order of its article's other matches: 0 is a perfect fit. */
function orderMisfit(ctx: Context, b: number, c: ParagraphKey): number {
  const placed = ctx.positions.get(c.articleId) ?? [];
  let misfit = 0;
  for (const p of placed) {
    if ((p.block < b && p.index > c.index) || (p.block > b && p.index < c.index)) misfit++;
  }
  return misfit;
}

/** Picks among rival readings: the page's article first, then order, then evidence. */
function choose<C extends Candidate>(ctx: Context, b: number, options: readonly C[]): C {
  return [...options].sort(
    (x, y) =>
      (ctx.support.get(y.articleId) ?? 0) - (ctx.support.get(x.articleId) ?? 0) ||
      orderMisfit(ctx, b, x) - orderMisfit(ctx, b, y) ||
      y.hits - x.hits,
  )[0]!;
}

/** Resolves every block of a page, given each block's candidates in document order. */
export function resolvePage(blocks: readonly (readonly Candidate[])[]): BlockResolution[] {
  const claims: ParagraphKey[][] = blocks.map(() => []);
  const ctx: Context = { support: new Map(), positions: new Map() };
  const place = (b: number, p: ParagraphKey) => {
    claims[b]!.push(p);
    const list = ctx.positions.get(p.articleId) ?? [];
    list.push({ block: b, index: p.index });
    ctx.positions.set(p.articleId, list);
  };

  // 1. Unambiguous strong matches set the page's context.
  const ambiguous: { block: number; options: Candidate[] }[] = [];
  blocks.forEach((candidates, b) => {
    const { claimed, rivals } = strongSets(candidates);
    const contested = rivals.some((r) => claimed.some((c) => c.articleId !== r.articleId || c.index !== r.index));
    if (claimed.length === 1 && contested) {
      ambiguous.push({ block: b, options: [claimed[0]!, ...rivals] });
      return;
    }
    for (const c of claimed) {
      place(b, c);
      ctx.support.set(c.articleId, (ctx.support.get(c.articleId) ?? 0) + 1);
    }
  });

  // 2. Rival readings of one block: settled by the article and the order around them.
  for (const { block, options } of ambiguous) place(block, choose(ctx, block, options));

  // 3. Consecutive clean parts of one paragraph claim it together.
  claimParts(blocks, claims, place);

  // 4. Short paragraphs, only on pages already showing their article.
  blocks.forEach((candidates, b) => {
    if (claims[b]!.length > 0) return;
    const options = candidates.filter((c) => isNearIdenticalShort(c) && (ctx.support.get(c.articleId) ?? 0) > 0);
    if (options.length > 0) place(b, choose(ctx, b, options));
  });

  return render(claims);
}

function claimParts(
  blocks: readonly (readonly Candidate[])[],
  claims: ParagraphKey[][],
  place: (b: number, p: ParagraphKey) => void,
): void {
  const parts = blocks.map((candidates, b) =>
    claims[b]!.length > 0 ? [] : candidates.filter((c) => isPart(c) && c.coverage < STRONG_COVERAGE),
  );
  const strongFor = (b: number, p: ParagraphKey) => claims[b]?.some((c) => sameParagraph(c, p)) ?? false;
  const partFor = (b: number, p: ParagraphKey) => parts[b]?.find((c) => sameParagraph(c, p));
  const done = new Set<string>();
  parts.forEach((list, b) => {
    for (const c of list) {
      const id = `${b}|${keyOf(c)}`;
      if (done.has(id)) continue;
      // Extend the run of consecutive part-blocks of this paragraph in both directions.
      let first = b;
      while (first > 0 && partFor(first - 1, c)) first--;
      let last = b;
      while (last + 1 < blocks.length && partFor(last + 1, c)) last++;
      let coverage = 0;
      for (let k = first; k <= last; k++) {
        coverage += partFor(k, c)!.coverage;
        done.add(`${k}|${keyOf(c)}`);
      }
      const besideStrong = strongFor(first - 1, c) || strongFor(last + 1, c);
      if (coverage >= STRONG_COVERAGE || besideStrong) {
        for (let k = first; k <= last; k++) if (claims[k]!.length === 0 || !strongFor(k, c)) place(k, c);
      }
    }
  });
}

/** Orders each block's claims and puts each paragraph's English after the last block of its run. */
function render(claims: ParagraphKey[][]): BlockResolution[] {
  const byOrder = (a: ParagraphKey, b: ParagraphKey) => a.articleId.localeCompare(b.articleId) || a.index - b.index;
  const unique = (list: ParagraphKey[]) =>
    list.filter((p, i) => list.findIndex((q) => sameParagraph(p, q)) === i).sort(byOrder);
  const matches = claims.map(unique);
  return matches.map((list, b) => ({
    matches: list,
    renderAfter: list.filter((p) => !(matches[b + 1] ?? []).some((q) => sameParagraph(p, q))),
  }));
}
