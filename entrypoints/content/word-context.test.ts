import { expect, test } from 'vitest';
import { WORD_LIMITS } from '@/core/saved-word';
import { CONTEXT_LIMITS } from './word-context';

test('the content script cuts a context to the sizes the background accepts', () => {
  expect(CONTEXT_LIMITS).toEqual({
    sentence: WORD_LIMITS.sentence,
    english: WORD_LIMITS.english,
    title: WORD_LIMITS.title,
  });
});
