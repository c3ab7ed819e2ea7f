/**
 * Benchmark 7: the lexicon in the service worker. Its cold start, from reading the compiled files
 * to the first painted block and answered lookup, in fresh Node processes (the median of several,
 * CPU and wall time, and the heap the loaded data keeps), against the glossary-only background
 * that came before it; and the time of a warm lookup at syllables of real news sentences.
 */

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDictionaryHead } from '../../core/dictionary-shards';
import { loadLexicon } from '../../core/lexicon-load';
import { shippedDictionary, shippedJson } from '../lib/shipped-data';
import { lookupAt } from '../../core/lexicon-lookup';
import { FIXTURE_TEXT_DIR, REPO_ROOT } from '../lib/paths';
import { seededRandom } from '../lib/variations';
import { mean, median, p95 } from './stats';

interface Phase {
  cpu: number;
  wall: number;
}

interface ColdRun {
  mode: string;
  read: Phase;
  parse: Phase;
  build: Phase;
  first: Phase;
  heapMB: number;
  /** Bytes of the files read, up to the first answer. */
  bytes: number;
}

export interface LexiconLoadRow {
  /** `glossary` (the baseline), `paint` (what painting needs) or `lexicon` (and the senses, for lookups). */
  mode: string;
  runs: number;
  /** Medians, milliseconds. */
  readMs: number;
  parseMs: number;
  buildMs: number;
  firstAnswerMs: number;
  /** CPU time from the first read to the first answer. */
  totalCpuMs: number;
  totalWallMs: number;
  heapMB: number;
  dataBytes: number;
}

export interface LookupTiming {
  lookups: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

const PAINT = ['glossary', 'supplement', 'lexicon-index'];
const shardCount = (): number => checkDictionaryHead(shippedJson('dictionary/head')).shards;

/** The compiled files each cold-start mode reads first (see `lexicon-cold.ts`). */
export const FILES: Record<string, string[]> = {
  glossary: ['glossary'],
  paint: PAINT,
  lexicon: [...PAINT, 'dictionary/head'],
  get whole() {
    return [...PAINT, 'dictionary/head', ...Array.from({ length: shardCount() }, (_, n) => `dictionary/${n}`)];
  },
};

/** Cold starts of both modes, alternated, `runs` of each in fresh processes. */
export function benchLexiconLoad(runs = 7): LexiconLoadRow[] {
  const byMode = new Map<string, ColdRun[]>();
  for (let k = 0; k < runs; k++) {
    for (const mode of Object.keys(FILES)) {
      const out = execFileSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', join(REPO_ROOT, 'scripts/bench/lexicon-cold.ts'), mode],
        { cwd: REPO_ROOT, encoding: 'utf8' },
      );
      byMode.set(mode, [...(byMode.get(mode) ?? []), JSON.parse(out.trim().split('\n').pop()!) as ColdRun]);
    }
  }
  return [...byMode].map(([mode, list]) => {
    const cpu = (r: ColdRun) => r.read.cpu + r.parse.cpu + r.build.cpu + r.first.cpu;
    const wall = (r: ColdRun) => r.read.wall + r.parse.wall + r.build.wall + r.first.wall;
    return {
      mode,
      runs: list.length,
      readMs: median(list.map((r) => r.read.cpu)),
      parseMs: median(list.map((r) => r.parse.cpu)),
      buildMs: median(list.map((r) => r.build.cpu)),
      firstAnswerMs: median(list.map((r) => r.first.cpu)),
      totalCpuMs: median(list.map(cpu)),
      totalWallMs: median(list.map(wall)),
      heapMB: median(list.map((r) => r.heapMB)),
      dataBytes: median(list.map((r) => r.bytes)),
    };
  });
}

/** Warm lookups at up to five random syllables of each of the 1,000 news sentences. */
export function benchLookups(): LookupTiming {
  const [glossary, supplement, index] = PAINT.map(shippedJson);
  const lexicon = loadLexicon(glossary, supplement, index, shippedDictionary());
  const sentences = readFileSync(join(FIXTURE_TEXT_DIR, 'binhvq-demo-full.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const random = seededRandom(13);
  const probes: [string, number][] = [];
  for (const s of sentences) {
    const starts = [...s.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m.index);
    for (let k = 0; k < 5 && starts.length > 0; k++) probes.push([s, starts[Math.floor(random() * starts.length)]!]);
  }
  for (const [s, at] of probes.slice(0, 500)) lookupAt(lexicon, s, at); // warm-up
  const times = probes.map(([s, at]) => {
    const t = performance.now();
    lookupAt(lexicon, s, at);
    return performance.now() - t;
  });
  return {
    lookups: times.length,
    meanMs: mean(times),
    p50Ms: median(times),
    p95Ms: p95(times),
    maxMs: Math.max(...times),
  };
}
