/**
 * Recognising an article's headline: a page block that reads like the title of a corpus article.
 * A headline is short, so paragraph matching (syllable trigrams against the whole index) is not
 * the tool; titles are compared syllable by syllable instead. An exact match (after
 * normalisation: Unicode form, tone placement, case, punctuation and spacing) is enough on its
 * own; a close one (an outlet that shortened or reworded its headline) counts only on a page that
 * also carries paragraphs of that article, which the content script decides.
 */

import type { CorpusArticle } from './corpus-schema';
import { matchSyllables } from './shingles';

/** A block that reads like an article's title. */
export interface TitleMatch {
  readonly articleId: string;
  /** The same syllables in the same order; otherwise only close (see {@link CLOSE_TITLE}). */
  readonly exact: boolean;
}

/** A close title shares at least this share of syllables with the block, both ways (F1). */
export const CLOSE_TITLE = 0.7;
/** Headlines are short: longer blocks are paragraphs, never titles. */
export const MAX_TITLE_CHARS = 400;
/** Titles shorter than this many syllables only match exactly. */
const MIN_CLOSE_SYLLABLES = 4;

/** The shared syllables of two sequences, counted as multisets. */
function overlap(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const s of a) counts.set(s, (counts.get(s) ?? 0) + 1);
  let shared = 0;
  for (const s of b) {
    const n = counts.get(s) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(s, n - 1);
    }
  }
  return shared;
}

interface Titles {
  readonly list: { id: string; syls: string[]; key: string }[];
  /** The shortest and longest title, in characters: a block far outside them is no title. */
  readonly min: number;
  readonly max: number;
}

const titleCache = new WeakMap<readonly CorpusArticle[], Titles>();

/** The titles' syllables, computed once per list of articles. */
function titlesOf(articles: readonly CorpusArticle[]): Titles {
  let titles = titleCache.get(articles);
  if (!titles) {
    const lengths = articles.map((a) => a.title.vi.length);
    titles = {
      list: articles.map((a) => {
        const syls = matchSyllables(a.title.vi);
        return { id: a.id, syls, key: syls.join(' ') };
      }),
      min: Math.min(...lengths),
      max: Math.max(...lengths),
    };
    titleCache.set(articles, titles);
  }
  return titles;
}

/** The article whose title `text` is, exactly or closely; the best one when several are close. */
export function matchTitle(articles: readonly CorpusArticle[], text: string): TitleMatch | null {
  const titles = titlesOf(articles);
  // Most page blocks (menu items, paragraphs) are far shorter or longer than any title: no
  // normalisation for them, for this runs on every block of every page.
  if (text.length > MAX_TITLE_CHARS || text.length < titles.min / 2 || text.length > titles.max * 2) return null;
  const syls = matchSyllables(text);
  if (syls.length === 0) return null;
  const key = syls.join(' ');
  let best: { articleId: string; score: number } | null = null;
  for (const { id, syls: title, key: titleKey } of titles.list) {
    if (titleKey === key) return { articleId: id, exact: true };
    // Too different in length to reach the threshold: skip the count.
    if (
      title.length < MIN_CLOSE_SYLLABLES ||
      2 * Math.min(title.length, syls.length) < CLOSE_TITLE * (title.length + syls.length)
    )
      continue;
    const shared = overlap(title, syls);
    const score = (2 * shared) / (title.length + syls.length);
    if (score >= CLOSE_TITLE && (!best || score > best.score)) best = { articleId: id, score };
  }
  return best ? { articleId: best.articleId, exact: false } : null;
}
