import { describe, expect, it } from 'vitest';
import { paragraphSentencePairs } from './corpus-format';
import {
  alignedEnglish,
  englishSentencesCovering,
  linkSentences,
  pairAtEnglish,
  sentenceAt,
  type ParagraphSentences,
} from './sentence-link';

const VI =
  'Bản đồ chiến sự Nga - Ukraine tại vùng Kursk của Nga ngày 13/11. Trong đó, biên giới hai nước màu đen, khu vực gạch chéo xanh là nơi lực lượng Kiev đang nắm giữ. Moscow chiếm lại khu vực màu đỏ và các vùng màu vàng là nơi họ đang phản công (Ảnh: ISW).';
const EN =
  'A map of the Russia–Ukraine fighting in Russia’s Kursk region on 13 November. The border between the two countries is shown in black, and the blue-hatched area is held by Kyiv’s forces. Moscow has retaken the area in red, and the yellow areas are where it is counterattacking (Photo: ISW).';
const VI_SENTENCES = [
  'Bản đồ chiến sự Nga - Ukraine tại vùng Kursk của Nga ngày 13/11.',
  'Trong đó, biên giới hai nước màu đen, khu vực gạch chéo xanh là nơi lực lượng Kiev đang nắm giữ.',
  'Moscow chiếm lại khu vực màu đỏ và các vùng màu vàng là nơi họ đang phản công (Ảnh: ISW).',
];
const EN_SENTENCES = [
  'A map of the Russia–Ukraine fighting in Russia’s Kursk region on 13 November.',
  'The border between the two countries is shown in black, and the blue-hatched area is held by Kyiv’s forces.',
  'Moscow has retaken the area in red, and the yellow areas are where it is counterattacking (Photo: ISW).',
];
const OTHER_VI = 'Ông Kim đã có bài phát biểu tại Bình Nhưỡng. Ông kêu gọi xây dựng sức mạnh quân sự.';
const OTHER_EN = 'Kim gave a speech in Pyongyang. He called for building up military strength.';

const paragraph = (key: string, vi: string, en: string): ParagraphSentences => ({
  key,
  vi,
  en,
  sentences: paragraphSentencePairs(vi, en),
});
const map = paragraph('isw:10', VI, EN);
const kim = paragraph('kim:3', OTHER_VI, OTHER_EN);

/** The block text of each linked sentence, with its English. */
const linked = (text: string, paragraphs: ParagraphSentences[]) =>
  linkSentences(text, paragraphs).map((s) => [text.slice(s.start, s.end), s.english]);

describe('linkSentences', () => {
  it('finds each sentence of a whole paragraph, with its English', () => {
    expect(linked(VI, [map])).toEqual(VI_SENTENCES.map((v, i) => [v, EN_SENTENCES[i]]));
  });

  it.each([
    ['decomposed Unicode', VI.normalize('NFD')],
    ['no-break spaces and doubled spaces', VI.replace(/ /g, (_, i: number) => (i % 3 ? ' ' : '\u00a0 '))],
    ['Ð for Đ', VI.replace(/Đ/g, 'Ð')],
  ])('finds them in a re-typed paragraph: %s', (_, text) => {
    const found = linkSentences(text, [map]);
    expect(found.map((s) => s.pair)).toEqual([0, 1, 2]);
    // Offsets are in the page's text as given: each span ends at a full stop of it.
    for (const s of found) expect(text.slice(s.end - 1, s.end)).toBe('.');
  });

  it('links only the sentences a part of a split paragraph holds', () => {
    const part = `${VI_SENTENCES[1]} ${VI_SENTENCES[2]}`;
    expect(linked(part, [map]).map(([, en]) => en)).toEqual(EN_SENTENCES.slice(1));
  });

  it('links two paragraphs merged in one block, in order', () => {
    const merged = `${OTHER_VI} ${VI}`;
    expect(linkSentences(merged, [kim, map]).map((s) => `${s.key}#${s.pair}`)).toEqual([
      'kim:3#0',
      'kim:3#1',
      'isw:10#0',
      'isw:10#1',
      'isw:10#2',
    ]);
  });

  it('skips a sentence the page reworded rather than guessing', () => {
    const reworded = VI.replace('màu đen', 'màu xám');
    expect(linkSentences(reworded, [map]).map((s) => s.pair)).toEqual([0, 2]);
  });
});

describe('alignedEnglish', () => {
  const sentences = linkSentences(VI, [map]);
  const at = (s: string) => VI.indexOf(s);
  it.each([
    ['a word inside the second sentence', at('hai nước'), at('hai nước') + 8, EN_SENTENCES[1]],
    ['a range across the first two', at('13/11'), at('biên giới'), `${EN_SENTENCES[0]} ${EN_SENTENCES[1]}`],
    ['the whole paragraph', 0, VI.length, EN_SENTENCES.join(' ')],
    ['a caret in the last sentence', at('Moscow'), at('Moscow'), EN_SENTENCES[2]],
    ['a range ending where a sentence starts', 0, at('Trong đó'), EN_SENTENCES[0]],
  ])('%s', (_, start, end, expected) => {
    expect(alignedEnglish(sentences, start, end)).toBe(expected);
  });

  it('is empty outside any linked sentence', () => {
    expect(alignedEnglish(sentences, VI.length, VI.length)).toBe('');
    expect(alignedEnglish([], 0, 10)).toBe('');
  });
});

describe('sentenceAt and pairAtEnglish', () => {
  it('finds the sentence under an offset, and the pair under an English offset', () => {
    const sentences = linkSentences(VI, [map]);
    expect(sentenceAt(sentences, VI.indexOf('Kiev'))?.pair).toBe(1);
    expect(sentenceAt(sentences, VI.indexOf('Trong đó') - 1)).toBeUndefined();
    expect(pairAtEnglish(map.sentences, EN.indexOf('Kyiv'))).toBe(1);
    expect(pairAtEnglish(map.sentences, EN.length)).toBe(-1);
  });
});

describe('englishSentencesCovering', () => {
  it.each([
    ['a word', EN.indexOf('black'), EN.indexOf('black') + 5, EN_SENTENCES[1]],
    ['across two sentences', EN.indexOf('November'), EN.indexOf('border'), EN_SENTENCES.slice(0, 2).join(' ')],
  ])('%s', (_, start, end, expected) => {
    expect(englishSentencesCovering(map, start, end)).toBe(expected);
  });
});
