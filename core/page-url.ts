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
