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
