import { describe, expect, test } from 'vitest';
import { GlossaryMatcher, type MatchableEntry } from './glossary-match';
import { normalize, normalizeText, toSourceRange } from './normalize';

const ENTRIES: (MatchableEntry & { id: string })[] = [
  { id: 'nga', vi: 'Nga', variants: ['Liên bang Nga'], proper: true, kind: 'country' },
  { id: 'my', vi: 'Mỹ', variants: ['Hoa Kỳ'], proper: true, kind: 'country' },
  { id: 'duc', vi: 'Đức', proper: true, kind: 'country' },
  { id: 'putin', vi: 'Putin', proper: true, kind: 'person' },
  { id: 'my-nu', vi: 'mỹ nữ', proper: false, kind: 'term' },
  { id: 'tham-my', vi: 'thẩm mỹ', proper: false },
  { id: 'han-quoc', vi: 'Hàn Quốc', proper: true },
  {
    id: 'trieu-tien',
    vi: 'Triều Tiên',
    variants: ['Bắc Triều Tiên', 'Cộng hòa Dân chủ Nhân dân Triều Tiên'],
    proper: true,
  },
  { id: 'ban-dao', vi: 'bán đảo Triều Tiên', proper: true },
  { id: 'bqp', vi: 'Bộ Quốc phòng', proper: true },
  { id: 'bqp-nga', vi: 'Bộ Quốc phòng Nga', proper: true },
  { id: 'kim', vi: 'Kim Jong-un', proper: true },
  { id: 'lee', vi: 'Jean H. Lee', proper: true },
  { id: 'tllđđ', vi: 'tên lửa đạn đạo', proper: false },
  { id: 'tllđđlld', vi: 'tên lửa đạn đạo liên lục địa', proper: false },
  { id: 'kremlin', vi: 'Điện Kremlin', proper: true },
  { id: 'hoa-binh', vi: 'hòa bình', proper: false },
  { id: 'chau-au', vi: 'châu Âu', proper: true },
];

const matcher = new GlossaryMatcher(ENTRIES);

/** The terms found in `text`, as "matched text → entry id". */
function found(text: string): string[] {
  const n = normalize(text);
  return matcher.match(n.text).map((m) => {
    const [s, e] = toSourceRange(n, m.start, m.end);
    return `${text.slice(s, e)} → ${ENTRIES[m.entry]!.id}`;
  });
}

describe('glossary matching', () => {
  test.each([
    // Longest match first, by syllable.
    ['Bộ Quốc phòng Nga cho biết', ['Bộ Quốc phòng Nga → bqp-nga']],
    ['Bộ Quốc phòng Hàn Quốc cho biết', ['Bộ Quốc phòng → bqp', 'Hàn Quốc → han-quoc']],
    ['Cộng hòa Dân chủ Nhân dân Triều Tiên', ['Cộng hòa Dân chủ Nhân dân Triều Tiên → trieu-tien']],
    ['tên lửa đạn đạo liên lục địa mới', ['tên lửa đạn đạo liên lục địa → tllđđlld']],
    ['tên lửa đạn đạo tầm ngắn', ['tên lửa đạn đạo → tllđđ']],
    ['căng thẳng trên bán đảo Triều Tiên', ['bán đảo Triều Tiên → ban-dao']],
    // Diacritics matter.
    ['Nga và Ukraine', ['Nga → nga']],
    ['ngã ba đường', []],
    ['Ngã ba đường', []],
    ['ngà voi', []],
    ['Ngà voi', []],
    ['Ngay lập tức', []],
    ['NGAY LẬP TỨC', []],
    ['Hàn Quốc', ['Hàn Quốc → han-quoc']],
    ['liên minh Mỹ-Nhật-Hàn', ['Mỹ → my']],
    ['Hán Quốc', []],
    // Proper nouns: Title Case and ALL CAPS, never lower-case common words.
    ['NGA TRIỂN KHAI QUÂN', ['NGA → nga']],
    ['TRIỀU TIÊN VÀ HÀN QUỐC', ['TRIỀU TIÊN → trieu-tien', 'HÀN QUỐC → han-quoc']],
    ['nga', []],
    ['thiên nga trắng', []],
    ['ngành thẩm mỹ viện', ['thẩm mỹ → tham-my']],
    ['THẨM MỸ VIỆN', ['THẨM MỸ → tham-my']],
    ['Thẩm mỹ là ngành', ['Thẩm mỹ → tham-my']],
    ['đẹp mỹ miều', []],
    ['châu Âu và Châu Âu', ['châu Âu → chau-au', 'Châu Âu → chau-au']],
    // Names of more than one syllable match in any case: the press writes điện Kremlin.
    ['châu âu', ['châu âu → chau-au']],
    ['điện kremlin', ['điện kremlin → kremlin']],
    // Common words match in any case.
    ['Hòa bình là mục tiêu', ['Hòa bình → hoa-binh']],
    ['HÒA BÌNH', ['HÒA BÌNH → hoa-binh']],
    // Normalisation-insensitive.
    ['Trie\u0302\u0300u Tie\u0302n', ['Trie\u0302\u0300u Tie\u0302n → trieu-tien']],
    ['hoà bình', ['hoà bình → hoa-binh']],
    ['ho\u0300a bi\u0300nh', ['ho\u0300a bi\u0300nh → hoa-binh']],
    ['\u00d0iện Kremlin', ['\u00d0iện Kremlin → kremlin']],
    ['Triều\u00a0Tiên', ['Triều\u00a0Tiên → trieu-tien']],
    ['Triều\u200b Tiên', ['Triều\u200b Tiên → trieu-tien']],
    // Spaces and hyphens are alike; other punctuation breaks a term.
    ['Kim Jong Un', ['Kim Jong Un → kim']],
    ['Kim Jong-un', ['Kim Jong-un → kim']],
    ['Jean H. Lee', ['Jean H. Lee → lee']],
    ['Triều. Tiên', []],
    ['Triều, Tiên', []],
    ['Bắc Triều Tiên', ['Bắc Triều Tiên → trieu-tien']],
    // Nothing inside a longer syllable or a word with digits.
    ['Nga1 và NgaX', []],
    ['(Nga)', ['Nga → nga']],
    ['“Mỹ”', ['Mỹ → my']],
    // One-syllable country names are also given names.
    ['ông Nguyễn Minh Đức cho biết', []],
    ['bà Lê Thị Nga', []],
    ['chị Nga nói', []],
    ['Bóng đá Đức và Tổng thống Nga', ['Đức → duc', 'Nga → nga']],
    ['Tổng thống Mỹ Joe Biden', ['Mỹ → my']],
    ['NGUYỄN MINH ĐỨC', ['ĐỨC → duc']],
    ['ông Putin', ['Putin → putin']],
    ['Nga - Triều Tiên', ['Nga → nga', 'Triều Tiên → trieu-tien']],
    ['Mỹ nữ và công nghệ', ['Mỹ nữ → my-nu']],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test('matches are left to right and never overlap', () => {
    const text = normalizeText('Nga, Mỹ, Hàn Quốc và Triều Tiên; Bộ Quốc phòng Nga và hòa bình ở châu Âu.');
    const ms = matcher.match(text);
    expect(ms.map((m) => ENTRIES[m.entry]!.id)).toEqual([
      'nga',
      'my',
      'han-quoc',
      'trieu-tien',
      'bqp-nga',
      'hoa-binh',
      'chau-au',
    ]);
    for (let i = 1; i < ms.length; i++) expect(ms[i]!.start).toBeGreaterThanOrEqual(ms[i - 1]!.end);
  });

  test('an empty glossary finds nothing', () => {
    expect(new GlossaryMatcher([]).match('Nga')).toEqual([]);
  });
});
