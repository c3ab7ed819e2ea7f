import { describe, expect, it } from 'vitest';
import type { CorpusArticle } from './corpus-schema';
import { matchSyllables } from './shingles';
import { CLOSE_TITLE, MAX_TITLE_CHARS, TitleIndex, type TitleMatch } from './title-match';
import { seededRandom } from '@/tests/fixtures/seeded-random';

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

const matchTitle = (list: readonly CorpusArticle[], text: string) => new TitleIndex(list).match(text);

describe('TitleIndex.match', () => {
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

const scanned = new WeakMap<readonly CorpusArticle[], string[][]>();

/** The definition the index must answer to: every title compared with the block, in order. */
function scanTitles(list: readonly CorpusArticle[], text: string): TitleMatch | null {
  let titles = scanned.get(list);
  if (!titles) scanned.set(list, (titles = list.map((a) => matchSyllables(a.title.vi))));
  const lengths = list.map((a) => a.title.vi.length);
  if (text.length > MAX_TITLE_CHARS || text.length < Math.min(...lengths) / 2 || text.length > Math.max(...lengths) * 2)
    return null;
  const syls = matchSyllables(text);
  if (syls.length === 0) return null;
  let best: { id: string; score: number } | null = null;
  for (const [k, a] of list.entries()) {
    const title = titles[k]!;
    if (title.join(' ') === syls.join(' ')) return { articleId: a.id, exact: true };
    if (title.length < 4 || 2 * Math.min(title.length, syls.length) < CLOSE_TITLE * (title.length + syls.length))
      continue;
    const left = [...title];
    let shared = 0;
    for (const s of syls) {
      const i = left.indexOf(s);
      if (i >= 0) {
        shared++;
        left.splice(i, 1);
      }
    }
    const score = (2 * shared) / (title.length + syls.length);
    if (score >= CLOSE_TITLE && (!best || score > best.score)) best = { id: a.id, score };
  }
  return best ? { articleId: best.id, exact: false } : null;
}

describe('TitleIndex at a reader’s scale', () => {
  // Titles from a small vocabulary, so that they share syllables, repeat them, and tie.
  const words = ['Nga', 'Triều', 'Tiên', 'hợp', 'tác', 'quân', 'sự', 'Hà', 'Nội', 'mở', 'tuyến', 'xe', 'buýt', 'điện'];
  const next = seededRandom(11);
  const phrase = (length: number) => Array.from({ length }, () => words[next(words.length)]!).join(' ');
  const list = Array.from({ length: 1_200 }, (_, k) => article(`a${k}`, phrase(2 + next(14))));
  const index = new TitleIndex(list);
  /** A title with a few syllables changed, dropped or added: close, or not quite. */
  const edited = (vi: string) => {
    const syls = vi.split(' ');
    for (let e = next(4); e > 0; e--) {
      const at = next(syls.length);
      const kind = next(3);
      if (kind === 0) syls[at] = words[next(words.length)]!;
      else if (kind === 1 && syls.length > 1) syls.splice(at, 1);
      else syls.splice(at, 0, words[next(words.length)]!);
    }
    return syls.join(' ');
  };
  const blocks = [
    ...list.slice(0, 300).map((a) => a.title.vi),
    ...list.slice(300, 1_200).map((a) => edited(a.title.vi)),
    // Up to twice the longest title: the longest blocks are too long for every title.
    ...Array.from({ length: 300 }, () => phrase(1 + next(30))),
  ];

  it('answers every block as comparing every title would, exact, close and none alike', () => {
    const answers = blocks.map((b) => index.match(b));
    expect(answers).toEqual(blocks.map((b) => scanTitles(list, b)));
    // The cases are all there, close ones that are not the edited title's own included.
    expect(answers.filter((a) => a?.exact).length).toBeGreaterThan(300);
    expect(answers.filter((a) => a && !a.exact).length).toBeGreaterThan(200);
    expect(answers.filter((a) => a === null).length).toBeGreaterThan(50);
  });

  it('finds a close title at the edge of the length condition, whatever the block’s other syllables', () => {
    // 27 syllables of a title inside a block of 50: F1 = 54 / 77, just over 0.7, with the fewest
    // shared syllables a close title can have (0.538 of the block's). The other 23 are in no
    // title, so they are the block's rarest.
    const title = Array.from({ length: 27 }, (_, k) => `tiêu${k}`).join(' ');
    const block = `${title} ${Array.from({ length: 23 }, (_, k) => `khác${k}`).join(' ')}`;
    const edge = [article('edge', title), article('other', 'Hà Nội mở thêm ba tuyến xe buýt điện')];
    expect(new TitleIndex(edge).match(block)).toEqual({ articleId: 'edge', exact: false });
    expect(scanTitles(edge, block)).toEqual({ articleId: 'edge', exact: false });
    // One syllable more and no title is close enough in length: at best F1 = 54 / 78 < 0.7.
    expect(new TitleIndex(edge).match(`${block} thêm`)).toBeNull();
    expect(scanTitles(edge, `${block} thêm`)).toBeNull();
  });

  it('a tie found past the first list still goes to the first title in article order', () => {
    // The block's rarest syllable (hai) finds t1 first (8/9); t0 is first met on the next list,
    // where it can still share 4 of the 4 syllables left: 8/9 again, and it comes first.
    const tie = [article('t0', 'một ba bốn năm'), article('t1', 'hai ba bốn năm'), article('t2', 'một sáu bảy tám')];
    const block = 'một hai ba bốn năm';
    expect(new TitleIndex(tie).match(block)).toEqual({ articleId: 't0', exact: false });
    expect(scanTitles(tie, block)).toEqual({ articleId: 't0', exact: false });
  });

  it('a block too short for every title that can be close is close to none', () => {
    const ten = Array.from({ length: 10 }, (_, k) => `tiêu${k}`);
    const list = [article('t', ten.join(' ')), article('short', 'Lạng Sơn')];
    // Six of the title's ten syllables: F1 = 12 / 16. Five: the lengths are too far apart.
    for (const [n, expected] of [
      [6, { articleId: 't', exact: false }],
      [5, null],
    ] as const) {
      const block = ten.slice(0, n).join(' ');
      expect(new TitleIndex(list).match(block)).toEqual(expected);
      expect(scanTitles(list, block)).toEqual(expected);
    }
    // Titles too short to be close at all: only an exact match.
    const short = [article('short', 'Lạng Sơn')];
    expect(new TitleIndex(short).match('Lạng Sơn mới')).toBeNull();
    expect(scanTitles(short, 'Lạng Sơn mới')).toBeNull();
    expect(new TitleIndex(short).match('lạng sơn')).toEqual({ articleId: 'short', exact: true });
  });

  it('titles added one by one, then cut back, answer as that list does', () => {
    const grown = new TitleIndex(list.slice(0, 10));
    for (const a of list.slice(10)) grown.add(a.id, a.title.vi);
    expect(blocks.slice(0, 400).map((b) => grown.match(b))).toEqual(blocks.slice(0, 400).map((b) => index.match(b)));
    grown.truncate(50);
    const first50 = list.slice(0, 50);
    expect(grown.size).toBe(50);
    expect(blocks.map((b) => grown.match(b))).toEqual(blocks.map((b) => scanTitles(first50, b)));
  });
});
