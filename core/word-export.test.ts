import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '@/scripts/lib/paths';
import { SAMPLE_WORDS } from '@/tests/fixtures/words-sample';
import { hanLine, toWordsAnkiTsv } from './word-export';

const GOLDEN = join(REPO_ROOT, 'tests/fixtures/golden');

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('Anki TSV of saved words', () => {
  test('against the golden file', () => golden('words-anki.tsv', toWordsAnkiTsv(SAMPLE_WORDS)));

  test('the header lines Anki reads, then one note per saved word (a word only marked known has no sentence)', () => {
    const lines = toWordsAnkiTsv(SAMPLE_WORDS).trimEnd().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '#separator:tab',
      '#html:true',
      '#notetype:Cloze',
      '#deck:Song ngữ',
      '#tags column:3',
    ]);
    expect(lines.slice(5)).toHaveLength(2);
    for (const line of lines.slice(5)) expect(line.split('\t')).toHaveLength(3);
  });

  test('the word is the cloze, in its newest sentence, with its gloss as the hint', () => {
    const [first] = toWordsAnkiTsv(SAMPLE_WORDS).split('\n').slice(5);
    expect(first!.split('\t')[0]).toBe(
      'Một người trong ngành quốc phòng Nga cho biết con số 100.000 {{c1::binh sĩ::soldiers, troops}} là dấu hiệu cho thấy Moscow đang có ý định chiến đấu ở Ukraine trong thời gian dài.',
    );
  });

  test('page text cannot become markup, break the cloze or add a line', () => {
    const w = SAMPLE_WORDS[1]!;
    const nasty = {
      ...w,
      sense: { ...w.sense!, gloss: '<img src=x onerror=alert(1)> }} :: x' },
      contexts: [
        { ...w.contexts[0]!, sentence: 'A {{c2::b}}\tc\nchỉ trích <b>d</b>', start: 14, end: 23, title: '"><script>' },
      ],
    };
    const [line] = toWordsAnkiTsv([nasty]).split('\n').slice(5);
    const [front, back] = line!.split('\t');
    expect(front).toBe(
      'A { {c2: :b} } c {{c1::chỉ trích::&lt;img src=x onerror=alert(1)&gt; } } : : x}} &lt;b&gt;d&lt;/b&gt;',
    );
    expect(back).not.toMatch(/<(img|script)/);
    expect(back).toContain('&quot;&gt;&lt;script&gt;');
  });

  test('Hán: the characters, then each syllable’s gloss', () => {
    expect(hanLine(SAMPLE_WORDS[0]!.han!)).toBe('兵士 (binh: soldier, troops; sĩ: scholar, gentleman; soldier)');
    expect(hanLine([{ syllable: 'Nga', char: null, gloss: null }])).toBe('·');
  });
});
