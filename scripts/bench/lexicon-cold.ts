/**
 * One cold start of the background's data, in a fresh Node process (run by `lexicon.ts`): read the
 * compiled files, parse them, build what the service worker builds, answer one request. Prints one
 * JSON line of timings (CPU and wall milliseconds), the bytes read, and the memory the loaded data
 * keeps (the JavaScript heap and the typed arrays' buffers).
 *
 *   node --expose-gc --import tsx scripts/bench/lexicon-cold.ts glossary|paint|lexicon|whole
 *
 * `glossary` is the baseline: what the background loaded before the dictionary (the glossary and
 * its matcher, one block painted). `paint` loads what painting needs (the glossary, the supplement
 * and the lexicon's index) and paints the same block. `lexicon` loads those and the dictionary's
 * head, paints the block and answers one lookup as the background does: the lookup says which
 * shards it wants, they are read, parsed and added, and it is answered (all in "first").
 * `whole` loads every shard before the first answer, as the background did when the dictionary
 * was one file: the same run's "before".
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGlossary } from '../../core/glossary-format';
import { GlossaryMatcher } from '../../core/glossary-match';
import { attachDictionaryHead, loadPaintingLexicon } from '../../core/lexicon-load';
import { lookupAt } from '../../core/lexicon-lookup';
import { normalizeText } from '../../core/normalize';
import { SHIPPED_DATA_DIR } from '../lib/shipped-data';
import { FILES } from './lexicon';

const BLOCK = 'Bộ Quốc phòng Nga cho biết hai nước sẽ tăng cường hợp tác quân sự, bệnh nhân ung thư được điều trị.';

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
let bytes = 0;
const readText = (name: string) => {
  const text = readFileSync(join(SHIPPED_DATA_DIR, `${name}.json`), 'utf8');
  bytes += Buffer.byteLength(text);
  return text;
};
const read = phase(() => (texts = files.map(readText)));
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
    const lexicon = loadPaintingLexicon(parsed[0], parsed[1], parsed[2]);
    const dictionary = attachDictionaryHead(lexicon, parsed[3]);
    // `whole`: every shard, read and parsed above.
    parsed.slice(4).forEach((shard, n) => dictionary.add(n, shard));
    keep = lexicon;
    answer = () => {
      lexicon.paint(normalizeText(BLOCK));
      const at = BLOCK.indexOf('tác');
      const { wanted } = dictionary.noting(() => lookupAt(lexicon, BLOCK, at));
      for (const n of wanted) dictionary.add(n, JSON.parse(readText(`dictionary/${n}`)));
      if (!lookupAt(lexicon, BLOCK, at)?.words.some((w) => w.entries.some((e) => e.source === 'dictionary')))
        throw new Error('the first lookup found no dictionary word');
    };
  }
});
const first = phase(() => answer());
texts = [];
parsed = [];
gc();
const heapMB = (used() - heapBefore) / 1e6;
console.log(JSON.stringify({ mode, read, parse, build, first, heapMB, bytes, kept: keep !== undefined }));
