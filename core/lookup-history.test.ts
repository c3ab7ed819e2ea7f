import { describe, expect, test } from 'vitest';
import {
  countByHeadword,
  HISTORY_CAP,
  isRepeat,
  lookupDraftValidator,
  newLookup,
  overflow,
  REPEAT_WINDOW_MS,
} from './lookup-history';
import { validate } from './validate';

const NOW = Date.UTC(2026, 0, 5, 9, 0);
const draft = {
  headword: 'binh sĩ',
  sentence: 'Washington, Seoul và Kiev cho biết có hơn 10.000 binh sĩ Triều Tiên ở Nga.',
  url: 'https://vnexpress.net/a.html?utm_source=x',
  title: 'Triều Tiên có thể gửi 100.000 quân tới Nga',
};

describe('lookups', () => {
  test('a lookup as stored: the URL normalised, the headword keyed', () => {
    expect(newLookup({ ...draft, headword: 'binh  si\u0303' }, 'l_00000001', NOW)).toEqual({
      id: 'l_00000001',
      headword: 'binh sĩ',
      sentence: draft.sentence,
      url: 'https://vnexpress.net/a.html',
      title: draft.title,
      at: NOW,
    });
  });

  const last = newLookup(draft, 'l_00000001', NOW);
  test.each<[string, Partial<typeof draft>, number, boolean]>([
    ['the same word, sentence and page a minute later', {}, 60_000, true],
    ['the same, once the window has passed', {}, REPEAT_WINDOW_MS, false],
    ['another sentence', { sentence: 'Một câu khác có binh sĩ.' }, 1000, false],
    ['another page', { url: 'https://dantri.com.vn/b.htm' }, 1000, false],
    ['another word', { headword: 'Triều Tiên' }, 1000, false],
  ])('a repeat? %s', (_name, change, after, expected) => {
    expect(isRepeat(last, newLookup({ ...draft, ...change }, 'l_00000002', NOW + after))).toBe(expected);
  });

  test('no earlier lookup: not a repeat', () => {
    expect(isRepeat(undefined, last)).toBe(false);
  });

  test.each([
    [0, 0],
    [HISTORY_CAP, 0],
    [HISTORY_CAP + 1, 1],
    [HISTORY_CAP + 250, 250],
  ])('the cap: %i entries → drop the %i oldest', (count, drop) => {
    expect(overflow(count)).toBe(drop);
  });

  test('lookups counted per headword, most looked up first', () => {
    const entries = ['binh sĩ', 'hợp tác', 'binh sĩ', 'chỉ trích', 'binh sĩ', 'hợp tác'].map((headword) => ({
      headword,
    }));
    expect(countByHeadword(entries)).toEqual([
      ['binh sĩ', 3],
      ['hợp tác', 2],
      ['chỉ trích', 1],
    ]);
  });

  test('drafts from pages are validated', () => {
    expect(validate(lookupDraftValidator, draft).ok).toBe(true);
    const r = validate(lookupDraftValidator, { ...draft, url: 'file:///etc/passwd', at: 5 }, 'params');
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['params.url', 'params.at']);
  });
});
