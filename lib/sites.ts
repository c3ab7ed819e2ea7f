/**
 * Match patterns for the news sites the extension reads by default ({@link NEWS_SITES}, declared
 * with the notion of a site in core/site.ts). HTTPS only: every one of these sites serves its
 * articles over HTTPS, and a page fetched over plain HTTP could have been altered on the way, so
 * the content script has no business on it.
 */

// Relative, not '@/': wxt.config.ts imports this file before any alias exists.
import { NEWS_SITES } from '../core/site';

export { NEWS_SITES };

/** `https://*.host/*` matches the host itself and every subdomain. */
export const NEWS_SITE_MATCHES: string[] = NEWS_SITES.map((host) => `https://*.${host}/*`);
