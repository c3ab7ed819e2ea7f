import { describe, expect, test } from 'vitest';
import { validate } from '@/core/validate';
import { MAX_SPAN_CHARS, MAX_SPAN_TEXTS } from './message-limits';
import { MAX_LOOKUP_CHARS, PRIVILEGED, PROTOCOL_PARAMS } from './protocol';

describe('lookupWord params', () => {
  const check = (params: unknown) => validate(PROTOCOL_PARAMS.lookupWord, params).ok;

  test('a window of text and the hovered character in it', () => {
    expect(check({ text: 'hợp tác quân sự', offset: 4 })).toBe(true);
    expect(check({ text: 'x'.repeat(MAX_LOOKUP_CHARS), offset: MAX_LOOKUP_CHARS - 1 })).toBe(true);
  });

  test.each([
    ['a whole block instead of a window', { text: 'x'.repeat(MAX_LOOKUP_CHARS + 1), offset: 0 }],
    ['an offset past the text', { text: 'hợp tác', offset: 7 }],
    ['a negative offset', { text: 'hợp tác', offset: -1 }],
    ['a fractional offset', { text: 'hợp tác', offset: 1.5 }],
    ['no text', { text: '', offset: 0 }],
    ['a missing offset', { text: 'hợp tác' }],
    ['not an object', 'hợp tác'],
  ])('refuses %s', (_what, params) => {
    expect(check(params)).toBe(false);
  });

  test('content scripts may ask (it reads nothing of other pages); openAbout takes nothing', () => {
    expect(PRIVILEGED.has('lookupWord')).toBe(false);
    expect(validate(PROTOCOL_PARAMS.openAbout, {}).ok).toBe(true);
    expect(validate(PROTOCOL_PARAMS.openAbout, { url: 'https://example.com' }).ok).toBe(false);
  });
});

describe('lookupSpans params', () => {
  const check = (params: unknown) => validate(PROTOCOL_PARAMS.lookupSpans, params).ok;

  test('text nodes, up to the limits', () => {
    expect(check({ texts: ['hợp tác quân sự', 'Nga'] })).toBe(true);
    expect(check({ texts: ['x'.repeat(MAX_SPAN_CHARS)] })).toBe(true);
    expect(check({ texts: Array.from({ length: MAX_SPAN_TEXTS }, () => 'ab') })).toBe(true);
  });

  test.each([
    [
      'more characters in all than a message takes',
      { texts: ['x'.repeat(MAX_SPAN_CHARS / 2), 'x'.repeat(MAX_SPAN_CHARS / 2 + 1)] },
    ],
    ['one node longer than that', { texts: ['x'.repeat(MAX_SPAN_CHARS + 1)] }],
    ['too many nodes', { texts: Array.from({ length: MAX_SPAN_TEXTS + 1 }, () => 'a') }],
    ['an empty node', { texts: [''] }],
    ['a node that is not text', { texts: [3] }],
    ['no list', { texts: 'hợp tác' }],
  ])('refuses %s', (_what, params) => {
    expect(check(params)).toBe(false);
  });

  test('content scripts may ask: it reads only the text they send', () => {
    expect(PRIVILEGED.has('lookupSpans')).toBe(false);
  });
});
