import { describe, expect, test } from 'vitest';
import { countOf, formatCount, noun, nounFor, NOUNS } from './plural';

describe('counts read as English', () => {
  test.each([
    [0, NOUNS.highlight, '0 highlights'],
    [1, NOUNS.highlight, '1 highlight'],
    [2, NOUNS.highlight, '2 highlights'],
    [1, NOUNS.term, '1 glossary term'],
    [167, NOUNS.term, '167 glossary terms'],
    [1, NOUNS.block, '1 block with English'],
    [21, NOUNS.block, '21 blocks with English'],
    [0, NOUNS.block, '0 blocks with English'],
    [1, NOUNS.paragraph, '1 paragraph'],
    [1, NOUNS.newHighlight, '1 new highlight'],
    [3, NOUNS.newHighlight, '3 new highlights'],
    [1000, NOUNS.highlight, '1,000 highlights'],
    [100000, NOUNS.highlight, '100,000 highlights'],
    [1.5, noun('hour'), '1.5 hours'],
    [1, noun('person', 'people'), '1 person'],
    [2, noun('person', 'people'), '2 people'],
  ])('%d → %j', (n, word, expected) => expect(countOf(n, word)).toBe(expected));

  test.each([
    [1, 'site'],
    [0, 'sites'],
    [23, 'sites'],
  ])('the noun alone for %d is %s', (n, expected) => expect(nounFor(n, NOUNS.site)).toBe(expected));

  test.each([
    [0, '0'],
    [999, '999'],
    [1234, '1,234'],
    [1234567, '1,234,567'],
  ])('%d is written %s', (n, expected) => expect(formatCount(n)).toBe(expected));
});
