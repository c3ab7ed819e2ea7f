/**
 * Evidence for the news vocabulary supplement (assets/dictionary/): counts syllable n-grams (up to
 * four) in the corpus, the seeds, the 1,000 news sentences and the saved news pages, and looks each
 * up in the Wiktionary dictionary (../shared/data/dictionary/vi-en.tsv), the hand-written glossary
 * and the supplement, with tone placement (hòa = hoà) and final i/y (mỹ = mĩ) folded.
 *
 *   npx tsx scripts/news-vocabulary.ts coverage       coverage by greedy longest match, before and after the supplement
 *   npx tsx scripts/news-vocabulary.ts missing 300    frequent n-grams that hold together and have no entry
 *   npx tsx scripts/news-vocabulary.ts segments 300   the words a hover finds most, with their Wiktionary glosses
 *   npx tsx scripts/news-vocabulary.ts check < words  what each word on stdin has, and how often it occurs
 *
 * Not the official measurement, which is the dictionary bench; this is for choosing words.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { foldFinalY } from '../core/glossary-schema';
import { normalizeText } from '../core/normalize';
import { REPO_ROOT, SHARED_DIR } from './lib/paths';

/** Longest n-gram considered, in syllables. */
const MAX_N = 4;

/** Folded key of a form: normalised, lower case, final y as i, syllables joined by one space. */
function key(form: string): string {
  return normalizeText(form)
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map(foldFinalY)
    .join(' ');
}

const yamlIn = (dir: string): unknown[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== 'han-readings.yaml')
    .map((f) => parse(readFileSync(join(dir, f), 'utf8')) as unknown);

function pageText(html: string): string {
  return html
    .replace(/<(script|style|noscript|svg)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&[a-z]+;/gi, ' ');
}

/** The texts, by source. */
function texts(): Record<string, string[]> {
  const corpus = yamlIn(join(REPO_ROOT, 'assets/corpus')).flatMap((a) => {
    const article = a as { title: { vi: string }; paragraphs: { vi: string }[] };
    return [article.title.vi, ...article.paragraphs.map((p) => p.vi)];
  });
  const dir = (sub: string) => join(SHARED_DIR, sub);
  const read = (sub: string) => readdirSync(dir(sub)).map((f) => readFileSync(join(dir(sub), f), 'utf8'));
  return {
    corpus,
    seeds: read('seeds'),
    sentences: readFileSync(join(SHARED_DIR, 'fixtures/text/binhvq-demo-full.txt'), 'utf8').split('\n'),
    pages: read('fixtures/pages').map(pageText),
  };
}

/** A syllable: its folded key and its spelling in the text. */
type Syllable = readonly [key: string, original: string];

/** Runs of syllables not broken by punctuation or digits. */
function runs(text: string): Syllable[][] {
  const out: Syllable[][] = [];
  for (const chunk of normalizeText(text).split(/[^\p{L}\p{M}\s-]+|\s-\s/u)) {
    const syllables = chunk.split(/[\s-]+/).filter((s) => /^[\p{L}\p{M}]+$/u.test(s));
    if (syllables.length > 0) out.push(syllables.map((s) => [foldFinalY(s.toLowerCase()), s] as const));
  }
  return out;
}

const gramKey = (run: readonly Syllable[], start: number, n: number) =>
  run
    .slice(start, start + n)
    .map((s) => s[0])
    .join(' ');

/** Greedy longest match over a run: each match's key and length; a syllable no entry covers has key null. */
function* greedy(run: readonly Syllable[], has: (k: string) => boolean): Generator<[string | null, number]> {
  let i = 0;
  while (i < run.length) {
    let found: string | null = null;
    let len = 1;
    for (let n = Math.min(MAX_N, run.length - i); n >= 1; n--) {
      const k = gramKey(run, i, n);
      if (has(k)) {
        found = k;
        len = n;
        break;
      }
    }
    yield [found, len];
    i += len;
  }
}

interface DictRow {
  pos: string;
  glosses: string;
}

/** Glosses that only point elsewhere ("Synonym of X", "Initialism of …"). */
const POINTER =
  /^(\([^)]*\)\s*)*(Synonym of|Alternative (form|spelling) of|Initialism of|Clipping of|Short for|Only used in|Abbreviation of|Acronym of|Sino-Vietnamese reading of|Misspelling of|Contraction of|Obsolete form of)/i;

function dictionary(): Map<string, DictRow[]> {
  const lines = readFileSync(join(SHARED_DIR, 'data/dictionary/vi-en.tsv'), 'utf8').split('\n').slice(1);
  const map = new Map<string, DictRow[]>();
  for (const line of lines) {
    if (!line) continue;
    const [head, pos, glosses] = line.split('\t') as [string, string, string];
    const k = key(head);
    map.set(k, [...(map.get(k) ?? []), { pos, glosses }]);
  }
  return map;
}

function formsOfFiles(dir: string): Set<string> {
  const out = new Set<string>();
  for (const file of yamlIn(dir)) {
    for (const e of (file ?? []) as { vi: string; variants?: string[] }[]) {
      for (const f of [e.vi, ...(e.variants ?? [])]) out.add(key(f));
    }
  }
  return out;
}

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;

const mode = process.argv[2] ?? 'coverage';
const limit = Number(process.argv[3] ?? 200);
const bySource = texts();
const allRuns = Object.values(bySource).flat().flatMap(runs);
const dict = dictionary();
const glossary = formsOfFiles(join(REPO_ROOT, 'assets/glossary'));
const supplement = formsOfFiles(join(REPO_ROOT, 'assets/dictionary'));
const usable = (k: string) => (dict.get(k) ?? []).some((r) => !POINTER.test(r.glosses));
const glossesOf = (k: string) => (dict.get(k) ?? []).map((r) => `${r.pos}: ${r.glosses}`).join(' / ');

/** How often each n-gram occurs, by key. */
function ngramCounts(): Map<string, { n: number; capital: number; sources: Set<string> }> {
  const counts = new Map<string, { n: number; capital: number; sources: Set<string> }>();
  for (const [name, list] of Object.entries(bySource)) {
    for (const run of list.flatMap(runs)) {
      for (let i = 0; i < run.length; i++) {
        for (let n = 1; n <= MAX_N && i + n <= run.length; n++) {
          const k = gramKey(run, i, n);
          const c = counts.get(k) ?? { n: 0, capital: 0, sources: new Set<string>() };
          c.n++;
          if (i > 0 && /^\p{Lu}/u.test(run[i]![1])) c.capital++;
          c.sources.add(name);
          counts.set(k, c);
        }
      }
    }
  }
  return counts;
}

/** Share of syllables inside some entry, and inside entries of more than one syllable. */
function coverage(list: Syllable[][], has: (k: string) => boolean): { any: string; multi: string } {
  let total = 0;
  let covered = 0;
  let multi = 0;
  for (const run of list) {
    for (const [k, len] of greedy(run, has)) {
      total += len;
      if (k === null) continue;
      covered += len;
      if (len > 1) multi += len;
    }
  }
  return { any: pct(covered, total), multi: pct(multi, total) };
}

if (mode === 'coverage') {
  const withSupplement = (has: (k: string) => boolean) => (k: string) => has(k) || supplement.has(k);
  const inDict = (k: string) => dict.has(k);
  for (const [name, list] of [...Object.entries(bySource), ['all', Object.values(bySource).flat()] as const]) {
    const r = list.flatMap(runs);
    const syllables = r.reduce((n, run) => n + run.length, 0);
    const before = coverage(r, inDict);
    const after = coverage(r, withSupplement(inDict));
    console.log(
      `${name.padEnd(10)} ${String(syllables).padStart(6)} syllables | dictionary: any ${before.any}, ` +
        `multi-syllable ${before.multi}, usable gloss ${coverage(r, usable).any} | + supplement: any ${after.any}, ` +
        `multi-syllable ${after.multi}, usable gloss ${coverage(r, withSupplement(usable)).any}`,
    );
  }
  // Where the supplement changes what a hover finds: matches that land on a supplement headword.
  let words = 0;
  let added = 0;
  let reglossed = 0;
  for (const run of allRuns) {
    for (const [k] of greedy(run, withSupplement(inDict))) {
      words++;
      if (k !== null && supplement.has(k)) {
        if (dict.has(k)) reglossed++;
        else added++;
      }
    }
  }
  console.log(
    `all: ${words} words by greedy match over dictionary + supplement; ${added} (${pct(added, words)}) are supplement ` +
      `words the dictionary lacks, ${reglossed} (${pct(reglossed, words)}) dictionary words the supplement re-glosses`,
  );
} else if (mode === 'segments') {
  const seen = new Map<string, number>();
  for (const run of allRuns) {
    for (const [k] of greedy(run, (x) => dict.has(x))) if (k !== null) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  for (const [k, n] of [...seen].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    const mark = glossary.has(k) ? 'G' : supplement.has(k) ? 'S' : ' ';
    console.log(`${String(n).padStart(5)} ${mark} ${k.padEnd(16)} ${glossesOf(k).slice(0, 230)}`);
  }
} else if (mode === 'check') {
  const counts = ngramCounts();
  for (const word of readFileSync(0, 'utf8')
    .split('\n')
    .map((w) => w.trim())
    .filter(Boolean)) {
    const k = key(word);
    const where = [glossary.has(k) ? 'GLOSSARY' : '', supplement.has(k) ? 'SUPPLEMENT' : ''].filter(Boolean).join(' ');
    console.log(
      `${String(counts.get(k)?.n ?? 0).padStart(4)} ${word.padEnd(24)} ${where.padEnd(10)} ${glossesOf(k).slice(0, 150) || '-- MISSING --'}`,
    );
  }
} else if (mode === 'missing') {
  const counts = ngramCounts();
  const known = (k: string) => dict.has(k) || glossary.has(k) || supplement.has(k);
  const list = [...counts].filter(([k, c]) => {
    if (known(k) || c.n < 3) return false;
    const parts = k.split(' ');
    if (parts.length === 1) return true;
    // A longer n-gram is worth a look when it holds together: its count is a good share of its
    // rarest syllable's, so it is not a mere chance neighbourhood of common syllables.
    return c.n / Math.min(...parts.map((s) => counts.get(s)?.n ?? 1)) >= 0.15;
  });
  list.sort((a, b) => b[1].n - a[1].n);
  for (const [k, c] of list.slice(0, limit)) {
    console.log(
      `${String(c.n).padStart(4)} ${c.capital > c.n / 2 ? 'Cap' : '   '} ${[...c.sources].join(',').padEnd(30)} ${k}`,
    );
  }
} else {
  console.error(`unknown mode ${mode}: coverage | missing N | segments N | check`);
  process.exit(1);
}
