/**
 * The Highlights tab's state, in one reducer: the list on screen and the query it answers, the
 * stored copy it may start from, paging, the filters' facets, the deletes that can be undone, and
 * the last error. Pure: the component's effects send the messages and dispatch what comes back.
 *
 * Answers can arrive out of order (the reader types faster than the background answers), so
 * every first-page request has a generation, and an answer to any but the latest is dropped, with
 * its further pages.
 */

import type { HighlightFacets, HighlightQuery } from '@/core/highlight-query';
import type { HighlightRecord } from '@/core/highlight-record';
import { countOf, NOUNS } from '@/core/plural';
import type { Deletion } from '@/lib/protocol';

/** One page of the list as the background (or the stored copy) gives it. */
export interface ListPage {
  items: HighlightRecord[];
  next: string | null;
  total: number;
}

export interface ListState {
  /** What the reader asked for. */
  query: HighlightQuery;
  /** The query the rows and count on screen answer (null before anything is shown). */
  shown: HighlightQuery | null;
  items: HighlightRecord[];
  next: string | null;
  total: number | null;
  /** The rows are the background's answer, not the stored copy (which may be older). */
  live: boolean;
  /** The latest first-page request. */
  generation: number;
  /** A first page is on its way: no further page may be asked for until it has replaced the list. */
  loadingFirst: boolean;
  /** The cursor of the further page being fetched, so one page is never asked for twice. */
  paging: string | null;
  facets: HighlightFacets | null;
  deletions: Deletion[];
  error: string;
}

export type ListAction =
  | { type: 'query'; query: HighlightQuery }
  | { type: 'copy'; copy: ListPage }
  | { type: 'firstAsked'; generation: number }
  | { type: 'firstAnswered'; generation: number; query: HighlightQuery; page: ListPage }
  | { type: 'pageAsked'; cursor: string }
  | { type: 'pageAnswered'; generation: number; cursor: string; page: ListPage }
  | { type: 'failed'; generation: number; cursor: string | null; message: string }
  | { type: 'facets'; facets: HighlightFacets }
  | { type: 'deletions'; deletions: Deletion[] }
  | { type: 'updated'; record: HighlightRecord }
  | { type: 'removed'; ids: string[] }
  | { type: 'error'; message: string };

export const initialList: ListState = {
  query: {},
  shown: null,
  items: [],
  next: null,
  total: null,
  live: false,
  generation: 0,
  loadingFirst: false,
  paging: null,
  facets: null,
  deletions: [],
  error: '',
};

export function listReducer(state: ListState, action: ListAction): ListState {
  switch (action.type) {
    case 'query':
      return { ...state, query: action.query };
    case 'copy':
      // Only a head start: once anything has been asked of the background, the copy is too late.
      if (state.generation !== 0 || state.shown) return state;
      return { ...state, ...action.copy, shown: state.query, live: false };
    case 'firstAsked':
      return { ...state, generation: action.generation, loadingFirst: true };
    case 'firstAnswered':
      if (action.generation !== state.generation) return state;
      return {
        ...state,
        ...action.page,
        shown: action.query,
        live: true,
        loadingFirst: false,
        paging: null,
        error: '',
      };
    case 'pageAsked':
      return { ...state, paging: action.cursor };
    case 'pageAnswered':
      if (action.generation !== state.generation || action.cursor !== state.paging) return state;
      return { ...state, items: [...state.items, ...action.page.items], next: action.page.next, paging: null };
    case 'failed':
      if (action.generation !== state.generation) return state;
      return action.cursor === null
        ? { ...state, loadingFirst: false, error: action.message }
        : { ...state, paging: null, error: action.message };
    case 'facets':
      return { ...state, facets: action.facets };
    case 'deletions':
      return { ...state, deletions: action.deletions };
    case 'updated':
      return { ...state, items: state.items.map((h) => (h.id === action.record.id ? action.record : h)) };
    case 'removed': {
      const gone = new Set(action.ids);
      const items = state.items.filter((h) => !gone.has(h.id));
      const removed = state.items.length - items.length;
      return { ...state, items, total: state.total === null ? null : Math.max(0, state.total - removed) };
    }
    case 'error':
      return { ...state, error: action.message };
  }
}

/** Whether a further page may be asked for: it continues the background's own list for the query on screen. */
export function canPage(s: ListState): boolean {
  return s.next !== null && s.live && !s.loadingFirst && s.paging === null && s.shown === s.query;
}

/** The count line under the filters. */
export function countLine(s: ListState): string {
  if (s.total === null) return 'Loading…';
  if (s.shown !== s.query) return 'Searching…';
  const filtered = Object.keys(s.query).length > 0;
  return `${countOf(s.total, NOUNS.highlight)}${filtered ? ' found' : ''}`;
}
