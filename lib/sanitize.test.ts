// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { XSS_VECTORS } from '@/tests/fixtures/xss-vectors';
import { sanitizeToFragment, sanitizedText, setSanitizedContent } from './sanitize';

describe('sanitizeToFragment', () => {
  test('keeps inline formatting and ruby', () => {
    const f = sanitizeToFragment('<i>Hán</i> <ruby>朝<rt>triều</rt></ruby> <b lang="vi">Tiên</b>');
    const div = document.createElement('div');
    div.append(f);
    expect(div.querySelector('i')?.textContent).toBe('Hán');
    expect(div.querySelector('rt')?.textContent).toBe('triều');
    expect(div.querySelector('b')?.getAttribute('lang')).toBe('vi');
  });

  test.each(XSS_VECTORS)('neutralises %s', async (vector) => {
    const w = window as unknown as { __xss?: number };
    delete w.__xss;
    const div = document.createElement('div');
    document.body.append(div);
    setSanitizedContent(div, `note ${vector} end`);
    await vi.waitFor(() => new Promise((r) => setTimeout(r, 5)));
    expect(w.__xss).toBeUndefined();
    expect(div.querySelector('script, iframe, object, embed, svg, math, style, img, input, form, a')).toBeNull();
    for (const el of div.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) expect(['lang', 'title']).toContain(attr);
    }
    div.remove();
  });

  test('sanitizedText gives the visible text only', () => {
    expect(sanitizedText('<b>North</b> Korea<script>x()</script>')).toBe('North Korea');
  });
});
