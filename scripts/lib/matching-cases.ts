/**
 * Test pages for the corpus matcher, built from the real corpus with every variation real pages
 * show, and from real Vietnamese news that is not in the corpus. Shared by the unit tests (which
 * assert precision and recall) and the benchmark (which measures them at scale).
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusArticle } from '../../core/corpus-schema';
import { keyOf, resolvePage, type Candidate } from '../../core/corpus-resolve';
import { scoreBlock } from '../../core/corpus-match';
import type { CorpusIndex } from '../../core/corpus-index';
import { FIXTURE_TEXT_DIR, REPO_ROOT } from './paths';
import {
  addSentence,
  changeNumber,
  editWords,
  removeSentence,
  seededRandom,
  splitInTwo,
  swapQuotes,
  toNewToneStyle,
  toNfd,
  withEth,
  withInvisibles,
  withNoBreakSpaces,
  withPhotoCredit,
} from './variations';

/** A page block and the corpus paragraphs it should be matched to (none for foreign text). */
export interface CaseBlock {
  readonly text: string;
  readonly expected: readonly string[];
  readonly variation: string;
}

export interface CasePage {
  readonly name: string;
  readonly blocks: readonly CaseBlock[];
}

/** Real Vietnamese news sentences that are not in the corpus. */
export function foreignNews(): string[] {
  return readFileSync(join(FIXTURE_TEXT_DIR, 'binhvq-demo-full.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** Our own hard negatives: other reporting on the same events, with the same names and numbers. */
export function sameTopicNews(): string[] {
  return readFileSync(join(REPO_ROOT, 'tests/fixtures/text/same-topic-vi.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

type Variation = (text: string, random: () => number, filler: string) => string;

/** Whole-paragraph variations: each keeps the paragraph recognisable. */
export const VARIATIONS: Record<string, Variation> = {
  exact: (t) => t,
  nfd: (t) => toNfd(t),
  newTones: (t) => toNewToneStyle(t),
  eth: (t) => withEth(t),
  spaces: (t, r) => withNoBreakSpaces(withInvisibles(t, r), r),
  quotes: (t) => swapQuotes(t),
  mixed: (t, r) => swapQuotes(toNfd(toNewToneStyle(withEth(withNoBreakSpaces(t, r))))),
  changedWord: (t, r) => editWords(t, r, 1),
  changedNumber: (t, r) => changeNumber(t, r),
  removedSentence: (t, r) => removeSentence(t, r),
  addedSentence: (t, _r, filler) => addSentence(t, filler),
  photoCredit: (t) => withPhotoCredit(t),
};

/**
 * One page per article and variation: the article's paragraphs with the variation applied, with
 * foreign news blocks between some of them, plus a page where paragraphs are split and merged.
 */
export function articlePages(articles: readonly CorpusArticle[], seed = 1): CasePage[] {
  const random = seededRandom(seed);
  // "A sentence added": an ordinary news sentence, not a whole extra paragraph.
  const foreign = foreignNews().filter((s) => {
    const words = s.split(' ').length;
    return words >= 8 && words <= 40;
  });
  const pick = () => foreign[Math.floor(random() * foreign.length)]!;
  const pages: CasePage[] = [];
  for (const article of articles) {
    for (const [name, vary] of Object.entries(VARIATIONS)) {
      const blocks: CaseBlock[] = [];
      article.paragraphs.forEach((p, i) => {
        blocks.push({ text: vary(p.vi, random, pick()), expected: [`${article.id}:${i}`], variation: name });
        if (random() < 0.15) blocks.push({ text: pick(), expected: [], variation: 'foreign' });
      });
      pages.push({ name: `${article.id}/${name}`, blocks });
    }
    // Split and merged paragraphs on one page: every long paragraph alternately split in two or
    // merged with the next.
    const blocks: CaseBlock[] = [];
    for (let i = 0; i < article.paragraphs.length; i++) {
      const p = article.paragraphs[i]!;
      const key = `${article.id}:${i}`;
      const next = article.paragraphs[i + 1];
      if (p.vi.length > 200 && i % 2 === 0) {
        const [a, b] = splitInTwo(p.vi);
        blocks.push({ text: a, expected: [key], variation: 'split' }, { text: b, expected: [key], variation: 'split' });
      } else if (next && !p.kind && !next.kind && i % 2 === 1) {
        blocks.push({ text: `${p.vi} ${next.vi}`, expected: [key, `${article.id}:${i + 1}`], variation: 'merged' });
        i++;
      } else {
        blocks.push({ text: p.vi, expected: [key], variation: 'exact' });
      }
    }
    pages.push({ name: `${article.id}/split-merged`, blocks });
  }
  return pages;
}

/** Pages of foreign news only: real unrelated news, and same-topic reporting. */
export function foreignPages(pageSize = 25): CasePage[] {
  const pages: CasePage[] = [];
  const chunk = (name: string, lines: string[]) => {
    for (let i = 0; i < lines.length; i += pageSize) {
      pages.push({
        name: `${name}/${i / pageSize}`,
        blocks: lines.slice(i, i + pageSize).map((text) => ({ text, expected: [], variation: name })),
      });
    }
  };
  chunk('foreign', foreignNews());
  chunk('same-topic', sameTopicNews());
  return pages;
}

export interface Evaluation {
  blocks: number;
  expectedClaims: number;
  claims: number;
  correct: number;
  precision: number;
  recall: number;
  /** Wrong or missing claims, for the failure message. */
  errors: string[];
  /** Per variation: [correct, expected]. */
  byVariation: Record<string, [number, number]>;
}

/** Runs the matcher over pages, as the content script does, and scores its claims. */
export function evaluate(index: CorpusIndex, articleIds: readonly string[], pages: readonly CasePage[]): Evaluation {
  let expectedClaims = 0;
  let claims = 0;
  let correct = 0;
  const errors: string[] = [];
  const byVariation: Record<string, [number, number]> = {};
  let blocks = 0;
  for (const page of pages) {
    const candidates: Candidate[][] = page.blocks.map((b) =>
      scoreBlock(index, b.text).candidates.map((c) => ({ ...c, articleId: articleIds[c.article]! })),
    );
    const resolved = resolvePage(candidates);
    page.blocks.forEach((b, i) => {
      blocks++;
      const got = new Set(resolved[i]!.matches.map(keyOf));
      const v = (byVariation[b.variation] ??= [0, 0]);
      v[1] += b.expected.length;
      expectedClaims += b.expected.length;
      claims += got.size;
      for (const key of b.expected) {
        if (got.has(key)) {
          correct++;
          v[0]++;
        } else errors.push(`${page.name} [${i}] ${b.variation}: missed ${key}: ${b.text.slice(0, 80)}`);
      }
      for (const key of got) {
        if (!b.expected.includes(key))
          errors.push(`${page.name} [${i}] ${b.variation}: wrongly claimed ${key}: ${b.text.slice(0, 80)}`);
      }
    });
  }
  return {
    blocks,
    expectedClaims,
    claims,
    correct,
    precision: claims === 0 ? 1 : correct / claims,
    recall: expectedClaims === 0 ? 1 : correct / expectedClaims,
    errors,
    byVariation,
  };
}
