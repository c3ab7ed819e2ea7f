/**
 * Pasted English, as readers will bring it: Markdown from a reader view or a notes app, plain
 * text copied from a web page (one line per paragraph), and hard-wrapped text from an e-mail or a
 * terminal. The sentences are the corpus's English.
 */

import { describe, expect, test } from 'vitest';
import { markdownToText, parsePastedText, type PastedParagraph } from './paste-parse';

const P1 =
  'Kim delivered a speech at a conference of battalion commanders and political instructors held in Pyongyang on 15 November.';
const P2 =
  'He said threats from the US and its allies, including South Korea, had pushed tensions to “the worst stage in history”.';
const P3 =
  '“He fervently called on all participants to make every effort to improve their ability to fight in a real war,” KCNA said.';

const texts = (ps: PastedParagraph[]) => ps.map((p) => p.text);

describe('markdownToText', () => {
  test.each([
    ['**Russia’s** defence sector', 'Russia’s defence sector'],
    ['__strong__ and _emphasis_ and *more*', 'strong and emphasis and more'],
    ['a snake_case_name and 2 * 3 * 4 stay', 'a snake_case_name and 2 * 3 * 4 stay'],
    ['[100,000 troops](https://example.com/a_(b) "title") were sent', '100,000 troops were sent'],
    ['[the report][1] said', 'the report said'],
    [
      '![North Korean leader Kim Jong-un](https://img/x.jpg) greets soldiers',
      'North Korean leader Kim Jong-un greets soldiers',
    ],
    ['see <https://kcna.kp> and <b>bold</b><br/>text', 'see https://kcna.kp and boldtext'],
    ['`code` and ~~struck~~', 'code and struck'],
    ['\\*not emphasis\\* and \\[not a link\\]', '*not emphasis* and [not a link]'],
    ['AT&amp;T &ldquo;quoted&rdquo; &#8217; &#x2013; &nbsp;x', 'AT&T “quoted” ’ – x'],
    ['a footnote[^1] mark', 'a footnote mark'],
    ['  spaced \t out\n text ', 'spaced out text'],
  ])('%s', (markdown, text) => {
    expect(markdownToText(markdown)).toBe(text);
  });
});

describe('parsePastedText', () => {
  test('Markdown: title, blank-line paragraphs, lines of one paragraph joined, headings, quotes, lists', () => {
    const md = [
      '# North Korea may send 100,000 troops to Russia',
      '',
      'A source in **Russia’s defence sector** said the figure of [100,000 troops](https://x.com/a)',
      'was a sign that Moscow intends to fight in Ukraine for a long time.',
      '',
      '## A worrying move',
      '',
      `> ${P3}`,
      '> KCNA said so.',
      '>',
      '> A second quoted paragraph.',
      '',
      '- First item',
      '  continues here',
      '* Second item',
      '1. Numbered item',
      '',
      '---',
      '',
      '[1]: https://example.com/ref',
    ].join('\n');
    expect(parsePastedText(md)).toEqual({
      title: 'North Korea may send 100,000 troops to Russia',
      paragraphs: [
        {
          text: 'A source in Russia’s defence sector said the figure of 100,000 troops was a sign that Moscow intends to fight in Ukraine for a long time.',
          kind: 'text',
        },
        { text: 'A worrying move', kind: 'heading' },
        { text: `${P3} KCNA said so.`, kind: 'quote' },
        { text: 'A second quoted paragraph.', kind: 'quote' },
        { text: 'First item continues here', kind: 'item' },
        { text: 'Second item', kind: 'item' },
        { text: 'Numbered item', kind: 'item' },
      ],
    });
  });

  test('Setext headings', () => {
    const md = 'The title\n=========\n\nA paragraph.\n\nA section\n---------\n\nMore text.';
    expect(parsePastedText(md)).toEqual({
      title: 'The title',
      paragraphs: [
        { text: 'A paragraph.', kind: 'text' },
        { text: 'A section', kind: 'heading' },
        { text: 'More text.', kind: 'text' },
      ],
    });
  });

  test('a web page copied as plain text: a title line, then one line per paragraph', () => {
    const plain = ['North Korea may send 100,000 troops to Russia', P1, P2, P3].join('\n');
    const parsed = parsePastedText(plain);
    expect(parsed.title).toBe('North Korea may send 100,000 troops to Russia');
    expect(texts(parsed.paragraphs)).toEqual([P1, P2, P3]);
  });

  test('paragraphs separated by blank lines, Windows line ends, no title', () => {
    const parsed = parsePastedText(`${P1}\r\n\r\n${P2}\r\n\r\n\r\n${P3}\r\n`);
    expect(parsed.title).toBeNull();
    expect(texts(parsed.paragraphs)).toEqual([P1, P2, P3]);
  });

  test('hard-wrapped text: lines rejoined, paragraphs end where the next word would have fitted', () => {
    const wrapped = [
      'Kim delivered a speech at a conference of battalion commanders and political',
      'instructors held in Pyongyang on 15 November.',
      'He said threats from the US and its allies, including South Korea, had pushed',
      'tensions to “the worst stage in history”.',
      '“He fervently called on all participants to make every effort to improve their',
      'ability to fight in a real war,” KCNA said.',
    ].join('\n');
    expect(texts(parsePastedText(wrapped).paragraphs)).toEqual([P1, P2, P3]);
  });

  test('hard-wrapped text whose sentence ends at a full line continues the paragraph', () => {
    const wrapped = [
      'The report came amid strong criticism from Ukraine and its supporters of the.',
      'Rapidly developing military cooperation between North Korea and Russia, which',
      'has alarmed Kyiv’s allies.',
      '',
      'Kim oversaw a test of suicide drones and ordered their mass production, citing',
      'growing competition worldwide to adopt such weapons.',
    ].join('\n');
    expect(texts(parsePastedText(wrapped).paragraphs)).toEqual([
      'The report came amid strong criticism from Ukraine and its supporters of the. Rapidly developing military cooperation between North Korea and Russia, which has alarmed Kyiv’s allies.',
      'Kim oversaw a test of suicide drones and ordered their mass production, citing growing competition worldwide to adopt such weapons.',
    ]);
  });

  test('a heading longer than the wrap width does not widen it', () => {
    const md = [
      '# Lạng Sơn, an important bridge for the development of Vietnamese e-commerce, says MOIT',
      '',
      'More than 228,000 farming households in the northern border province of',
      'Lạng Sơn have been trained in digital skills, and the share of farming',
      'households trained in digital skills has reached 93%, third in the country.',
      '',
      'The province now has nearly 21,000 products listed on the country’s',
      'Vietnamese e-commerce platforms, second among the provinces and cities.',
    ].join('\n');
    expect(texts(parsePastedText(md).paragraphs)).toEqual([
      'More than 228,000 farming households in the northern border province of Lạng Sơn have been trained in digital skills, and the share of farming households trained in digital skills has reached 93%, third in the country.',
      'The province now has nearly 21,000 products listed on the country’s Vietnamese e-commerce platforms, second among the provinces and cities.',
    ]);
  });

  test('a word hyphenated across a wrapped line is rejoined without a space', () => {
    const wrapped = [
      'North Korean leader Kim Jong-un greets soldiers during a visit to a training',
      'base. The leader Kim Jong-un has called on his country’s military to strengthen',
      'its fighting capabilities, South Korean President Yoon Suk-yeol and Kim Jong-',
      'un said nothing.',
    ].join('\n');
    expect(texts(parsePastedText(wrapped).paragraphs)).toEqual([
      'North Korean leader Kim Jong-un greets soldiers during a visit to a training base. The leader Kim Jong-un has called on his country’s military to strengthen its fighting capabilities, South Korean President Yoon Suk-yeol and Kim Jong-un said nothing.',
    ]);
  });

  test('a stray line break inside a sentence is joined even in unwrapped text', () => {
    const plain = `${P1}\nHe said threats from the US and its allies,\nincluding South Korea, had pushed tensions to “the worst stage in history”.`;
    expect(texts(parsePastedText(plain).paragraphs)).toEqual([P1, P2]);
  });

  test('site furniture stays, as paragraphs of its own', () => {
    const plain = ['Advertisement', P1, 'Read more: Kim oversees drone test', P2].join('\n\n');
    const parsed = parsePastedText(plain);
    expect(parsed.title).toBe('Advertisement');
    expect(texts(parsed.paragraphs)).toEqual([P1, 'Read more: Kim oversees drone test', P2]);
  });

  test('a single paragraph is not taken for a title; a first line ending in a full stop is not one', () => {
    expect(parsePastedText('A worrying move')).toEqual({
      title: null,
      paragraphs: [{ text: 'A worrying move', kind: 'text' }],
    });
    expect(parsePastedText(`${P1}\n\n${P2}`).title).toBeNull();
  });

  test('code fences are dropped, their text kept; empty input has nothing', () => {
    expect(texts(parsePastedText('Before.\n\n```\nquoted text\n```\n\nAfter.').paragraphs)).toEqual([
      'Before.',
      'quoted text',
      'After.',
    ]);
    expect(parsePastedText('')).toEqual({ title: null, paragraphs: [] });
    expect(parsePastedText(' \n\n \n')).toEqual({ title: null, paragraphs: [] });
  });
});
