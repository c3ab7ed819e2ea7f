/** The extension's own pages the content script frames on the page. */

import { browser } from 'wxt/browser';

/**
 * The URL of an extension page with query parameters. In Chrome the pages framed on news pages
 * are web-accessible only through a URL that changes every session, which `runtime.getURL` gives
 * the content script, so pages cannot probe for the extension with a fixed one.
 */
export function extensionPageUrl(
  path: '/note-editor.html' | '/highlight-card.html',
  params: Record<string, string>,
): string {
  const base = (browser.runtime.getURL as (p: string) => string).call(browser.runtime, path);
  return `${base}?${new URLSearchParams(params).toString()}`;
}
