import { describe, expect, test } from 'vitest';
import { loadArticles } from '@/scripts/lib/data-sources';
import { foreignNews } from '@/scripts/lib/matching-cases';
import { seededRandom } from '@/tests/fixtures/seeded-random';
import {
  fromSourceOffset,
  normalize,
  normalizeByPattern,
  normalizeLatin,
  normalizeText,
  toSourceRange,
  type NormalizedText,
} from './normalize';

const nfd = (s: string) => s.normalize('NFD');

/** Old (traditional) and new tone placement of the same syllable: they must meet. */
const PLACEMENT_PAIRS: [string, string][] = [
  ['hòa', 'hoà'],
  ['hóa', 'hoá'],
  ['hỏa', 'hoả'],
  ['hõa', 'hoã'],
  ['họa', 'hoạ'],
  ['khỏe', 'khoẻ'],
  ['khóe', 'khoé'],
  ['lòe', 'loè'],
  ['xòe', 'xoè'],
  ['lõe', 'loẽ'],
  ['thủy', 'thuỷ'],
  ['túy', 'tuý'],
  ['lũy', 'luỹ'],
  ['tụy', 'tuỵ'],
  ['thùy', 'thuỳ'],
  ['Hòa Bình', 'Hoà Bình'],
  ['THỦY', 'THUỶ'],
  ['HÒA', 'HOÀ'],
  ['Khỏe', 'Khoẻ'],
  ['hòa bình', 'hoà bình'],
  ['thỏa thuận', 'thoả thuận'],
  ['hóa học', 'hoá học'],
  ['quốc hòa', 'quốc hoà'],
  ['Thủy quân', 'Thuỷ quân'],
  ['khỏe mạnh', 'khoẻ mạnh'],
  ['lũy kế', 'luỹ kế'],
  ['họa sĩ', 'hoạ sĩ'],
  ['tòa án', 'toà án'],
  ['Tòa Bạch Ốc', 'Toà Bạch Ốc'],
  ['hủy bỏ', 'huỷ bỏ'],
  ['thúy', 'thuý'],
  ['xõa', 'xoã'],
  ['góa', 'goá'],
  ['khỏa', 'khoả'],
  ['chóe', 'choé'],
  ['hòe', 'hoè'],
  ['lụy', 'luỵ'],
  ['nhụy', 'nhuỵ'],
  ['trụy', 'truỵ'],
  ['suy thoái hóa', 'suy thoái hoá'],
];

/** Tones typed on the wrong letter, including where qu and gi are the onset. */
const SLOPPY_PLACEMENT: [string, string][] = [
  ['qúy', 'quý'],
  ['qùy', 'quỳ'],
  ['qủy', 'quỷ'],
  ['gìa', 'già'],
  ['gịa', 'giạ'],
  ['gíup', 'giúp'],
  ['hòang', 'hoàng'],
  ['tóan', 'toán'],
  ['thùân', 'thuần'],
  ['ngòai', 'ngoài'],
  ['nguỳên', 'nguyền'],
  ['ngừơi', 'người'],
  ['khủyu', 'khuỷu'],
  ['QÚY', 'QUÝ'],
  ['Qúy', 'Quý'],
  ['hoạch', 'hoạch'],
  ['khúyên', 'khuyến'],
  ['tuỳên', 'tuyền'],
  ['nhìêu', 'nhiều'],
  ['Trìêu Tiên', 'Triều Tiên'],
];

/** Already canonical: must come out unchanged. */
const UNCHANGED = [
  'quý',
  'già',
  'gìn',
  'giữ',
  'giường',
  'quốc',
  'quá',
  'của',
  'mùa',
  'người',
  'Nguyễn',
  'khuỷu',
  'ngoài',
  'hoàng',
  'Triều Tiên',
  'Bình Nhưỡng',
  'Điện Kremlin',
  'Hàn Quốc',
  'Mỹ',
  'thẩm mỹ',
  'Kim Jong-un',
  'Ukraine',
  'Zaporizhia',
  '10.000 binh sĩ',
  'ngày 13/11',
  'Volodymyr Zelensky',
  'xoong',
  'hoạch định',
  'khuya',
  'tuổi',
];

/** Pairs that must stay different after normalisation. */
const DISTINCT: [string, string][] = [
  ['hòa', 'hóa'],
  ['hòa', 'hỏa'],
  ['hòa', 'họa'],
  ['Triều', 'Triệu'],
  ['Nga', 'ngã'],
  ['Nga', 'ngà'],
  ['ngã', 'ngà'],
  ['Nga', 'Ngà'],
  ['ma', 'má'],
  ['má', 'mà'],
  ['mà', 'mả'],
  ['mả', 'mã'],
  ['mã', 'mạ'],
  ['quý', 'quỳ'],
  ['thủy', 'thùy'],
  ['Mỹ', 'My'],
  ['Hàn', 'Hán'],
  ['Tiên', 'Tiến'],
  ['Đà', 'Da'],
  ['đ', 'd'],
  ['ư', 'u'],
  ['ơ', 'o'],
  ['ă', 'â'],
  ['ê', 'e'],
  ['ô', 'o'],
  ['Bình', 'Binh'],
  ['khỏe', 'khóe'],
  ['già', 'giá'],
  ['quốc', 'quộc'],
  ['người', 'ngươi'],
  ['hòa', 'HÒA'],
  ['Nga', 'NGA'],
];

/** Typography folded to one form: [input, expected]. */
const TYPOGRAPHY: [string, string][] = [
  ['a\u00a0b', 'a b'],
  ['a\u202fb', 'a b'],
  ['a\u2009b', 'a b'],
  ['a\u3000b', 'a b'],
  ['a \u00a0 b', 'a b'],
  ['a\n\tb', 'a b'],
  ['a\r\nb', 'a b'],
  ['a\u2028b', 'a b'],
  ['Triều\u200bTiên', 'TriềuTiên'],
  ['Triều\u200b Tiên', 'Triều Tiên'],
  ['Bình\u00adNhưỡng', 'BìnhNhưỡng'],
  ['\ufeffNga', 'Nga'],
  ['N\u200dga', 'Nga'],
  ['N\u200cga', 'Nga'],
  ['Nga\u2060', 'Nga'],
  ['\u200eKursk\u200f', 'Kursk'],
  ['“hòa bình”', '"hòa bình"'],
  ['„x‟', '"x"'],
  ['«x»', '"x"'],
  ['‘gọi tên’', "'gọi tên'"],
  ['‚x‛', "'x'"],
  ['Nga – Ukraine', 'Nga - Ukraine'],
  ['Nga — Ukraine', 'Nga - Ukraine'],
  ['Nga‐Ukraine', 'Nga-Ukraine'],
  ['Nga‑Ukraine', 'Nga-Ukraine'],
  ['Nga−Ukraine', 'Nga-Ukraine'],
  ['2023―2024', '2023-2024'],
  ['tài khoản…', 'tài khoản...'],
  ['Ðà Nẵng', 'Đà Nẵng'],
  ['ðiện', 'điện'],
  ['ÐIỆN KREMLIN', 'ĐIỆN KREMLIN'],
  ['Ɖà', 'Đà'],
  ['ɖà', 'đà'],
];

describe('normalize: tone placement', () => {
  test.each(PLACEMENT_PAIRS)('%s = %s', (oldStyle, newStyle) => {
    expect(normalizeText(newStyle)).toBe(normalizeText(oldStyle));
    expect(normalizeText(oldStyle)).toBe(oldStyle);
  });

  test.each(SLOPPY_PLACEMENT)('%s → %s', (sloppy, canonical) => {
    expect(normalizeText(sloppy)).toBe(canonical);
  });

  test.each(UNCHANGED)('%s stays as it is', (text) => {
    expect(normalizeText(text)).toBe(text);
  });
});

describe('normalize: NFD input', () => {
  const words = [...PLACEMENT_PAIRS.flat(), ...UNCHANGED, 'Ngoại trưởng Nga Sergey Lavrov', 'Thứ trưởng Quốc phòng'];
  test.each(words)('NFD %s', (word) => {
    expect(normalizeText(nfd(word))).toBe(normalizeText(word));
  });

  test('NFD with the tone before the modifier (dot below sorts first)', () => {
    expect(normalizeText('o\u0323\u0302')).toBe('ộ');
    expect(normalizeText('o\u0302\u0323')).toBe('ộ');
  });

  test('deprecated combining tone marks U+0340/U+0341', () => {
    expect(normalizeText('ho\u0340a')).toBe('hòa');
    expect(normalizeText('Vie\u0302\u0341t')).toBe('Việt'.replace('ệ', 'ế'));
  });
});

describe('normalize: typography', () => {
  test.each(TYPOGRAPHY)('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('normalize: keeps apart what differs', () => {
  test.each(DISTINCT)('%s ≠ %s', (a, b) => {
    expect(normalizeText(a)).not.toBe(normalizeText(b));
    expect(normalizeText(nfd(a))).not.toBe(normalizeText(b));
  });
});

describe('normalize: leaves non-Vietnamese words alone', () => {
  test.each([
    ['naïve', 'naïve'],
    ['Müller', 'Müller'],
    ['Zürich', 'Zürich'],
    ['朝鮮', '朝鮮'],
    ['조선', '조선'],
    ['Москва', 'Москва'],
    ['résumé', 'résumé'],
    ['ÀÁ', 'ÀÁ'],
    ['😀 x', '😀 x'],
  ])('%s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
    expect(normalizeText(nfd(input))).toBe(expected.normalize('NFC'));
  });
});

describe('normalize: offsets map back to the input', () => {
  const cases: [string, string][] = [
    // [input, a substring of the normalised text whose source we look for]
    ['Quân đội Trie\u0302\u0300u Tie\u0302n đã tới Kursk', 'Kursk'],
    ['Quân đội Trie\u0302\u0300u Tie\u0302n đã tới Kursk', 'Triều Tiên'],
    ['Ông\u00a0\u00a0Kim  Jong-un', 'Kim Jong-un'],
    ['Bình\u200b Nhưỡng, “hoà bình”', 'hòa bình'],
    ['Thứ nhất,\u00adviệc…Ðiện Kremlin', 'Điện Kremlin'],
    ['\ufeff\ufeffNga', 'Nga'],
    ['Tiến công – Ukraine', '- Ukraine'],
  ];

  test.each(cases)('%j: %j', (input, needle) => {
    const n = normalize(input);
    const at = n.text.indexOf(needle);
    expect(at).toBeGreaterThanOrEqual(0);
    const [s, e] = toSourceRange(n, at, at + needle.length);
    expect(normalizeText(input.slice(s, e))).toBe(needle);
    // The source range is tight: no removed or collapsed characters on either side.
    expect(input.slice(s, e)).toBe(input.slice(s, e).trim());
  });

  test('maps every unit, and ellipsis units share one source character', () => {
    const input = 'a… b';
    const n = normalize(input);
    expect(n.text).toBe('a... b');
    expect(Array.from(n.starts)).toEqual([0, 1, 1, 1, 2, 3]);
    expect(Array.from(n.ends)).toEqual([1, 2, 2, 2, 3, 4]);
  });

  test('a collapsed space run maps to the whole run', () => {
    const input = 'a \u00a0\n b';
    const n = normalize(input);
    expect(n.text).toBe('a b');
    expect(toSourceRange(n, 1, 2)).toEqual([1, 5]);
  });

  test('NFD clusters map to their whole source cluster', () => {
    const input = nfd('Việt');
    const n = normalize(input);
    expect(n.text).toBe('Việt');
    expect(toSourceRange(n, 1, 2)).toEqual([1, 2]);
    expect(toSourceRange(n, 2, 3)).toEqual([2, 5]);
    expect(toSourceRange(n, 0, 4)).toEqual([0, input.length]);
  });

  test('empty ranges and the end of the text', () => {
    const n = normalize('\u200bab');
    expect(toSourceRange(n, 0, 0)).toEqual([1, 1]);
    expect(toSourceRange(n, 2, 2)).toEqual([3, 3]);
    expect(() => toSourceRange(n, 1, 3)).toThrow(RangeError);
  });

  test('an astral letter maps both its halves to its whole pair', () => {
    // Mathematical bold A and B: letters outside the Basic Multilingual Plane.
    const n = normalize('x \u{1d400}\u{1d401}');
    expect(n.text).toBe('x \u{1d400}\u{1d401}');
    expect([...n.starts]).toEqual([0, 1, 2, 2, 4, 4]);
    expect([...n.ends]).toEqual([1, 2, 4, 4, 6, 6]);
  });

  test('fromSourceOffset is the inverse for unit starts', () => {
    const input = 'Ho\u0300a \u00a0 bi\u0300nh';
    const n = normalize(input);
    for (let i = 0; i < n.text.length; i++) {
      expect(fromSourceOffset(n, n.starts[i]!)).toBe(i);
    }
    expect(fromSourceOffset(n, input.length)).toBe(n.text.length);
  });

  test('normalize and normalizeText agree', () => {
    const input = nfd('Tổng thống Nga – “hoà bình”…\u00a0Ðà Nẵng');
    expect(normalize(input).text).toBe(normalizeText(input));
  });
});

describe('normalize: the fast path for Latin-script text', () => {
  const plain = (n: NormalizedText) => ({
    text: n.text,
    starts: [...n.starts],
    ends: [...n.ends],
    length: n.sourceLength,
  });
  /** The fast path's answer where it gives one, which must be the full path's; whether it gave one. */
  const agrees = (input: string): boolean => {
    const fast = normalizeLatin(input);
    if (fast) {
      expect(plain(fast), JSON.stringify(input)).toEqual(plain(normalizeByPattern(input)));
      expect(normalizeText(input)).toBe(fast.text);
    }
    return fast !== null;
  };

  test('gives the same text and map as the full path on real news and the corpus, and nearly always answers', () => {
    const texts = [...foreignNews(), ...loadArticles().flatMap((a) => [a.title.vi, ...a.paragraphs.map((p) => p.vi)])];
    expect(texts.filter(agrees).length / texts.length).toBeGreaterThan(0.95);
  });

  test('typography, spaces, removed characters and look-alikes, as the full path writes them', () => {
    for (const input of [
      'Hoà bình “Nga”\u00a0–\u2009Triều…Tiên',
      'a\u200bb\u00adc  \t\n d',
      'Ðà Nẵng, ðường `x´ «y» ‐‑‒—―',
      '  lead and trail  ',
      '100.000 quân ¹²³ ½ × ÷ § ©',
      '',
    ])
      expect(agrees(input), JSON.stringify(input)).toBe(true);
  });

  test('a text longer than the map it keeps between calls, and a short one after it', () => {
    const long = foreignNews().join(' \u2026 ');
    expect(long.length).toBeGreaterThan(70_000);
    expect(agrees(long)).toBe(true);
    expect(agrees('Hoà bình')).toBe(true);
  });

  test('leaves to the full path marks, other scripts and astral characters', () => {
    for (const input of ['Ha\u0300 Nội', 'Москва', '朝鮮', 'vui 😀', 'ɖường', 'ª']) {
      expect(normalizeLatin(input), input).toBeNull();
      expect(plain(normalize(input))).toEqual(plain(normalizeByPattern(input)));
    }
  });

  test('every character of the Basic Multilingual Plane, alone, in a word, between spaces and doubled', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const input of [ch, `ho${ch}a`, ` ${ch} `, `${ch}${ch}x`]) agrees(input);
    }
  });

  test('random mixtures of what it handles', () => {
    const alphabet = [...'aAzZđĐðÐơƠưạẠếỄoòóỏõọ019.,  -–—“”‘’…`´«»\u00a0\u200b\u00ad\u2009\t\n!?%/()×'];
    const next = seededRandom(3);
    for (let k = 0; k < 5_000; k++) {
      const input = Array.from({ length: 1 + next(30) }, () => alphabet[next(alphabet.length)]).join('');
      expect(agrees(input), JSON.stringify(input)).toBe(true);
    }
  });
});
