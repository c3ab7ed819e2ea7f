/**
 * The messages of {@link ./messaging.ts}: their types and the validators their receivers run.
 * Add a message here (type, validator, and whether it is privileged) and the compiler asks for
 * its handler.
 */

import type { Candidate } from '@/core/corpus-resolve';
import type { CorpusArticle, ParagraphKind } from '@/core/corpus-schema';
import type { GlossaryEntry } from '@/core/glossary-format';
import {
  COLOURS,
  highlightDraftValidator,
  highlightPatchValidator,
  highlightValidator,
  type HighlightDraft,
  type HighlightPatch,
  type HighlightRecord,
} from '@/core/highlight-record';
import { array, boolean, literal, number, object, optional, string, type Validator } from '@/core/validate';

/**
 * The User Timing measure the content script records for each save, from the reader's click to
 * the committed record coming back (the benchmark reads it; so can DevTools' Performance panel).
 */
export const SAVE_MEASURE = 'song-ngu:save-highlight';

const url = string({ max: 8192, pattern: /^https?:\/\//, patternMessage: 'must be an http(s) URL' });
const count = number({ int: true, min: 0 });
const articleId = string({ max: 120, pattern: /^[a-z0-9-]+$/, patternMessage: 'must be an article id' });
/** Page texts sent for matching: bounded so one message cannot exhaust the background. */
const pageTexts = array(string({ max: 200_000 }), { max: 2000 });

/** A recognised corpus article and which of its paragraphs the page shows. */
export interface RecognisedArticle {
  id: string;
  paragraphs: number[];
}

/** What a content script knows about its page, reported after every pass. */
export interface PageState {
  url: string;
  title: string;
  state: 'scanning' | 'ready';
  matched: number;
  terms: number;
  highlights: number;
  orphans: number;
  articles: RecognisedArticle[];
}

const pageState: Validator<PageState> = object({
  url,
  title: string({ max: 2000 }),
  state: literal('scanning', 'ready'),
  matched: count,
  terms: count,
  highlights: count,
  orphans: count,
  articles: array(object({ id: articleId, paragraphs: array(count, { max: 10_000 }) }), { max: 100 }),
});

/** What the background found in one page block: corpus candidates and glossary terms. */
export interface BlockAnalysis {
  candidates: Candidate[];
  terms: TermHit[];
}

/** A corpus paragraph's English, for rendering. */
export interface ParagraphText {
  en: string;
  kind: ParagraphKind | 'text';
}

/** A glossary term found in a text: [start, end) in that text, and the entry's id. */
export interface TermHit {
  start: number;
  end: number;
  entry: number;
}

/** Which highlights a list or export is about (see HighlightStore). */
export interface HighlightQuery {
  search?: string;
  color?: (typeof COLOURS)[number];
  tag?: string;
  site?: string;
  url?: string;
  orphans?: boolean;
}

const highlightQuery: Validator<HighlightQuery> = object({
  search: optional(string({ max: 500 })),
  color: optional(literal(...COLOURS)),
  tag: optional(string({ max: 100 })),
  site: optional(string({ max: 253 })),
  url: optional(url),
  orphans: optional(boolean),
});

const highlightId = string({ pattern: /^[A-Za-z0-9_-]{8,64}$/, patternMessage: 'must be a highlight id' });

export const EXPORT_FORMATS = ['json', 'markdown', 'csv', 'anki'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ImportResult =
  | { ok: true; added: number; updated: number; unchanged: number }
  | { ok: false; errors: string[] };

/** Messages to the background: from content scripts and the extension's pages. */
export interface Protocol {
  /** Liveness check; any part may send it. */
  ping: { params: { from: string }; return: { version: string; receivedFrom: string } };
  /** A content script reports its page's state (counts, recognised article). */
  reportPageState: { params: PageState; return: null };
  /** The popup asks what the content script of a tab last reported. Privileged. */
  getTabState: { params: { tabId: number }; return: (PageState & { reportedAt: number }) | null };
  /**
   * Reads page blocks once for both jobs: scores them against the corpus and finds glossary
   * terms. Returns per block its candidates and term hits, and the candidates' English.
   */
  analyzeBlocks: {
    params: { texts: string[] };
    return: { results: BlockAnalysis[]; paragraphs: Record<string, ParagraphText> };
  };
  /** Glossary entries by id (for popovers), with the titles of the corpus articles they occur in. */
  getEntries: {
    params: { ids: number[] };
    return: { entries: GlossaryEntry[]; articleTitles: Record<string, { vi: string; en: string }> };
  };
  /** A whole corpus article, for the popup's reading view. */
  getArticle: { params: { articleId: string }; return: CorpusArticle | null };

  /** Saves a new highlight on the sender's page. */
  saveHighlight: { params: { draft: HighlightDraft }; return: HighlightRecord };
  /** The highlights of the sender's page, to anchor them. */
  pageHighlights: { params: { url: string }; return: HighlightRecord[] };
  /** Which of the sender's page's highlights were placed and which are orphans. */
  reportAnchoring: { params: { url: string; anchored: string[]; orphaned: string[] }; return: null };
  /** A highlight the popup asked to show on this tab, if any (it is then forgotten). */
  takePendingFlash: { params: Record<string, never>; return: string | null };

  /** Privileged: a page of highlights, newest first. */
  listHighlights: {
    params: { query: HighlightQuery; cursor: string | null; limit: number };
    return: { items: HighlightRecord[]; next: string | null; total: number };
  };
  /** Privileged: tags, sites and counts for the filters. */
  highlightFacets: {
    params: Record<string, never>;
    return: { total: number; orphans: number; tags: [string, number][]; sites: [string, number][] };
  };
  /** Privileged: edits a highlight's note, colour or tags. */
  updateHighlight: { params: { id: string; patch: HighlightPatch }; return: HighlightRecord };
  /** Privileged: deletes highlights, returning them for undo. */
  deleteHighlights: { params: { ids: string[] }; return: HighlightRecord[] };
  /** Privileged: puts deleted highlights back (undo). */
  restoreHighlights: { params: { highlights: HighlightRecord[] }; return: null };
  /** Privileged: exports the highlights matching a query. */
  exportHighlights: {
    params: { query: HighlightQuery; format: ExportFormat };
    return: { filename: string; mime: string; content: string; count: number };
  };
  /** Privileged: imports an exported JSON file's text, all or nothing. */
  importHighlights: { params: { text: string }; return: ImportResult };
  /** Privileged: opens a highlight's page and flashes the highlight there. */
  openHighlight: { params: { id: string }; return: null };
}

export const PROTOCOL_PARAMS: { [K in keyof Protocol]: Validator<Protocol[K]['params']> } = {
  ping: object({ from: string({ max: 100 }) }),
  reportPageState: pageState,
  getTabState: object({ tabId: count }),
  analyzeBlocks: object({ texts: pageTexts }),
  getEntries: object({ ids: array(number({ int: true, min: 0 }), { max: 5000 }) }),
  getArticle: object({ articleId }),
  saveHighlight: object({ draft: highlightDraftValidator }),
  pageHighlights: object({ url }),
  reportAnchoring: object({
    url,
    anchored: array(highlightId, { max: 10_000 }),
    orphaned: array(highlightId, { max: 10_000 }),
  }),
  takePendingFlash: object({}) as Validator<Record<string, never>>,
  listHighlights: object({
    query: highlightQuery,
    cursor: nullableCursor(),
    limit: number({ int: true, min: 1, max: 500 }),
  }),
  highlightFacets: object({}) as Validator<Record<string, never>>,
  updateHighlight: object({ id: highlightId, patch: highlightPatchValidator }),
  deleteHighlights: object({ ids: array(highlightId, { min: 1, max: 100_000 }) }),
  restoreHighlights: object({ highlights: array(highlightValidator, { max: 100_000 }) }),
  exportHighlights: object({ query: highlightQuery, format: literal(...EXPORT_FORMATS) }),
  importHighlights: object({ text: string({ max: 60_000_000 }) }),
  openHighlight: object({ id: highlightId }),
};

function nullableCursor(): Validator<string | null> {
  const cursor = string({ max: 200 });
  return (value, path, issues) => (value === null ? null : cursor(value, path, issues));
}

/** Messages that read or change what belongs to other pages: extension pages only. */
export const PRIVILEGED: ReadonlySet<keyof Protocol> = new Set<keyof Protocol>([
  'getTabState',
  'listHighlights',
  'highlightFacets',
  'updateHighlight',
  'deleteHighlights',
  'restoreHighlights',
  'exportHighlights',
  'importHighlights',
  'openHighlight',
]);

/** The reading modes of the bilingual view. */
export const VIEW_MODES = ['bilingual', 'original', 'english'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

/** Messages from the background to a tab's content script. */
export interface TabProtocol {
  /** Asks the content script for its page state now. */
  getPageState: { params: Record<string, never>; return: PageState };
  /** The keyboard shortcut: moves the page's site to the next reading mode. */
  cycleViewMode: { params: Record<string, never>; return: ViewMode };
  /** The keyboard shortcut: opens the popover of the glossary term at the caret or selection. */
  showTermAtCaret: { params: Record<string, never>; return: boolean };
  /** The keyboard shortcut and context menu: highlights the current selection. */
  highlightSelection: { params: Record<string, never>; return: boolean };
  /** The popup opened a highlight on this (already open) page: scroll to it and flash it. */
  flashHighlight: { params: { id: string }; return: boolean };
}

const noParams = object({}) as Validator<Record<string, never>>;

export const TAB_PROTOCOL_PARAMS: { [K in keyof TabProtocol]: Validator<TabProtocol[K]['params']> } = {
  getPageState: noParams,
  cycleViewMode: noParams,
  showTermAtCaret: noParams,
  highlightSelection: noParams,
  flashHighlight: object({ id: string({ max: 64 }) }),
};
