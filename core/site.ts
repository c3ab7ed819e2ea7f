/**
 * What "a site" is, everywhere: the per-site reading mode, the popup's site filter and the `site`
 * stored on every highlight all use {@link siteOfHost}, so `m.dantri.com.vn` and `dantri.com.vn`
 * are one site wherever the reader meets them.
 */

/**
 * The Vietnamese news sites the extension reads by default: the one list the manifest's host
 * permissions, the content-script matches, the context menu and the test harness are built from.
 * Each host also covers its subdomains (m.dantri.com.vn, e.vnexpress.net…).
 */
export const NEWS_SITES = [
  'dantri.com.vn',
  'vnexpress.net',
  'baoquocte.vn',
  'vietnamfinance.vn',
  'tuoitre.vn',
  'thanhnien.vn',
  'vietnamnet.vn',
  'nld.com.vn',
  'znews.vn',
  'vtcnews.vn',
  'laodong.vn',
  'tienphong.vn',
  'baotintuc.vn',
  'qdnd.vn',
  'cand.com.vn',
  'vov.vn',
  'nhandan.vn',
  'vietnamplus.vn',
  'kenh14.vn',
  'cafef.vn',
  '24h.com.vn',
  'soha.vn',
  'baomoi.com',
] as const;

/** True when a hostname is one of the news sites or a subdomain of one. */
export function isNewsSiteHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return NEWS_SITES.some((site) => host === site || host.endsWith(`.${site}`));
}

/** Subdomains that only pick a flavour of the same site (mobile, AMP, www). */
const FLAVOUR_PREFIX = /^(?:www\d?|m|mobile|amp)\./;

/**
 * The site a hostname belongs to: the news site it falls under (m.dantri.com.vn → dantri.com.vn,
 * e.vnexpress.net → vnexpress.net), or else the hostname without a leading www., m., mobile. or
 * amp. label. Lower case, no trailing dot; '' for an empty host.
 */
export function siteOfHost(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const news = NEWS_SITES.find((site) => host === site || host.endsWith(`.${site}`));
  if (news) return news;
  // Keep at least two labels: "m.vn" is a site of its own, not the flavour of "vn".
  return host.split('.').length > 2 ? host.replace(FLAVOUR_PREFIX, '') : host;
}

/** The site of a page URL ('' when it is not a URL). */
export function siteOfUrl(url: string): string {
  try {
    return siteOfHost(new URL(url).hostname);
  } catch {
    return '';
  }
}

/**
 * True for a page the extension reads by default: an HTTPS page of one of the news sites (the
 * content script matches exactly these).
 */
export function isNewsSiteUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && isNewsSiteHost(u.hostname);
  } catch {
    return false;
  }
}

/**
 * The origin a page the reader may add belongs to (`https://example.com`), or null for anything
 * but an http(s) URL with a host. "Read this site" asks for exactly this origin.
 */
export function originOfUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const origin = u.origin.toLowerCase();
  // IPv6 literals and the like stay out: an origin must fit a plain match pattern.
  return ORIGIN_PATTERN.test(origin) ? origin : null;
}

/** An origin as stored: `http(s)://host[:port]`, lower case, nothing after the host. */
export const ORIGIN_PATTERN = /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/;

/** The match pattern that asks for one origin's pages and no others (`https://example.com/*`). */
export function originMatchPattern(origin: string): string {
  // Match patterns take no port; the permission covers the host on every port of its scheme.
  return `${origin.replace(/:\d+$/, '')}/*`;
}

/** The origins named by match patterns the browser reports (permissions.onRemoved): `https://a.vn/*` → `https://a.vn`. */
export function originsOfPatterns(patterns: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of patterns) {
    const m = /^(https?):\/\/([a-z0-9.-]+)\/\*?$/i.exec(p);
    if (m) out.push(`${m[1]!.toLowerCase()}://${m[2]!.toLowerCase()}`);
  }
  return out;
}

/** The origins of a list matching one of `patterns` (port aside, which match patterns ignore). */
export function originsMatching(origins: readonly string[], patterns: readonly string[]): string[] {
  const removed = new Set(originsOfPatterns(patterns));
  return origins.filter((o) => removed.has(o.replace(/:\d+$/, '')));
}

/** A sorted list of distinct entries with `entry` in it. */
export function withEntry(list: readonly string[], entry: string): string[] {
  return [...new Set([...list, entry])].sort();
}

/** The list without `entry`. */
export function withoutEntry(list: readonly string[], entry: string): string[] {
  return list.filter((e) => e !== entry);
}

/** The id of the content-script registration that reads one added origin. */
export function registrationId(origin: string): string {
  return `site:${origin}`;
}

/** The origin a registration id reads, or null when the id is not one of ours. */
export function originOfRegistration(id: string): string | null {
  const origin = id.startsWith('site:') ? id.slice(5) : '';
  return ORIGIN_PATTERN.test(origin) ? origin : null;
}

/**
 * What the extension does on a page, and so what the popup offers there:
 * - `default`: one of the news sites, read by default (the popup offers "Never on this site");
 * - `never`: one of the news sites the reader switched off ("Read this site again");
 * - `added`: a site the reader added (the options page removes it);
 * - `addable`: any other http(s) page ("Read this site");
 * - `none`: nothing can run there (not http(s), or a news site over plain HTTP).
 */
export type SiteAccess = 'default' | 'never' | 'added' | 'addable' | 'none';

export function siteAccess(
  url: string,
  lists: { readonly added: readonly string[]; readonly never: readonly string[] },
): SiteAccess {
  const origin = originOfUrl(url);
  if (!origin) return 'none';
  const host = new URL(origin).hostname;
  if (isNewsSiteHost(host)) {
    if (!origin.startsWith('https:')) return 'none';
    return lists.never.includes(siteOfHost(host)) ? 'never' : 'default';
  }
  return lists.added.includes(origin) ? 'added' : 'addable';
}

/** True when the content script should stand down on a page: a news site the reader switched off. */
export function isSwitchedOff(hostname: string, never: readonly string[]): boolean {
  return isNewsSiteHost(hostname) && never.includes(siteOfHost(hostname));
}
