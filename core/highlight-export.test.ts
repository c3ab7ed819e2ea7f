import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '@/scripts/lib/paths';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { formatLocalDateTime, groupByPage, toAnkiTsv, toCsv, toJson, toMarkdown } from './highlight-export';
import { DEFAULT_COLOUR_MEANINGS } from './highlight-record';
import { parseImport } from './highlight-import';

const GOLDEN = join(REPO_ROOT, 'tests/fixtures/golden');
const NOW = new Date(Date.UTC(2026, 10, 23, 12, 0));

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('export formats, against golden files', () => {
  test('JSON', () => golden('export.json', toJson(SAMPLE_HIGHLIGHTS, NOW)));
  test('Markdown', () => golden('export.md', toMarkdown(SAMPLE_HIGHLIGHTS)));
  test('CSV', () => golden('export.csv', toCsv(SAMPLE_HIGHLIGHTS)));
  test('Anki TSV', () => golden('export.tsv', toAnkiTsv(SAMPLE_HIGHLIGHTS)));
});

describe('export properties', () => {
  test('JSON re-imports to exactly the same highlights', () => {
    const back = parseImport(toJson(SAMPLE_HIGHLIGHTS, NOW), NOW.getTime());
    expect(back).toEqual({ ok: true, highlights: SAMPLE_HIGHLIGHTS });
  });

  test('CSV guards against formula injection and quotes embedded commas, quotes and line breaks', () => {
    const csv = toCsv(SAMPLE_HIGHLIGHTS);
    expect(csv).toContain(`"'=HYPERLINK(""x"") is not a formula here\nsecond line"`);
    expect(csv).toContain('"Standard ""no comment"" line, with a comma."');
    expect(csv.startsWith('\ufeffid,url,')).toBe(true);
  });

  test('Markdown groups by page with links, and escapes page text', () => {
    const out = toMarkdown([
      ...SAMPLE_HIGHLIGHTS,
      {
        ...SAMPLE_HIGHLIGHTS[2]!,
        id: 'h_0004dddd',
        quote: { ...SAMPLE_HIGHLIGHTS[2]!.quote, exact: '[click](javascript:alert(1)) <b>x</b>' },
      },
    ]);
    expect(out.match(/^## \[/gm)).toHaveLength(2);
    expect(out).toContain('(<https://dantri.com.vn/the-gioi/isw-linh-trieu-tien-20241114.htm>)');
    expect(out).toContain('\\[click\\](javascript:alert(1)) \\<b\\>x\\</b\\>');
  });

  test('Markdown encodes link targets, never links a non-http URL, and escapes tags and colour meanings', () => {
    const base = SAMPLE_HIGHLIGHTS[0]!;
    const out = toMarkdown(
      [
        { ...base, id: 'h_md000001', url: 'https://dantri.com.vn/a b>c\\d.htm', tags: ['[x](y)', '`code`'] },
        { ...base, id: 'h_md000002', url: 'javascript:alert(1)', title: 'Bad' },
      ],
      { ...DEFAULT_COLOUR_MEANINGS, [base.color]: '**bold** <i>' },
    );
    expect(out).toContain('(<https://dantri.com.vn/a%20b%3Ec%5Cd.htm>)');
    expect(out).not.toMatch(/\]\(<?javascript:/);
    expect(out).toContain('## Bad (javascript:alert(1))');
    expect(out).toContain('- Tags: `[x](y)` `` `code` ``');
    expect(out).toContain('\\*\\*bold\\*\\* \\<i\\>');
  });

  test('Anki cards hide the quote in its context and carry the English on the back', () => {
    const lines = toAnkiTsv(SAMPLE_HIGHLIGHTS).trim().split('\n');
    const card = lines.find((l) => l.includes('Bình Nhưỡng hiện chưa'))!.split('\t');
    expect(card[0]).toBe(
      'cuộc đàm phán tiềm năng nào. {{c1::Moscow và Bình Nhưỡng hiện chưa bình luận về thông tin này.}} Trước đó, Tổng thống Nga',
    );
    expect(card[1]).toContain('Moscow and Pyongyang have not yet commented on the report.');
    expect(card[2]).toBe('song-ngu diplomacy Bình_Nhưỡng');
    expect(lines.every((l) => !l.startsWith('#') || /^#(separator|html|notetype|tags column):/.test(l))).toBe(true);
  });
});

describe('dates and order in the popup', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  test.each([
    ['UTC', '14 November 2024, 08:05'],
    ['Asia/Ho_Chi_Minh', '14 November 2024, 15:05'],
    ['America/New_York', '14 November 2024, 03:05'],
    ['Pacific/Kiritimati', '14 November 2024, 22:05'],
    ['America/Los_Angeles', '14 November 2024, 00:05'],
  ])('a row’s time is the reader’s local time (%s)', (tz, expected) => {
    process.env.TZ = tz;
    expect(formatLocalDateTime(Date.UTC(2024, 10, 14, 8, 5))).toBe(expected);
  });

  test('the local date moves with the zone across midnight', () => {
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    expect(formatLocalDateTime(Date.UTC(2024, 11, 31, 20, 0))).toBe('1 January 2025, 03:00');
  });

  test('highlights saved in the same millisecond keep the one newest-first order: larger id first, by code unit', () => {
    const [a] = SAMPLE_HIGHLIGHTS;
    const same = ['h_B0000000', 'h_a0000000', 'h_A0000000'].map((id) => ({ ...a!, id }));
    expect(groupByPage(same)[0]!.items.map((h) => h.id)).toEqual(['h_a0000000', 'h_B0000000', 'h_A0000000']);
  });
});
