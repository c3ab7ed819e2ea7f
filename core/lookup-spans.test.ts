/**
 * Answers read ahead must be the answers a hover gets: checked character by character on real
 * news text (../shared/fixtures/text, joined into paragraph-long text nodes, as pages have them)
 * with the shipped lexicon, and on the text shapes that move a hover's window.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadLexicon, type ShippedLexicon } from '@/core/lexicon-load';
import { buildData } from '@/scripts/lib/data-sources';
import { FIXTURE_TEXT_DIR } from '@/scripts/lib/paths';
import { sampleLexicon } from '../tests/fixtures/lexicon-sample';
import { lookupAt, type LookupResult } from './lexicon-lookup';
import { lookupSpans } from './lookup-spans';
import { spanAnswerAt } from './span-answers';
import { hoverWindow } from './lookup-window';

type Lex = Parameters<typeof lookupSpans>[0];

/** What a hover on character `c` shows: its answer, offsets in `text`. */
function hovered(lexicon: Lex, text: string, c: number): LookupResult<unknown, unknown> | null {
  const w = hoverWindow(text, c);
  const r = lookupAt(lexicon, w.text, w.offset);
  return r && shift(r, w.start);
}

/** What the answers read ahead give for character `c`, offsets in `text`. */
function readAhead(lexicon: Lex, text: string, c: number): LookupResult<unknown, unknown> | null {
  const read = lookupSpans(lexicon, [text]);
  return spanAnswerAt(read, read.spans[0]!, text, c);
}

function shift(r: LookupResult<unknown, unknown>, by: number): LookupResult<unknown, unknown> {
  return {
    start: r.start + by,
    end: r.end + by,
    words: r.words.map((w) => ({ ...w, start: w.start + by, end: w.end + by })),
  };
}

/** Compares every character: returns the first that differs, and how many a hover would answer. */
function compareAll(lexicon: Lex, text: string): { differs: number | null; answered: number; missed: number } {
  // Through JSON, as the message carries it.
  const read = JSON.parse(JSON.stringify(lookupSpans(lexicon, [text]))) as ReturnType<typeof lookupSpans>;
  let answered = 0;
  let missed = 0;
  for (let c = 0; c < text.length; c++) {
    const want = hovered(lexicon, text, c);
    const got = spanAnswerAt(read, read.spans[0]!, text, c);
    if (got) {
      answered++;
      if (!isDeepStrictEqual(got, want)) return { differs: c, answered, missed };
    } else if (want) missed++;
  }
  return { differs: null, answered, missed };
}

describe('answers read ahead, on the sample lexicon', () => {
  const lexicon = sampleLexicon();

  test.each([
    ['a compound, hovered on each syllable', 'Hai bên tăng cường hợp tác quân sự.'],
    ['decomposed text (NFD) and the other tone placement', 'hợp tác quân sự và hoà bình'.normalize('NFD')],
    ['capitals and a sentence start', 'Nga nói. Hợp tác QUÂN SỰ với Triều Tiên'],
    ['digits and punctuation between words', 'Năm 2024, 10.000 quân (hợp tác) - quân sự!'],
    ['a word longer than the window, then words', `${'x'.repeat(150)} hợp tác quân sự`],
    ['a text longer than two windows', 'hợp tác quân sự giữa hai nước, '.repeat(12)],
  ])('%s: every character gets what a hover gets', (_name, text) => {
    const r = compareAll(lexicon, text);
    expect(r.differs).toBeNull();
    expect(r.answered).toBeGreaterThan(0);
    expect(r.missed).toBe(0);
  });

  test('a word met many times is sent once, and an entry met in many answers too', () => {
    const { entries, answers, spans } = lookupSpans(lexicon, ['quân sự, quân sự, quân sự', 'quân sự']);
    // "quân" and "sự" of each: the same two answers, relative to their syllables.
    expect(answers).toHaveLength(2);
    expect(spans.map((s) => s.length / 3)).toEqual([6, 2]);
    // Both answers list "quân sự" (glossary and dictionary), "quân" and "sự": each entry once.
    const names = entries.map((e) =>
      e.source === 'dictionary' ? `d:${e.entry.headword}` : `${e.source[0]}:${e.entry.vi}`,
    );
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['g:quân sự', 'd:quân sự', 'd:quân', 'd:sự']));
  });

  test('offsets are relative to the syllable: "tác" in "hợp tác" starts 4 back', () => {
    const read = lookupSpans(lexicon, ['hợp tác']);
    const tac = read.spans[0]!.slice(3, 6);
    expect(tac.slice(0, 2)).toEqual([4, 7]);
    expect(read.answers[tac[2]!]).toMatchObject({ start: -4, end: 3 });
    expect(readAhead(lexicon, 'hợp tác', 5)).toMatchObject({ start: 0, end: 7 });
  });
});

describe('answers read ahead, on real news text with the shipped lexicon', () => {
  let lexicon: ShippedLexicon;
  beforeAll(async () => {
    const data = JSON.parse(JSON.stringify(await buildData())) as Awaited<ReturnType<typeof buildData>>;
    lexicon = loadLexicon(data.glossary, data.supplement, data.lexiconIndex, data.dictionary);
  }, 120_000);

  test('every character of 40 paragraph-long text nodes gets what a hover gets', () => {
    const lines = readFileSync(join(FIXTURE_TEXT_DIR, 'binhvq-demo-full.txt'), 'utf8').split('\n').filter(Boolean);
    let answered = 0;
    for (let p = 0; p < 40; p++) {
      // Four sentences a paragraph, from across the file.
      const text = lines.slice(p * 25, p * 25 + 4).join(' ');
      const r = compareAll(lexicon, text);
      expect(
        r.differs,
        `paragraph ${p}: "${text.slice(Math.max(0, (r.differs ?? 0) - 20), (r.differs ?? 0) + 20)}"`,
      ).toBeNull();
      expect(r.missed, `paragraph ${p}`).toBe(0);
      answered += r.answered;
    }
    // Most characters of news text are in a word the lexicon knows.
    expect(answered).toBeGreaterThan(10_000);
  });
});
