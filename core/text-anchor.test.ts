import { describe as group, expect, test } from 'vitest';
import { anchor, describe } from './text-anchor';

const PAGE =
  'Viện Nghiên cứu Chiến tranh (ISW) có trụ sở tại Mỹ đưa tin, quân đội Triều Tiên đã tham gia vào các hoạt động chiến đấu ở Nga. ' +
  'Moscow và Bình Nhưỡng hiện chưa bình luận về thông tin này. ' +
  'Trước đó, Tổng thống Nga Vladimir Putin và Chủ tịch Triều Tiên Kim Jong-un đã phê chuẩn Hiệp ước Đối tác Chiến lược Toàn diện. ' +
  'Hiệp ước nêu rõ, hai nước nên hỗ trợ quân sự nếu một trong hai bên rơi vào tình trạng chiến tranh.';

function select(text: string, quote: string, n = 0) {
  let at = -1;
  for (let k = 0; k <= n; k++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`no ${quote}`);
  return describe(text, at, at + quote.length);
}

const anchored = (text: string, s: ReturnType<typeof select>) => {
  const r = anchor(text, s.quote, s.position);
  return r ? { text: text.slice(r.start, r.end), method: r.method, start: r.start } : null;
};

group('describe', () => {
  test('stores the exact text with about 32 characters of context and its position', () => {
    const s = select(PAGE, 'Bình Nhưỡng');
    expect(s.quote.exact).toBe('Bình Nhưỡng');
    expect(s.quote.prefix).toHaveLength(32);
    expect(s.quote.prefix.endsWith('Moscow và ')).toBe(true);
    expect(s.quote.suffix.startsWith(' hiện chưa')).toBe(true);
    expect(PAGE.slice(s.position.start, s.position.end)).toBe('Bình Nhưỡng');
  });
});

group('anchor', () => {
  test('exact, on the unchanged page', () => {
    expect(anchored(PAGE, select(PAGE, 'hai nước nên hỗ trợ quân sự'))).toMatchObject({
      text: 'hai nước nên hỗ trợ quân sự',
      method: 'exact',
    });
  });

  test('the right one of several identical quotes, by context', () => {
    const s = select(PAGE, 'Triều Tiên', 1);
    const r = anchored(PAGE, s)!;
    expect(r.start).toBe(s.position.start);
    // Even when the page shifted, the context picks the second occurrence.
    const shifted = `Tin mới. ${PAGE}`;
    expect(anchored(shifted, s)!.start).toBe(s.position.start + 'Tin mới. '.length);
  });

  test('shifted: text added before the quote', () => {
    const s = select(PAGE, 'Moscow và Bình Nhưỡng hiện chưa bình luận');
    const page = `Cập nhật lúc 10:00. Một đoạn mới được chèn vào đầu bài. ${PAGE}`;
    expect(anchored(page, s)).toMatchObject({ text: 'Moscow và Bình Nhưỡng hiện chưa bình luận', method: 'exact' });
  });

  test('normalised: the page now uses NFD, new tone placement and no-break spaces', () => {
    const s = select(PAGE, 'Hiệp ước Đối tác Chiến lược Toàn diện');
    const page = PAGE.normalize('NFD').replace(/ /g, '\u00a0');
    const r = anchored(page, s)!;
    expect(r.method).toBe('normalized');
    expect(r.text.normalize('NFC').replace(/\u00a0/g, ' ')).toBe('Hiệp ước Đối tác Chiến lược Toàn diện');
  });

  test('edited: a word changed inside the quote', () => {
    const s = select(PAGE, 'Moscow và Bình Nhưỡng hiện chưa bình luận về thông tin này');
    const page = PAGE.replace('hiện chưa bình luận', 'vẫn chưa bình luận');
    const r = anchored(page, s)!;
    expect(r.method).toBe('fuzzy');
    expect(r.text).toBe('Moscow và Bình Nhưỡng vẫn chưa bình luận về thông tin này');
  });

  test('edited: the words around the quote changed', () => {
    const s = select(PAGE, 'Tổng thống Nga Vladimir Putin');
    const page = PAGE.replace('Trước đó,', 'Hồi tháng trước,').replace('và Chủ tịch', 'cùng Chủ tịch');
    expect(anchored(page, s)).toMatchObject({ text: 'Tổng thống Nga Vladimir Putin', method: 'exact' });
  });

  test('missing: a quote that is gone is an orphan, not a guess', () => {
    const s = select(PAGE, 'Moscow và Bình Nhưỡng hiện chưa bình luận về thông tin này.');
    const page = PAGE.replace('Moscow và Bình Nhưỡng hiện chưa bình luận về thông tin này. ', '');
    expect(anchored(page, s)).toBeNull();
  });

  test('missing: heavy rewording is an orphan', () => {
    const s = select(PAGE, 'hai nước nên hỗ trợ quân sự nếu một trong hai bên rơi vào tình trạng chiến tranh');
    const page = PAGE.replace(
      'hai nước nên hỗ trợ quân sự nếu một trong hai bên rơi vào tình trạng chiến tranh',
      'mỗi bên cam kết giúp đỡ bên kia khi bị tấn công vũ trang',
    );
    expect(anchored(page, s)).toBeNull();
  });

  test('a short quote with one edit and no supporting context is an orphan', () => {
    const s = select(PAGE, 'Kim Jong-un');
    expect(anchored('Hôm nay Kim Jong-ui phát biểu.', s)).toBeNull();
  });

  test('position: used when the exact text is gone but the same characters still read as it', () => {
    const s = select(PAGE, 'Bình Nhưỡng');
    const page = PAGE.replace('Bình Nhưỡng', 'Bi\u0300nh Nhưỡng'.normalize('NFD'));
    const r = anchor(page, s.quote, s.position)!;
    expect(['position', 'normalized']).toContain(r.method);
    expect(page.slice(r.start, r.end).normalize('NFC')).toBe('Bình Nhưỡng');
  });

  test('an empty quote never anchors', () => {
    expect(anchor(PAGE, { exact: '', prefix: '', suffix: '' })).toBeNull();
  });
});
