/** Anchors on real corpus sentences: what a Vietnamese text and its English both contain. */

import { describe, expect, test } from 'vitest';
import { anchorUnits, type Lexicon } from './align-anchors';

/** How many anchor occurrences the Vietnamese and the English text share. */
function shared(vi: string, en: string, lexicon?: Lexicon): number {
  const { source, target } = anchorUnits([vi], [en], lexicon);
  const counts = new Map<number, number>();
  for (const id of source[0]!.anchors) counts.set(id, (counts.get(id) ?? 0) + 1);
  let n = 0;
  for (const id of target[0]!.anchors) {
    if ((counts.get(id) ?? 0) > 0) {
      counts.set(id, counts.get(id)! - 1);
      n++;
    }
  }
  return n;
}

describe('numbers', () => {
  test.each([
    [
      'thousands and a date',
      'Hơn 10.000 binh sĩ quân đội Triều Tiên, theo cuộc họp báo vào ngày 12/11',
      'more than 10,000 North Korean troops, at a press briefing on 12 November',
      3,
    ],
    [
      'a month and a year',
      'Hiệp ước Đối tác chiến lược toàn diện ký tháng 6/2024.',
      'the treaty signed in June 2024.',
      2,
    ],
    ['a percentage and a decimal', 'đạt 93%, tăng 81,9 lần', 'reached 93%, up 81.9 times', 2],
    ['a day and a month in words', 'ngày 5 tháng 11 năm 2025', 'on 5 November 2025', 3],
    ['a small number as an English word', 'trong 2 tuần qua', 'over the past two weeks', 1],
    ['a different number is not shared', 'khoảng 15.000 quân', 'some 50,000 troops', 0],
  ])('%s', (_name, vi, en, count) => {
    expect(shared(vi, en)).toBe(count);
  });
});

describe('Latin-script words', () => {
  test('foreign names and acronyms the Vietnamese writes as the English does', () => {
    expect(
      shared(
        'ông Jean H. Lee, một thành viên cấp cao tại Trung tâm Wilson, chia sẻ với The Guardian',
        'Jean H. Lee, a senior fellow at the Wilson Center, told The Guardian',
      ),
    ).toBe(5); // Jean, Lee, Wilson, The, Guardian
    // G20 is both a word and the number 20.
    expect(shared('theo KCNA và ISW, nhóm G20', 'according to KCNA, the ISW and the G20')).toBe(4);
  });

  test('not parts of Vietnamese words, lower-case words or single letters', () => {
    // "Nguy" of Nguyễn, "H" of H., "drone" in lower case.
    expect(shared('Nguyễn H. drone', 'Nguy H drone')).toBe(0);
  });

  test('case matters: a Vietnamese word is not an English one', () => {
    expect(shared('Nga và Mỹ', 'nga')).toBe(0);
  });
});

describe('quotations', () => {
  test('each quoted span on both sides', () => {
    const vi = 'đã đẩy căng thẳng lên "giai đoạn tồi tệ nhất trong lịch sử", và gọi là "điểm nóng lớn nhất thế giới".';
    const en = 'had pushed tensions to “the worst stage in history”, and called it “the world’s biggest hotspot”.';
    expect(shared(vi, en)).toBe(2);
    expect(shared('không có trích dẫn', en)).toBe(0);
  });
});

describe('lexicon terms', () => {
  const lexicon: Lexicon = (vi) => {
    const out: string[][] = [];
    for (const m of vi.matchAll(/Bình Nhưỡng|Triều Tiên|Điện Kremlin|Bộ Quốc phòng/g)) {
      out.push(
        {
          'Bình Nhưỡng': ['Pyongyang'],
          'Triều Tiên': ['North Korea', 'North Korean', 'DPRK'],
          'Điện Kremlin': ['the Kremlin'],
          'Bộ Quốc phòng': ['Defence Ministry', 'Ministry of Defence', 'Defense Ministry'],
        }[m[0]]!,
      );
    }
    return out;
  };

  test('any English form, in any case, whole words only', () => {
    expect(shared('Bình Nhưỡng và Triều Tiên', 'PYONGYANG and the North Korean army', lexicon)).toBe(2);
    expect(shared('Triều Tiên', 'Pyongyangs of North Koreans', lexicon)).toBe(0);
    // The term, and Kremlin as a Latin-script word.
    expect(shared('Điện Kremlin', 'The Kremlin’s reply', lexicon)).toBe(2);
  });

  test('each occurrence is matched once', () => {
    expect(shared('Triều Tiên, Triều Tiên', 'North Korea', lexicon)).toBe(1);
    expect(shared('Triều Tiên', 'North Korea and North Korea', lexicon)).toBe(1);
  });

  test('multi-word forms, typography folded', () => {
    expect(shared('Bộ Quốc phòng', 'the Ministry  of Defence said', lexicon)).toBe(1);
  });
});

describe('weights', () => {
  test('an anchor found in fewer English units weighs more', () => {
    const vi = ['100.000 quân, Triều Tiên', 'Triều Tiên'];
    const en = ['100,000 troops, North Korea', 'North Korea', 'North Korea again'];
    const lexicon: Lexicon = (t) => [...t.matchAll(/Triều Tiên/g)].map(() => ['North Korea']);
    const { source, weights } = anchorUnits(vi, en, lexicon);
    const [number, term] = source[0]!.anchors;
    expect(weights[number!]).toBeGreaterThan(weights[term!]!);
    expect(weights[number!]).toBeCloseTo(Math.log(1 + 3 / 1));
    expect(weights[term!]).toBeCloseTo(Math.log(1 + 3 / 3));
  });
});
