/**
 * The Vietnamese news sites the content script runs on: the one list the manifest's
 * host permissions, the content-script matches and the context menu are all built from.
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

/**
 * Match patterns for {@link NEWS_SITES}. In a match pattern `*://` means http and https,
 * and a `*.` host matches the domain itself as well as every subdomain.
 */
export const NEWS_SITE_MATCHES: string[] = NEWS_SITES.map((host) => `*://*.${host}/*`);

/** True when `hostname` is one of the news sites or a subdomain of one. */
export function isNewsSiteHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return NEWS_SITES.some((site) => host === site || host.endsWith(`.${site}`));
}

/**
 * The site a page belongs to, for per-site settings: the news site a hostname falls under
 * (e.vnexpress.net → vnexpress.net), or the hostname itself elsewhere.
 */
export function siteOf(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return NEWS_SITES.find((site) => host === site || host.endsWith(`.${site}`)) ?? host.replace(/^www\./, '');
}
