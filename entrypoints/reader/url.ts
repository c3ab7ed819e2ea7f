/** The extension's reader page showing a bundled article (`reader.html?article=<id>`). */
export function readerPath(articleId: string): string {
  return `/reader.html?article=${encodeURIComponent(articleId)}`;
}

/** The article id a reader page URL's query asks for, or null. */
export function articleIdFromQuery(search: string): string | null {
  const id = new URLSearchParams(search).get('article');
  return id && /^[a-z0-9-]{1,120}$/.test(id) ? id : null;
}
