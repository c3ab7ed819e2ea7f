/**
 * The shipped corpus and glossary, checked as product content: numbers carried over, Hán
 * characters that read right, glossary terms that are found in the corpus whatever the page's
 * encoding, and English renderings that the translations actually use.
 */

import { beforeAll, describe, expect, test } from 'vitest';
import type { CorpusArticle } from '../../core/corpus-schema';
import type { CompiledGlossary, GlossaryEntry } from '../../core/glossary-format';
import { GlossaryMatcher } from '../../core/glossary-match';
import { formsOf, headwordSyllables } from '../../core/glossary-schema';
import { normalizeText } from '../../core/normalize';
import { compareNumbers } from '../../core/numbers';
import { buildGlossary, loadArticles, loadGlossarySources, type GlossarySources } from './data-sources';
import { lookupUnihan } from './unihan';
import {
  seededRandom,
  swapQuotes,
  toNewToneStyle,
  toNfd,
  withEth,
  withInvisibles,
  withNoBreakSpaces,
} from './variations';

let articles: CorpusArticle[];
let sources: GlossarySources;
let glossary: CompiledGlossary;
let matcher: GlossaryMatcher;

beforeAll(async () => {
  articles = loadArticles();
  sources = loadGlossarySources();
  glossary = await buildGlossary(sources, articles);
  matcher = new GlossaryMatcher(glossary.entries);
}, 60_000);

const paragraphs = () => articles.flatMap((a) => a.paragraphs.map((p, i) => ({ article: a.id, index: i, ...p })));

describe('the corpus', () => {
  test('holds the six articles of the seeds', () => {
    expect(articles.map((a) => a.id).sort()).toEqual([
      'isw-north-korean-troops-kursk',
      'lang-son-cross-border-ecommerce',
      'north-korea-may-send-100000-troops',
      'russia-north-korea-military-cooperation-calculations',
      'russia-north-korea-tighten-military-cooperation',
      'ukraine-war-warms-russia-north-korea-ties',
    ]);
    expect(paragraphs().length).toBeGreaterThanOrEqual(90);
  });

  test('every paragraph has English with the same numbers, written the English way', () => {
    const problems = paragraphs().flatMap((p) => {
      if (p.en.trim() === '') return [`${p.article}:${p.index}: no English`];
      return compareNumbers(p.vi, p.en).map((m) => `${p.article}:${p.index}: ${m}`);
    });
    expect(problems).toEqual([]);
  });

  test('the English uses no Vietnamese number formats and names places the English way', () => {
    for (const p of paragraphs()) {
      expect(p.en, `${p.article}:${p.index}`).not.toMatch(/\b\d{1,3}\.\d{3}\b|\b\d+,\d{1,2}\b(?!\d)/);
      expect(p.en, `${p.article}:${p.index}`).not.toMatch(/Bình Nhưỡng|Triều Tiên|Hàn Quốc|\bKiev\b|Kim Jong Un/);
    }
  });

  test('captions, headings and credits are marked', () => {
    const kinds = new Set(paragraphs().map((p) => p.kind ?? 'text'));
    expect([...kinds].sort()).toEqual(['caption', 'credit', 'heading', 'lead', 'text']);
  });
});

describe('the glossary', () => {
  test('has more than 200 hand-written entries and the CLDR countries', () => {
    const hand = glossary.entries.filter((e) => e.source === 'hand');
    const cldr = glossary.entries.filter((e) => e.source === 'cldr');
    expect(hand.length).toBeGreaterThan(200);
    expect(cldr.length).toBeGreaterThan(150);
    const byVi = (vi: string) => glossary.entries.find((e) => e.vi === vi);
    expect(byVi('Đức')?.en).toContain('Germany');
    expect(byVi('Triều Tiên')?.source).toBe('hand');
    expect(new Set(hand.map((e) => e.kind))).toEqual(
      new Set(['country', 'place', 'person', 'organisation', 'media', 'treaty', 'event', 'title', 'term']),
    );
  });

  test('every Hán syllable reads as its Vietnamese syllable in Unihan or a cited supplement', async () => {
    const withHan = sources.entries.filter((e) => e.han);
    expect(withHan.length).toBeGreaterThan(100);
    const unihan = await lookupUnihan(withHan.flatMap((e) => [...e.han!].filter((c) => c !== '_')));
    let byUnihan = 0;
    let bySupplement = 0;
    const failures: string[] = [];
    for (const e of withHan) {
      const syllables = headwordSyllables(e.vi);
      [...e.han!].forEach((ch, i) => {
        if (ch === '_') return;
        const want = normalizeText(syllables[i]!).toLowerCase();
        const fold = (r: string) =>
          normalizeText(r).toLowerCase().replace(/y$/u, 'i').replace(/ý$/u, 'í').replace(/ỹ$/u, 'ĩ');
        if ((unihan.get(ch)?.vietnamese ?? []).some((r) => fold(r) === fold(want))) byUnihan++;
        else if ((sources.hanReadings.get(ch) ?? []).some((r) => fold(r) === fold(want))) bySupplement++;
        else failures.push(`${e.vi}: ${ch} ≠ ${want}`);
      });
    }
    expect(failures).toEqual([]);
    // Most readings come from Unihan itself; the supplement only fills its gaps.
    expect(byUnihan).toBeGreaterThan(bySupplement);
  }, 60_000);

  test('non-Sino-Vietnamese words carry no Hán', () => {
    for (const vi of ['Mát-xcơ-va', 'Kursk', 'Ukraine', 'Vladimir Putin', 'Kim Jong-un']) {
      const e = glossary.entries.find((x) => formsOf(x).includes(vi));
      expect(e, vi).toBeDefined();
      expect(e!.han, vi).toBeNull();
    }
  });

  test('every headword in the corpus is found there after normalisation, whatever the page encoding', () => {
    const random = seededRandom(7);
    const variants = (t: string) => [
      t,
      toNfd(t),
      toNewToneStyle(t),
      withEth(t),
      withNoBreakSpaces(withInvisibles(t, random), random),
      swapQuotes(toNfd(toNewToneStyle(t))),
    ];
    const found = (text: string) =>
      matcher
        .match(normalizeText(text))
        .map((m) => glossary.entries[m.entry]!.id)
        .sort((a, b) => a - b);
    let occurrences = 0;
    for (const p of paragraphs()) {
      const expected = found(p.vi);
      occurrences += expected.length;
      for (const v of variants(p.vi)) expect(found(v), `${p.article}:${p.index}`).toEqual(expected);
      // Each hand-written headword that occurs verbatim is found, alone or inside a longer term.
      const text = normalizeText(p.vi);
      const spans = matcher.match(text);
      for (const e of glossary.entries.filter((x) => x.source === 'hand')) {
        for (const m of text.matchAll(
          new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escape(normalizeText(e.vi))}(?![\\p{L}\\p{M}\\p{N}])`, 'gu'),
        )) {
          const covered = spans.some((s) => s.start <= m.index && s.end >= m.index + m[0].length);
          expect(covered, `${e.vi} at ${p.article}:${p.index}`).toBe(true);
        }
      }
    }
    expect(occurrences).toBeGreaterThan(500);
  });

  test('most entries found in a paragraph have their English in the aligned English', () => {
    let total = 0;
    let found = 0;
    const properTotal = { n: 0, found: 0 };
    for (const p of paragraphs()) {
      for (const m of matcher.match(normalizeText(p.vi))) {
        const e: GlossaryEntry = glossary.entries[m.entry]!;
        const hit = e.en.some((en) => p.en.toLowerCase().includes(en.toLowerCase()));
        total++;
        if (hit) found++;
        if (e.proper) {
          properTotal.n++;
          if (hit) properTotal.found++;
        }
      }
    }
    expect(found / total).toBeGreaterThan(0.9);
    expect(properTotal.found / properTotal.n).toBeGreaterThan(0.93);
  });

  test('every hand-written entry records the corpus articles it occurs in', () => {
    const triều = glossary.entries.find((e) => e.vi === 'Triều Tiên')!;
    expect(triều.articles.length).toBeGreaterThanOrEqual(5);
    const lạngSơn = glossary.entries.find((e) => e.vi === 'Lạng Sơn')!;
    expect(lạngSơn.articles).toEqual(['lang-son-cross-border-ecommerce']);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
