/**
 * The messages of {@link ./messaging.ts}: their types and the validators their receivers run.
 * Add a message here (type, validator, and whether it is privileged) and the compiler asks for
 * its handler.
 */

import type { Candidate } from '@/core/corpus-resolve';
import type { CorpusArticle, ParagraphKind } from '@/core/corpus-schema';
import type { GlossaryEntry } from '@/core/glossary-format';
import { array, literal, number, object, string, type Validator } from '@/core/validate';

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

/** What the index says about one page block. */
export interface BlockMatchResult {
  candidates: Candidate[];
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

/** Messages to the background: from content scripts and the extension's pages. */
export interface Protocol {
  /** Liveness check; any part may send it. */
  ping: { params: { from: string }; return: { version: string; receivedFrom: string } };
  /** A content script reports its page's state (counts, recognised article). */
  reportPageState: { params: PageState; return: null };
  /** The popup asks what the content script of a tab last reported. Privileged. */
  getTabState: { params: { tabId: number }; return: (PageState & { reportedAt: number }) | null };
  /** Scores page blocks against the corpus; returns candidates and their paragraphs' English. */
  matchBlocks: {
    params: { texts: string[] };
    return: { results: BlockMatchResult[]; paragraphs: Record<string, ParagraphText> };
  };
  /** Finds glossary terms in page texts; returns hits, the entries they name and their articles' titles. */
  findTerms: {
    params: { texts: string[] };
    return: { hits: TermHit[][]; entries: GlossaryEntry[]; articleTitles: Record<string, { vi: string; en: string }> };
  };
  /** A whole corpus article, for the popup's reading view. */
  getArticle: { params: { articleId: string }; return: CorpusArticle | null };
}

export const PROTOCOL_PARAMS: { [K in keyof Protocol]: Validator<Protocol[K]['params']> } = {
  ping: object({ from: string({ max: 100 }) }),
  reportPageState: pageState,
  getTabState: object({ tabId: count }),
  matchBlocks: object({ texts: pageTexts }),
  findTerms: object({ texts: pageTexts }),
  getArticle: object({ articleId }),
};

/** Messages that read or change what belongs to other pages: extension pages only. */
export const PRIVILEGED: ReadonlySet<keyof Protocol> = new Set<keyof Protocol>(['getTabState']);

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
}

const noParams = object({}) as Validator<Record<string, never>>;

export const TAB_PROTOCOL_PARAMS: { [K in keyof TabProtocol]: Validator<TabProtocol[K]['params']> } = {
  getPageState: noParams,
  cycleViewMode: noParams,
  showTermAtCaret: noParams,
};
