/**
 * Bilingual alignment of texts: a page's Vietnamese paragraphs with pasted English paragraphs,
 * and the sentences inside each aligned pair. Built on `align.ts` (the dynamic programming),
 * `align-anchors.ts` (numbers, names, quotations) and `sentences.ts` (the splitter).
 *
 * Both sides are split into sentences first and every sentence's anchors are found once; a
 * paragraph's anchors are its sentences' anchors. So an article costs one pass of anchor
 * finding, however many levels it is aligned at.
 *
 * @example
 * const pasted = parsePastedText(clipboardText);
 * const article = alignArticle(pageParagraphs, pasted.paragraphs.map((p) => p.text), { lexicon });
 * for (const bead of article.sentences) {
 *   const vi = article.vi.slice(...bead.source); // [{ paragraph, start, end }, …] of pageParagraphs
 *   const en = article.en.slice(...bead.target); // the same for the pasted paragraphs
 *   // Light up `en` when the reader hovers any of `vi`; bead.confidence says how sure.
 * }
 */

import { alignUnits, PARAGRAPH_BEADS, PARAGRAPH_EXTRA_LENGTH, SENTENCE_BEADS, textLength, type Bead } from './align';
import { findAnchors, groupAnchors, type AnchoredPieces, type Lexicon } from './align-anchors';
import { splitSentences, type Span } from './sentences';

export interface AlignTextOptions {
  /** English forms of the terms in a Vietnamese text (glossary, dictionary). */
  readonly lexicon?: Lexicon;
  /** `false` aligns by length alone (Gale and Church's original), the baseline for measurements. */
  readonly anchors?: boolean;
}

/** A sentence of a list of paragraphs: [start, end) in paragraph `paragraph`. */
export interface LocatedSentence {
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
}

type Range = readonly [number, number];

/** Two paragraph lists split into sentences, with every sentence's anchors. */
interface Prepared {
  readonly vi: LocatedSentence[];
  readonly en: LocatedSentence[];
  readonly pieces: AnchoredPieces;
  /** Per paragraph, the range of its sentences. */
  readonly viParagraphs: Range[];
  readonly enParagraphs: Range[];
}

function sentencesOf(paragraphs: readonly string[], lang: 'vi' | 'en'): LocatedSentence[] {
  return paragraphs.flatMap((text, paragraph) =>
    splitSentences(text, lang).map((s) => ({ paragraph, start: s.start, end: s.end })),
  );
}

/** Per paragraph, the range of its sentences in `sentences` (empty for a blank paragraph). */
function paragraphRanges(sentences: readonly LocatedSentence[], count: number): Range[] {
  const firsts = new Array<number>(count + 1).fill(sentences.length);
  for (let k = sentences.length - 1; k >= 0; k--) firsts[sentences[k]!.paragraph] = k;
  for (let p = count - 1; p >= 0; p--) firsts[p] = Math.min(firsts[p]!, firsts[p + 1]!);
  return Array.from({ length: count }, (_, p) => [firsts[p]!, firsts[p + 1]!] as const);
}

function prepare(vi: readonly string[], en: readonly string[], options: AlignTextOptions): Prepared {
  const viSentences = sentencesOf(vi, 'vi');
  const enSentences = sentencesOf(en, 'en');
  const viTexts = viSentences.map((s) => vi[s.paragraph]!.slice(s.start, s.end));
  const enTexts = enSentences.map((s) => en[s.paragraph]!.slice(s.start, s.end));
  const pieces: AnchoredPieces =
    options.anchors === false
      ? {
          vi: viTexts.map(() => []),
          en: enTexts.map(() => []),
          viLengths: viTexts.map(textLength),
          enLengths: enTexts.map(textLength),
          kinds: [],
        }
      : findAnchors(viTexts, enTexts, options.lexicon);
  return {
    vi: viSentences,
    en: enSentences,
    pieces,
    viParagraphs: paragraphRanges(viSentences, vi.length),
    enParagraphs: paragraphRanges(enSentences, en.length),
  };
}

function paragraphBeads(p: Prepared): Bead[] {
  const units = groupAnchors(p.pieces, p.viParagraphs, p.enParagraphs);
  return alignUnits(units.source, units.target, {
    beads: PARAGRAPH_BEADS,
    anchorWeights: units.weights,
    extraLength: PARAGRAPH_EXTRA_LENGTH,
  });
}

/**
 * Aligns the sentences [vi0, vi1) with [en0, en1); bead indexes are into the whole lists.
 * `viBarriers`: no bead joins sentences of two Vietnamese paragraphs.
 */
function sentenceBeads(p: Prepared, [vi0, vi1]: Range, [en0, en1]: Range, viBarriers: boolean): Bead[] {
  const singles = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, k) => [from + k, from + k + 1] as const);
  const units = groupAnchors(p.pieces, singles(vi0, vi1), singles(en0, en1));
  const beads = alignUnits(units.source, units.target, {
    beads: SENTENCE_BEADS,
    anchorWeights: units.weights,
    sourceBarriers: viBarriers
      ? p.vi.slice(vi0, vi1).map((s, k) => k > 0 && p.vi[vi0 + k - 1]!.paragraph !== s.paragraph)
      : undefined,
  });
  return beads.map((b) => ({
    source: [b.source[0] + vi0, b.source[1] + vi0],
    target: [b.target[0] + en0, b.target[1] + en0],
    confidence: b.confidence,
  }));
}

/** The sentences of paragraphs [from, to), given each paragraph's sentence range. */
function sentenceRange(ranges: readonly Range[], [from, to]: Range, total: number): Range {
  const start = ranges[from]?.[0] ?? total;
  return from === to ? [start, start] : [start, ranges[to - 1]![1]];
}

/** Aligns Vietnamese paragraphs (source) with English paragraphs (target). */
export function alignParagraphs(vi: readonly string[], en: readonly string[], options: AlignTextOptions = {}): Bead[] {
  return paragraphBeads(prepare(vi, en, options));
}

/** The sentences of one Vietnamese text and its English, and how they pair up. */
export interface SentenceAlignment {
  readonly vi: Span[];
  readonly en: Span[];
  /** Beads over the indexes of `vi` and `en`. */
  readonly beads: Bead[];
}

const span = (s: LocatedSentence): Span => ({ start: s.start, end: s.end });

/** Splits a Vietnamese text and its English translation into sentences and aligns them. */
export function alignSentences(vi: string, en: string, options: AlignTextOptions = {}): SentenceAlignment {
  const p = prepare([vi], [en], options);
  const beads = sentenceBeads(p, [0, p.vi.length], [0, p.en.length], false);
  return { vi: p.vi.map(span), en: p.en.map(span), beads };
}

export interface ArticleAlignment {
  /** Beads over the paragraph indexes. */
  readonly paragraphs: Bead[];
  readonly vi: LocatedSentence[];
  readonly en: LocatedSentence[];
  /** Beads over the indexes of `vi` and `en`; each lies inside one paragraph bead. */
  readonly sentences: Bead[];
}

/**
 * Aligns an article: paragraphs first, then the sentences inside each paragraph bead. A
 * paragraph left without a counterpart (1:0, 0:1) gets sentence beads of the same kind. A
 * sentence bead's confidence is its own times its paragraph bead's.
 */
export function alignArticle(
  vi: readonly string[],
  en: readonly string[],
  options: AlignTextOptions = {},
): ArticleAlignment {
  const p = prepare(vi, en, options);
  const paragraphs = paragraphBeads(p);
  const sentences: Bead[] = [];
  for (const b of paragraphs) {
    const viRange = sentenceRange(p.viParagraphs, b.source, p.vi.length);
    const enRange = sentenceRange(p.enParagraphs, b.target, p.en.length);
    // One sentence on each side (most paragraphs) is one sentence pair: no need to align.
    const inner =
      viRange[1] - viRange[0] === 1 && enRange[1] - enRange[0] === 1
        ? [{ source: viRange, target: enRange, confidence: 1 }]
        : sentenceBeads(p, viRange, enRange, false);
    for (const s of inner) sentences.push({ ...s, confidence: s.confidence * b.confidence });
  }
  return { paragraphs, vi: p.vi, en: p.en, sentences };
}

export interface ParagraphsToSentences {
  readonly vi: LocatedSentence[];
  readonly en: Span[];
  /** Sentence beads (over `vi` and `en`), none joining two Vietnamese paragraphs. */
  readonly sentences: Bead[];
  /**
   * Per Vietnamese paragraph, the English sentences [from, to) aligned with its sentences, or null
   * when none are; English sentences aligned with nothing belong to no paragraph.
   */
  readonly paragraphs: ({ readonly target: Range; readonly confidence: number } | null)[];
}

/**
 * Aligns Vietnamese paragraphs with an English text whose paragraph breaks are lost (one block,
 * or hard-wrapped beyond repair): sentence by sentence, never letting a bead straddle two
 * Vietnamese paragraphs, then each paragraph takes the English sentences of its beads.
 */
export function alignParagraphsToText(
  vi: readonly string[],
  en: string,
  options: AlignTextOptions = {},
): ParagraphsToSentences {
  const p = prepare(vi, [en], options);
  const sentences = sentenceBeads(p, [0, p.vi.length], [0, p.en.length], true);
  const paragraphs: ParagraphsToSentences['paragraphs'] = vi.map(() => null);
  for (const b of sentences) {
    if (b.source[0] === b.source[1] || b.target[0] === b.target[1]) continue;
    const k = p.vi[b.source[0]]!.paragraph;
    const had = paragraphs[k];
    paragraphs[k] = had
      ? { target: [had.target[0], b.target[1]], confidence: Math.min(had.confidence, b.confidence) }
      : { target: b.target, confidence: b.confidence };
  }
  return { vi: p.vi, en: p.en.map(span), sentences, paragraphs };
}
