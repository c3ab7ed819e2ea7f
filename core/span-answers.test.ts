/** The page's reading of the answers read ahead: by character, offsets in the node's text. */

import { describe, expect, test } from 'vitest';
import { spanAnswerAt } from './span-answers';

describe('spanAnswerAt', () => {
  const entries: { source: 'supplement'; entry: { vi: string } }[] = [
    { source: 'supplement', entry: { vi: 'a' } },
    { source: 'supplement', entry: { vi: 'b' } },
  ];
  const word = (entry: number) => [0, 3, 0, entry];
  const read = {
    entries,
    answers: [
      { start: 0, end: 3, words: [word(1)] },
      { start: -1, end: 2, words: [word(2)] },
      { start: 0, end: 1, words: [word(9)] },
    ],
  };
  // Syllables [2, 5) → answer 0, [6, 9) → answer 1, [10, 11) → answer 2 (its entry is missing).
  const spans = [2, 5, 0, 6, 9, 1, 10, 11, 2];
  const text = '  abc defghijk';
  test.each([
    [0, null],
    [
      2,
      {
        start: 2,
        end: 5,
        words: [{ start: 2, end: 5, text: 'abc', entries: [{ entry: { vi: 'a' }, caseFits: true }] }],
      },
    ],
    [
      4,
      {
        start: 2,
        end: 5,
        words: [{ start: 2, end: 5, text: 'abc', entries: [{ entry: { vi: 'a' }, caseFits: true }] }],
      },
    ],
    [5, null],
    [
      6,
      {
        start: 5,
        end: 8,
        words: [{ start: 6, end: 9, text: 'def', entries: [{ entry: { vi: 'b' }, caseFits: false }] }],
      },
    ],
    [
      8,
      {
        start: 5,
        end: 8,
        words: [{ start: 6, end: 9, text: 'def', entries: [{ entry: { vi: 'b' }, caseFits: false }] }],
      },
    ],
    [9, null],
    [10, null],
    [40, null],
  ])('character %i → %j', (offset, expected) => {
    const got = spanAnswerAt(read, spans, text, offset);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toMatchObject(expected);
  });

  test('no spans, or an answer index out of range: nothing', () => {
    expect(spanAnswerAt(read, [], text, 0)).toBeNull();
    expect(spanAnswerAt(read, [0, 3, 7], text, 1)).toBeNull();
  });
});
