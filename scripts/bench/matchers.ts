/**
 * Benchmarks 2 and 3: the glossary matcher's throughput against a regex alternation and npm
 * `aho-corasick` (with the glossary alone, with 20,000 entries, and painting with the whole
 * lexicon as the extension does), and the corpus matcher's precision, recall, lookup time, build
 * time and memory at 6, 1,000 and 10,000 articles.
 */

import { createRequire } from 'node:module';
import type { CorpusArticle } from '../../core/corpus-schema';
import { CorpusIndex } from '../../core/corpus-index';
import { scoreBlock } from '../../core/corpus-match';
import type { GlossaryEntry } from '../../core/glossary-format';
import { GlossaryMatcher, type MatchableEntry } from '../../core/glossary-match';
import type { Lexicon } from '../../core/lexicon';
import { normalizeText } from '../../core/normalize';
import {
  articlePages,
  evaluate,
  foreignNews,
  foreignPages,
  sameTopicNews,
  VARIATIONS,
  type CasePage,
} from '../lib/matching-cases';
import { seededRandom } from '../lib/variations';
import { mean, p95 } from './stats';
import { SyllableModel, syntheticArticles } from './synthetic';

const require = createRequire(import.meta.url);
const AhoCorasick = require('aho-corasick') as new () => {
  add(word: string, data: unknown): void;
  build_fail(): void;
  search(text: string, cb: (word: string, data: unknown, offset: number) => void): void;
};

/** The background text the matchers read: real news, same-topic news and the corpus, normalised. */
export function backgroundText(articles: readonly CorpusArticle[], targetChars: number): string {
  const parts = [...foreignNews(), ...sameTopicNews(), ...articles.flatMap((a) => a.paragraphs.map((p) => p.vi))];
  const chunks: string[] = [];
  let size = 0;
  for (let i = 0; size < targetChars; i++) {
    const p = parts[i % parts.length]!;
    chunks.push(p);
    size += p.length + 1;
  }
  return normalizeText(chunks.join('\n'));
}

/** A 20,000-entry glossary: the real one plus phrases taken from real text, all proper-cased alike. */
export function bigGlossary(real: readonly GlossaryEntry[], size: number): MatchableEntry[] {
  const random = seededRandom(5);
  const words = normalizeText(foreignNews().join(' '))
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w.length > 1);
  const entries: MatchableEntry[] = [...real];
  const seen = new Set(real.map((e) => e.vi.toLowerCase()));
  while (entries.length < size) {
    const start = Math.floor(random() * (words.length - 4));
    const len = 2 + Math.floor(random() * 3);
    const vi = words.slice(start, start + len).join(' ');
    if (seen.has(vi.toLowerCase())) continue;
    seen.add(vi.toLowerCase());
    entries.push({ vi, proper: false });
  }
  return entries;
}

/** The glossary-only painter; its build is what the row's build time measures. */
function matcherOf(entries: readonly MatchableEntry[]): (text: string) => number {
  const matcher = new GlossaryMatcher(entries);
  return (text) => matcher.match(text).length;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface ThroughputRow {
  glossary: string;
  entries: number;
  matcher: string;
  mbPerSecond: number;
  matches: number;
  buildMs: number;
}

/**
 * MB/s of UTF-8 input for `fn` over `text`: the median of timed runs after a warm-up, as many as
 * fit in `budgetMs` (at least three; a matcher too slow for that gets the runs it can).
 */
export function throughput(
  text: string,
  fn: (t: string) => number,
  budgetMs = 1500,
): { mbps: number; matches: number } {
  const bytes = Buffer.byteLength(text, 'utf8');
  let t = performance.now();
  let matches = fn(text); // warm-up
  const warmMs = performance.now() - t;
  const runs = warmMs > budgetMs ? 1 : Math.max(3, Math.min(50, Math.floor(budgetMs / Math.max(1, warmMs))));
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    t = performance.now();
    matches = fn(text);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)]!;
  return { mbps: bytes / (ms / 1000) / 1e6, matches };
}

/** A lexicon to paint with besides the glossary alone: the shipped one, glossary + supplement + dictionary. */
export interface PaintingLexicon {
  readonly name: string;
  readonly lexicon: Lexicon;
  /** How long loading it took (it is built at build time; the extension decodes it). */
  readonly loadMs: number;
}

/**
 * `text` is what our matcher reads; the baselines read its first `baselineChars` characters
 * (a 20,000-way regex alternation takes minutes over megabytes), which is enough for a stable rate.
 * With `combined`, a third set of rows paints with the whole lexicon, as the extension does: the
 * segmentation over every word, the glossary's entries reported; its baselines look for every form.
 */
export function benchGlossary(
  real: readonly GlossaryEntry[],
  text: string,
  combined?: PaintingLexicon,
  baselineChars = 200_000,
): ThroughputRow[] {
  const rows: ThroughputRow[] = [];
  const sets: [string, readonly MatchableEntry[], Lexicon | null][] = [
    ['real', real, null],
    ['20,000 entries', bigGlossary(real, 20_000), null],
  ];
  const loadMs = combined?.loadMs ?? 0;
  if (combined) {
    const { glossary, supplement, dictionary } = combined.lexicon;
    const words = Array.from({ length: dictionary?.size ?? 0 }, (_, i) => ({
      // The bench attaches the whole dictionary: every headword is there.
      vi: dictionary!.headword(i)!,
      proper: false,
    }));
    sets.push([combined.name, [...glossary, ...supplement, ...words], combined.lexicon]);
  }
  for (const [name, entries, lexicon] of sets) {
    const forms = entries.flatMap((e) => [e.vi, ...(e.variants ?? [])]).map((f) => normalizeText(f));
    // The regex scans every alternative at every position: a smaller sample keeps it to seconds.
    const sample = text.slice(0, Math.round(baselineChars * Math.min(1, 2000 / entries.length)));
    console.error(`  glossary ${name}: ${entries.length} entries, ${forms.length} forms`);

    let t = performance.now();
    const paint = lexicon ? (s: string) => lexicon.paint(s).length : matcherOf(entries);
    let buildMs = lexicon ? loadMs : performance.now() - t;
    let r = throughput(text, paint);
    rows.push({
      glossary: name,
      entries: entries.length,
      matcher: lexicon ? 'Song ngữ (lexicon segmentation)' : 'Song ngữ (syllable trie)',
      mbPerSecond: r.mbps,
      matches: r.matches,
      buildMs,
    });

    t = performance.now();
    const alternation = forms
      .slice()
      .sort((a, b) => b.length - a.length)
      .map((f) => escapeRegExp(f).replace(/ /g, '[ -]'))
      .join('|');
    const regex = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${alternation})(?![\\p{L}\\p{M}\\p{N}])`, 'giu');
    buildMs = performance.now() - t;
    r = throughput(sample, (s) => s.match(regex)?.length ?? 0);
    rows.push({
      glossary: name,
      entries: entries.length,
      matcher: 'regex alternation',
      mbPerSecond: r.mbps,
      matches: r.matches,
      buildMs,
    });

    t = performance.now();
    const ac = new AhoCorasick();
    for (const f of forms) ac.add(f.toLowerCase(), f);
    ac.build_fail();
    buildMs = performance.now() - t;
    const letter = /[\p{L}\p{M}\p{N}]/u;
    r = throughput(sample, (s) => {
      const lower = s.toLowerCase();
      let n = 0;
      ac.search(lower, (word, _data, offset) => {
        // Count whole-syllable occurrences, as the other two do.
        const before = lower[offset - 1];
        const after = lower[offset + word.length];
        if (!(before && letter.test(before)) && !(after && letter.test(after))) n++;
      });
      return n;
    });
    rows.push({
      glossary: name,
      entries: entries.length,
      matcher: 'npm aho-corasick',
      mbPerSecond: r.mbps,
      matches: r.matches,
      buildMs,
    });
  }
  return rows;
}

export interface CorpusRow {
  articles: number;
  paragraphs: number;
  blocks: number;
  precision: number;
  recall: number;
  lookupMeanMs: number;
  lookupP95Ms: number;
  buildMs: number;
  indexMB: number;
  heapMB: number;
}

/** Pages for the scale runs: the real articles with every variation, some synthetic ones, foreign news. */
function scalePages(real: readonly CorpusArticle[], synthetic: readonly CorpusArticle[]): CasePage[] {
  const sample = synthetic.filter((_, i) => i % Math.max(1, Math.floor(synthetic.length / 60)) === 0).slice(0, 60);
  const random = seededRandom(9);
  const names = [
    'exact',
    'nfd',
    'newTones',
    'changedWord',
    'changedNumber',
    'removedSentence',
    'addedSentence',
    'photoCredit',
  ];
  const filler = foreignNews().filter((s) => s.split(' ').length < 40);
  const syntheticPages: CasePage[] = sample.map((a, k) => {
    const vary = VARIATIONS[names[k % names.length]!]!;
    return {
      name: `${a.id}/${names[k % names.length]}`,
      blocks: a.paragraphs.map((p, i) => ({
        text: vary(p.vi, random, filler[Math.floor(random() * filler.length)]!),
        expected: [`${a.id}:${i}`],
        variation: `synthetic-${names[k % names.length]}`,
      })),
    };
  });
  return [...articlePages(real), ...syntheticPages, ...foreignPages()];
}

function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
}

export function benchCorpus(real: readonly CorpusArticle[], sizes: readonly number[]): CorpusRow[] {
  const model = new SyllableModel([...foreignNews(), ...sameTopicNews()]);
  const maxSynthetic = Math.max(...sizes) - real.length;
  const allSynthetic = syntheticArticles(model, Math.max(0, maxSynthetic));
  const rows: CorpusRow[] = [];
  for (const size of sizes) {
    const synthetic = allSynthetic.slice(0, Math.max(0, size - real.length));
    const articles = [...real, ...synthetic];
    console.error(`  corpus at ${size} articles`);
    const before = heapMB();
    const t = performance.now();
    const index = CorpusIndex.build(articles.map((a) => a.paragraphs.map((p) => p.vi)));
    const buildMs = performance.now() - t;
    const heap = heapMB() - before;
    const a = index.arrays;
    const indexBytes = [a.paraArticle, a.paraIndex, a.paraShingles, a.keys, a.offsets, a.postings].reduce(
      (n, x) => n + x.byteLength,
      0,
    );
    const pages = scalePages(real, synthetic);
    const ids = articles.map((x) => x.id);
    const result = evaluate(index, ids, pages);
    const times: number[] = [];
    for (const page of pages) {
      for (const b of page.blocks) {
        const s = performance.now();
        scoreBlock(index, b.text);
        times.push(performance.now() - s);
      }
    }
    rows.push({
      articles: size,
      paragraphs: index.paragraphCount,
      blocks: result.blocks,
      precision: result.precision,
      recall: result.recall,
      lookupMeanMs: mean(times),
      lookupP95Ms: p95(times),
      buildMs,
      indexMB: indexBytes / 1e6,
      heapMB: heap,
    });
  }
  return rows;
}
