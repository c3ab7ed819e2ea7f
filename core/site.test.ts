import { expect, test } from 'vitest';
import {
  isNewsSiteHost,
  isNewsSiteUrl,
  isSwitchedOff,
  originMatchPattern,
  originOfRegistration,
  originOfUrl,
  originsMatching,
  originsOfPatterns,
  registrationId,
  siteAccess,
  siteOfHost,
  siteOfUrl,
  withEntry,
  withoutEntry,
} from './site';

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

test.each([
  ['https://Example.org/a/b?c#d', 'https://example.org'],
  ['http://example.org:8080/x', 'http://example.org:8080'],
  ['https://xn--bcher-kva.example/', 'https://xn--bcher-kva.example'],
  ['https://bücher.example/', 'https://xn--bcher-kva.example'],
  ['https://[::1]/', null],
  ['ftp://example.org/', null],
  ['chrome-extension://abc/reader.html', null],
  ['about:blank', null],
  ['nonsense', null],
])('originOfUrl(%s) = %s', (url, origin) => expect(originOfUrl(url)).toBe(origin));

test.each([
  ['https://example.org', 'https://example.org/*'],
  ['http://example.org:8080', 'http://example.org/*'],
])('originMatchPattern(%s) = %s', (origin, pattern) => expect(originMatchPattern(origin)).toBe(pattern));

test.each([
  [['https://example.org/*'], ['https://example.org']],
  [
    ['HTTP://Example.org/*', 'https://a.vn/'],
    ['http://example.org', 'https://a.vn'],
  ],
  [['https://*/*', '<all_urls>', 'https://a.vn/path/*'], []],
])('originsOfPatterns(%j) = %j', (patterns, origins) => expect(originsOfPatterns(patterns)).toEqual(origins));

test('originsMatching finds the added origins a revocation covers, ports aside', () => {
  const added = ['https://a.vn', 'http://a.vn', 'https://b.vn:8443', 'https://c.vn'];
  expect(originsMatching(added, ['https://a.vn/*', 'https://b.vn/*'])).toEqual(['https://a.vn', 'https://b.vn:8443']);
  expect(originsMatching(added, [])).toEqual([]);
});

test('withEntry keeps one sorted copy; withoutEntry drops it', () => {
  expect(withEntry(['https://b.vn'], 'https://a.vn')).toEqual(['https://a.vn', 'https://b.vn']);
  expect(withEntry(['https://a.vn'], 'https://a.vn')).toEqual(['https://a.vn']);
  expect(withoutEntry(['https://a.vn', 'https://b.vn'], 'https://a.vn')).toEqual(['https://b.vn']);
  expect(withoutEntry(['https://b.vn'], 'https://a.vn')).toEqual(['https://b.vn']);
});

test.each([
  ['https://example.org', 'site:https://example.org', 'https://example.org'],
  ['http://a.vn:81', 'site:http://a.vn:81', 'http://a.vn:81'],
])('registrationId(%s) round-trips', (origin, id, back) => {
  expect(registrationId(origin)).toBe(id);
  expect(originOfRegistration(id)).toBe(back);
});

test.each(['content', 'site:', 'site:javascript:alert(1)', 'site:https://a.vn/path'])(
  'originOfRegistration(%s) is null',
  (id) => expect(originOfRegistration(id)).toBeNull(),
);

const lists = { added: ['https://example.org'], never: ['vnexpress.net'] };
test.each([
  ['https://dantri.com.vn/a.htm', 'default'],
  ['https://m.dantri.com.vn/a.htm', 'default'],
  ['https://vnexpress.net/a.html', 'never'],
  ['https://e.vnexpress.net/a.html', 'never'],
  ['http://dantri.com.vn/a.htm', 'none'],
  ['https://example.org/story', 'added'],
  ['http://example.org/story', 'addable'],
  ['https://news.example.org/story', 'addable'],
  ['https://other.vn/', 'addable'],
  ['chrome://extensions/', 'none'],
  ['chrome-extension://abc/library.html', 'none'],
  ['file:///tmp/a.html', 'none'],
  ['', 'none'],
])('siteAccess(%s) = %s', (url, access) => expect(siteAccess(url, lists)).toBe(access));

test.each([
  ['vnexpress.net', true],
  ['e.vnexpress.net', true],
  ['dantri.com.vn', false],
  ['vnexpress.net.example.org', false],
  ['example.org', false],
])('isSwitchedOff(%s) = %s', (host, off) => expect(isSwitchedOff(host, lists.never)).toBe(off));
