import { expect, test } from 'vitest';
import { isNewsSiteHost, isNewsSiteUrl, siteOfHost, siteOfUrl } from './site';

test.each([
  ['dantri.com.vn', 'dantri.com.vn'],
  ['m.dantri.com.vn', 'dantri.com.vn'],
  ['WWW.Dantri.com.vn.', 'dantri.com.vn'],
  ['e.vnexpress.net', 'vnexpress.net'],
  ['amp.24h.com.vn', '24h.com.vn'],
  ['www.example.org', 'example.org'],
  ['m.example.org', 'example.org'],
  ['mobile.news.example.org', 'news.example.org'],
  ['m.vn', 'm.vn'],
  ['news.example.org', 'news.example.org'],
  ['notdantri.com.vn', 'notdantri.com.vn'],
  ['', ''],
])('siteOfHost(%s) = %s', (host, site) => expect(siteOfHost(host)).toBe(site));

test.each([
  ['https://www.24h.com.vn/a.html', '24h.com.vn'],
  ['https://m.dantri.com.vn/the-gioi/a.htm', 'dantri.com.vn'],
  ['nonsense', ''],
])('siteOfUrl(%s) = %s', (url, site) => expect(siteOfUrl(url)).toBe(site));

test.each([
  ['https://dantri.com.vn/a.htm', true],
  ['https://m.dantri.com.vn/a.htm', true],
  ['http://dantri.com.vn/a.htm', false],
  ['https://example.org/', false],
  ['chrome-extension://abc/popup.html', false],
  ['chrome://newtab/', false],
  ['about:blank', false],
  ['', false],
])('isNewsSiteUrl(%s) = %s', (url, expected) => expect(isNewsSiteUrl(url)).toBe(expected));

test.each([
  ['dantri.com.vn', true],
  ['M.DANTRI.COM.VN.', true],
  ['notdantri.com.vn', false],
  ['dantri.com.vn.evil.org', false],
  ['example.org', false],
])('isNewsSiteHost(%s) = %s', (host, expected) => expect(isNewsSiteHost(host)).toBe(expected));
