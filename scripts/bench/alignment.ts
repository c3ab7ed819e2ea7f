/**
 * Benchmark 6: bilingual alignment on the six corpus articles, whose English is paragraph-aligned
 * by hand, so every Vietnamese paragraph's right English is known.
 *
 * Scenarios, all from the real text, none shuffled:
 * - `kept`: the English paragraphs as written;
 * - `dropped`: the English paragraph breaks lost (one text, re-split into sentences by our
 *   splitter), aligned with the Vietnamese paragraphs sentence by sentence;
 * - `markdown`: the English pasted as hard-wrapped Markdown with a title, through `parsePastedText`;
 * - `no captions`: the English without its captions and credits (many English editions drop them);
 * - `furniture`: the English with its title and site furniture (Advertisement, Read more…) between
 *   paragraphs;
 * - `merged / split`: the English with some neighbouring paragraphs merged and some split in two.
 *
 * A Vietnamese paragraph is right when it is paired with exactly its own English (paragraphs, or in
 * `dropped` sentences). Each scenario runs three ways: length only (Gale and Church), with the
 * anchors, and with the anchors and the glossary as lexicon. Timing: aligning a 30-paragraph
 * article (paragraphs, then sentences inside), against splitting it into sentences.
 */

import type { Lexicon } from '../../core/align-anchors';
import { alignArticle, alignParagraphs, alignParagraphsToText, type AlignTextOptions } from '../../core/align-text';
import type { CorpusArticle } from '../../core/corpus-schema';
import { parsePastedText } from '../../core/paste-parse';
import { splitSentences } from '../../core/sentences';
import { median, timeRuns } from './stats';

/** A pasted English text for an article, and for each Vietnamese paragraph its English (as indexes). */
export interface AlignmentCase {
  readonly vi: string[];
  readonly en: string[];
  /** Per Vietnamese paragraph, the English paragraphs it should be paired with (empty: none). */
  readonly expected: number[][];
}

export const SCENARIOS = ['kept', 'dropped', 'markdown', 'no captions', 'furniture', 'merged / split'] as const;
export type Scenario = (typeof SCENARIOS)[number];

const FURNITURE = ['Advertisement', 'Read more: {title}', 'Share this article', 'Sign up for our newsletter'];

/** Wraps text at `width` columns, as a mail client or an editor would. */
function hardWrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** The paragraph-level cases of an article (every scenario but `dropped`). */
export function paragraphCase(
  article: CorpusArticle,
  scenario: Exclude<Scenario, 'dropped'>,
  others: readonly CorpusArticle[],
): AlignmentCase {
  const vi = article.paragraphs.map((p) => p.vi);
  const en: string[] = [];
  const expected: number[][] = vi.map(() => []);
  const push = (text: string, owners: number[]) => {
    for (const p of owners) expected[p]!.push(en.length);
    en.push(text);
  };
  article.paragraphs.forEach((p, i) => {
    switch (scenario) {
      case 'kept':
      case 'markdown':
        push(p.en, [i]);
        break;
      case 'no captions':
        if (p.kind !== 'caption' && p.kind !== 'credit') push(p.en, [i]);
        break;
      case 'furniture':
        if (i === 0) push(article.title.en, []);
        push(p.en, [i]);
        if (i % 4 === 3) {
          const k = (i - 3) / 4;
          push(FURNITURE[k % FURNITURE.length]!.replace('{title}', others[k % others.length]!.title.en), []);
        }
        break;
      case 'merged / split': {
        const sentences = splitSentences(p.en, 'en');
        if (i % 5 === 1 && i + 1 < vi.length) {
          push(`${p.en} ${article.paragraphs[i + 1]!.en}`, [i, i + 1]);
        } else if (i % 5 === 2 && i > 0) {
          // Merged into the paragraph before it.
        } else if (i % 5 === 3 && sentences.length > 1) {
          const cut = sentences[1]!.start;
          push(p.en.slice(0, cut).trim(), [i]);
          push(p.en.slice(cut), [i]);
        } else push(p.en, [i]);
        break;
      }
    }
  });
  if (scenario === 'markdown') {
    const markdown = [`# ${article.title.en}`, ...en.map((t) => hardWrap(t, 72))].join('\n\n');
    const pasted = parsePastedText(markdown);
    const texts = pasted.paragraphs.map((p) => p.text);
    // The parse must give back the paragraphs; anything else is the parser's error, counted as the aligner's.
    return {
      vi,
      en: texts,
      expected: texts.length === en.length && texts.every((t, k) => t === en[k]) ? expected : vi.map(() => [-1]),
    };
  }
  return { vi, en, expected };
}

const sameSet = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && [...a].sort((x, y) => x - y).every((x, k) => x === [...b].sort((y, z) => y - z)[k]);

/** How many Vietnamese paragraphs the paragraph aligner pairs with exactly their English. */
export function scoreParagraphs(c: AlignmentCase, options: AlignTextOptions): { right: number; errors: string[] } {
  const beads = alignParagraphs(c.vi, c.en, options);
  let right = 0;
  const errors: string[] = [];
  for (const b of beads) {
    const got = Array.from({ length: b.target[1] - b.target[0] }, (_, k) => b.target[0] + k);
    for (let p = b.source[0]; p < b.source[1]; p++) {
      if (sameSet(got, c.expected[p]!)) right++;
      else errors.push(`${p}: got [${got.join(',')}] want [${c.expected[p]!.join(',')}] (${b.confidence.toFixed(2)})`);
    }
  }
  return { right, errors };
}

/**
 * The `dropped` scenario: English paragraphs joined by spaces, split by our splitter, aligned with
 * the Vietnamese paragraphs. A paragraph's own sentences are those that start inside it.
 * `reachable` counts paragraphs whose both ends the splitter finds again in the joined text: a
 * caption ending "(Photo: KCNA)" or a heading runs into the next paragraph's first sentence, and
 * neither paragraph can then get exactly its own sentences.
 */
export function scoreDropped(
  article: CorpusArticle,
  options: AlignTextOptions,
): { right: number; reachable: number; errors: string[] } {
  const vi = article.paragraphs.map((p) => p.vi);
  const parts = article.paragraphs.map((p) => p.en);
  const text = parts.join(' ');
  const starts: number[] = [];
  let offset = 0;
  for (const part of parts) {
    starts.push(offset);
    offset += part.length + 1;
  }
  starts.push(text.length + 1);
  const sentences = splitSentences(text, 'en');
  const boundaries = new Set(sentences.flatMap((s) => [s.start, s.end + 1]));
  const own = (p: number) => {
    const ks = sentences.flatMap((s, k) => (s.start >= starts[p]! && s.start < starts[p + 1]! ? [k] : []));
    return ks.length > 0 ? ([ks[0]!, ks[ks.length - 1]! + 1] as const) : null;
  };
  const result = alignParagraphsToText(vi, text, options);
  let right = 0;
  let reachable = 0;
  const errors: string[] = [];
  result.paragraphs.forEach((got, p) => {
    const want = own(p);
    if (boundaries.has(starts[p]!) && boundaries.has(starts[p + 1]!)) reachable++;
    if (got && want && got.target[0] === want[0] && got.target[1] === want[1]) right++;
    else
      errors.push(
        `${p}: got ${got ? `[${got.target.join(',')})` : 'none'} want ${want ? `[${want.join(',')})` : 'none'}`,
      );
  });
  return { right, reachable, errors };
}

export interface AccuracyRow {
  scenario: Scenario;
  method: string;
  /** Right / total per article id. */
  articles: Record<string, [number, number]>;
  right: number;
  total: number;
  /** `dropped` only: paragraphs the splitter leaves reachable. */
  reachable?: number;
  errors: string[];
}

/** A time in milliseconds: wall clock, and CPU time of this process (what other work on a shared machine does not inflate). */
export interface Timed {
  wallMs: number;
  cpuMs: number;
}

export interface AlignmentTiming {
  paragraphs: number;
  viSentences: number;
  enSentences: number;
  /** Paragraphs and the sentences inside, with the glossary as lexicon (median wall, mean CPU). */
  align: Timed;
  /** The first call in a fresh process, nothing warmed up. */
  firstAlign: Timed;
  /** Length only, same article. */
  lengthOnly: Timed;
  /** Lost paragraph breaks: sentence alignment with paragraph barriers. */
  dropped: Timed;
  /** Baseline: splitting both sides into sentences. */
  split: Timed;
}

/** Wall time (median of runs) and CPU time (mean) of `fn`, after warm-up runs. */
function timed(fn: () => unknown, runs = 30, warmup = 3): Timed {
  for (let i = 0; i < warmup; i++) fn();
  const cpu = process.cpuUsage();
  const wall = timeRuns(fn, runs, 0);
  const used = process.cpuUsage(cpu);
  return { wallMs: median(wall), cpuMs: (used.user + used.system) / 1000 / runs };
}

export function methods(lexicon: Lexicon): [string, AlignTextOptions][] {
  return [
    ['length only', { anchors: false }],
    ['anchors', {}],
    ['anchors + glossary', { lexicon }],
  ];
}

/** Accuracy of every scenario and method over the articles. */
export function alignmentAccuracy(articles: readonly CorpusArticle[], lexicon: Lexicon): AccuracyRow[] {
  const rows: AccuracyRow[] = [];
  for (const scenario of SCENARIOS) {
    for (const [method, options] of methods(lexicon)) {
      const row: AccuracyRow = { scenario, method, articles: {}, right: 0, total: 0, errors: [] };
      for (const article of articles) {
        const others = articles.filter((a) => a !== article);
        const total = article.paragraphs.length;
        let scored: { right: number; errors: string[]; reachable?: number };
        if (scenario === 'dropped') {
          scored = scoreDropped(article, options);
          row.reachable = (row.reachable ?? 0) + scored.reachable!;
        } else scored = scoreParagraphs(paragraphCase(article, scenario, others), options);
        row.articles[article.id] = [scored.right, total];
        row.right += scored.right;
        row.total += total;
        row.errors.push(...scored.errors.map((e) => `${article.id}:${e}`));
      }
      rows.push(row);
    }
  }
  return rows;
}

/** A 30-paragraph article: the corpus articles' paragraphs in order, as many as it takes. */
export function longArticle(articles: readonly CorpusArticle[], size = 30): { vi: string[]; en: string[] } {
  const paragraphs = [...articles]
    .sort((a, b) => b.paragraphs.length - a.paragraphs.length)
    .flatMap((a) => a.paragraphs);
  const chosen = paragraphs.slice(0, size);
  return { vi: chosen.map((p) => p.vi), en: chosen.map((p) => p.en) };
}

export function alignmentTiming(articles: readonly CorpusArticle[], lexicon: Lexicon): AlignmentTiming {
  const { vi, en } = longArticle(articles);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const first = alignArticle(vi, en, { lexicon });
  const firstAlign = { wallMs: performance.now() - started, cpuMs: 0 };
  const used = process.cpuUsage(cpu);
  firstAlign.cpuMs = (used.user + used.system) / 1000;
  return {
    paragraphs: vi.length,
    viSentences: first.vi.length,
    enSentences: first.en.length,
    align: timed(() => alignArticle(vi, en, { lexicon })),
    firstAlign,
    lengthOnly: timed(() => alignArticle(vi, en, { anchors: false })),
    dropped: timed(() => alignParagraphsToText(vi, en.join(' '), { lexicon })),
    split: timed(() => {
      for (const t of vi) splitSentences(t, 'vi');
      for (const t of en) splitSentences(t, 'en');
    }),
  };
}

export interface AlignmentResult {
  accuracy: AccuracyRow[];
  timing: AlignmentTiming;
}

/** Runs the whole section: the timing first, so that its first call is the process's first. */
export function benchAlignment(articles: readonly CorpusArticle[], lexicon: Lexicon): AlignmentResult {
  const timing = alignmentTiming(articles, lexicon);
  return { accuracy: alignmentAccuracy(articles, lexicon), timing };
}

const pct = (right: number, total: number) => `${((100 * right) / total).toFixed(0)}%`;

/** The section's tables: titles and rows, for the console and the README. */
export function alignmentTables(r: AlignmentResult): { title: string; rows: Record<string, string | number>[] }[] {
  const ids = Object.keys(r.accuracy[0]?.articles ?? {});
  const t = r.timing;
  return [
    {
      title:
        '6a. Alignment accuracy: Vietnamese paragraphs paired with exactly their own English, per article and overall (target: none set; the baseline is length alone)',
      rows: r.accuracy.map((row) => ({
        scenario: row.scenario,
        method: row.method,
        // Each article by the last word of its id (kursk, ecommerce, troops…), to keep the table narrow.
        ...Object.fromEntries(
          ids.map((id) => [id.split('-').pop()!, `${row.articles[id]![0]}/${row.articles[id]![1]}`]),
        ),
        overall: `${row.right}/${row.total} (${pct(row.right, row.total)})`,
        'reachable (splitter)': row.reachable === undefined ? '' : `${row.reachable}/${row.total}`,
      })),
    },
    {
      title: `6b. Alignment time, a ${t.paragraphs}-paragraph article (${t.viSentences} Vietnamese, ${t.enSentences} English sentences); target: paragraphs and sentences inside ≤ 50 ms of CPU`,
      rows: [
        ['paragraphs, then sentences inside, anchors + glossary', t.align, t.align.cpuMs <= 50 ? 'met' : 'MISSED'],
        ['the same, first call in a fresh process', t.firstAlign, ''],
        ['the same, length only', t.lengthOnly, ''],
        ['paragraph breaks lost: sentences with paragraph barriers, anchors + glossary', t.dropped, ''],
        ['baseline: splitting both sides into sentences', t.split, ''],
      ].map(([measure, time, target]) => {
        const x = time as Timed;
        return {
          measure: measure as string,
          'CPU (ms)': x.cpuMs.toFixed(2),
          'wall (ms)': x.wallMs.toFixed(2),
          '× baseline (CPU)': (x.cpuMs / t.split.cpuMs).toFixed(1),
          target: target as string,
        };
      }),
    },
  ];
}
