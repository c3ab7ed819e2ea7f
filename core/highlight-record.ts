/**
 * A saved highlight, as stored, exported and imported, and the validator that guards every way a
 * highlight enters the database (a save from a page, an edit, an import).
 */

import { HIGHLIGHT_PAGE_URL, normalizePageUrl } from './page-url';
import { searchKey } from './search-key';
import { siteOfUrl } from './site';
import type { TextPositionSelector, TextQuoteSelector } from './text-anchor';
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
  validate,
  type Issue,
  type Validator,
} from './validate';

export const COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type Colour = (typeof COLOURS)[number];

/** What each colour means until the user renames it (options page). */
export const DEFAULT_COLOUR_MEANINGS: Record<Colour, string> = {
  yellow: 'Key point',
  green: 'New word',
  blue: 'Name or place',
  pink: 'Question',
  purple: 'Quote to remember',
};

/** When a highlight lies in a recognised corpus paragraph. */
export interface CorpusLink {
  articleId: string;
  paragraphIndex: number;
  /** That paragraph's English. */
  english: string;
  /**
   * The English sentence(s) aligned with the sentences the quote lies in (for a highlight on the
   * English, the English sentences it covers). Absent when the alignment does not reach the quote.
   */
  englishSentence?: string;
  /** Glossary terms inside the quote. */
  terms: { vi: string; en: string }[];
}

export interface HighlightRecord {
  id: string;
  /** The page, normalised (no fragment, no tracking parameters). */
  url: string;
  title: string;
  site: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  color: Colour;
  note: string;
  tags: string[];
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
  corpus: CorpusLink | null;
  /**
   * Where the quote is: absent for the page's own text, `english` for the English rendering of
   * the corpus paragraph named in `corpus` (its quote and position are in that English).
   */
  on?: 'english';
  /** The last visit could not place it on the page. */
  orphan: boolean;
}

/** Limits that keep one record, and one import, from exhausting the browser. */
export const LIMITS = {
  quote: 5_000,
  context: 200,
  title: 1_000,
  note: 10_000,
  tag: 60,
  tags: 30,
  english: 20_000,
  url: 4_096,
} as const;

const time = number({ int: true, min: 0, max: 8.64e15 });

/** A web page's URL, as records and drafts carry it. */
export const pageUrlValidator: Validator<string> = refine(
  string({ max: LIMITS.url, pattern: HIGHLIGHT_PAGE_URL, patternMessage: 'must be an http(s) URL' }),
  (v) => {
    try {
      new URL(v);
      return null;
    } catch {
      return 'is not a valid URL';
    }
  },
);

/** Field validators shared by stored records and the drafts pages send. */
const FIELDS = {
  url: pageUrlValidator,
  title: string({ max: LIMITS.title }),
  quote: object({
    exact: string({ min: 1, max: LIMITS.quote, nonBlank: true }),
    prefix: string({ max: LIMITS.context }),
    suffix: string({ max: LIMITS.context }),
  }),
  position: refine(object({ start: number({ int: true, min: 0 }), end: number({ int: true, min: 0 }) }), (p) =>
    p.end < p.start ? 'end comes before start' : null,
  ),
  color: literal(...COLOURS),
  note: string({ max: LIMITS.note }),
  tags: array(string({ min: 1, max: LIMITS.tag, nonBlank: true }), { max: LIMITS.tags }),
  corpus: nullable(
    object({
      articleId: string({ max: 120, pattern: /^[a-z0-9-]+$/, patternMessage: 'must be an article id' }),
      paragraphIndex: number({ int: true, min: 0, max: 100_000 }),
      english: string({ max: LIMITS.english }),
      englishSentence: optional(string({ max: LIMITS.english })),
      terms: array(object({ vi: string({ max: 200 }), en: string({ max: 200 }) }), { max: 500 }),
    }),
  ),
  on: optional(literal('english')),
};

/** A highlight's id: what the background mints (`h_` and 32 hex digits), or an imported one. */
export const highlightIdValidator: Validator<string> = string({
  pattern: /^[A-Za-z0-9_-]{8,64}$/,
  patternMessage: 'must be 8–64 letters, digits, _ or -',
});

/** A highlight on the English must say which paragraph's English. */
const englishHasParagraph = (h: { on?: 'english'; corpus: CorpusLink | null }) =>
  h.on === 'english' && !h.corpus ? 'a highlight on the English needs its corpus paragraph' : null;

export const highlightValidator: Validator<HighlightRecord> = refine(
  object({
    id: highlightIdValidator,
    site: string({ max: 253 }),
    createdAt: time,
    updatedAt: time,
    orphan: boolean,
    ...FIELDS,
  }),
  (h) => (h.updatedAt < h.createdAt ? 'updatedAt comes before createdAt' : englishHasParagraph(h)),
);

/** What a page sends to save a new highlight; the background adds id, site and times. */
export type HighlightDraft = Omit<HighlightRecord, 'id' | 'site' | 'createdAt' | 'updatedAt' | 'orphan'>;

export const highlightDraftValidator: Validator<HighlightDraft> = refine(object(FIELDS), englishHasParagraph);

/** What the popup may change on a saved highlight. */
export interface HighlightPatch {
  note?: string;
  color?: Colour;
  tags?: string[];
}

/**
 * Tags typed by the reader ("a, b," leaves an empty one) are cleaned by the background
 * (`cleanTags`), so a patch takes them raw, within size bounds.
 */
export const typedTagsValidator: Validator<string[]> = array(string({ max: 200 }), { max: 100 });

export const highlightPatchValidator: Validator<HighlightPatch> = object({
  note: optional(FIELDS.note),
  color: optional(FIELDS.color),
  tags: optional(typedTagsValidator),
});

export function validateHighlight(
  value: unknown,
  path = '',
): { ok: true; value: HighlightRecord } | { ok: false; issues: Issue[] } {
  return validate(highlightValidator, value, path);
}

/** The text a highlight is searched by: quote, note, title, tags and English, accent-folded. */
export function searchTextOf(
  h: Pick<HighlightRecord, 'quote' | 'note' | 'title' | 'tags' | 'corpus' | 'site'>,
): string {
  return searchKey([h.quote.exact, h.note, h.title, h.site, h.tags.join(' '), h.corpus?.english ?? ''].join(' \n '));
}

/** Cleans user-entered tags: trimmed, no leading #, no duplicates (ignoring case), no empties. */
export function cleanTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#+/, '').replace(/\s+/g, ' ');
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag.slice(0, LIMITS.tag));
    }
  }
  return out.slice(0, LIMITS.tags);
}

/** A fresh record's fields that the background fills in. */
export function newHighlight(fields: HighlightDraft, id: string, now: number): HighlightRecord {
  const url = normalizePageUrl(fields.url);
  return {
    ...fields,
    url,
    site: siteOfUrl(url),
    tags: cleanTags(fields.tags),
    id,
    createdAt: now,
    updatedAt: now,
    orphan: false,
  };
}
