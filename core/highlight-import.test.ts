import { describe, expect, test } from 'vitest';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { toJson } from './highlight-export';
import type { HighlightRecord } from './highlight-record';
import { parseImport, planMerge, rederive } from './highlight-import';

const NOW = Date.UTC(2026, 10, 23, 12, 0);
const base = SAMPLE_HIGHLIGHTS[0]!;
const file = (highlights: unknown[]) => JSON.stringify({ format: 'song-ngu-highlights', version: 1, highlights });

describe('an import derives again what the extension derives itself', () => {
  test('the URL is normalised and the site recomputed from it', () => {
    const h = rederive(
      { ...base, url: 'https://m.dantri.com.vn/a.htm?utm_source=fb&id=2#comments', site: 'evil.example' },
      NOW,
    );
    expect(h.url).toBe('https://m.dantri.com.vn/a.htm?id=2');
    expect(h.site).toBe('dantri.com.vn');
  });

  test('times in the future are capped at now, and updatedAt never precedes createdAt', () => {
    const h = rederive({ ...base, createdAt: NOW + 1e9, updatedAt: NOW + 2e9 }, NOW);
    expect(h.createdAt).toBe(NOW);
    expect(h.updatedAt).toBe(NOW);
    const past = rederive({ ...base, createdAt: 1000, updatedAt: 2000 }, NOW);
    expect([past.createdAt, past.updatedAt]).toEqual([1000, 2000]);
  });

  test('tags are cleaned', () => {
    expect(rederive({ ...base, tags: ['#Đọc', 'đọc', '  two   words '] }, NOW).tags).toEqual(['Đọc', 'two words']);
  });

  test('a future-dated copy cannot win later merges', () => {
    const parsed = parseImport(file([{ ...base, updatedAt: NOW + 1e12, note: 'forged' }]), NOW);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const newer: HighlightRecord = { ...base, updatedAt: NOW + 5, note: 'edited later' };
    expect(planMerge(parsed.highlights, new Map([[base.id, newer]])).updated).toBe(0);
  });
});

describe('parseImport', () => {
  test('a javascript: URL is refused, whatever else the record says', () => {
    const parsed = parseImport(file([{ ...base, url: 'javascript:alert(1)' }]), NOW);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join('\n')).toMatch(/highlights\[0\]\.url: must be an http\(s\) URL/);
  });

  test('page titles with angle brackets are plain text, not refused', () => {
    const parsed = parseImport(file([{ ...base, title: 'A<B và C>D' }]), NOW);
    expect(parsed.ok && parsed.highlights[0]!.title).toBe('A<B và C>D');
  });

  test.each([
    ['not text', 42, /corpus\.englishSentence/],
    ['longer than a paragraph may be', 'x'.repeat(20_001), /corpus\.englishSentence/],
  ])('an aligned English sentence that is %s is refused', (_, englishSentence, message) => {
    const withSentence = SAMPLE_HIGHLIGHTS[2]!;
    const parsed = parseImport(file([{ ...withSentence, corpus: { ...withSentence.corpus, englishSentence } }]), NOW);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join('\n')).toMatch(message);
  });

  test('an export imports back as it was', () => {
    expect(parseImport(toJson(SAMPLE_HIGHLIGHTS, new Date(NOW)), NOW)).toEqual({
      ok: true,
      highlights: SAMPLE_HIGHLIGHTS,
    });
  });
});
