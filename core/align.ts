/**
 * Length-based bilingual alignment in the manner of Gale and Church (1993), strengthened by
 * anchors: dynamic programming over "beads" (1:1, 1:2, 2:1, 1:0, 0:1…) that pair a run of source
 * units (Vietnamese paragraphs or sentences) with a run of target units (English ones).
 *
 * A bead costs −log of its prior, plus the Gale–Church length cost (how unlikely the English
 * length is given the Vietnamese length), minus the evidence of the anchors both sides share
 * (numbers, names, quotations: see `align-anchors.ts`). The cheapest path is the alignment; a
 * forward–backward pass over the same lattice gives each chosen bead its posterior probability,
 * reported as its confidence.
 *
 * Pure and deterministic: between equally cheap paths, the bead type listed first wins.
 */

/** A unit to align: its length and its anchors. */
export interface AlignUnit {
  /** Length in characters, as {@link textLength} counts them. */
  readonly length: number;
  /** Anchor ids, one per occurrence (the weight of each id comes with the options). */
  readonly anchors: readonly number[];
}

/** One bead of an alignment: source units [from, to) paired with target units [from, to). */
export interface Bead {
  readonly source: readonly [number, number];
  readonly target: readonly [number, number];
  /** Posterior probability of this bead, 0–1: low where another alignment was nearly as good. */
  readonly confidence: number;
}

/** A bead shape: how many source and target units it takes, and how often it occurs. */
export interface BeadType {
  readonly source: number;
  readonly target: number;
  readonly prior: number;
}

export interface LengthModel {
  /** Expected English characters per Vietnamese character. */
  readonly ratio: number;
  /** Variance of the English length per Vietnamese character (Gale and Church's s²). */
  readonly variance: number;
}

/**
 * Calibrated on the bundled corpus (100 paragraph pairs; `calibrateLengthModel`, checked against
 * the corpus by align.test.ts): English runs about 11% longer than Vietnamese in characters
 * other than spaces and combining marks.
 */
export const VI_EN_LENGTH: LengthModel = { ratio: 1.114, variance: 3.6 };

/**
 * Gale and Church's bead priors for sentences (1:1 0.89; 2:1 and 1:2 0.089 together; 1:0 and
 * 0:1 0.0099 together; 2:2 0.011). Adding 1:3 and 3:1 changed nothing on the corpus (neither the
 * sentence alignment of its 100 paragraphs nor the lost-paragraph-break scenario), so they are
 * left out; the engine takes any bead shapes.
 */
export const SENTENCE_BEADS: readonly BeadType[] = [
  { source: 1, target: 1, prior: 0.89 },
  { source: 1, target: 2, prior: 0.0445 },
  { source: 2, target: 1, prior: 0.0445 },
  { source: 1, target: 0, prior: 0.005 },
  { source: 0, target: 1, prior: 0.005 },
  { source: 2, target: 2, prior: 0.011 },
];

/**
 * Paragraph beads. A page and a pasted English text differ by paragraphs one of them lacks
 * (captions and credits a translation drops, a title, site furniture) more often than a
 * translator merges or splits paragraphs, so 1:0 and 0:1 are likelier here than between
 * sentences, and 1:2 and 2:1 rarer. With Gale and Church's priors a short unpaired paragraph
 * ("Theo Ukrainska Pravda", "Advertisement") is merged into its neighbour's bead instead: the
 * lengths cannot tell the two apart, only the priors can. A real split is still found when the
 * lengths demand it (half a paragraph is not a translation of the whole). There are no real
 * pasted texts to fit these to: they were reasoned from the process, then compared with Gale and
 * Church's on the alignment bench's scenarios (captions dropped, furniture added, paragraphs
 * merged and split), where they do better except by length alone on merges and splits.
 */
export const PARAGRAPH_BEADS: readonly BeadType[] = [
  { source: 1, target: 1, prior: 0.85 },
  { source: 1, target: 2, prior: 0.02 },
  { source: 2, target: 1, prior: 0.02 },
  { source: 1, target: 0, prior: 0.05 },
  { source: 0, target: 1, prior: 0.05 },
  { source: 2, target: 2, prior: 0.01 },
];

/**
 * Mean length of a paragraph with no counterpart ({@link AlignOptions.extraLength}): furniture
 * ("Advertisement", 13 characters; "Read more: …", a headline), credits and captions (~25–200).
 * 40 and 100 did no better on the bench.
 */
export const PARAGRAPH_EXTRA_LENGTH = 60;

export interface AlignOptions {
  readonly beads?: readonly BeadType[];
  readonly length?: LengthModel;
  /** Weight of one shared occurrence of each anchor id (ids index this array). */
  readonly anchorWeights?: readonly number[];
  /** `true` at i: source units i−1 and i may not share a bead (they belong to different groups). */
  readonly sourceBarriers?: readonly boolean[];
  readonly targetBarriers?: readonly boolean[];
  /**
   * Mean length of a unit with no counterpart (1:0, 0:1). When set, such a bead is cheaper for a
   * short unit and dearer for a long one, against the mean length of its side's units.
   */
  readonly extraLength?: number;
}

/** White space and combining marks, by UTF-16 unit: not counted in lengths. */
function isSpaceOrMark(c: number): boolean {
  return (
    c <= 0x20 ||
    (c >= 0x7f && c <= 0xa0) ||
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x2000 && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202f) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff ||
    (c >= 0xfe20 && c <= 0xfe2f) ||
    // The second half of a surrogate pair: its character was counted with the first half.
    (c >= 0xdc00 && c <= 0xdfff)
  );
}

/**
 * The length the model compares: characters other than white space and combining marks, so NFC
 * and NFD spellings of the same Vietnamese text have the same length.
 */
export function textLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isSpaceOrMark(text.charCodeAt(i))) n++;
  return n;
}

/** Fits a {@link LengthModel} to pairs of [Vietnamese, English] lengths known to correspond. */
export function calibrateLengthModel(pairs: readonly (readonly [number, number])[]): LengthModel {
  let vi = 0;
  let en = 0;
  for (const [v, e] of pairs) {
    vi += v;
    en += e;
  }
  const ratio = en / vi;
  let variance = 0;
  for (const [v, e] of pairs) variance += (e - ratio * v) ** 2 / v;
  return { ratio, variance: variance / pairs.length };
}

/**
 * log(erfc(x)) for x ≥ 0, from the Numerical Recipes Chebyshev fit (relative error < 1.2e−7),
 * computed in the log domain so that far tails do not underflow to −∞.
 */
function logErfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) + poly;
}

/**
 * Gale and Church's length cost: −log P(|δ| this large), δ the English length's deviation from
 * the Vietnamese length times the ratio, in standard deviations.
 */
export function lengthCost(vi: number, en: number, model: LengthModel = VI_EN_LENGTH): number {
  if (vi === 0 && en === 0) return 0;
  const mean = (vi + en / model.ratio) / 2;
  const delta = Math.abs(en - model.ratio * vi) / Math.sqrt(model.variance * mean);
  return -logErfc(delta / Math.SQRT2);
}

/**
 * Anchor evidence shared by source units [s0, s1) and target units [t0, t1), each shared
 * occurrence counted once: the source occurrences are counted into `counts` (indexed by anchor
 * id, all zero between calls) and the target occurrences take from them.
 */
function sharedWeight(
  source: readonly AlignUnit[],
  s0: number,
  s1: number,
  target: readonly AlignUnit[],
  t0: number,
  t1: number,
  weights: readonly number[],
  counts: Int32Array,
): number {
  let any = false;
  for (let k = s0; k < s1; k++) {
    for (const id of source[k]!.anchors) {
      counts[id]!++;
      any = true;
    }
  }
  if (!any) return 0;
  let sum = 0;
  for (let k = t0; k < t1; k++) {
    for (const id of target[k]!.anchors) {
      if (counts[id]! > 0) {
        counts[id]!--;
        sum += weights[id] ?? 0;
      }
    }
  }
  for (let k = s0; k < s1; k++) for (const id of source[k]!.anchors) counts[id] = 0;
  return sum;
}

/**
 * Log-likelihood ratio that a unit of length `l` with no counterpart is an extra (a caption, a
 * credit, "Advertisement") rather than content the other side merged into a neighbour: lengths
 * of extras and of content modelled as exponential with means `extra` and `content`.
 */
function extraLengthEvidence(l: number, content: number, extra: number): number {
  if (content <= extra) return 0;
  return Math.log(content / extra) - l * (1 / extra - 1 / content);
}

const prefixLengths = (units: readonly AlignUnit[]) => {
  const out = new Float64Array(units.length + 1);
  units.forEach((u, k) => (out[k + 1] = out[k]! + u.length));
  return out;
};

function crossesBarrier(barriers: readonly boolean[] | undefined, from: number, to: number): boolean {
  if (!barriers) return false;
  for (let k = from + 1; k < to; k++) if (barriers[k]) return true;
  return false;
}

function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * The largest lattice aligned: (n + 1)·(m + 1) cells for n source and m target units, e.g. 1,000
 * sentences against 1,000. Its costs take 4 bytes per cell and bead type.
 */
export const MAX_ALIGN_CELLS = 1_000_000;

/**
 * Aligns source units with target units. Every unit of both sides is in exactly one bead; beads
 * come in order. O(n·m·b) time and memory for n source units, m target units and b bead types;
 * throws a RangeError beyond {@link MAX_ALIGN_CELLS} (pages are not trusted to be small), or when
 * the bead types cannot cover both sides (without 1:0 and 0:1 they may not).
 */
export function alignUnits(
  source: readonly AlignUnit[],
  target: readonly AlignUnit[],
  options: AlignOptions = {},
): Bead[] {
  const beads = options.beads ?? SENTENCE_BEADS;
  const model = options.length ?? VI_EN_LENGTH;
  const weights = options.anchorWeights ?? [];
  const n = source.length;
  const m = target.length;
  const width = m + 1;
  const cells = (n + 1) * width;
  const types = beads.length;
  if (cells > MAX_ALIGN_CELLS) throw new RangeError(`cannot align ${n} units with ${m}: over ${MAX_ALIGN_CELLS} cells`);
  // cost[(cell, type)]: the cost of the bead of `type` that ends at `cell`; Infinity when it does
  // not fit. Computed once and shared by the three passes.
  const cost = new Float32Array(cells * types).fill(Infinity);
  const sourceLength = prefixLengths(source);
  const targetLength = prefixLengths(target);
  const extraLength = options.extraLength ?? 0;
  const sourceMean = n > 0 ? sourceLength[n]! / n : 0;
  const targetMean = m > 0 ? targetLength[m]! / m : 0;
  let anchorIds = weights.length;
  for (const u of [...source, ...target]) for (const id of u.anchors) anchorIds = Math.max(anchorIds, id + 1);
  const counts = new Int32Array(anchorIds);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      for (let t = 0; t < types; t++) {
        const b = beads[t]!;
        const i0 = i - b.source;
        const j0 = j - b.target;
        if (i0 < 0 || j0 < 0 || (b.source === 0 && b.target === 0)) continue;
        if (crossesBarrier(options.sourceBarriers, i0, i) || crossesBarrier(options.targetBarriers, j0, j)) continue;
        let c = -Math.log(b.prior);
        if (b.source > 0 && b.target > 0) {
          c += lengthCost(sourceLength[i]! - sourceLength[i0]!, targetLength[j]! - targetLength[j0]!, model);
          c -= sharedWeight(source, i0, i, target, j0, j, weights, counts);
        } else if (extraLength > 0) {
          const l = b.source > 0 ? sourceLength[i]! - sourceLength[i0]! : targetLength[j]! - targetLength[j0]!;
          const mean = b.source > 0 ? sourceMean : targetMean;
          c -= extraLengthEvidence(l, mean, extraLength);
        }
        cost[(i * width + j) * types + t] = c;
      }
    }
  }
  // Viterbi.
  const best = new Float64Array(cells).fill(Infinity);
  const back = new Int32Array(cells).fill(-1);
  best[0] = 0;
  // Forward log-scores (scores are negated costs).
  const forward = new Float64Array(cells).fill(-Infinity);
  forward[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const cell = i * width + j;
      for (let t = 0; t < types; t++) {
        const c = cost[cell * types + t]!;
        if (c === Infinity) continue;
        const from = (i - beads[t]!.source) * width + (j - beads[t]!.target);
        const total = best[from]! + c;
        if (total < best[cell]!) {
          best[cell] = total;
          back[cell] = t;
        }
        forward[cell] = logAddExp(forward[cell]!, forward[from]! - c);
      }
    }
  }
  const backward = new Float64Array(cells).fill(-Infinity);
  backward[cells - 1] = 0;
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      const cell = i * width + j;
      if (backward[cell] === -Infinity) continue;
      for (let t = 0; t < types; t++) {
        const c = cost[cell * types + t]!;
        if (c === Infinity) continue;
        const from = (i - beads[t]!.source) * width + (j - beads[t]!.target);
        backward[from] = logAddExp(backward[from]!, backward[cell]! - c);
      }
    }
  }
  if (best[cells - 1] === Infinity) throw new RangeError('these bead types cannot align these units');
  const total = forward[cells - 1]!;
  const out: Bead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const cell = i * width + j;
    const t = back[cell]!;
    const b = beads[t]!;
    const i0 = i - b.source;
    const j0 = j - b.target;
    const from = i0 * width + j0;
    const posterior = Math.exp(forward[from]! - cost[cell * types + t]! + backward[cell]! - total);
    out.push({ source: [i0, i], target: [j0, j], confidence: Math.min(1, posterior) });
    i = i0;
    j = j0;
  }
  return out.reverse();
}
