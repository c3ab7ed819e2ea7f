/**
 * The compiled corpus: the articles (for the English and the popup's reading view) and the
 * precomputed paragraph index, in one JSON document that the background loads as it is.
 */

import { base64ToUint32, uint32ToBase64 } from './base64';
import { CorpusIndex, type CorpusIndexArrays } from './corpus-index';
import type { CorpusArticle } from './corpus-schema';

export const CORPUS_FORMAT = 'song-ngu-corpus';
export const CORPUS_FORMAT_VERSION = 1;

const ARRAY_NAMES = ['paraArticle', 'paraIndex', 'paraShingles', 'keys', 'offsets', 'postings'] as const;

export interface CompiledCorpus {
  format: typeof CORPUS_FORMAT;
  version: typeof CORPUS_FORMAT_VERSION;
  articles: CorpusArticle[];
  /** The {@link CorpusIndexArrays}, each as base64 of its little-endian bytes. */
  index: Record<(typeof ARRAY_NAMES)[number], string>;
}

/** A loaded corpus: the articles and the index over their Vietnamese paragraphs. */
export interface Corpus {
  readonly articles: readonly CorpusArticle[];
  readonly index: CorpusIndex;
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
  };
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
  return { articles: c.articles, index: CorpusIndex.fromArrays(arrays) };
}
