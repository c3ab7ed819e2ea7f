import { describe, expect, test } from 'vitest';
import { sampleLexicon } from '../tests/fixtures/lexicon-sample';
import { collectPageWords } from './page-words';

const lexicon = sampleLexicon();

describe('the distinct words of a page', () => {
  test('each word once, by its headword, whatever its case at the start of a sentence', () => {
    const words = collectPageWords(lexicon, ['Học sinh đã học.', 'Các học sinh đang học pháp luật.']);
    expect([...words].sort()).toEqual(['học', 'học sinh', 'pháp luật', 'đang', 'đã'].sort());
  });

  test('syllables the lexicon does not know, and numbers, are not words', () => {
    expect([...collectPageWords(lexicon, ['Xyzw 100.000 quân sự'])]).toEqual(['quân sự']);
  });

  test('the same text in decomposed Unicode reads the same; words add up across calls', () => {
    const into = collectPageWords(lexicon, ['hợp tác xã hội'.normalize('NFD')]);
    collectPageWords(lexicon, ['xã hội và hòa bình'], into);
    expect([...into].sort()).toEqual(['hòa bình', 'hợp tác', 'và', 'xã hội'].sort());
  });

  test('names keep the glossary’s spelling', () => {
    expect([...collectPageWords(lexicon, ['người Mỹ và Nga'])]).toEqual(expect.arrayContaining(['Nga']));
  });
});
