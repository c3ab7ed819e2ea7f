import { describe, expect, test } from 'vitest';
import { normalizePageUrl } from './page-url';

describe('normalizePageUrl', () => {
  test.each([
    ['https://dantri.com.vn/the-gioi/a.htm#comments', 'https://dantri.com.vn/the-gioi/a.htm'],
    ['https://dantri.com.vn/a.htm?utm_source=fb&utm_medium=social', 'https://dantri.com.vn/a.htm'],
    ['https://vnexpress.net/a.html?fbclid=IwAR0x&page=2', 'https://vnexpress.net/a.html?page=2'],
    ['https://vnexpress.net/a.html?gclid=1&msclkid=2&zarsrc=30&gidzl=abc', 'https://vnexpress.net/a.html'],
    ['HTTPS://VnExpress.NET:443/a.html', 'https://vnexpress.net/a.html'],
    ['http://tuoitre.vn:80/a.htm?', 'http://tuoitre.vn/a.htm'],
    ['https://tuoitre.vn/a.htm?id=1&utm_campaign=x&b=2', 'https://tuoitre.vn/a.htm?id=1&b=2'],
    ['https://tuoitre.vn/a%20b.htm', 'https://tuoitre.vn/a%20b.htm'],
    ['https://tuoitre.vn/a.htm?q=Tri%E1%BB%81u+Ti%C3%AAn', 'https://tuoitre.vn/a.htm?q=Tri%E1%BB%81u+Ti%C3%AAn'],
    ['https://tuoitre.vn/a.htm?UTM_Source=x', 'https://tuoitre.vn/a.htm'],
    ['https://tuoitre.vn/a.htm?utmx=keep', 'https://tuoitre.vn/a.htm?utmx=keep'],
    ['not a url', 'not a url'],
    ['chrome-extension://abc/popup.html#x', 'chrome-extension://abc/popup.html#x'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePageUrl(input)).toBe(expected);
  });

  test('is idempotent', () => {
    const once = normalizePageUrl('https://Dantri.com.vn/a.htm?x=1&utm_id=2#top');
    expect(normalizePageUrl(once)).toBe(once);
  });
});
