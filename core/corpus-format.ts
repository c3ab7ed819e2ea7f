/**
 * The compiled corpus: the articles (for the English and the popup's reading view), the
 * precomputed paragraph index, and each paragraph's sentence alignment, in one JSON document that
 * the background loads as it is.
 */

import { alignSentences } from './align-text';
import { base64ToUint32, uint32ToBase64 } from './base64';
import { CorpusIndex, type CorpusIndexArrays } from './corpus-index';
import type { CorpusArticle } from './corpus-schema';
import { TitleIndex } from './title-match';

export const CORPUS_FORMAT = 'song-ngu-corpus';
/** 2: sentence alignments added. */
export const CORPUS_FORMAT_VERSION = 2;

const ARRAY_NAMES = ['paraArticle', 'paraIndex', 'paraShingles', 'keys', 'offsets', 'postings'] as const;

/** [start, end) in a paragraph's text. */
export type TextSpan = readonly [number, number];

/**
 * One sentence bead of a corpus paragraph: the Vietnamese sentences and the English sentences it
 * pairs, as spans of the paragraph's `vi` and `en`. Usually one of each; two Vietnamese
 * sentences the English merged are two `vi` spans and one `en` span; a sentence with no
 * counterpart has an empty list on the other side.
 */
export interface SentencePair {
  readonly vi: readonly TextSpan[];
  readonly en: readonly TextSpan[];
}

export interface CompiledCorpus {
  format: typeof CORPUS_FORMAT;
  version: typeof CORPUS_FORMAT_VERSION;
  articles: CorpusArticle[];
  /** The {@link CorpusIndexArrays}, each as base64 of its little-endian bytes. */
  index: Record<(typeof ARRAY_NAMES)[number], string>;
  /** `sentences[a][p]`: the sentence pairs of `articles[a].paragraphs[p]`, in text order. */
  sentences: SentencePair[][][];
}

/** A loaded corpus: the articles, the index over their Vietnamese paragraphs, their sentence pairs. */
export interface Corpus {
  readonly articles: readonly CorpusArticle[];
  readonly index: CorpusIndex;
  /** The articles' titles, in the same order, for recognising a headline. */
  readonly titles: TitleIndex;
  /** `sentences[a][p]`: the sentence pairs of `articles[a].paragraphs[p]`, in text order. */
  readonly sentences: readonly (readonly (readonly SentencePair[])[])[];
}

/** Splits a paragraph's two texts into sentences and pairs them up. */
export function paragraphSentencePairs(vi: string, en: string): SentencePair[] {
  const aligned = alignSentences(vi, en);
  const spans = (list: readonly { start: number; end: number }[], [from, to]: readonly [number, number]) =>
    list.slice(from, to).map((s): TextSpan => [s.start, s.end]);
  return aligned.beads.map((b) => ({ vi: spans(aligned.vi, b.source), en: spans(aligned.en, b.target) }));
}

export function compileCorpus(articles: CorpusArticle[]): CompiledCorpus {
  const index = CorpusIndex.build(articles.map((a) => a.paragraphs.map((p) => p.vi)));
  const arrays = index.arrays;
  return {
    format: CORPUS_FORMAT,
    version: CORPUS_FORMAT_VERSION,
    articles,
    index: Object.fromEntries(
      ARRAY_NAMES.map((name) => [name, uint32ToBase64(arrays[name])]),
    ) as CompiledCorpus['index'],
    sentences: articles.map((a) => a.paragraphs.map((p) => paragraphSentencePairs(p.vi, p.en))),
  };
}

/**
 * Checks one paragraph's sentence pairs: every span a pair of integers inside its text, spans in
 * text order without overlap on each side, no empty pair. Returns the problem, or null.
 */
function sentencePairsProblem(pairs: unknown, vi: string, en: string): string | null {
  if (!Array.isArray(pairs) || pairs.length === 0) return 'has no sentence pairs';
  const last = { vi: 0, en: 0 };
  const lengths = { vi: vi.length, en: en.length };
  for (const pair of pairs as unknown[]) {
    const p = pair as Partial<Record<'vi' | 'en', unknown>> | null;
    if (!p || !Array.isArray(p.vi) || !Array.isArray(p.en)) return 'has a sentence pair without vi and en lists';
    if (p.vi.length === 0 && p.en.length === 0) return 'has an empty sentence pair';
    for (const side of ['vi', 'en'] as const) {
      for (const span of p[side] as unknown[]) {
        if (!Array.isArray(span) || span.length !== 2 || !span.every((n) => Number.isInteger(n))) {
          return `has a ${side} span that is not [start, end]`;
        }
        const [start, end] = span as [number, number];
        if (start < last[side] || end <= start || end > lengths[side]) {
          return `has ${side} span [${start}, ${end}) out of order or outside its text`;
        }
        last[side] = end;
      }
    }
  }
  return null;
}

/** Loads a compiled corpus; throws on anything that is not one. */
export function loadCorpus(compiled: unknown): Corpus {
  const c = compiled as Partial<CompiledCorpus> | null;
  if (!c || c.format !== CORPUS_FORMAT) throw new Error('not a compiled Song ngữ corpus');
  if (c.version !== CORPUS_FORMAT_VERSION) throw new Error(`unsupported corpus version ${String(c.version)}`);
  if (!Array.isArray(c.articles) || !c.index) throw new Error('compiled corpus is missing its articles or index');
  const arrays = Object.fromEntries(
    ARRAY_NAMES.map((name) => {
      const encoded = c.index![name];
      if (typeof encoded !== 'string') throw new Error(`compiled corpus index lacks ${name}`);
      return [name, base64ToUint32(encoded)];
    }),
  ) as unknown as CorpusIndexArrays;
  const sentences = c.sentences as unknown;
  if (!Array.isArray(sentences) || sentences.length !== c.articles.length) {
    throw new Error('compiled corpus lacks sentence pairs for every article');
  }
  c.articles.forEach((a, k) => {
    const perParagraph = sentences[k] as unknown;
    if (!Array.isArray(perParagraph) || perParagraph.length !== a.paragraphs.length) {
      throw new Error(`compiled corpus lacks sentence pairs for every paragraph of ${a.id}`);
    }
    a.paragraphs.forEach((p, i) => {
      const problem = sentencePairsProblem(perParagraph[i], p.vi, p.en);
      if (problem) throw new Error(`compiled corpus: ${a.id} paragraph ${i} ${problem}`);
    });
  });
  return {
    articles: c.articles,
    index: CorpusIndex.fromArrays(arrays),
    titles: new TitleIndex(c.articles),
    sentences: sentences as SentencePair[][][],
  };
}
