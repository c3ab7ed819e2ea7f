/**
 * Which highlights a list, an export or a filter is about, and the one newest-first order every
 * list of highlights uses (the popup, paging cursors, exports, grouping by page).
 */

import { COLOURS, type Colour } from './highlight-record';
import { searchMatcher } from './search-key';
import { boolean, literal, object, optional, string, type Validator } from './validate';

/** A query over the saved highlights. Absent fields match everything. */
export interface HighlightQuery {
  /** Words that must all start words of the quote, note, title, site, tags or English (accents ignored). */
  search?: string;
  color?: Colour;
  tag?: string;
  site?: string;
  /** A normalised page URL. */
  url?: string;
  /** true: only orphans; false: only highlights placed at the last visit. */
  orphans?: boolean;
}

export const highlightQueryValidator: Validator<HighlightQuery> = object({
  search: optional(string({ max: 500 })),
  color: optional(literal(...COLOURS)),
  tag: optional(string({ max: 100 })),
  site: optional(string({ max: 253 })),
  url: optional(string({ max: 8192, pattern: /^https?:\/\//, patternMessage: 'must be an http(s) URL' })),
  orphans: optional(boolean),
});

/** Tags, sites and counts over all highlights, for the popup's filters. */
export interface HighlightFacets {
  total: number;
  orphans: number;
  tags: [string, number][];
  sites: [string, number][];
}

/** What a query needs to know of a highlight. */
export interface QueryableHighlight {
  color: Colour;
  tags: readonly string[];
  site: string;
  url: string;
  orphan: boolean;
  /** The record's accent-folded search text (searchTextOf). */
  searchText: string;
}

/** True when a query has no filter at all (the plain newest-first list). */
export const isPlainQuery = (q: HighlightQuery): boolean =>
  !q.search && !q.color && !q.tag && !q.site && !q.url && q.orphans === undefined;

/** A predicate for one query, with its search words folded once. */
export function queryMatcher(q: HighlightQuery): (h: QueryableHighlight) => boolean {
  const search = q.search ? searchMatcher(q.search) : null;
  const tag = q.tag?.toLowerCase();
  return (h) => {
    if (q.color && h.color !== q.color) return false;
    if (tag && !h.tags.some((t) => t.toLowerCase() === tag)) return false;
    if (q.site && h.site !== q.site) return false;
    if (q.url && h.url !== q.url) return false;
    if (q.orphans !== undefined && h.orphan !== q.orphans) return false;
    return !search || search(h.searchText);
  };
}

/**
 * Newest first; highlights saved in the same millisecond by id, larger first, in code-unit order.
 * That tie rule is the one IndexedDB applies walking the createdAt index backwards (equal keys
 * come in descending primary-key order), so lists read from the index and lists sorted in memory
 * agree, and a paging cursor means the same thing to both.
 */
export function compareNewestFirst(
  a: { readonly createdAt: number; readonly id: string },
  b: { readonly createdAt: number; readonly id: string },
): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** A paging cursor: the last item shown, as `createdAt:id`. */
export const pageCursor = (h: { createdAt: number; id: string }): string => `${h.createdAt}:${h.id}`;

export function parsePageCursor(cursor: string | null): { createdAt: number; id: string } | null {
  if (!cursor) return null;
  const at = cursor.indexOf(':');
  const createdAt = Number(cursor.slice(0, at));
  return at > 0 && Number.isFinite(createdAt) ? { createdAt, id: cursor.slice(at + 1) } : null;
}
