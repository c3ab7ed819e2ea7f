import { describe, expect, test } from 'vitest';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { SAMPLE_CARDS, SAMPLE_WORDS } from '@/tests/fixtures/words-sample';
import { formatWait, reviewItemOf, splitSentence } from './review-face';

const NOW = Date.UTC(2026, 0, 5, 9, 0);

describe('what the review page shows of a card', () => {
  test('a word card: the headword in one of its sentences, with its sense and Hán', () => {
    const item = reviewItemOf(SAMPLE_CARDS[0]!, SAMPLE_WORDS[0], undefined, NOW)!;
    expect(item.vi).toBe('binh sĩ');
    expect(item.face).toMatchObject({
      kind: 'word',
      direction: 'forward',
      headword: 'binh sĩ',
      sense: SAMPLE_WORDS[0]!.sense,
    });
    // Three reviews: the sentences take turns.
    expect(item.face.kind === 'word' && item.face.context).toEqual(SAMPLE_WORDS[0]!.contexts[0]);
    expect(item.nextDue[1]).toBeLessThan(item.nextDue[4]);
    expect(item.readAt).toBe(NOW);
  });

  test('a highlight card: the quote in its context, the paragraph’s English and the note', () => {
    const h = SAMPLE_HIGHLIGHTS[0]!;
    const card = { ...SAMPLE_CARDS[3]!, ref: h.id, id: `highlight:${h.id}` };
    const item = reviewItemOf(card, undefined, h, NOW)!;
    expect(item.vi).toBe(h.quote.exact);
    expect(item.face).toEqual({
      kind: 'highlight',
      quote: h.quote,
      english: 'Moscow and Pyongyang have not yet commented on the report.',
      note: h.note,
      title: h.title,
      url: h.url,
      terms: h.corpus!.terms,
    });
  });

  test('a card whose word or highlight is gone shows nothing', () => {
    expect(reviewItemOf(SAMPLE_CARDS[0]!, undefined, undefined, NOW)).toBeNull();
    expect(reviewItemOf(SAMPLE_CARDS[3]!, SAMPLE_WORDS[0], undefined, NOW)).toBeNull();
  });

  test('the sentence cut around the word', () => {
    expect(splitSentence({ sentence: 'Có hơn 10.000 binh sĩ ở Nga.', start: 14, end: 21 })).toEqual({
      before: 'Có hơn 10.000 ',
      word: 'binh sĩ',
      after: ' ở Nga.',
    });
  });

  test.each([
    [20_000, '< 1 min'],
    [60_000, '1 min'],
    [10 * 60_000, '10 min'],
    [5 * 3_600_000, '5 h'],
    [3 * 86_400_000, '3 d'],
    [70 * 86_400_000, '2 mo'],
    [500 * 86_400_000, '1.4 y'],
  ])('a wait of %i ms reads %s', (ms, text) => {
    expect(formatWait(ms)).toBe(text);
  });
});
