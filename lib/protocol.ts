/**
 * The messages of {@link ./messaging.ts}: their types and the validators their receivers run.
 * Add a message here (type, validator, and whether it is privileged) and the compiler asks for
 * its handler.
 */

import type { Candidate } from '@/core/corpus-resolve';
import {
  userArticleValidator,
  type CorpusArticle,
  type ParagraphKind,
  type UserArticleDraft,
} from '@/core/corpus-schema';
import type { ArticleSummary } from '@/core/user-corpus';
import type { SentencePair } from '@/core/corpus-format';
import type { TitleMatch } from '@/core/title-match';
import type { TermClass } from '@/core/lexicon';
import type { LookupResult } from '@/core/lexicon-lookup';
import type { SpanAnswers } from '@/core/span-answers';
import type { SupplementEntry } from '@/core/supplement-format';
import type { GlossaryEntry } from '@/core/glossary-format';
import { highlightQueryValidator, type HighlightFacets, type HighlightQuery } from '@/core/highlight-query';
import {
  COLOURS,
  highlightDraftValidator,
  highlightIdValidator,
  highlightPatchValidator,
  LIMITS,
  typedTagsValidator,
  type Colour,
  type HighlightDraft,
  type HighlightPatch,
  type HighlightRecord,
} from '@/core/highlight-record';
import type { BackupMergePlan } from '@/core/backup-merge';
import type { HanSyllable } from '@/core/glossary-format';
import { lookupDraftValidator, type LookupDraft, type LookupEntry } from '@/core/lookup-history';
import { cardIdValidator, RATINGS, type ReviewRating } from '@/core/review-card';
import type { ReviewItem } from '@/core/review-face';
import { HIGHLIGHT_PAGE_URL } from '@/core/page-url';
import { ORIGIN_PATTERN } from '@/core/site';
import {
  hanValidator,
  headwordValidator,
  senseValidator,
  wordDraftValidator,
  type SavedWord,
  type WordDraft,
  type WordSense,
  type WordStatus,
} from '@/core/saved-word';
import {
  array,
  boolean,
  literal,
  nullable,
  number,
  object,
  optional,
  refine,
  string,
  type Validator,
} from '@/core/validate';

export type { HighlightFacets, HighlightQuery };

const url = string({ max: 8192, pattern: /^https?:\/\//, patternMessage: 'must be an http(s) URL' });
/** A page highlights belong to: an http(s) page or the reader page of an article. */
const highlightPageUrl = string({ max: 8192, pattern: HIGHLIGHT_PAGE_URL, patternMessage: 'must be an http(s) URL' });
const count = number({ int: true, min: 0 });
const articleId = string({ max: 120, pattern: /^[a-z0-9-]+$/, patternMessage: 'must be an article id' });
import { noParams, token, type PageParagraphs } from './tab-protocol';

import {
  MAX_ANALYSIS_CHARS,
  MAX_LOOKUP_CHARS,
  MAX_SPAN_CHARS,
  MAX_SPAN_TEXTS,
  TRANSFER_CHUNK_CHARS,
} from './message-limits';
const origin = string({ max: 300, pattern: ORIGIN_PATTERN, patternMessage: 'must be an http(s) origin' });

export { MAX_ANALYSIS_CHARS, MAX_LOOKUP_CHARS, TRANSFER_CHUNK_CHARS };

/** What a hover lookup finds: the words under the pointer with their entries (see core `lookupAt`). */
export type WordLookup = LookupResult<GlossaryEntry, SupplementEntry>;

/** A recognised corpus article and which of its paragraphs the page shows. */
export interface RecognisedArticle {
  id: string;
  paragraphs: number[];
}

/** What a content script knows about its page, published after every pass. */
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

/** A page's state as the background keeps it for the popup, with when it was reported. */
export type TabState = PageState & { reportedAt: number };

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
  /** The corpus article whose title the block reads like (its English is `paragraphs['<id>:title']`). */
  title?: TitleMatch;
}

/** A corpus paragraph's English, for rendering (or an article title's, kind `title`). */
export interface ParagraphText {
  en: string;
  kind: ParagraphKind | 'text' | 'title';
  /** The paragraph's Vietnamese as the corpus has it: its sentence spans are in it. */
  vi?: string;
  /** The paragraph's aligned sentence pairs, spans of `vi` and `en`. */
  sentences?: readonly SentencePair[];
}

/** A glossary term found in a text: [start, end) in that text, and the entry's id. */
export interface TermHit {
  start: number;
  end: number;
  entry: number;
  /** `name` or `term`: the reader chooses which are underlined (settings' termUnderline); a term when absent. */
  class?: TermClass;
}

export const EXPORT_FORMATS = ['json', 'markdown', 'csv', 'anki'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ImportResult =
  | { ok: true; added: number; updated: number; unchanged: number }
  | { ok: false; errors: string[] };

/** A recent delete that can still be undone (see the background's trash). */
export interface Deletion {
  undoId: string;
  deletedAt: number;
  count: number;
  quote: string;
}

/** Where the review queue stands: cards due now, and when the next falls due if none is. */
export interface DueCount {
  due: number;
  /** Milliseconds since the epoch; null when cards are due now or none is scheduled. */
  next: number | null;
}

/** A word's state as a page sees it: null status for a word neither saved nor marked known. */
export interface WordState {
  headword: string;
  status: WordStatus | null;
  saved: boolean;
}

/** How often a headword was looked up, and when last (null if never). */
export interface LookupCount {
  count: number;
  lastAt: number | null;
}

/** The review page's progress (see the background's progress-store.ts). */
export interface ReviewProgress {
  /** Reviews on each of the last 90 days, oldest first, today last. */
  reviewsPerDay: number[];
  /** Words known at the end of each of those days. */
  knownPerDay: number[];
  /** Over the last `days` days: reviews of cards in FSRS's review state, and how many were not Again. */
  retention: { reviews: number; passed: number; days: number };
  /** Days in a row with reviews, up to today. */
  streak: number;
  words: Record<WordStatus, number>;
  cards: number;
  due: number;
}

/** The words of the page in a tab, as the popup's "This page" counts them. */
export interface PageWords {
  /** Distinct words of the lexicon on the page. */
  words: number;
  /** Of those, how many the reader knows, and how many are being learnt. */
  known: number;
  learning: number;
}

export const BACKUP_EXPORTS = ['backup', 'anki-words'] as const;
export type BackupExport = (typeof BACKUP_EXPORTS)[number];

export type BackupImportResult = { ok: true; counts: BackupMergePlan['counts'] } | { ok: false; errors: string[] };

/** A prepared export: its text comes in `chunks` pieces through `exportChunk`. */
export interface PreparedExport {
  exportId: string;
  filename: string;
  mime: string;
  count: number;
  chunks: number;
}

/** A highlight waiting for its note, typed in the extension's own frame (see stageHighlight). */
export interface StagedHighlight {
  quote: string;
  color: Colour;
}

/** What an import of the reader's articles did: all of it, or nothing and why. */
export type ArticleImportResult =
  | { ok: true; added: number; replaced: number; ids: string[] }
  | { ok: false; errors: string[] };

/** Messages to the background: from content scripts and the extension's pages. */
export interface Protocol {
  /** A content script reports its page's state (counts, recognised article). */
  reportPageState: { params: PageState; return: null };
  /** The popup asks what the content script of a tab last reported. Privileged. */
  getTabState: { params: { tabId: number }; return: TabState | null };
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
  /**
   * The words under the pointer: `text` is a window of the page's text around it (at most
   * MAX_LOOKUP_CHARS), `offset` the hovered character in it. Null where no word of the lexicon is.
   * Offsets in the answer are in `text`.
   */
  lookupWord: { params: { text: string; offset: number }; return: WordLookup | null };
  /**
   * The hover answers of whole text nodes near the reader's view, read ahead so a hover is
   * answered in the page even when the background has stopped (see core/lookup-spans.ts).
   */
  lookupSpans: { params: { texts: string[] }; return: SpanAnswers<GlossaryEntry, SupplementEntry> };
  /** A popover's attribution link: opens the options page at its About section. */
  openAbout: { params: Record<string, never>; return: null };
  /** A whole corpus article, for the popup's reading view. */
  getArticle: { params: { articleId: string }; return: CorpusArticle | null };
  /**
   * Privileged (the library): the reader's highlights per article id: those inside its paragraphs
   * on any page, and those on its reader page.
   */
  countArticleHighlights: { params: Record<string, never>; return: Record<string, number> };
  /**
   * Privileged (the popup, after the browser granted the origin on the reader's click): reads the
   * site from now on, and at once in tab `tabId`. Returns the sites added.
   */
  addSite: { params: { origin: string; tabId: number | null }; return: string[] };
  /** Privileged (the options page): stops reading an added site and gives its permission back. */
  removeSite: { params: { origin: string }; return: string[] };
  /** The content script needs its floating UI: the background injects it into the sender's frame. */
  loadOverlay: { params: Record<string, never>; return: null };

  /** Saves a new highlight on the sender's page. */
  saveHighlight: { params: { draft: HighlightDraft }; return: HighlightRecord };
  /**
   * Holds a highlight of the sender's page until its note is written in the note editor, an
   * extension frame the page cannot read. Returns the token the frame is opened with.
   */
  stageHighlight: { params: { draft: HighlightDraft }; return: { token: string } };
  /** Privileged (the note editor): what a staged highlight quotes. */
  getStagedHighlight: { params: { token: string }; return: StagedHighlight };
  /** Privileged (the note editor): saves a staged highlight with its note, colour and tags. */
  commitStagedHighlight: {
    params: { token: string; note: string; color: Colour; tags: string[] };
    return: HighlightRecord;
  };
  /** Privileged (the note editor): drops a staged highlight. */
  discardStagedHighlight: { params: { token: string }; return: null };
  /** Privileged (the highlight card): one highlight, null when it no longer exists. */
  getHighlight: { params: { id: string }; return: HighlightRecord | null };
  /** Privileged (a frame of ours on a page: note editor, highlight card): close me. */
  closeFrame: { params: Record<string, never>; return: null };
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
  highlightFacets: { params: Record<string, never>; return: HighlightFacets };
  /** Privileged: edits a highlight's note, colour or tags. */
  updateHighlight: { params: { id: string; patch: HighlightPatch }; return: HighlightRecord };
  /** Privileged: deletes highlights, keeping them for undo; null when none existed. */
  deleteHighlights: { params: { ids: string[] }; return: Deletion | null };
  /** Privileged: the deletes that can still be undone, newest first. */
  listDeletions: { params: Record<string, never>; return: Deletion[] };
  /** Privileged: undoes a delete; returns how many highlights came back. */
  undoDeletion: { params: { undoId: string }; return: { restored: number } };
  /** Privileged: prepares an export of the highlights matching a query; its text comes in chunks. */
  exportHighlights: {
    params: { query: HighlightQuery; format: ExportFormat };
    return: { exportId: string; filename: string; mime: string; count: number; chunks: number };
  };
  /** Privileged: one chunk of a prepared export. */
  exportChunk: { params: { exportId: string; index: number }; return: string };
  /**
   * Privileged: one chunk of an export file's text to import. The last chunk imports the whole
   * file, all or nothing, and returns the result; earlier chunks return null.
   */
  importHighlights: {
    params: { importId: string; index: number; chunks: number; text: string };
    return: ImportResult | null;
  };
  /** Privileged: opens a highlight's page and flashes the highlight there. */
  openHighlight: { params: { id: string }; return: null };

  /**
   * Saves a word from a popover ("Save word", S), or adds the sentence to the word saved already.
   * Rate-limited per tab; from a page, the sentence's URL must be the page's own.
   *
   * `word.headword`: the headword as the lexicon gives it (one line, ≤ 100 characters).
   * `word.sense`: the chosen sense, `{pos, gloss, source: 'glossary' | 'supplement' | 'dictionary', entryKey}`.
   * `word.han`: the Hán syllable by syllable (`{syllable, char, gloss}`), or null.
   * `word.context`: `{sentence, start, end, url, title, english}`: the sentence, the word at
   * [start, end) in it, the page, and inside a corpus paragraph `{text, kind: 'sentence' | 'paragraph'}`
   * (the aligned English sentence, or the paragraph's English), else null.
   *
   * Returns the word as stored (every sentence it was saved from), its status, whether this was
   * its first save and whether the sentence was new to it.
   */
  saveWord: {
    params: { word: WordDraft };
    return: { word: SavedWord; status: WordStatus; created: boolean; added: boolean };
  };
  /**
   * Records that the reader looked a word up (a popover open for a second, or pinned): headword,
   * sentence, page URL (the page's own) and title. Not recorded when the lookup history is off,
   * or when it repeats the headword's last lookup in the same sentence within five minutes.
   * Returns whether it was recorded and the headword's lookup count ("looked up 3 times").
   */
  recordLookup: { params: LookupDraft; return: { recorded: boolean } & LookupCount };
  /**
   * "I know this" (`known: true`), or taking it back (`known: false`). A word not saved is kept
   * as a known word; its `sense` and `han`, when given, are kept with it. Marked words leave the
   * review queue. Returns the word's state afterwards.
   */
  markKnown: {
    params: { headword: string; known: boolean; sense?: WordSense | null; han?: HanSyllable[] | null };
    return: WordState;
  };
  /**
   * The statuses of a batch of headwords (at most 2,000), for colouring words on a page: only the
   * words saved or marked known appear in `statuses`; the others are unknown to the reader.
   */
  wordStatus: { params: { headwords: string[] }; return: { statuses: Record<string, WordStatus> } };
  /** How often one headword was looked up, and when last. */
  lookupCount: { params: { headword: string }; return: LookupCount };
  /** Every word saved or marked known, with its status: what a page colours when the reader asked for it. */
  listColouredWords: { params: Record<string, never>; return: { words: Record<string, WordStatus> } };

  /** Privileged: how many cards are due now (the popup's line, the review page). */
  countDue: { params: Record<string, never>; return: DueCount };
  /** Privileged: the first `limit` due cards, skipping those the page holds already, with the due count. */
  listDueCards: {
    params: { limit: number; exclude: string[] };
    return: { items: ReviewItem[] } & DueCount;
  };
  /** Privileged: rates a card (1 Again, 2 Hard, 3 Good, 4 Easy); returns the queue after it and the word's status. */
  rateCard: {
    params: { cardId: string; rating: ReviewRating };
    return: DueCount & { status: WordStatus | null };
  };
  /** Privileged: undoes the newest rating, which must be of `cardId`; returns that card to show again. */
  undoRating: { params: { cardId: string }; return: { item: ReviewItem | null } & DueCount };
  /** Privileged: reviews per day, retention and known words, in a zone `offsetMinutes` east of UTC. */
  readProgress: { params: { offsetMinutes: number }; return: ReviewProgress };
  /** Privileged: makes a card for every highlight (of one colour, or all) that has none. */
  addHighlightCards: { params: { color: Colour | null }; return: { added: number; total: number } };
  /** Privileged: the statuses of a page's words (the popup's "This page"), up to 20,000 headwords. */
  listWordStatuses: { params: { headwords: string[] }; return: { statuses: Record<string, WordStatus> } };
  /** Privileged: how many distinct words the page in a tab has, and how many the reader knows; null before it is read. */
  countPageWords: { params: { tabId: number }; return: PageWords | null };
  /** Privileged: turns reverse (English → Vietnamese) cards on or off, in the settings and the queue. */
  setReverseCards: { params: { enabled: boolean }; return: { changed: number } };
  /** Privileged: deletes a saved word, its cards and their review logs. */
  deleteWord: { params: { headword: string }; return: { deleted: boolean } };
  /** Privileged: the newest lookups. */
  listLookups: { params: { limit: number }; return: { items: LookupEntry[]; total: number } };
  /** Privileged: forgets the whole lookup history. */
  clearLookups: { params: Record<string, never>; return: null };
  /** Privileged: prepares the backup of everything (JSON) or the saved words for Anki; chunks through `exportChunk`. */
  exportBackup: { params: { format: BackupExport }; return: PreparedExport };
  /**
   * Privileged: one chunk of a backup file's text. The last chunk imports the whole file, all or
   * nothing, and returns the result; earlier chunks return null.
   */
  importBackup: {
    params: { importId: string; index: number; chunks: number; text: string };
    return: BackupImportResult | null;
  };

  /**
   * Privileged: every article, bundled and the reader's own, as summaries (id, title vi/en,
   * outlet, published, url, paragraph count, `user`).
   */
  listArticles: { params: Record<string, never>; return: ArticleSummary[] };
  /**
   * Privileged: one chunk of an import of the reader's articles; the text is JSON of the chosen
   * files as the options page read them, `[{name, articles}]`. The last chunk checks every article
   * again and imports all, or nothing, and returns the result; earlier chunks return null. An id of
   * the reader's article replaces it.
   */
  importArticles: {
    params: { importId: string; index: number; chunks: number; text: string };
    return: ArticleImportResult | null;
  };
  /**
   * Privileged ("Add an English version"): saves one new article of the reader's. An id in use
   * gets a numbered suffix; returns the id it was saved under.
   */
  saveArticle: { params: { article: UserArticleDraft }; return: { id: string } };
  /** Privileged: deletes one of the reader's articles. */
  deleteArticle: { params: { articleId: string }; return: { deleted: boolean } };
  /**
   * Privileged: prepares one of the reader's articles for its YAML file (`filename`, `mime`): the
   * chunks, through `exportChunk`, are the article's JSON, which the options page writes as YAML.
   */
  exportArticle: { params: { articleId: string }; return: PreparedExport };
  /** Privileged: the Vietnamese paragraphs the content script of a tab read; null if it has none. */
  getPageParagraphs: { params: { tabId: number }; return: PageParagraphs | null };
}

const chunkCount = number({ int: true, min: 1, max: 100 });

export const PROTOCOL_PARAMS: { [K in keyof Protocol]: Validator<Protocol[K]['params']> } = {
  reportPageState: pageState,
  getTabState: object({ tabId: count }),
  analyzeBlocks: object({ texts: array(string({ max: MAX_ANALYSIS_CHARS }), { max: 2000 }) }),
  getEntries: object({ ids: array(number({ int: true, min: 0 }), { max: 5000 }) }),
  getArticle: object({ articleId }),
  lookupWord: refine(
    object({ text: string({ min: 1, max: MAX_LOOKUP_CHARS }), offset: number({ int: true, min: 0 }) }),
    (p) => (p.offset < p.text.length ? null : `offset must be inside the text (${p.text.length} characters)`),
  ),
  lookupSpans: refine(
    object({ texts: array(string({ min: 1, max: MAX_SPAN_CHARS }), { max: MAX_SPAN_TEXTS }) }),
    (p) => {
      const chars = p.texts.reduce((n, t) => n + t.length, 0);
      return chars <= MAX_SPAN_CHARS ? null : `at most ${MAX_SPAN_CHARS} characters in all (${chars})`;
    },
  ),
  openAbout: noParams,
  countArticleHighlights: noParams,
  addSite: object({ origin, tabId: nullable(count) }),
  removeSite: object({ origin }),
  loadOverlay: noParams,
  saveHighlight: object({ draft: highlightDraftValidator }),
  stageHighlight: object({ draft: highlightDraftValidator }),
  getStagedHighlight: object({ token }),
  commitStagedHighlight: object({
    token,
    note: string({ max: LIMITS.note }),
    color: literal(...COLOURS),
    tags: typedTagsValidator,
  }),
  discardStagedHighlight: object({ token }),
  getHighlight: object({ id: highlightIdValidator }),
  closeFrame: noParams,
  pageHighlights: object({ url: highlightPageUrl }),
  reportAnchoring: object({
    url: highlightPageUrl,
    anchored: array(highlightIdValidator, { max: 10_000 }),
    orphaned: array(highlightIdValidator, { max: 10_000 }),
  }),
  takePendingFlash: noParams,
  listHighlights: object({
    query: highlightQueryValidator,
    cursor: nullable(string({ max: 200 })),
    limit: number({ int: true, min: 1, max: 500 }),
  }),
  highlightFacets: noParams,
  updateHighlight: object({ id: highlightIdValidator, patch: highlightPatchValidator }),
  deleteHighlights: object({ ids: array(highlightIdValidator, { min: 1, max: 100_000 }) }),
  listDeletions: noParams,
  undoDeletion: object({ undoId: string({ pattern: /^u_[0-9a-f-]{36}$/, patternMessage: 'must be an undo id' }) }),
  exportHighlights: object({ query: highlightQueryValidator, format: literal(...EXPORT_FORMATS) }),
  exportChunk: object({ exportId: token, index: number({ int: true, min: 0, max: 99 }) }),
  importHighlights: object({
    importId: token,
    index: number({ int: true, min: 0, max: 99 }),
    chunks: chunkCount,
    text: string({ max: TRANSFER_CHUNK_CHARS }),
  }),
  openHighlight: object({ id: highlightIdValidator }),
  saveWord: object({ word: wordDraftValidator }),
  recordLookup: lookupDraftValidator,
  markKnown: object({
    headword: headwordValidator,
    known: boolean,
    sense: optional(nullable(senseValidator)),
    han: optional(hanValidator),
  }),
  wordStatus: object({ headwords: array(headwordValidator, { max: 2_000 }) }),
  lookupCount: object({ headword: headwordValidator }),
  listColouredWords: noParams,
  countDue: noParams,
  listDueCards: object({
    limit: number({ int: true, min: 1, max: 100 }),
    exclude: array(cardIdValidator, { max: 500 }),
  }),
  rateCard: object({ cardId: cardIdValidator, rating: literal(...RATINGS) }),
  undoRating: object({ cardId: cardIdValidator }),
  readProgress: object({ offsetMinutes: number({ int: true, min: -24 * 60, max: 24 * 60 }) }),
  addHighlightCards: object({ color: nullable(literal(...COLOURS)) }),
  listWordStatuses: object({ headwords: array(headwordValidator, { max: 20_000 }) }),
  setReverseCards: object({ enabled: boolean }),
  countPageWords: object({ tabId: count }),
  deleteWord: object({ headword: headwordValidator }),
  listLookups: object({ limit: number({ int: true, min: 1, max: 1_000 }) }),
  clearLookups: noParams,
  exportBackup: object({ format: literal(...BACKUP_EXPORTS) }),
  importBackup: object({
    importId: token,
    index: number({ int: true, min: 0, max: 99 }),
    chunks: chunkCount,
    text: string({ max: TRANSFER_CHUNK_CHARS }),
  }),
  listArticles: noParams,
  importArticles: object({
    importId: token,
    index: number({ int: true, min: 0, max: 99 }),
    chunks: chunkCount,
    text: string({ max: TRANSFER_CHUNK_CHARS }),
  }),
  saveArticle: object({ article: userArticleValidator }),
  deleteArticle: object({ articleId }),
  exportArticle: object({ articleId }),
  getPageParagraphs: object({ tabId: count }),
};

/** Messages that read or change what belongs to other pages: extension pages only. */
export const PRIVILEGED: ReadonlySet<keyof Protocol> = new Set<keyof Protocol>([
  'countArticleHighlights',
  'addSite',
  'removeSite',
  'getTabState',
  'getStagedHighlight',
  'commitStagedHighlight',
  'discardStagedHighlight',
  'getHighlight',
  'closeFrame',
  'listHighlights',
  'highlightFacets',
  'updateHighlight',
  'deleteHighlights',
  'listDeletions',
  'undoDeletion',
  'exportHighlights',
  'exportChunk',
  'importHighlights',
  'openHighlight',
  'countDue',
  'listDueCards',
  'rateCard',
  'undoRating',
  'readProgress',
  'addHighlightCards',
  'listWordStatuses',
  'setReverseCards',
  'countPageWords',
  'deleteWord',
  'listLookups',
  'clearLookups',
  'exportBackup',
  'importBackup',
  'listArticles',
  'importArticles',
  'saveArticle',
  'deleteArticle',
  'exportArticle',
  'getPageParagraphs',
]);

export { TAB_PROTOCOL_PARAMS, VIEW_MODES, type TabProtocol, type ViewMode } from './tab-protocol';
export { MAX_PAGE_PARAGRAPHS, type PageParagraphs } from './tab-protocol';
