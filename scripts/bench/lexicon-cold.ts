/**
 * One cold start of the background's data, in a fresh Node process (run by `lexicon.ts`): read the
 * compiled files, parse them, build what the service worker builds, answer one request. Prints one
 * JSON line of timings (CPU and wall milliseconds) and the memory the loaded data keeps (the
 * JavaScript heap and the typed arrays' buffers).
 *
 *   node --expose-gc --import tsx scripts/bench/lexicon-cold.ts glossary|paint|lexicon
 *
 * `glossary` is the baseline: what the background loaded before the dictionary (the glossary and
 * its matcher, one block painted). `paint` loads what painting needs (the glossary, the supplement
 * and the lexicon's index) and paints the same block. `lexicon` loads those and the dictionary's
 * senses, as the background does by its first lookup, paints the block and answers one lookup.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGlossary } from '../../core/glossary-format';
import { GlossaryMatcher } from '../../core/glossary-match';
import { loadLexicon, loadPaintingLexicon } from '../../core/lexicon-load';
import { lookupAt } from '../../core/lexicon-lookup';
import { normalizeText } from '../../core/normalize';
import { REPO_ROOT } from '../lib/paths';
import { FILES } from './lexicon';

const BLOCK = 'Bộ Quốc phòng Nga cho biết hai nước sẽ tăng cường hợp tác quân sự, bệnh nhân ung thư được điều trị.';
const DATA = join(REPO_ROOT, 'public/data');

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

interface Phase {
  cpu: number;
  wall: number;
}

function phase(fn: () => void): Phase {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  fn();
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1000, wall: performance.now() - wall };
}

const mode = process.argv[2];
gc();
/** The JavaScript heap and the typed arrays' buffers, which live outside it. */
const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const heapBefore = used();
let texts: string[] = [];
let parsed: unknown[] = [];
let keep: unknown;
const files = FILES[mode ?? ''];
if (!files) throw new Error(`mode must be one of ${Object.keys(FILES).join(', ')}`);
const read = phase(() => (texts = files.map((f) => readFileSync(join(DATA, `${f}.json`), 'utf8'))));
const parse = phase(() => (parsed = texts.map((t) => JSON.parse(t) as unknown)));
let answer: () => void;
const build = phase(() => {
  if (mode === 'glossary') {
    const entries = loadGlossary(parsed[0]);
    const matcher = new GlossaryMatcher(entries);
    keep = { entries, matcher };
    answer = () => matcher.match(normalizeText(BLOCK));
  } else if (mode === 'paint') {
    const lexicon = loadPaintingLexicon(parsed[0], parsed[1], parsed[2]);
    keep = lexicon;
    answer = () => lexicon.paint(normalizeText(BLOCK));
  } else {
    const lexicon = loadLexicon(parsed[0], parsed[1], parsed[2], parsed[3]);
    keep = lexicon;
    answer = () => {
      lexicon.paint(normalizeText(BLOCK));
      lookupAt(lexicon, BLOCK, BLOCK.indexOf('tác'));
    };
  }
});
const first = phase(() => answer());
texts = [];
parsed = [];
gc();
const heapMB = (used() - heapBefore) / 1e6;
console.log(JSON.stringify({ mode, read, parse, build, first, heapMB, kept: keep !== undefined }));
