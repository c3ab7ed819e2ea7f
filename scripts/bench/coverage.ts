/**
 * Benchmark 6: how much of real Vietnamese news text the hover lexicon glosses.
 *
 * A token is a syllable as the lexicon reads it (`LexiconIndex.scan`: runs of letters, marks and
 * digits). Tokens are sorted into:
 * - numbers: any token with a digit (2017, 49.704, PC67, 14A);
 * - names: a token in Title Case (an upper-case first letter and a lower-case letter after it)
 *   that does not start a sentence, or that starts one and is followed, after a space or hyphen,
 *   by another Title Case token (Nguyễn Văn Bình, Hà Nội, Bộ Quốc phòng); a sentence starts at the
 *   start of a block or line and after . ! ? : ; or …, quotes and brackets aside;
 * - abbreviations: a token of two letters or more all in capitals (CATP, UBND, TP) in a block that
 *   also has lower-case letters (a block all in capitals is a headline: its tokens are words);
 * - content words: every other token; those that cannot spell one Vietnamese syllable (video,
 *   camera, website, km: loanwords, units, the parts of addresses) are counted apart too, as
 *   `foreign`, since an English reader needs no gloss for most of them.
 * A token is glossed when some word of the lexicon covers it (a glossary entry, a supplement entry
 * or a dictionary word, of one syllable or more), whichever the segmentation would show first.
 * The share reported is of content words; names and abbreviations are reported apart.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { CorpusArticle } from '../../core/corpus-schema';
import { Dictionary, type CompiledDictionary } from '../../core/dictionary-format';
import type { GlossaryEntry } from '../../core/glossary-format';
import { Lexicon } from '../../core/lexicon';
import { startsSentence } from '../../core/lexicon-lookup';
import { normalizeText } from '../../core/normalize';
import { isVietnameseSyllable } from '../../core/person-name';
import { compileSupplement } from '../../core/supplement-format';
import { isJoiner, isUpperUnit } from '../../core/syllable-scan';
import { loadSupplementSources } from '../lib/dictionary-sources';
import { FIXTURE_PAGES_DIR, FIXTURE_TEXT_DIR } from '../lib/paths';

/** Token counts of one text source under one lexicon. */
export interface CoverageCounts {
  tokens: number;
  numbers: number;
  names: number;
  namesGlossed: number;
  abbreviations: number;
  abbreviationsGlossed: number;
  content: number;
  contentGlossed: number;
  /** Content words that cannot spell one Vietnamese syllable (part of `content`). */
  foreign: number;
  foreignGlossed: number;
}

export interface CoverageRow extends CoverageCounts {
  source: string;
  lexicon: string;
}

export interface CoverageMiss {
  token: string;
  count: number;
  example: string;
}

export interface CoverageResult {
  rows: CoverageRow[];
  /** The content words glossed by nothing, with the full lexicon, over all sources: most frequent first. */
  misses: CoverageMiss[];
  supplementEntries: number;
}

/** The blocks of every saved page, read by the content script's own block extraction under jsdom. */
export async function pageBlocks(): Promise<string[]> {
  const dom = new JSDOM('');
  // blocks.ts reads Node's constants as a browser global.
  Object.assign(globalThis, { Node: dom.window.Node });
  const { collectBlocks } = await import('../../entrypoints/content/blocks');
  const out: string[] = [];
  for (const name of readdirSync(FIXTURE_PAGES_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()) {
    const page = new JSDOM(readFileSync(join(FIXTURE_PAGES_DIR, name), 'utf8')).window.document;
    for (const block of await collectBlocks(page.body)) out.push(block.text);
  }
  return out;
}

function emptyCounts(): CoverageCounts {
  return {
    tokens: 0,
    numbers: 0,
    names: 0,
    namesGlossed: 0,
    abbreviations: 0,
    abbreviationsGlossed: 0,
    content: 0,
    contentGlossed: 0,
    foreign: 0,
    foreignGlossed: 0,
  };
}

const isTitleCase = (w: string) => isUpperUnit(w.charCodeAt(0)) && w !== w.toUpperCase();
const isAllCaps = (w: string) => w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();

/** Counts the tokens of `texts` (one per block or sentence) and how many `lexicon` glosses. */
export function measureCoverage(
  lexicon: Lexicon,
  texts: readonly string[],
  misses?: Map<string, CoverageMiss>,
): CoverageCounts {
  const counts = emptyCounts();
  const { index } = lexicon;
  for (const raw of texts) {
    const text = normalizeText(raw);
    const sy = index.scan(text);
    const n = sy.count;
    const starts = Array.from(sy.starts.subarray(0, n));
    const ends = Array.from(sy.ends.subarray(0, n));
    const ids = Array.from(sy.ids.subarray(0, n));
    const joined = (k: number) => isJoiner(text, ends[k - 1]!, starts[k]!, ends[k - 1]! - starts[k - 1]!);
    const glossed = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      let node = 0;
      for (let j = k; j < n && (j === k || joined(j)); j++) {
        node = index.child(node, ids[j]!);
        if (node === 0) break;
        const [lo, hi] = index.itemRange(node);
        if (lo < hi) glossed.fill(1, k, j + 1);
      }
    }
    const headline = !/\p{Ll}/u.test(text);
    for (let k = 0; k < n; k++) {
      const word = text.slice(starts[k], ends[k]);
      counts.tokens++;
      if (/\p{N}/u.test(word)) {
        counts.numbers++;
        continue;
      }
      const g = glossed[k]!;
      if (!headline && isAllCaps(word)) {
        counts.abbreviations++;
        counts.abbreviationsGlossed += g;
        continue;
      }
      const nextTitle = k + 1 < n && joined(k + 1) && isTitleCase(text.slice(starts[k + 1], ends[k + 1]));
      if (!headline && isTitleCase(word) && (!startsSentence(text, starts[k]!) || nextTitle)) {
        counts.names++;
        counts.namesGlossed += g;
        continue;
      }
      counts.content++;
      counts.contentGlossed += g;
      if (!isVietnameseSyllable(word)) {
        counts.foreign++;
        counts.foreignGlossed += g;
      }
      if (!g && misses) {
        const key = word.toLowerCase();
        const miss = misses.get(key) ?? {
          token: key,
          count: 0,
          example: text.slice(Math.max(0, starts[k]! - 30), ends[k]! + 30).replace(/\s+/g, ' '),
        };
        miss.count++;
        misses.set(key, miss);
      }
    }
  }
  return counts;
}

/**
 * Coverage of the corpus, the 1,000 news sentences and the saved pages by the glossary alone,
 * the glossary with the dictionary, and both with the news supplement in `supplementDir` (its
 * forms only: validating its Hán is the build's job).
 */
export async function benchCoverage(
  articles: readonly CorpusArticle[],
  glossary: readonly GlossaryEntry[],
  dictionary: CompiledDictionary,
  supplementDir?: string,
): Promise<CoverageResult> {
  const supplement = compileSupplement(loadSupplementSources(supplementDir), () => null).entries;
  const words = new Dictionary(dictionary.words, dictionary);
  const lexicons: [string, Lexicon][] = [
    ['glossary', Lexicon.build(glossary, [], null)],
    ['glossary + dictionary', Lexicon.build(glossary, [], words)],
    ['glossary + dictionary + supplement', Lexicon.build(glossary, supplement, words)],
  ];
  const sources: [string, string[]][] = [
    ['corpus', articles.flatMap((a) => [a.title.vi, ...a.paragraphs.map((p) => p.vi)])],
    [
      '1,000 news sentences',
      readFileSync(join(FIXTURE_TEXT_DIR, 'binhvq-demo-full.txt'), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== ''),
    ],
    ['saved pages', await pageBlocks()],
  ];
  const rows: CoverageRow[] = [];
  const misses = new Map<string, CoverageMiss>();
  for (const [lexiconName, lexicon] of lexicons) {
    const full = lexicon === lexicons[lexicons.length - 1]![1];
    for (const [source, texts] of sources) {
      rows.push({ source, lexicon: lexiconName, ...measureCoverage(lexicon, texts, full ? misses : undefined) });
    }
  }
  return {
    rows,
    misses: [...misses.values()].sort((a, b) => b.count - a.count || (a.token < b.token ? -1 : 1)).slice(0, 50),
    supplementEntries: supplement.length,
  };
}
