import { describe, expect, it } from 'vitest';
import type { CorpusArticle } from './corpus-schema';
import { matchTitle, MAX_TITLE_CHARS } from './title-match';

const article = (id: string, vi: string): CorpusArticle =>
  ({ id, title: { vi, en: `${id} in English` }, source: {}, paragraphs: [] }) as unknown as CorpusArticle;

const articles = [
  article('tighten', 'Nga - Triều Tiên thắt chặt hợp tác quân sự'),
  article(
    'troops',
    'Triều Tiên có thể gửi 100.000 quân tới Nga, lãnh đạo Kim Jong-un yêu cầu quân đội "nỗ lực hết mình"',
  ),
  article('short', 'Lạng Sơn'),
];

describe('matchTitle', () => {
  it.each([
    ['the title as it is', 'Nga - Triều Tiên thắt chặt hợp tác quân sự', { articleId: 'tighten', exact: true }],
    [
      'other case, dash and spacing',
      'NGA – TRIỀU TIÊN  thắt chặt hợp tác quân sự',
      { articleId: 'tighten', exact: true },
    ],
    [
      'decomposed Unicode',
      'Nga - Triều Tiên thắt chặt hợp tác quân sự'.normalize('NFD'),
      { articleId: 'tighten', exact: true },
    ],
    [
      'a shortened headline is close',
      'Triều Tiên có thể gửi 100.000 quân tới Nga, Kim Jong-un yêu cầu quân đội "nỗ lực hết mình"',
      { articleId: 'troops', exact: false },
    ],
    ['a short title matches exactly', 'Lạng Sơn', { articleId: 'short', exact: true }],
  ])('%s', (_, text, expected) => {
    expect(matchTitle(articles, text)).toEqual(expected);
  });

  it.each([
    ['an unrelated headline', 'Mọi ngả đường về nhà thờ tắc nghẽn đêm Giáng sinh'],
    ['a short title inside a longer text', 'Lạng Sơn đón khách du lịch dịp Tết'],
    [
      'a paragraph that contains the title',
      `Nga - Triều Tiên thắt chặt hợp tác quân sự. ${'Thêm một câu nữa. '.repeat(5)}`,
    ],
    ['empty text', '   '],
    ['an overly long text', 'Nga - Triều Tiên thắt chặt hợp tác quân sự '.repeat(MAX_TITLE_CHARS / 20)],
  ])('no match: %s', (_, text) => {
    expect(matchTitle(articles, text)).toBeNull();
  });
});
