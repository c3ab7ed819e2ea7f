import { describe, expect, test } from 'vitest';
import { DICTIONARY_HEADER, parseDictionary } from './dictionary-source';

const file = (...rows: string[]) => [DICTIONARY_HEADER, ...rows].join('\n') + '\n';

describe('dictionary source', () => {
  test('parses rows: glosses and Hán alternatives split, line numbers kept', () => {
    const { rows, issues } = parseDictionary(
      file(
        'bị\tnoun\tbig sack made from a sedge\t',
        'hợp tác\tverb\tto cooperate; to collaborate\t合作',
        'phi\tromanization\tSino-Vietnamese reading of 妃 | Sino-Vietnamese reading of 飛\t妃 | 飛',
      ),
    );
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.line, r.headword, r.pos, r.glosses.length, r.han])).toEqual([
      [2, 'bị', 'noun', 1, []],
      [3, 'hợp tác', 'verb', 1, ['合作']],
      [4, 'phi', 'romanization', 2, ['妃', '飛']],
    ]);
  });

  // Each bad row fails with its line and field.
  test.each([
    ['a missing field', 'bị\tnoun\tbig sack', /^line 2$/, /has 3 fields; a row has 4/],
    ['an unknown part of speech', 'bị\tnounish\tbig sack\t', /^line 2, pos$/, /"nounish" is not one of noun, verb/],
    ['empty glosses', 'bị\tnoun\t\t', /^line 2, glosses$/, /is empty/],
    ['an empty gloss', 'bị\tnoun\tbig sack | \t', /^line 2, glosses\[1\]$/, /is empty or has spaces/],
    ['four glosses', 'bị\tnoun\ta | b | c | d\t', /^line 2, glosses$/, /has 4 glosses; at most 3/],
    ['a gloss too long', `bị\tnoun\t${'x'.repeat(200)}\t`, /^line 2, glosses\[0\]$/, /longer than 160/],
    ['Latin letters in han', 'bị\tnoun\tbig sack\t被x', /^line 2, han\[0\]$/, /must hold only Hán characters/],
    ['no letter in the headword', '~\tnoun\ttilde\t', /^line 2, headword$/, /has no letter or digit/],
    ['spaces around the headword', ' bị\tnoun\tbig sack\t', /^line 2, headword$/, /spaces around it/],
    ['NFD text', 'bi\u0323\tnoun\tbig sack\t', /^line 2, headword$/, /not in Unicode NFC/],
    ['a reserved separator', 'bị\tnoun\tbig $ sack\t', /^line 2, glosses$/, /reserves/],
    ['CRLF line ends', 'bị\tnoun\tbig sack\t\r', /^line 2$/, /carriage return/],
  ])('%s', (_, row, path, message) => {
    const { rows, issues } = parseDictionary(file(row));
    expect(rows).toEqual([]);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.some((i) => path.test(i.path) && message.test(i.message))).toBe(true);
  });

  test('a headword and part of speech twice is an error naming both lines', () => {
    const { issues } = parseDictionary(file('bị\tnoun\tbig sack\t', 'bị\tverb\tpassive\t', 'bị\tnoun\tplastic bag\t'));
    expect(issues).toEqual([{ line: 4, path: 'line 4, pos', message: '"bị" already has a noun row on line 2' }]);
  });

  test('a wrong header stops the parse', () => {
    const { rows, issues } = parseDictionary('word\tpos\tgloss\n');
    expect(rows).toEqual([]);
    expect(issues[0]).toMatchObject({ line: 1, path: 'line 1' });
  });

  test('reports every bad line, not only the first', () => {
    const { issues } = parseDictionary(file('a\tfoo\tx\t', 'b\tnoun\tok\t', 'c\tbar\ty\t'));
    expect(issues.map((i) => i.line)).toEqual([2, 4]);
  });
});
