import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '@/scripts/lib/paths';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { toAnkiTsv, toCsv, toJson, toMarkdown } from './highlight-export';
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
    const back = parseImport(toJson(SAMPLE_HIGHLIGHTS, NOW));
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
