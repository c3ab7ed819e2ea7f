/**
 * The URL a highlight belongs to: the page itself, without what varies between visits of the same
 * article (fragments, tracking parameters, default ports, case in scheme and host).
 */

/** Query parameters that only track where a visit came from. */
const TRACKING = [
  /^utm_/i,
  /^(fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|vero_id|oly_anon_id|oly_enc_id|spm|scm|ref_src|ref_url|share_source|fb_source|fb_action_ids|fb_action_types)$/i,
  // Zalo and Vietnamese news-site sharing parameters.
  /^(zarsrc|gidzl|zacc|zalo_source|vn_source|vn_medium|vn_campaign|vn_term|vn_content)$/i,
];

const isTracking = (name: string) => TRACKING.some((re) => re.test(name));

/** Normalises a page URL; returns the input unchanged when it is not an http(s) URL. */
export function normalizePageUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return input;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return input;
  url.hash = '';
  const kept = [...url.searchParams].filter(([name]) => !isTracking(name));
  url.search = '';
  for (const [name, value] of kept) url.searchParams.append(name, value);
  // URL already lower-cases the scheme and host and drops default ports.
  return url.href.replace(/\?$/, '');
}

/**
 * The extension's reader page showing one article (`chrome-extension://<id>/reader.html?article=<article-id>`,
 * `moz-extension://…` in Firefox): a page whose highlights are kept like a web page's, under this
 * stable address.
 */
export const READER_PAGE_URL = /^(?:chrome|moz)-extension:\/\/[a-z0-9-]+\/reader\.html\?article=[a-z0-9-]{1,120}$/;

/** A page highlights may belong to: an http(s) page, or the reader page of one article. */
export const HIGHLIGHT_PAGE_URL =
  /^(?:https?:\/\/[^\s]+|(?:chrome|moz)-extension:\/\/[a-z0-9-]+\/reader\.html\?article=[a-z0-9-]{1,120})$/;
